// The complaint board: customers with open complaints, the most urgent first, in one call to the add-on's REST API.
import {el, card, notice, table} from '/console/ui.js';

export const messages = {
  en: {
    'complaints.title': 'Open complaints',
    'complaints.sub': '{n} customers with open complaints',
    'complaints.customer': 'Customer',
    'complaints.open': 'Open',
    'complaints.high': 'High',
    'complaints.oldest': 'Oldest since',
    'complaints.days': 'Days open',
    'complaints.references': 'Complaints',
    'complaints.none': 'No open complaints.',
  },
  'zh-CN': {
    'complaints.title': '未结投诉',
    'complaints.sub': '{n} 个客户有未结投诉',
    'complaints.customer': '客户',
    'complaints.open': '未结',
    'complaints.high': '严重',
    'complaints.oldest': '最早提出于',
    'complaints.days': '已开天数',
    'complaints.references': '投诉编号',
    'complaints.none': '没有未结投诉。',
  },
};

export async function render(view, ctx) {
  const {t, format} = ctx;
  const board = await ctx.api('complaint-board');
  view.append(
    el('div', {class: 'page-head'}, el('div', {}, el('h1', {}, t('complaints.title')),
      el('p', {class: 'sub'}, t('complaints.sub', {n: format.number(board.length)})))),
    card(null, board.length ? table([
      {key: 'accountName', label: t('complaints.customer'),
        render: (line) => el('a', {href: `#/customers/${encodeURIComponent(line.accountId)}`}, line.accountName || line.accountId)},
      {key: 'open', label: t('complaints.open'), class: 'num'},
      {key: 'high', label: t('complaints.high'), class: 'num'},
      {key: 'oldestOpenedOn', label: t('complaints.oldest')},
      {key: 'oldestDays', label: t('complaints.days'), class: 'num'},
      {key: 'references', label: t('complaints.references'), render: (line) => line.references.join(', ')},
    ], board, {className: 'cards'}) : notice(t('complaints.none'))));
}
