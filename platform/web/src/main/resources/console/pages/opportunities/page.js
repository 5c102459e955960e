// Opportunities: the pipeline board by stage and a list, both from the console's views; edits go to the records API
// with the version read, so that a change someone else saved first is never overwritten.
import {el, card, notice, table, tabs, ApiError} from '/console/ui.js';

const STAGES = ['Prospecting', 'Engaging', 'Proposal', 'Negotiation', 'Won', 'Lost'];
const PAGE = 25;

export async function render(view, ctx) {
  const {t} = ctx;
  const mode = ctx.params[0] === 'list' ? 'list' : 'board';
  view.append(el('div', {class: 'page-head'}, el('div', {}, el('h1', {}, t('opportunities.title')))),
    tabs([{id: 'board', label: t('opportunities.board')}, {id: 'list', label: t('opportunities.list')}], mode,
      (id) => ctx.navigate(id === 'list' ? '#/opportunities/list' : '#/opportunities')));
  if (mode === 'list') {
    await list(view, ctx);
  } else {
    await board(view, ctx);
  }
}

function canEdit(ctx) {
  return ctx.hasRole('admin', 'manager', 'rep');
}

async function board(view, ctx) {
  const {t, format, query} = ctx;
  const q = query.get('q') || '';
  const params = new URLSearchParams({perStage: 20});
  if (q) params.set('q', q);
  const data = await ctx.api(`web/pipeline?${params}`);
  const editable = canEdit(ctx);
  const message = el('div', {id: 'board-message'});

  const columns = data.stages.map((stage) => {
    const column = el('section', {class: 'column', dataset: {stage: stage.stage}},
      el('header', {}, el('h3', {}, t(`stage.${stage.stage}`)),
        el('span', {class: 'sum'}, Number(stage.value) > 0
          ? t('opportunities.columnSum', {n: format.number(stage.count), value: format.compact(stage.value)})
          : format.number(stage.count))),
      stage.items.map((item) => dealCard(item, ctx, editable, message)),
      stage.count > stage.items.length ? el('p', {class: 'more'}, el('a', {
        href: `#/opportunities/list?stage=${encodeURIComponent(stage.stage)}`}, t('opportunities.more', {n: format.number(stage.count - stage.items.length)}))) : null);
    if (editable) {
      column.addEventListener('dragover', (e) => { e.preventDefault(); column.classList.add('drop'); });
      column.addEventListener('dragleave', () => column.classList.remove('drop'));
      column.addEventListener('drop', async (e) => {
        e.preventDefault();
        column.classList.remove('drop');
        const item = JSON.parse(e.dataTransfer.getData('application/json'));
        if (item.stage !== stage.stage) {
          await save(ctx, item, {stage: stage.stage}, message);
        }
      });
    }
    return column;
  });

  const search = el('input', {type: 'search', value: q, placeholder: t('opportunities.search'), 'aria-label': t('opportunities.search')});
  view.append(
    el('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
      e.preventDefault();
      ctx.navigate(search.value.trim() ? `#/opportunities?q=${encodeURIComponent(search.value.trim())}` : '#/opportunities');
    }}, search, el('button', {type: 'submit', class: 'secondary'}, t('app.search'))),
    message,
    el('div', {class: 'board', id: 'board'}, columns));
}

function dealCard(item, ctx, editable, message) {
  const {t, format} = ctx;
  const node = el('button', {type: 'button', class: 'deal', draggable: editable ? 'true' : null, dataset: {id: item.id, code: item.code || ''},
    onclick: () => edit(ctx, item, message)},
  el('span', {class: 'account'}, item.accountName || t('opportunities.noAccount')),
  el('span', {class: 'meta'}, [item.code, item.productName].filter(Boolean).join(' · ')),
  item.value != null ? el('span', {class: 'value'}, format.money(item.value)) : null,
  el('span', {class: 'meta'}, [item.ownerName, format.date(item.closeDate || item.engageDate)].filter(Boolean).join(' · ')));
  if (editable) {
    node.addEventListener('dragstart', (e) => e.dataTransfer.setData('application/json', JSON.stringify(item)));
  }
  return node;
}

