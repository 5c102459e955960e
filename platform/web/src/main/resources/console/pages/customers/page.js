// Customers: a searchable, sortable, paged list from /api/v1/accounts, and the customer page from
// /api/v1/web/customers/{id} with its orders, products, opportunities, activities and health.
import {el, card, chart, notice, table} from '/console/ui.js';

const PAGE = 25;

export async function render(view, ctx) {
  if (ctx.params.length) {
    await customer(view, ctx, ctx.params[0]);
  } else {
    await list(view, ctx);
  }
}

async function list(view, ctx) {
  const {t, format, query} = ctx;
  const q = query.get('q') || '';
  const sort = query.get('sort') || 'name';
  const offset = Math.max(0, Number(query.get('offset')) || 0);
  const params = new URLSearchParams({sort, offset, limit: PAGE});
  if (q) params.set('name.contains', q);
  const page = await ctx.api(`accounts?${params}`);

  const go = (changes) => {
    const next = new URLSearchParams({q, sort, offset});
    Object.entries(changes).forEach(([k, v]) => next.set(k, v));
    if (!next.get('q')) next.delete('q');
    ctx.navigate(`#/customers?${next}`);
  };
  const search = el('input', {type: 'search', id: 'customer-search', value: q, placeholder: t('customers.search'),
    'aria-label': t('customers.search')});
  const form = el('form', {class: 'toolbar', role: 'search', onsubmit: (e) => {
    e.preventDefault();
    go({q: search.value.trim(), offset: 0});
  }}, search, el('button', {type: 'submit', class: 'secondary'}, t('app.search')));

  const columns = [
    {key: 'name', label: t('customers.name'), sort: 'name'},
    {key: 'code', label: t('customers.code'), sort: 'code'},
    {key: 'industry', label: t('customers.industry'), sort: 'industry'},
    {key: 'country', label: t('customers.country'), sort: 'country'},
    {key: 'employees', label: t('customers.employees'), sort: 'employees', class: 'num',
      render: (row) => format.number(row.employees)},
  ];
  const from = page.total ? page.offset + 1 : 0;
  const to = page.offset + page.items.length;
  view.append(
    el('div', {class: 'page-head'}, el('div', {}, el('h1', {}, t('customers.title')),
      el('p', {class: 'sub', id: 'customer-total'}, t('customers.total', {n: format.number(page.total)})))),
    card(null, form,
      page.items.length
        ? table(columns, page.items, {className: 'cards', sort, onSort: (s) => go({sort: s, offset: 0}),
          onRow: (row) => ctx.navigate(`#/customers/${encodeURIComponent(row.id)}`)})
        : notice(t('customers.none')),
      el('div', {class: 'pager'},
        el('span', {id: 'customer-range'}, t('app.range', {from: format.number(from), to: format.number(to), total: format.number(page.total)})),
        el('button', {type: 'button', class: 'secondary', id: 'page-prev', disabled: page.offset === 0,
          onclick: () => go({offset: Math.max(0, page.offset - PAGE)})}, t('app.previous')),
        el('button', {type: 'button', class: 'secondary', id: 'page-next', disabled: to >= page.total,
          onclick: () => go({offset: page.offset + PAGE})}, t('app.next')))));
}

async function customer(view, ctx, id) {
  const {t, format} = ctx;
  const [data, echarts] = await Promise.all([ctx.api(`web/customers/${encodeURIComponent(id)}`), ctx.loadCharts()]);
  const account = data.account;
  const summary = data.summary;

  view.append(
    el('div', {class: 'page-head'},
      el('div', {},
        el('p', {class: 'sub'}, el('a', {href: '#/customers'}, `← ${t('customers.title')}`)),
        el('h1', {id: 'customer-name'}, account.name),
        el('p', {class: 'sub'}, [account.code, account.industry, account.country].filter(Boolean).join(' · ')))),
    el('div', {class: 'kpis'},
      kpi(t('customer.revenue'), format.money(summary.revenue)),
      kpi(t('customer.orders'), format.number(summary.orders)),
      kpi(t('customer.firstOrder'), format.date(summary.firstOrderAt)),
      kpi(t('customer.lastOrder'), format.date(summary.lastOrderAt)),
      kpi(t('customer.opportunities'), format.number(data.opportunities.length))));

  const months = el('div', {class: 'chart', id: 'chart-customer-months'});
  const grid = el('div', {class: 'grid'},
    el('div', {class: 'span-5'}, healthCard(data, ctx)),
    el('div', {class: 'span-7'}, card(t('customer.details'), facts(account, ctx))),
    el('div', {class: 'span-7'}, card(t('customer.revenueByMonth'), data.months.length ? months : notice(t('customer.noOrders')))),
    el('div', {class: 'span-5'}, card(t('customer.timeline'), timeline(data, ctx))),
    el('div', {class: 'span-6'}, card(t('customer.products'), products(data.products, ctx))),
    el('div', {class: 'span-6'}, card(t('customer.activities'), activities(data.activities, ctx))),
    el('div', {class: 'span-12'}, card(t('customer.opportunities'), opportunities(data.opportunities, ctx))));
  view.append(grid);

  requestAnimationFrame(() => {
    if (data.months.length) {
      chart(echarts, months, {
        grid: {left: 8, right: 8, top: 12, bottom: 8, containLabel: true},
        tooltip: {trigger: 'axis', valueFormatter: (v) => format.money(v)},
        xAxis: {type: 'category', data: data.months.map((m) => m.month)},
        yAxis: {type: 'value', axisLabel: {formatter: (v) => format.compact(v)}},
        series: [{name: t('customer.revenue'), type: 'bar', data: data.months.map((m) => Number(m.revenue)),
          itemStyle: {color: '#2f7de0'}}],
      });
    }
  });
}

