// Import: pick a file, pick or adjust the column mapping, watch the job's progress, read its summary and download
// the rejection report. Everything goes through /api/v1/imports.
import {el, card, notice, table, ApiError} from '/console/ui.js';

const POLL_MS = 250;
const PREVIEW_BYTES = 64 * 1024;

export async function render(view, ctx) {
  const {t} = ctx;
  const [mappings, jobs] = await Promise.all([ctx.api('imports/mappings'), ctx.api('imports')]);
  const state = {file: null, header: [], mapping: null, changed: false};

  const fileInput = el('input', {type: 'file', id: 'import-file', accept: '.csv,.gz,.xlsx,.txt'});
  const mappingSelect = el('select', {id: 'import-mapping'},
    el('option', {value: ''}, t('import.chooseMapping')),
    mappings.map((m) => el('option', {value: m.name}, `${m.name} — ${m.recordType}`)));
  const strict = el('input', {type: 'checkbox', id: 'import-strict'});
  const mappingView = el('div', {id: 'mapping-view'});
  const start = el('button', {type: 'button', class: 'primary', id: 'import-start', disabled: true}, t('import.start'));
  const progressView = el('div', {id: 'import-progress'});

  const refreshMapping = () => {
    state.mapping = mappings.find((m) => m.name === mappingSelect.value) || null;
    state.changed = false;
    mappingView.replaceChildren(state.mapping ? mappingTable(state, ctx) : notice(t('import.pickMapping')));
    start.disabled = !(state.file && state.mapping);
  };
  fileInput.addEventListener('change', async () => {
    state.file = fileInput.files[0] || null;
    state.header = state.file ? await readHeader(state.file) : [];
    const suggested = suggest(mappings, state.header);
    if (suggested && !mappingSelect.value) mappingSelect.value = suggested.name;
    refreshMapping();
  });
  mappingSelect.addEventListener('change', refreshMapping);
  start.addEventListener('click', async () => {
    start.disabled = true;
    try {
      await run(state, strict.checked, progressView, ctx);
    } finally {
      start.disabled = !(state.file && state.mapping);
    }
  });
  refreshMapping();

  view.append(
    el('div', {class: 'page-head'}, el('div', {}, el('h1', {}, t('import.title')), el('p', {class: 'sub'}, t('import.intro')))),
    el('div', {class: 'steps'},
      card(t('import.step1'), el('div', {class: 'form'},
        el('label', {}, t('import.file'), fileInput),
        el('label', {}, t('import.mapping'), mappingSelect),
        el('label', {class: 'inline'}, el('span', {}, strict, ' ', t('import.strict'))))),
      card(t('import.step2'), mappingView),
      card(t('import.step3'), el('div', {class: 'toolbar'}, start), progressView),
      card(t('import.recent'), recent(jobs, ctx))));
}

/** Reads the first line of a CSV file (gzip too, where the browser can inflate it) to show its columns. */
async function readHeader(file) {
  try {
    let blob = file.slice(0, PREVIEW_BYTES);
    if (file.name.toLowerCase().endsWith('.gz') && 'DecompressionStream' in window) {
      const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
      const reader = stream.getReader();
      const {value} = await reader.read();
      reader.cancel();
      blob = new Blob([value || new Uint8Array()]);
    } else if (file.name.toLowerCase().endsWith('.xlsx')) {
      return [];
    }
    const text = new TextDecoder('utf-8').decode(await blob.arrayBuffer()).replace(/^\uFEFF/, '');
    const line = text.split(/\r\n|\n|\r/)[0] || '';
    return parseCsvLine(line).map((c) => c.trim()).filter(Boolean);
  } catch (e) {
    return [];
  }
}

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
  }
  cells.push(cell);
  return cells;
}

/** The mapping whose columns the file's header has most of. */
function suggest(mappings, header) {
  if (!header.length) return null;
  let best = null;
  let bestScore = 0;
  for (const mapping of mappings) {
    const columns = new Set(mapping.fields.map((f) => f.column).filter(Boolean));
    const found = [...columns].filter((c) => header.includes(c)).length;
    const score = columns.size ? found / columns.size : 0;
    if (score > bestScore) { best = mapping; bestScore = score; }
  }
  return bestScore >= 0.5 ? best : null;
}

function mappingTable(state, ctx) {
  const {t} = ctx;
  const header = state.header;
  const rows = state.mapping.fields.map((field, index) => ({field, index}));
  const columnCell = ({field, index}) => {
    if (!field.column) {
      return el('span', {class: 'sub'}, field.constant != null ? t('import.constant', {value: field.constant})
        : field.template ? t('import.template', {value: field.template}) : t('import.computed'));
    }
    if (!header.length) return field.column;
    const select = el('select', {dataset: {field: field.field}, onchange: (e) => {
      state.mapping = structuredClone(state.mapping);
      state.mapping.fields[index] = Object.assign({}, field, {column: e.target.value});
      state.changed = true;
    }},
    header.includes(field.column) ? null : el('option', {value: field.column, selected: true}, `${field.column} (${t('import.notInFile')})`),
    header.map((c) => el('option', {value: c, selected: c === field.column}, c)));
    return select;
  };
  const used = new Set(state.mapping.fields.map((f) => f.column).filter(Boolean));
  const ignored = header.filter((c) => !used.has(c));
  return el('div', {},
    el('p', {class: 'sub'}, state.mapping.description || ''),
    table([
      {key: 'field', label: t('import.field'), render: ({field}) => `${field.field}${field.required ? ' *' : ''}`},
      {key: 'column', label: t('import.column'), render: columnCell},
      {key: 'format', label: t('import.format'), render: ({field}) => field.reference ? t('import.reference', {type: field.reference}) : (field.format || 'text')},
    ], rows, {className: 'mapping'}),
    header.length ? el('p', {class: 'sub', id: 'ignored-columns'}, ignored.length ? t('import.ignored', {columns: ignored.join(', ')}) : t('import.allUsed'))
      : notice(t('import.noPreview')));
}