async function list(view, ctx) {
  const {t, format, query} = ctx;
  const q = query.get('q') || '';
  const stage = query.get('stage') || '';
  const sort = query.get('sort') || '-value';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const params = new URLSearchParams({sort, offset, limit: PAGE});
  if (q) params.set('q', q);
  if (stage) params.set('stage', stage);
  const page = await ctx.api(`web/opportunities?${params}`);
  const message = el('div', {id: 'list-message'});

  const go = (changes) => {
    const next = new URLSearchParams({q, stage, sort, offset});
    Object.entries(changes).forEach(([k, v]) => next.set(k, v));
    [...next.keys()].forEach((k) => { if (next.get(k) === '') next.delete(k); });
    ctx.navigate(`#/opportunities/list?${next}`);
  };
  const search = el('input', {type: 'search', id: 'opportunity-search', value: q, placeholder: t('opportunities.search'),
    'aria-label': t('opportunities.search')});
  const stages = el('select', {'aria-label': t('opportunities.stage'), onchange: (e) => go({stage: e.target.value, offset: 0})},
    el('option', {value: ''}, t('opportunities.allStages')),
    STAGES.map((s) => el('option', {value: s, selected: s === stage}, t(`stage.${s}`))));
  const to = page.offset + page.items.length;
  view.append(card(null,
    el('form', {class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); go({q: search.value.trim(), offset: 0}); }},
      search, stages, el('button', {type: 'submit', class: 'secondary'}, t('app.search'))),
    message,
    page.items.length ? table([
      {key: 'accountName', label: t('opportunities.account'), sort: 'accountName', render: (r) => r.accountName || '–'},
      {key: 'code', label: t('opportunities.code'), sort: 'code'},
      {key: 'stage', label: t('opportunities.stage'), sort: 'stage', render: (r) => el('span', {class: `badge ${r.stage}`}, t(`stage.${r.stage}`))},
      {key: 'productName', label: t('opportunities.product')},
      {key: 'ownerName', label: t('opportunities.owner'), sort: 'ownerName'},
      {key: 'closeDate', label: t('opportunities.closeDate'), sort: 'closeDate', render: (r) => format.date(r.closeDate)},
      {key: 'value', label: t('opportunities.value'), sort: 'value', class: 'num', render: (r) => format.money(r.value)},
    ], page.items, {className: 'cards', sort, onSort: (s) => go({sort: s, offset: 0}), onRow: (r) => edit(ctx, r, message)})
      : notice(t('opportunities.none')),
    el('div', {class: 'pager'},
      el('span', {}, t('app.range', {from: format.number(page.total ? page.offset + 1 : 0), to: format.number(to), total: format.number(page.total)})),
      el('button', {type: 'button', class: 'secondary', disabled: page.offset === 0, onclick: () => go({offset: Math.max(0, page.offset - PAGE)})}, t('app.previous')),
      el('button', {type: 'button', class: 'secondary', disabled: to >= page.total, onclick: () => go({offset: page.offset + PAGE})}, t('app.next')))));
}

/** Opens the edit dialog of an opportunity; read-only for roles that may not change records. */
function edit(ctx, item, message) {
  const {t} = ctx;
  const editable = canEdit(ctx);
  const stage = el('select', {name: 'stage', id: 'edit-stage', disabled: !editable},
    STAGES.map((s) => el('option', {value: s, selected: s === item.stage}, t(`stage.${s}`))));
  const value = el('input', {name: 'value', id: 'edit-value', type: 'number', step: '0.01', min: '0', value: item.value ?? '', disabled: !editable});
  const closeDate = el('input', {name: 'closeDate', id: 'edit-close', type: 'date', value: item.closeDate || '', disabled: !editable});
  const error = el('div', {id: 'edit-error', hidden: true});
  const dialog = el('dialog', {id: 'edit-dialog', onclose: () => dialog.remove()});
  const form = el('form', {method: 'dialog', onsubmit: async (e) => {
    if (!editable || e.submitter?.value !== 'save') return;
    e.preventDefault();
    const changes = {stage: stage.value, closeDate: closeDate.value || null, value: value.value === '' ? null : Number(value.value)};
    const ok = await save(ctx, item, changes, error);
    if (ok) dialog.close();
  }},
  el('h2', {}, `${item.accountName || ''} ${item.code ? `· ${item.code}` : ''}`),
  el('p', {class: 'sub'}, [item.productName, item.ownerName].filter(Boolean).join(' · ')),
  el('label', {}, t('opportunities.stage'), stage),
  el('label', {}, t('opportunities.value'), value),
  el('label', {}, t('opportunities.closeDate'), closeDate),
  editable ? null : notice(t('opportunities.readOnly'), 'warn'),
  error,
  el('div', {class: 'actions'},
    el('button', {type: 'submit', value: 'cancel', class: 'secondary', formnovalidate: true}, t('app.cancel')),
    editable ? el('button', {type: 'submit', value: 'save', class: 'primary', id: 'edit-save'}, t('app.save')) : null));
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
}

/**
 * Saves changes with the version that was read. A conflict (409) means someone else saved first: nothing is
 * overwritten, and the message offers to reload their version.
 */
async function save(ctx, item, changes, target) {
  const {t} = ctx;
  try {
    await ctx.api(`opportunities/${encodeURIComponent(item.id)}`, {
      method: 'PATCH', headers: {'If-Match': `"${item.version}"`}, body: changes});
    ctx.refresh();
    return true;
  } catch (err) {
    let text;
    if (err instanceof ApiError && err.status === 409) text = t('opportunities.conflict');
    else if (err instanceof ApiError && err.status === 403) text = t('opportunities.forbidden');
    else if (err instanceof ApiError && err.status === 422) text = t('opportunities.invalid', {detail: err.message});
    else text = t('error.generic', {detail: err.message});
    const reload = err instanceof ApiError && err.status === 409
      ? el('button', {type: 'button', class: 'secondary', id: 'conflict-reload', onclick: () => {
        document.querySelectorAll('dialog').forEach((d) => d.close());
        ctx.refresh();
      }}, t('opportunities.reload')) : null;
    const box = el('div', {class: 'notice error', role: 'alert', id: 'save-error'}, el('span', {}, text), ' ', reload);
    target.replaceChildren(box);
    target.hidden = false;
    return false;
  }
}
