// AI tasks: run a card, read its facts and checks, sign the output off; managers see the team's figures.
import {el, card, notice, table} from '/console/ui.js';

export const messages = {
  en: {
    'ai.title': 'AI tasks',
    'ai.run': 'Run a task',
    'ai.card': 'Task card',
    'ai.start': 'Run',
    'ai.running': 'Gathering facts and writing…',
    'ai.output': 'Output',
    'ai.confirm': 'Confirm before use',
    'ai.checks': 'Checks',
    'ai.facts': 'Facts and the queries behind them',
    'ai.adopt': 'Adopt',
    'ai.edit': 'Save my edit',
    'ai.discard': 'Discard',
    'ai.reason': 'Why discard it?',
    'ai.signedOff': 'Signed off: {state} by {who}',
    'ai.failed': 'The model provider failed; the run is kept with its facts.',
    'ai.again': 'Write again with the built-in provider',
    'ai.recent': 'Recent runs',
    'ai.when': 'Started',
    'ai.who': 'By',
    'ai.state': 'Sign-off',
    'ai.passed': 'Checks',
    'ai.none': 'No runs yet.',
    'ai.team': 'Team view (last 30 days)',
    'ai.person': 'Person',
    'ai.runs': 'Runs',
    'ai.perDay': 'Per day',
    'ai.repShare': 'Started by rep',
    'ai.adoption': 'Adoption',
    'ai.clarity': 'Card clarity',
    'ai.alert': 'Alert → first run (min)',
    'ai.ok': 'passed',
    'ai.notOk': 'failed',
  },
  'zh-CN': {
    'ai.title': 'AI 任务',
    'ai.run': '运行任务',
    'ai.card': '任务卡',
    'ai.start': '运行',
    'ai.running': '正在收集事实并生成…',
    'ai.output': '输出',
    'ai.confirm': '使用前请确认',
    'ai.checks': '检查',
    'ai.facts': '事实及其查询',
    'ai.adopt': '采纳',
    'ai.edit': '保存修改',
    'ai.discard': '弃用',
    'ai.reason': '弃用原因？',
    'ai.signedOff': '已签核：{state}（{who}）',
    'ai.failed': '模型服务失败；运行记录及其事实已保留。',
    'ai.again': '用内置模板重新生成',
    'ai.recent': '最近的运行',
    'ai.when': '开始时间',
    'ai.who': '运行人',
    'ai.state': '签核',
    'ai.passed': '检查',
    'ai.none': '还没有运行记录。',
    'ai.team': '团队视图（近 30 天）',
    'ai.person': '人员',
    'ai.runs': '运行次数',
    'ai.perDay': '每天',
    'ai.repShare': '销售自发比例',
    'ai.adoption': '采纳率',
    'ai.clarity': '任务卡清晰度',
    'ai.alert': '预警到首次运行（分钟）',
    'ai.ok': '通过',
    'ai.notOk': '未通过',
  },
};

// Inputs and editors take the console's look: full width, the line and radius of its other fields.
const FIELD = 'width:100%;box-sizing:border-box;padding:8px 10px;border:1px solid var(--line);border-radius:8px;'
  + 'font:inherit;background:var(--panel);color:var(--text)';

export async function render(view, ctx) {
  const {t, api, lang} = ctx;
  const zh = lang.startsWith('zh');
  const cards = await api('ai/cards');
  const runId = ctx.params[0];
  view.append(el('div', {class: 'page-head'}, el('h1', {}, t('ai.title'))));
  view.append(runForm(ctx, cards, zh));
  if (runId) view.append(await runView(ctx, await api(`ai/runs/${encodeURIComponent(runId)}`), cards));
  const runs = await api('ai/runs?limit=20');
  view.append(card(t('ai.recent'), runs.length ? table([
    {key: 'startedAt', label: t('ai.when'), render: (r) => ctx.format.dateTime(r.startedAt)},
    {key: 'cardId', label: t('ai.card'), render: (r) => {
      const named = cards.find((c) => c.id === r.cardId);
      return named ? (zh ? named.nameZh : named.nameEn) : r.cardId;
    }},
    {key: 'userName', label: t('ai.who')},
    {key: 'signOff', label: t('ai.state')},
    {key: 'passed', label: t('ai.passed'), render: (r) => (r.passed ? t('ai.ok') : t('ai.notOk'))},
  ], runs, {onRow: (r) => ctx.navigate(`#/ai/${r.id}`)}) : notice(t('ai.none'))));
  if (ctx.hasRole('manager', 'admin')) view.append(await teamView(ctx));
}

function runForm(ctx, cards, zh) {
  const {t} = ctx;
  const select = el('select', {'aria-label': t('ai.card'), style: FIELD},
    cards.map((c) => el('option', {value: c.id}, zh ? c.nameZh : c.nameEn)));
  const fields = el('div', {class: 'form'});
  const status = el('p', {class: 'sub'});
  const showInputs = () => {
    fields.replaceChildren(el('label', {}, t('ai.card'), select));
    const chosen = cards.find((c) => c.id === select.value);
    chosen.inputs.forEach((input) => fields.append(el('label', {}, input.name,
      input.kind === 'text'
        ? el('textarea', {name: input.name, rows: 3, required: input.required, style: FIELD})
        : el('input', {name: input.name, value: input.defaultValue || '', required: input.required, style: FIELD}))));
  };
  select.addEventListener('change', showInputs);
  showInputs();
  const form = el('form', {onsubmit: async (e) => {
    e.preventDefault();
    const inputs = {};
    fields.querySelectorAll('input, textarea').forEach((f) => { if (f.value.trim()) inputs[f.name] = f.value.trim(); });
    status.textContent = t('ai.running');
    try {
      const run = await ctx.api('ai/runs', {method: 'POST', body: {card: select.value, inputs, language: ctx.lang, trigger: 'rep'}});
      ctx.navigate(`#/ai/${run.id}`);
    } catch (error) {
      if (error.problem && error.problem.runId) ctx.navigate(`#/ai/${error.problem.runId}`);
      status.textContent = error.message;
    }
  }}, fields, el('div', {class: 'toolbar', style: 'margin-top:12px'},
    el('button', {type: 'submit', class: 'primary'}, t('ai.start'))), status);
  return card(t('ai.run'), form);
}