/** Uploads the file, then polls the job until it ends, drawing the progress bar and the summary. */
async function run(state, strict, target, ctx) {
  const {t, format} = ctx;
  const bar = el('i');
  const text = el('span', {id: 'progress-text'}, t('import.uploading', {percent: 0}));
  const rate = el('span', {id: 'progress-rate'}, '');
  target.replaceChildren(el('div', {class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, id: 'progress-bar'}, bar),
    el('div', {class: 'progress-text'}, text, rate));

  let job;
  try {
    job = await upload(state, strict, (percent) => {
      bar.style.width = `${percent}%`;
      text.textContent = t('import.uploading', {percent: Math.round(percent)});
    });
  } catch (err) {
    target.replaceChildren(notice(t('import.failed', {detail: err.message}), 'error'));
    return;
  }
  while (job.state === 'RUNNING') {
    bar.style.width = `${job.percent}%`;
    bar.parentElement.setAttribute('aria-valuenow', Math.round(job.percent));
    text.textContent = t('import.progress', {percent: Math.round(job.percent), rows: format.number(job.rowsRead)});
    rate.textContent = t('import.rate', {rate: format.number(job.rowsPerSecond)});
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    job = await ctx.api(`imports/${encodeURIComponent(job.id)}`);
  }
  bar.style.width = '100%';
  bar.parentElement.setAttribute('aria-valuenow', 100);
  text.textContent = t('import.progress', {percent: 100, rows: format.number(job.rowsRead)});
  rate.textContent = t('import.rate', {rate: format.number(job.rowsPerSecond)});
  target.append(summary(job, ctx));
}

function upload(state, strict, onProgress) {
  const params = new URLSearchParams({fileName: state.file.name});
  const headers = {'Content-Type': 'application/octet-stream'};
  if (state.changed) {
    headers['X-Import-Mapping'] = JSON.stringify(state.mapping);
  } else {
    params.set('mapping', state.mapping.name);
  }
  if (strict) params.set('strict', 'true');
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/imports?${params}`);
    xhr.setRequestHeader('Authorization', `Bearer ${sessionStorage.getItem('sellcraft.token')}`);
    Object.entries(headers).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.addEventListener('progress', (e) => { if (e.lengthComputable) onProgress((100 * e.loaded) / e.total); });
    xhr.addEventListener('load', () => {
      let body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { /* not JSON */ }
      if (xhr.status === 202) resolve(body);
      else reject(new ApiError(xhr.status, body));
    });
    xhr.addEventListener('error', () => reject(new Error('network')));
    xhr.send(state.file);
  });
}

function summary(job, ctx) {
  const {t, format} = ctx;
  const count = (id, label, value) => el('div', {id}, el('b', {}, format.number(value)), label);
  const ok = job.state === 'DONE';
  return el('div', {class: 'steps', id: 'import-summary', dataset: {state: job.state}},
    notice(ok ? t('import.done', {seconds: format.decimal((new Date(job.finishedAt) - new Date(job.startedAt)) / 1000)})
      : t('import.failed', {detail: job.error || job.state}), ok ? 'ok' : 'error'),
    el('div', {class: 'counts'},
      count('count-read', t('import.rowsRead'), job.rowsRead),
      count('count-inserted', t('import.inserted'), job.inserted),
      count('count-updated', t('import.updated'), job.updated),
      count('count-unchanged', t('import.unchanged'), job.unchanged),
      count('count-rejected', t('import.rejected'), job.rejected)),
    job.ignoredColumns && job.ignoredColumns.length ? el('p', {class: 'sub'}, t('import.ignored', {columns: job.ignoredColumns.join(', ')})) : null,
    job.rejected ? el('div', {},
      table([
        {key: 'line', label: t('import.line'), class: 'num'},
        {key: 'column', label: t('import.column')},
        {key: 'value', label: t('import.value')},
        {key: 'reason', label: t('import.reason')},
      ], job.rejections || [], {className: 'cards'}),
      el('div', {class: 'toolbar'}, el('button', {type: 'button', class: 'secondary', id: 'download-rejections',
        onclick: () => download(job, ctx)}, t('import.download')))) : null);
}

/** Fetches the rejection report with the session's token and hands it to the browser as a file. */
async function download(job, ctx) {
  const response = await ctx.api(`imports/${encodeURIComponent(job.id)}/rejections`, {raw: true, headers: {Accept: 'text/csv'}});
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', {href: url, download: `rejections-${job.id}.csv`});
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function recent(jobs, ctx) {
  const {t, format} = ctx;
  if (!jobs.length) return notice(t('import.noJobs'));
  const rows = [...jobs].sort((a, b) => String(b.startedAt).localeCompare(String(a.startedAt))).slice(0, 10);
  return table([
    {key: 'fileName', label: t('import.file')},
    {key: 'mapping', label: t('import.mapping')},
    {key: 'state', label: t('import.state'), render: (r) => t(`import.state.${r.state}`)},
    {key: 'rowsRead', label: t('import.rowsRead'), class: 'num', render: (r) => format.number(r.rowsRead)},
    {key: 'rejected', label: t('import.rejected'), class: 'num', render: (r) => format.number(r.rejected)},
    {key: 'startedAt', label: t('import.started'), render: (r) => format.dateTime(r.startedAt)},
  ], rows, {className: 'cards'});
}
