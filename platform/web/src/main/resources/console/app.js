// The console's frame: sign-in, the layout with the menu that modules contribute to, the language switch and the
// hash router that loads each page's module on demand.
import {el, icon, formats, apiClient, loadCharts, notice, ApiError} from './ui.js';

const TOKEN_KEY = 'sellcraft.token';
const LANG_KEY = 'sellcraft.lang';
const LANGUAGES = [{id: 'en', label: 'English'}, {id: 'zh-CN', label: '中文'}];
const MENU_REFRESH_MS = 5000;

const state = {
  lang: initialLanguage(),
  messages: {},
  pageMessages: {},
  menu: null,
  user: null,
  modules: new Map(),
  renderCount: 0,
  menuSignature: '',
};

const api = apiClient(() => sessionStorage.getItem(TOKEN_KEY), () => signOut(true));

function initialLanguage() {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

async function loadMessages(lang) {
  if (!state.messages[lang]) {
    const response = await fetch(`/console/i18n/${lang}.json`);
    state.messages[lang] = await response.json();
  }
}

/** Returns the label for a key in the current language, with {name} placeholders filled in. */
export function t(key, values) {
  const lookup = (lang) => (state.pageMessages[lang] || {})[key] ?? (state.messages[lang] || {})[key];
  let text = lookup(state.lang) ?? lookup('en') ?? key;
  if (values) {
    text = text.replace(/\{(\w+)\}/g, (match, name) => (values[name] ?? match));
  }
  return text;
}

function label(labels) {
  return (labels && (labels[state.lang] || labels.en)) || '';
}

async function setLanguage(lang) {
  state.lang = lang;
  localStorage.setItem(LANG_KEY, lang);
  await loadMessages(lang);
  document.documentElement.lang = lang;
  if (state.user) {
    renderFrame();
    route();
  } else {
    renderLogin();
  }
}

function languageSwitch() {
  return el('select', {class: 'lang', id: 'lang', 'aria-label': t('app.language'),
    onchange: (e) => setLanguage(e.target.value)},
  LANGUAGES.map((l) => el('option', {value: l.id, selected: l.id === state.lang}, l.label)));
}

// ---- Sign-in ----

function renderLogin(message) {
  document.body.dataset.view = 'login';
  document.body.dataset.ready = 'true';
  document.title = `${t('login.title')} · Sellcraft`;
  const error = el('p', {class: 'notice error', id: 'login-error', role: 'alert', hidden: !message}, message || '');
  const user = el('input', {id: 'userName', name: 'userName', autocomplete: 'username', required: true});
  const password = el('input', {id: 'password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true});
  const submit = el('button', {type: 'submit', class: 'primary', id: 'login-submit'}, t('login.submit'));
  const form = el('form', {class: 'login-card', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    try {
      const session = await api('auth/login', {method: 'POST', body: {userName: user.value, password: password.value}});
      sessionStorage.setItem(TOKEN_KEY, session.token);
      await start();
    } catch (err) {
      error.textContent = err instanceof ApiError && err.status === 401 ? t('login.failed') : t('error.generic', {detail: err.message});
      error.hidden = false;
      submit.disabled = false;
    }
  }},
  el('div', {class: 'login-brand'}, el('img', {src: '/console/icon.svg', alt: ''}), el('span', {}, 'Sellcraft')),
  el('h1', {}, t('login.title')),
  el('label', {for: 'userName'}, t('login.userName')), user,
  el('label', {for: 'password'}, t('login.password')), password,
  error, submit,
  el('div', {class: 'login-lang'}, el('label', {for: 'lang'}, t('app.language')), languageSwitch()));
  document.getElementById('app').replaceChildren(el('main', {class: 'login'}, form));
  user.focus();
}

async function signOut(expired) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  sessionStorage.removeItem(TOKEN_KEY);
  state.user = null;
  state.menu = null;
  if (token && !expired) {
    try {
      await fetch('/api/v1/auth/logout', {method: 'POST', headers: {Authorization: `Bearer ${token}`}});
    } catch (e) { /* signed out locally either way */ }
  }
  renderLogin(expired ? t('login.expired') : null);
}

// ---- Frame and menu ----

async function start() {
  const menu = await api('web/menu');
  applyMenu(menu);
  renderFrame();
  if (!location.hash || location.hash === '#' || location.hash === '#/') {
    const first = state.menu.items[0];
    history.replaceState(null, '', first ? `#/${first.id}` : '#/');
  }
  await route();
}

function applyMenu(menu) {
  state.menu = menu;
  state.user = menu.user;
  state.menuSignature = JSON.stringify(menu.items.map((item) => [item.id, item.script, item.labels]));
}

function roleNames(user) {
  return user.roles.map((role) => t(`role.${role}`)).join(', ');
}

function renderFrame() {
  const nav = el('nav', {class: 'menu', id: 'menu', 'aria-label': t('app.menu')});
  const main = el('main', {class: 'content', id: 'view'});
  const header = el('header', {class: 'topbar'},
    el('button', {type: 'button', class: 'menu-toggle', id: 'menu-toggle', 'aria-controls': 'menu',
      'aria-label': t('app.menu'), onclick: () => document.body.classList.toggle('menu-open')}, icon('menu')),
    el('a', {class: 'brand', href: '#/'}, el('img', {src: '/console/icon.svg', alt: ''}), el('span', {}, 'Sellcraft')),
    el('div', {class: 'spacer'}),
    el('div', {class: 'who', id: 'who'},
      el('span', {class: 'who-name', id: 'user-name'}, state.user.displayName),
      el('span', {class: 'who-role', id: 'user-roles'}, roleNames(state.user))),
    languageSwitch(),
    el('button', {type: 'button', class: 'icon-button', id: 'sign-out', title: t('app.signOut'),
      'aria-label': t('app.signOut'), onclick: () => signOut(false)}, icon('logout')));
  const scrim = el('div', {class: 'scrim', onclick: () => document.body.classList.remove('menu-open')});
  document.getElementById('app').replaceChildren(header, el('div', {class: 'body'}, nav, scrim, main));
  renderMenu();
}

function renderMenu() {
  const nav = document.getElementById('menu');
  if (!nav) return;
  const current = currentRoute().id;
  nav.replaceChildren(el('ul', {}, state.menu.items.map((item) => el('li', {},
    el('a', {href: `#/${item.id}`, class: item.id === current ? 'active' : null, dataset: {page: item.id},
      onclick: () => document.body.classList.remove('menu-open')},
    icon(item.icon), el('span', {}, label(item.labels)))))));
}

/** Keeps the menu in step with the modules installed right now; a page that went away is closed. */
async function refreshMenu() {
  if (!state.user || document.hidden) return;
  try {
    const menu = await api('web/menu');
    const signature = JSON.stringify(menu.items.map((item) => [item.id, item.script, item.labels]));
    if (signature !== state.menuSignature) {
      applyMenu(menu);
      renderMenu();
      const {id} = currentRoute();
      if (id && !menu.items.some((item) => item.id === id)) {
        await route();
      }
    }
  } catch (e) {
    // The next refresh tries again; a lost session is handled by the API client.
  }
}

// ---- Router ----

function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return {id: parts[0] || '', params: parts.slice(1), query: new URLSearchParams(query || '')};
}

