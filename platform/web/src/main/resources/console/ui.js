// Small helpers shared by the console and its pages: DOM building without HTML strings, formatting by language,
// icons, the API client and the chart loader.

const ICONS = {
  home: 'M3 11l9-8 9 8v9a1 1 0 0 1-1 1h-5v-6h-6v6H4a1 1 0 0 1-1-1z',
  users: 'M16 11a4 4 0 1 0-4-4 4 4 0 0 0 4 4zM8 12a3 3 0 1 0-3-3 3 3 0 0 0 3 3zm8 2c-3 0-7 1.5-7 4v2h14v-2c0-2.5-4-4-7-4zM8 14c-.4 0-.9 0-1.4.1C4.6 14.4 1 15.4 1 17.5V20h6v-2c0-1.5.8-2.8 2.1-3.7A9 9 0 0 0 8 14z',
  funnel: 'M3 4h18l-7 8v6l-4 2v-8z',
  upload: 'M12 3l5 5h-3v6h-4V8H7zm-8 14h16v4H4z',
  settings: 'M12 8a4 4 0 1 0 4 4 4 4 0 0 0-4-4zm9 5.5v-3l-2.6-.6a7 7 0 0 0-.8-1.9l1.4-2.3-2.1-2.1-2.3 1.4a7 7 0 0 0-1.9-.8L12.5 2h-3l-.6 2.6a7 7 0 0 0-1.9.8L4.7 4l-2.1 2.1L4 8.4a7 7 0 0 0-.8 1.9L.5 10.5v3l2.7.6a7 7 0 0 0 .8 1.9l-1.4 2.3 2.1 2.1 2.3-1.4a7 7 0 0 0 1.9.8l.6 2.7h3l.6-2.7a7 7 0 0 0 1.9-.8l2.3 1.4 2.1-2.1-1.4-2.3a7 7 0 0 0 .8-1.9z',
  chart: 'M4 20V10h3v10zm6 0V4h3v16zm6 0v-7h3v7z',
  heart: 'M12 21l-1.5-1.4C5 14.7 2 12 2 8.5A4.5 4.5 0 0 1 6.5 4 5 5 0 0 1 12 6.6 5 5 0 0 1 17.5 4 4.5 4.5 0 0 1 22 8.5c0 3.5-3 6.2-8.5 11.1z',
  list: 'M4 6h2v2H4zm4 0h12v2H8zm-4 5h2v2H4zm4 0h12v2H8zm-4 5h2v2H4zm4 0h12v2H8z',
  menu: 'M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z',
  logout: 'M10 17l1.4-1.4-2.6-2.6H20v-2H8.8l2.6-2.6L10 7l-5 5zM4 5h7V3H4a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7v-2H4z',
};

const SVG = 'http://www.w3.org/2000/svg';

/** Returns an inline SVG icon by name; unknown names give the list icon. */
export function icon(name) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'icon');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', ICONS[name] || ICONS.list);
  svg.append(path);
  return svg;
}

/**
 * Builds an element: el('a', {href: '#/x', class: 'link', onclick: fn}, 'text', child). Text is always set as text,
 * never parsed as HTML, so data from records cannot inject markup.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (value === true) {
      node.setAttribute(key, '');
    } else {
      node.setAttribute(key, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Formats numbers, money and dates in the console's language. */
