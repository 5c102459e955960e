// The product catalogue: one call to the records API per view, labels of its own in both languages.
import {el, card, notice, table} from '/console/ui.js';

export const messages = {
  en: {
    'products.title': 'Product catalogue',
    'products.search': 'Search by name',
    'products.sku': 'SKU',
    'products.name': 'Name',
    'products.series': 'Series',
    'products.category': 'Category',
    'products.price': 'List price',
    'products.none': 'No product matches.',
    'products.total': '{n} products',
  },
  'zh-CN': {
    'products.title': '产品目录',
    'products.search': '按名称搜索',
    'products.sku': '货号',
    'products.name': '名称',
    'products.series': '系列',
    'products.category': '类别',
    'products.price': '标价',
    'products.none': '没有匹配的产品。',
    'products.total': '共 {n} 个产品',
  },
};

export async function render(view, ctx) {
  const {t, format, query} = ctx;
  const q = query.get('q') || '';
  const sort = query.get('sort') || 'name';
  const params = new URLSearchParams({sort, limit: 100});
  if (q) params.set('name.contains', q);
  const page = await ctx.api(`products?${params}`);
  const search = el('input', {type: 'search', value: q, placeholder: t('products.search'), 'aria-label': t('products.search')});
  const go = (changes) => ctx.navigate(`#/products?${new URLSearchParams(Object.assign({q, sort}, changes))}`);
  view.append(
    el('div', {class: 'page-head'}, el('div', {}, el('h1', {}, t('products.title')),
      el('p', {class: 'sub'}, t('products.total', {n: format.number(page.total)})))),
    card(null,
      el('form', {class: 'toolbar', role: 'search', onsubmit: (e) => { e.preventDefault(); go({q: search.value.trim()}); }},
        search, el('button', {type: 'submit', class: 'secondary'}, t('app.search'))),
      page.items.length ? table([
        {key: 'sku', label: t('products.sku'), sort: 'sku'},
        {key: 'name', label: t('products.name'), sort: 'name'},
        {key: 'series', label: t('products.series'), sort: 'series'},
        {key: 'category', label: t('products.category'), sort: 'category'},
        {key: 'listPrice', label: t('products.price'), sort: 'listPrice', class: 'num', render: (p) => format.decimal(p.listPrice)},
      ], page.items, {className: 'cards', sort, onSort: (s) => go({sort: s})}) : notice(t('products.none'))));
}