async function runView(ctx, run, cards) {
  const {t} = ctx;
  const named = cards.find((c) => c.id === run.cardId);
  const title = named ? (ctx.lang.startsWith('zh') ? named.nameZh : named.nameEn) : run.cardId;
  const section = card(`${title} · ${ctx.format.dateTime(run.startedAt)}`);
  if (run.status === 'failed') {
    section.append(notice(`${t('ai.failed')} ${run.error}`, 'error'),
      el('button', {type: 'button', onclick: async () => {
        await ctx.api(`ai/runs/${run.id}/regenerate`, {method: 'POST', body: {provider: 'grounded'}});
        ctx.refresh();
      }}, t('ai.again')));
  }
  const items = run.output.items;
  const editors = items.map((item) => Object.fromEntries(Object.entries(item).map(([field, value]) =>
    [field, el('textarea', {
      rows: Math.max(1, Math.ceil(String(value).length / 110)), 'aria-label': field, style: FIELD,
      disabled: run.signOff !== 'pending'}, value)])));
  items.forEach((item, i) => section.append(el('div', {class: 'card', style: 'display:grid;gap:8px;margin-top:12px'},
    el('strong', {}, `${i + 1}.`),
    Object.keys(item).map((field) => el('label', {style: 'display:grid;gap:4px;color:var(--muted);font-size:.85rem'},
      field, editors[i][field])))));
  if (run.output.confirmations.length) {
    section.append(el('h3', {}, t('ai.confirm')), el('ul', {}, run.output.confirmations.map((c) => el('li', {}, c))));
  }
  section.append(el('h3', {}, t('ai.checks')), el('ul', {}, run.checks.map((c) =>
    el('li', {class: c.passed ? 'ok' : 'error'}, `${c.check}: ${c.passed ? t('ai.ok') : t('ai.notOk')} – ${c.detail}`))));
  if (run.signOff !== 'pending') {
    section.append(notice(t('ai.signedOff', {state: run.signOff, who: run.signedBy})));
    if (run.diff) section.append(el('pre', {}, run.diff));
  } else if (run.status === 'done') {
    const reason = el('input', {placeholder: t('ai.reason'), 'aria-label': t('ai.reason'), style: FIELD + ';width:auto'});
    const signOff = async (body) => {
      await ctx.api(`ai/runs/${run.id}/sign-off`, {method: 'POST', body});
      ctx.refresh();
    };
    const edited = () => editors.map((item) => Object.fromEntries(Object.entries(item).map(([f, area]) => [f, area.value])));
    section.append(el('div', {class: 'toolbar'},
      el('button', {type: 'button', class: 'primary', onclick: () => signOff({decision: 'adopt'})}, t('ai.adopt')),
      el('button', {type: 'button', class: 'secondary', onclick: () => signOff({decision: 'edit', items: edited()})}, t('ai.edit')),
      reason,
      el('button', {type: 'button', class: 'danger', onclick: () => signOff({decision: 'discard', reason: reason.value})}, t('ai.discard'))));
  }
  section.append(el('details', {}, el('summary', {}, t('ai.facts')), table([
    {key: 'subject', label: 'subject'}, {key: 'key', label: 'key'}, {key: 'value', label: 'value'}, {key: 'query', label: 'query'},
  ], run.facts)));
  return section;
}

async function teamView(ctx) {
  const {t} = ctx;
  const metrics = await ctx.api('ai/metrics?days=30');
  const pct = (v) => (v === null || v === undefined ? '–' : `${Math.round(v * 100)}%`);
  const teams = (metrics.teams || []).map((team) => Object.assign({}, team, {userName: '[' + (team.name ?? '–') + ']'}));
  const rows = [...metrics.people, ...teams, Object.assign({userName: '∑'}, metrics.team)];
  return card(t('ai.team'), table([
    {key: 'userName', label: t('ai.person')},
    {key: 'runs', label: t('ai.runs'), class: 'num'},
    {key: 'runsPerDay', label: t('ai.perDay'), class: 'num'},
    {key: 'repShare', label: t('ai.repShare'), class: 'num', render: (r) => pct(r.repShare)},
    {key: 'adoptionRate', label: t('ai.adoption'), class: 'num', render: (r) => pct(r.adoptionRate)},
    {key: 'clarity', label: t('ai.clarity'), class: 'num', render: (r) => r.clarity ?? '–'},
    {key: 'medianMinutesFromAlertToFirstAction', label: t('ai.alert'), class: 'num', render: (r) => r.medianMinutesFromAlertToFirstAction ?? '–'},
  ], rows), el('p', {class: 'sub'}, metrics.clarityDefinition[ctx.lang] || metrics.clarityDefinition.en));
}