export function formats(lang) {
  const locale = lang === 'zh-CN' ? 'zh-CN' : 'en-GB';
  const plain = new Intl.NumberFormat(locale, {maximumFractionDigits: 0});
  const decimal = new Intl.NumberFormat(locale, {maximumFractionDigits: 2});
  const compact = new Intl.NumberFormat(locale, {notation: 'compact', maximumFractionDigits: 1});
  const percent = new Intl.NumberFormat(locale, {style: 'percent', maximumFractionDigits: 1});
  const date = new Intl.DateTimeFormat(locale, {year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC'});
  const dateTime = new Intl.DateTimeFormat(locale, {
    year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC'});
  const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v));
  return {
    number: (v) => (num(v) === null ? '–' : plain.format(num(v))),
    decimal: (v) => (num(v) === null ? '–' : decimal.format(num(v))),
    money: (v) => (num(v) === null ? '–' : plain.format(num(v))),
    compact: (v) => (num(v) === null ? '–' : compact.format(num(v))),
    percent: (v) => (num(v) === null ? '–' : percent.format(num(v))),
    date: (v) => (v ? date.format(new Date(v)) : '–'),
    dateTime: (v) => (v ? dateTime.format(new Date(v)) : '–'),
  };
}

/** A failed API call, with the problem document's title, detail and field. */
export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * Makes the API client of a session: JSON in and out, the bearer token on every call, problem documents turned
 * into ApiError. onUnauthorized runs when the token is no longer accepted.
 */
export function apiClient(getToken, onUnauthorized) {
  return async function api(path, options = {}) {
    const headers = Object.assign({Accept: 'application/json'}, options.headers || {});
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    let body = options.body;
    if (body !== undefined && !(body instanceof Blob) && !(body instanceof ArrayBuffer) && typeof body !== 'string') {
      body = JSON.stringify(body);
      headers['Content-Type'] = headers['Content-Type'] || 'application/json';
    }
    const response = await fetch(path.startsWith('/') ? path : `/api/v1/${path}`, {
      method: options.method || 'GET', headers, body, signal: options.signal,
    });
    if (response.status === 401 && token && !options.quiet401) {
      onUnauthorized();
    }
    if (!response.ok) {
      let problem = null;
      try { problem = await response.json(); } catch (e) { /* not a problem document */ }
      throw new ApiError(response.status, problem);
    }
    if (options.raw) return response;
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    return type.includes('json') ? response.json() : response.text();
  };
}

let chartsLoading = null;

/** Loads Apache ECharts once, when a page first needs it, and returns it. */
export function loadCharts() {
  if (!chartsLoading) {
    chartsLoading = new Promise((resolve, reject) => {
      if (window.echarts) { resolve(window.echarts); return; }
      const script = el('script', {src: '/console/lib/echarts/dist/echarts.min.js', async: true});
      script.addEventListener('load', () => resolve(window.echarts));
      script.addEventListener('error', () => { chartsLoading = null; reject(new Error('ECharts did not load')); });
      document.head.append(script);
    });
  }
  return chartsLoading;
}

/** Draws a chart into a container and keeps it sized to it; returns the chart. */
export function chart(echarts, container, option) {
  const instance = echarts.init(container, null, {renderer: 'canvas'});
  instance.setOption(option);
  const observer = new ResizeObserver(() => instance.resize());
  observer.observe(container);
  return instance;
}

/** Escapes text for the few chart labels that ECharts renders as HTML (tooltips). */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

/** A card with a title and content, the building block of every page. */
export function card(title, ...content) {
  return el('section', {class: 'card'}, title ? el('h2', {}, title) : null, ...content);
}

/** A message for an empty list or a failed load. */
export function notice(text, kind = 'info') {
  return el('p', {class: `notice ${kind}`, role: kind === 'error' ? 'alert' : null}, text);
}

/** A table from column definitions: [{key, label, render?, sort?, class?}] and rows. */
export function table(columns, rows, options = {}) {
  const head = el('tr', {}, columns.map((column) => {
    const sortable = options.onSort && column.sort;
    const active = options.sort && options.sort.replace(/^-/, '') === column.sort;
    const arrow = active ? (options.sort.startsWith('-') ? ' ▼' : ' ▲') : '';
    return el('th', {class: column.class, scope: 'col', 'aria-sort': active ? (options.sort.startsWith('-') ? 'descending' : 'ascending') : null},
      sortable
        ? el('button', {class: 'sort', type: 'button', dataset: {sort: column.sort},
          onclick: () => options.onSort(active && !options.sort.startsWith('-') ? `-${column.sort}` : column.sort)},
        column.label + arrow)
        : column.label);
  }));
  const body = el('tbody', {}, rows.map((row) => el('tr', {
    class: options.onRow ? 'clickable' : null,
    tabindex: options.onRow ? 0 : null,
    onclick: options.onRow ? () => options.onRow(row) : null,
    onkeydown: options.onRow ? (e) => { if (e.key === 'Enter') options.onRow(row); } : null,
  }, columns.map((column) => el('td', {class: column.class, 'data-label': column.label},
    column.render ? column.render(row) : (row[column.key] ?? '–'))))));
  return el('div', {class: 'table-wrap'}, el('table', {class: options.className || ''}, el('thead', {}, head), body));
}

/** Tabs over the page: [{id, label}]; onSelect runs with the id. */
export function tabs(items, active, onSelect) {
  return el('nav', {class: 'tabs', role: 'tablist'}, items.map((item) => el('button', {
    type: 'button', role: 'tab', class: item.id === active ? 'tab active' : 'tab',
    'aria-selected': item.id === active ? 'true' : 'false', dataset: {tab: item.id},
    onclick: () => onSelect(item.id),
  }, item.label)));
}
