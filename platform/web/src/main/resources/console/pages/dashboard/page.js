// Home dashboard: the signed-in user's figures in one answer from /api/v1/web/dashboard.
import {el, card, chart, notice, escapeHtml} from '/console/ui.js';

export async function render(view, ctx) {
  const {t, format} = ctx;
  const [data, echarts] = await Promise.all([ctx.api('web/dashboard'), ctx.loadCharts()]);
  const totals = data.totals;
  const winRate = data.winRate;

  view.append(
    el('div', {class: 'page-head'},
      el('div', {}, el('h1', {}, t('dashboard.title')),
        el('p', {class: 'sub'}, t('dashboard.scope', {name: ctx.user.displayName})))),
    el('div', {class: 'kpis'},
      kpi('kpi-revenue', t('dashboard.revenue'), format.compact(totals.revenue), t('dashboard.ordersCount', {n: format.number(totals.orders)})),
      Number(totals.openValue) > 0
        ? kpi('kpi-pipeline', t('dashboard.openPipeline'), format.compact(totals.openValue), t('dashboard.openCount', {n: format.number(totals.openOpportunities)}))
        : kpi('kpi-pipeline', t('dashboard.openPipeline'), format.number(totals.openOpportunities), t('dashboard.openNoValue')),
      kpi('kpi-winrate', t('dashboard.winRate'), format.percent(winRate.rate), t('dashboard.wonLost', {won: format.number(winRate.won), lost: format.number(winRate.lost)})),
      kpi('kpi-won', t('dashboard.wonValue'), format.compact(totals.wonValue), null),
      kpi('kpi-accounts', t('dashboard.customers'), format.number(totals.accounts), null)));

  const trend = el('div', {class: 'chart', id: 'chart-trend'});
  const funnel = el('div', {class: 'chart', id: 'chart-funnel'});
  const heat = el('div', {class: 'chart tall', id: 'chart-heat'});
  const grid = el('div', {class: 'grid'},
    el('div', {class: 'span-8'}, card(t('dashboard.trend'), data.months.length ? trend : notice(t('dashboard.noOrders')))),
    el('div', {class: 'span-4'}, card(t('dashboard.funnel'), funnel)),
    el('div', {class: 'span-6'}, card(t('dashboard.topAccounts'), topAccounts(data.topAccounts, ctx))),
    el('div', {class: 'span-6'}, card(t('dashboard.heat'), data.heat.regions.length ? heat : notice(t('dashboard.noRegions')))));
  view.append(grid);

  const health = data.health;
  const histogram = el('div', {class: 'chart', id: 'chart-health'});
  if (health) {
    grid.append(
      el('div', {class: 'span-5'}, card(t('dashboard.health'), health.customers ? histogram : notice(t('dashboard.noHealth')))),
      el('div', {class: 'span-7'}, card(t('dashboard.atRisk', {value: format.compact(health.valueAtStake)}), atRisk(health, ctx))));
  }

  // Charts are drawn once the elements are in the document, so that they can measure their size.
  requestAnimationFrame(() => {
    if (data.months.length) chart(echarts, trend, trendOption(data, t, format));
    chart(echarts, funnel, funnelOption(data.funnel, t, format));
    if (data.heat.regions.length) chart(echarts, heat, heatOption(data.heat, t, format));
    if (health && health.customers) chart(echarts, histogram, healthOption(health, t));
  });
}

function kpi(id, label, value, hint) {
  return el('div', {class: 'kpi', id},
    el('div', {class: 'label'}, label), el('div', {class: 'value'}, value), hint ? el('div', {class: 'hint'}, hint) : null);
}

function topAccounts(rows, ctx) {
  const {t, format} = ctx;
  if (!rows.length) return notice(t('dashboard.noAccounts'));
  return el('ol', {class: 'rank', id: 'top-accounts'}, rows.map((row) => el('li', {},
    el('a', {href: `#/customers/${encodeURIComponent(row.id)}`}, row.name),
    el('span', {class: 'rank-value'}, format.money(Number(row.revenue) + Number(row.wonValue))),
    el('span', {class: 'rank-meta'}, [
      row.orders ? t('dashboard.ordersCount', {n: format.number(row.orders)}) : null,
      row.opportunities ? t('dashboard.dealsCount', {n: format.number(row.opportunities)}) : null,
      row.country,
    ].filter(Boolean).join(' · ')))));
}