async function loadModule(item) {
  if (!state.modules.has(item.script)) {
    state.modules.set(item.script, import(item.script));
  }
  try {
    return await state.modules.get(item.script);
  } catch (e) {
    state.modules.delete(item.script);
    throw e;
  }
}

async function route() {
  if (!state.user) return;
  const ticket = ++state.renderCount;
  const {id, params, query} = currentRoute();
  const view = document.getElementById('view');
  document.body.dataset.ready = 'false';
  document.body.dataset.view = id;
  renderMenu();
  const item = state.menu.items.find((entry) => entry.id === id);
  if (!item) {
    document.title = 'Sellcraft';
    view.replaceChildren(el('div', {class: 'page'}, notice(t('app.pageMissing'), 'warn')));
    document.body.dataset.ready = 'true';
    return;
  }
  document.title = `${label(item.labels)} · Sellcraft`;
  const page = el('div', {class: 'page', id: `page-${item.id}`});
  view.replaceChildren(page);
  page.append(el('p', {class: 'loading'}, t('app.loading')));
  try {
    const module = await loadModule(item);
    state.pageMessages = module.messages || {};
    if (ticket !== state.renderCount) return;
    const ctx = context(item, params, query, () => ticket === state.renderCount);
    const fresh = el('div', {class: 'page', id: `page-${item.id}`});
    await module.render(fresh, ctx);
    if (ticket !== state.renderCount) return;
    view.replaceChildren(fresh);
    document.body.dataset.ready = 'true';
    performance.mark(`view-ready:${item.id}`);
  } catch (err) {
    if (ticket !== state.renderCount) return;
    const detail = err instanceof ApiError ? err.message : String(err.message || err);
    const text = err instanceof ApiError && err.status === 403 ? t('error.forbidden')
      : err instanceof ApiError && err.status === 404 ? t('error.notFound') : t('error.generic', {detail});
    view.replaceChildren(el('div', {class: 'page'}, notice(text, 'error')));
    document.body.dataset.ready = 'true';
  }
}

/** What a page gets to work with. */
function context(item, params, query, isCurrent) {
  return {
    api, t, el, params, query, isCurrent,
    lang: state.lang,
    user: state.user,
    roles: state.menu.roles,
    format: formats(state.lang),
    loadCharts,
    hasRole: (...roles) => roles.some((role) => state.user.roles.includes(role)),
    hasPage: (id) => state.menu.items.some((entry) => entry.id === id),
    navigate: (hash) => { location.hash = hash; },
    refresh: () => route(),
    label: (labels) => label(labels),
  };
}

// ---- Start ----

window.addEventListener('hashchange', () => route());
setInterval(refreshMenu, MENU_REFRESH_MS);
document.addEventListener('visibilitychange', refreshMenu);

(async () => {
  await Promise.all([loadMessages('en'), loadMessages(state.lang)]);
  document.documentElement.lang = state.lang;
  if (sessionStorage.getItem(TOKEN_KEY)) {
    try {
      await start();
      return;
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
    }
  }
  renderLogin();
})();