function kpi(label, value) {
  return el('div', {class: 'kpi'}, el('div', {class: 'label'}, label), el('div', {class: 'value'}, value));
}

function facts(account, ctx) {
  const {t, format} = ctx;
  const rows = [
    [t('customers.code'), account.code],
    [t('customers.industry'), account.industry],
    [t('customers.country'), account.country],
    [t('customers.employees'), account.employees != null ? format.number(account.employees) : null],
    [t('customer.founded'), account.yearEstablished],
    [t('customer.owner'), account.ownerName],
    [t('customer.region'), account.regionName],
    [t('customer.parent'), account.parentName],
  ].filter(([, value]) => value !== null && value !== undefined && value !== '');
  return el('dl', {class: 'facts'}, rows.map(([label, value]) => el('div', {}, el('dt', {}, label), el('dd', {}, value))));
}

function healthCard(data, ctx) {
  const {t, format} = ctx;
  const health = data.health;
  if (!health) {
    return card(t('customer.health'), notice(data.healthInstalled ? t('customer.noScore') : t('customer.healthMissing')));
  }
  const color = health.band === 'healthy' ? '#1e8e5a' : health.band === 'watch' ? '#e08a1e' : '#c23a3a';
  const factors = health.factors.filter((f) => f.applicable);
  return card(t('customer.health'),
    el('div', {class: 'health-score', id: 'health'},
      el('div', {class: 'score-ring', style: `--score:${health.score};--ring:${color}`}, el('span', {id: 'health-score'}, health.score)),
      el('div', {},
        el('span', {class: `badge ${health.band}`, id: 'health-band'}, ctx.label(health.bandLabel)),
        el('p', {id: 'health-summary'}, ctx.label(health.summary)),
        el('p', {class: 'sub'}, t('customer.valueAtStake', {value: format.money(health.valueAtStake)}),
          health.previousScore != null ? ` · ${t('customer.change', {change: (health.change > 0 ? '+' : '') + health.change})}` : ''))),
    el('h3', {class: 'minor'}, t('customer.why')),
    el('ul', {class: 'factors', id: 'health-factors'}, factors.map((f) => el('li', {},
      el('span', {}, ctx.label(f.label)),
      el('span', {class: 'sub'}, t('customer.points', {points: format.decimal(f.points), max: format.decimal(f.points + f.lost)})),
      el('span', {class: 'bar'}, el('i', {style: `width:${Math.round(100 * f.score)}%`})),
      el('span', {class: 'sentence'}, ctx.label(f.sentence))))));
}

function timeline(data, ctx) {
  const {t, format} = ctx;
  if (!data.timeline.length) return notice(t('customer.noOrders'));
  return el('div', {},
    el('ul', {class: 'timeline', id: 'order-timeline'}, data.timeline.map((order) => el('li', {},
      el('span', {class: order.cancellation ? 'dot cancel' : 'dot'}),
      el('span', {}, el('b', {}, order.orderNumber), ' ',
        order.cancellation ? el('span', {class: 'badge Lost'}, t('customer.cancellation')) : null,
        el('br'), el('span', {class: 'when'}, `${format.dateTime(order.orderedAt)} · ${t('customer.lines', {n: order.lines})}`)),
      el('span', {class: 'num'}, format.money(order.amount))))),
    data.summary.orders > data.timeline.length
      ? el('p', {class: 'sub'}, t('customer.moreOrders', {n: format.number(data.summary.orders - data.timeline.length)})) : null);
}

function products(rows, ctx) {
  const {t, format} = ctx;
  if (!rows.length) return notice(t('customer.noProducts'));
  return table([
    {key: 'name', label: t('customer.product'), render: (r) => r.name || r.sku},
    {key: 'quantity', label: t('customer.quantity'), class: 'num', render: (r) => format.number(r.quantity)},
    {key: 'revenue', label: t('customer.revenue'), class: 'num', render: (r) => format.money(r.revenue)},
  ], rows, {className: 'cards'});
}

function opportunities(rows, ctx) {
  const {t, format} = ctx;
  if (!rows.length) return notice(t('customer.noOpportunities'));
  return table([
    {key: 'code', label: t('opportunities.code')},
    {key: 'stage', label: t('opportunities.stage'), render: (r) => el('span', {class: `badge ${r.stage}`}, t(`stage.${r.stage}`))},
    {key: 'productName', label: t('opportunities.product')},
    {key: 'ownerName', label: t('opportunities.owner')},
    {key: 'closeDate', label: t('opportunities.closeDate'), render: (r) => format.date(r.closeDate || r.engageDate)},
    {key: 'value', label: t('opportunities.value'), class: 'num', render: (r) => format.money(r.value)},
  ], rows, {className: 'cards', onRow: (r) => ctx.navigate(`#/opportunities/list?q=${encodeURIComponent(r.code)}`)});
}

function activities(rows, ctx) {
  const {t, format} = ctx;
  if (!rows.length) return notice(t('customer.noActivities'));
  return el('ul', {class: 'timeline'}, rows.map((a) => el('li', {},
    el('span', {class: 'dot'}),
    el('span', {}, el('b', {}, t(`activity.${a.kind}`)), ' ', a.subject || '', el('br'),
      el('span', {class: 'when'}, [format.dateTime(a.occurredAt), a.ownerName].filter(Boolean).join(' · '))),
    el('span', {}))));
}