function atRisk(health, ctx) {
  const {t, format} = ctx;
  if (!health.atRisk.length) return notice(t('dashboard.noneAtRisk'), 'ok');
  return el('ol', {class: 'rank', id: 'at-risk'}, health.atRisk.map((row) => el('li', {},
    el('a', {href: `#/customers/${encodeURIComponent(row.accountId)}`}, row.accountName || row.accountCode),
    el('span', {class: 'rank-value'}, format.money(row.valueAtStake)),
    el('span', {class: 'rank-meta'}, el('span', {class: `badge ${row.band}`}, ctx.label(row.bandLabel)), ' ',
      t('dashboard.scoreOf', {score: row.score}), ' · ', ctx.label(row.summary)))));
}

function trendOption(data, t, format) {
  const months = data.months.map((m) => m.month);
  const hasWon = data.months.some((m) => Number(m.wonValue) > 0);
  return {
    grid: {left: 8, right: 8, top: 36, bottom: 48, containLabel: true},
    legend: {top: 0},
    tooltip: {trigger: 'axis', valueFormatter: (v) => format.money(v)},
    xAxis: {type: 'category', data: months},
    yAxis: {type: 'value', axisLabel: {formatter: (v) => format.compact(v)}},
    dataZoom: [{type: 'inside'}, {type: 'slider', height: 18, bottom: 4}],
    series: [
      {name: t('dashboard.revenue'), type: 'bar', data: data.months.map((m) => Number(m.revenue) || null), itemStyle: {color: '#2f7de0'}},
      hasWon ? {name: t('dashboard.wonValue'), type: 'line', smooth: true, connectNulls: false,
        data: data.months.map((m) => Number(m.wonValue) || null),
        itemStyle: {color: '#1e8e5a'}} : null,
    ].filter(Boolean),
  };
}

function funnelOption(stages, t, format) {
  const open = stages.filter((s) => s.stage !== 'Lost');
  return {
    tooltip: {trigger: 'item', formatter: (p) => `${escapeHtml(p.name)}<br>${escapeHtml(t('dashboard.funnelTip', {
      n: format.number(p.data.count), value: format.money(p.data.amount)}))}`},
    series: [{
      type: 'funnel', sort: 'none', left: '4%', width: '92%', top: 8, bottom: 8, minSize: '18%', gap: 2,
      label: {position: 'inside', color: '#fff', fontSize: 12, lineHeight: 16,
        formatter: (p) => `${t(`stage.${p.name}`)}\n${format.number(p.data.count)}${p.data.amount ? ` · ${format.compact(p.data.amount)}` : ''}`},
      data: open.map((s, i) => ({name: s.stage, value: Math.max(open.length - i, 1), count: s.count, amount: Number(s.value),
        itemStyle: {color: ['#9cc3f5', '#6fa6ee', '#4a8ae6', '#2f6fd0', '#1e8e5a'][i] || '#1f5fbf'}})),
    }],
  };
}

function heatOption(heat, t, format) {
  const values = heat.cells.map((c) => Number(c[2]));
  return {
    grid: {left: 8, right: 16, top: 8, bottom: 70, containLabel: true},
    tooltip: {formatter: (p) => `${escapeHtml(heat.regions[p.data[1]])} · ${escapeHtml(heat.months[p.data[0]])}<br>${escapeHtml(format.money(p.data[2]))}`},
    xAxis: {type: 'category', data: heat.months, splitArea: {show: true}},
    yAxis: {type: 'category', data: heat.regions, inverse: true, splitArea: {show: true}},
    visualMap: {min: 0, max: Math.max(...values, 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      itemHeight: 120, formatter: (v) => format.compact(v), inRange: {color: ['#eef4fd', '#9cc3f5', '#2f7de0', '#123d80']}},
    series: [{name: t('dashboard.heat'), type: 'heatmap', data: heat.cells.map((c) => [c[0], c[1], Number(c[2])]),
      emphasis: {itemStyle: {borderColor: '#333', borderWidth: 1}}}],
  };
}

function healthOption(health, t) {
  const labels = health.histogram.map((_, i) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`));
  const color = (i) => (i < 3 ? '#c23a3a' : i < 5 ? '#e08a1e' : i < 7 ? '#d9b310' : '#1e8e5a');
  return {
    grid: {left: 8, right: 8, top: 16, bottom: 8, containLabel: true},
    tooltip: {trigger: 'axis'},
    xAxis: {type: 'category', data: labels, name: t('dashboard.score'), nameLocation: 'middle', nameGap: 28},
    yAxis: {type: 'value'},
    series: [{name: t('dashboard.customers'), type: 'bar',
      data: health.histogram.map((n, i) => ({value: n, itemStyle: {color: color(i)}}))}],
  };
}
