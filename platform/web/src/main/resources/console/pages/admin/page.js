// Administration: users and roles, API keys, the audit log and the installed modules. Each tab reads its own
// endpoint; a part of the platform that this server does not have yet is said so instead of failing.
import {el, card, notice, table, tabs, ApiError} from '/console/ui.js';

const TABS = ['users', 'roles', 'keys', 'audit', 'modules'];

export async function render(view, ctx) {
  const {t} = ctx;
  const tab = TABS.includes(ctx.params[0]) ? ctx.params[0] : 'users';
  view.append(
    el('div', {class: 'page-head'}, el('div', {}, el('h1', {}, t('admin.title')))),
    tabs(TABS.map((id) => ({id, label: t(`admin.tab.${id}`)})), tab, (id) => ctx.navigate(`#/admin/${id}`)));
  const body = el('div', {class: 'steps', id: `admin-${tab}`});
  view.append(body);
  try {
    await {users, roles, keys, audit, modules}[tab](body, ctx);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 404 || err.status === 405)) {
      body.replaceChildren(notice(t('admin.unavailable'), 'warn'));
    } else {
      throw err;
    }
  }
}

async function users(body, ctx) {
  const {t, format} = ctx;
  const [list, reps] = await Promise.all([ctx.api('users'), ctx.api('reps?sort=name&limit=1000').catch(() => ({items: []}))]);
  const message = el('div', {id: 'user-message'});
  const name = el('input', {id: 'new-user-name', required: true, autocomplete: 'off'});
  const display = el('input', {id: 'new-user-display'});
  const password = el('input', {id: 'new-user-password', type: 'password', minlength: 10, required: true, autocomplete: 'new-password'});
  const person = el('select', {id: 'new-user-person'}, el('option', {value: ''}, t('admin.noPerson')),
    reps.items.map((rep) => el('option', {value: rep.id}, rep.name)));
  const roleBoxes = ctx.roles.map((role) => el('input', {type: 'checkbox', value: role, dataset: {role}}));
  const form = el('form', {class: 'form', id: 'new-user', onsubmit: async (e) => {
    e.preventDefault();
    try {
      await ctx.api('users', {method: 'POST', body: {
        userName: name.value.trim(), displayName: display.value.trim() || null, password: password.value,
        roles: roleBoxes.filter((b) => b.checked).map((b) => b.value), personId: person.value || null}});
      ctx.refresh();
    } catch (err) {
      message.replaceChildren(notice(t('error.generic', {detail: err.message}), 'error'));
    }
  }},
  el('label', {}, t('admin.userName'), name),
  el('label', {}, t('admin.displayName'), display),
  el('label', {}, t('admin.password'), password),
  el('label', {}, t('admin.person'), person),
  el('div', {class: 'checks'}, roleBoxes.map((box) => el('label', {}, box, t(`role.${box.value}`)))),
  el('button', {type: 'submit', class: 'primary'}, t('admin.createUser')));

  body.append(
    card(t('admin.tab.users'), table([
      {key: 'userName', label: t('admin.userName')},
      {key: 'displayName', label: t('admin.displayName')},
      {key: 'roles', label: t('admin.roles'), render: (u) => u.roles.map((r) => t(`role.${r}`)).join(', ')},
      {key: 'enabled', label: t('admin.state'), render: (u) => el('span', {class: `badge ${u.enabled ? 'healthy' : 'churned'}`}, u.enabled ? t('admin.enabled') : t('admin.disabled'))},
      {key: 'createdAt', label: t('admin.created'), render: (u) => format.date(u.createdAt)},
      {key: 'actions', label: '', render: (u) => u.enabled && u.userName !== ctx.user.userName
        ? el('button', {type: 'button', class: 'danger', onclick: async () => {
          if (!confirm(t('admin.confirmDisable', {name: u.userName}))) return;
          await ctx.api(`users/${encodeURIComponent(u.userName)}/disable`, {method: 'POST'});
          ctx.refresh();
        }}, t('admin.disable')) : ''},
    ], list, {className: 'cards'})),
    card(t('admin.newUser'), message, form));
}

async function roles(body, ctx, saved = null) {
  const {t} = ctx;
  const [list, policy] = await Promise.all([ctx.api('users'),
    ctx.api('security/policy').catch((err) => { if (err instanceof ApiError && err.status === 404) return null; throw err; })]);
  const holders = (role) => list.filter((u) => u.roles.includes(role)).map((u) => u.userName).join(', ') || '–';
  const byRole = new Map((policy || []).map((p) => [p.role, p]));
  body.append(card(t('admin.tab.roles'), table([
    {key: 'role', label: t('admin.role'), render: (r) => el('b', {}, t(`role.${r}`))},
    {key: 'about', label: t('admin.about'), render: (r) => t(`role.${r}.about`)},
    {key: 'scope', label: t('admin.scope'), render: (r) => byRole.has(r) ? t(`scope.${byRole.get(r).scope}`) : '–'},
    {key: 'actions', label: t('admin.actions'), render: (r) => byRole.has(r) ? actionsOf(byRole.get(r)) : '–'},
    {key: 'holders', label: t('admin.holders'), render: holders},
  ], ctx.roles, {className: 'cards'}), policy ? null : notice(t('admin.policyMissing'), 'warn')),
  roleEditor(body, ctx, list, saved));
}

// Changes another user's roles through PUT /users/{name}/roles. Administrators do not change their own roles here,
// so that nobody locks themselves out of this page; the server signs the changed user out.
function roleEditor(body, ctx, list, saved) {
  const {t} = ctx;
  const others = list.filter((u) => u.userName !== ctx.user.userName);
  const message = el('div', {id: 'roles-message'}, saved
    ? notice(t('admin.rolesSaved', {name: saved.userName,
      roles: ctx.roles.filter((r) => saved.roles.includes(r)).map((r) => t(`role.${r}`)).join(', ')}), 'ok')
    : null);
  if (!others.length) {
    return card(t('admin.changeRoles'), notice(t('admin.noOtherUsers')));
  }
  const user = el('select', {id: 'roles-user'}, others.map((u) => el('option',
    {value: u.userName, selected: saved && saved.userName === u.userName},
    u.displayName && u.displayName !== u.userName ? `${u.userName} (${u.displayName})` : u.userName)));
  const boxes = ctx.roles.map((role) => el('input', {type: 'checkbox', value: role, dataset: {role}}));
  const showRolesOf = () => {
    const held = others.find((u) => u.userName === user.value).roles;
    boxes.forEach((box) => { box.checked = held.includes(box.value); });
  };
  user.addEventListener('change', () => { message.replaceChildren(); showRolesOf(); });
  showRolesOf();
  const form = el('form', {class: 'form', id: 'roles-form', onsubmit: async (e) => {
    e.preventDefault();
    const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
    if (!chosen.length) {
      message.replaceChildren(notice(t('admin.rolesNone'), 'error'));
      return;
    }
    const save = form.querySelector('button[type=submit]');
    save.disabled = true;
    try {
      const changed = await ctx.api(`users/${encodeURIComponent(user.value)}/roles`,
        {method: 'PUT', body: {roles: chosen}});
      body.replaceChildren();
      await roles(body, ctx, changed);
    } catch (err) {
      message.replaceChildren(notice(t('error.generic', {detail: err.message}), 'error'));
      save.disabled = false;
    }
  }},
  el('label', {}, t('admin.userName'), user),
  el('div', {class: 'checks', id: 'roles-checks'}, boxes.map((box) => el('label', {}, box, t(`role.${box.value}`)))),
  el('button', {type: 'submit', class: 'primary', id: 'roles-save'}, t('admin.saveRoles')));
  return card(t('admin.changeRoles'), el('p', {class: 'sub'}, t('admin.rolesIntro')), message, form);
}

function actionsOf(policy) {
  return Object.entries(policy.actions || {})
    .map(([type, actions]) => `${type === '*' ? '∗' : type}: ${[...actions].map((a) => a.toLowerCase()).join('/')}`)
    .join('; ') || '–';
}

async function keys(body, ctx) {
  const {t, format} = ctx;
  const [list, users] = await Promise.all([ctx.api('security/keys'), ctx.api('users')]);
  const message = el('div', {id: 'key-message'});
  const user = el('select', {id: 'new-key-user'}, users.filter((u) => u.enabled).map((u) => el('option', {value: u.userName}, u.userName)));
  const name = el('input', {id: 'new-key-name', required: true, placeholder: t('admin.keyNameHint')});
  const showSecret = (issued) => message.replaceChildren(el('div', {class: 'notice ok', role: 'status'},
    el('p', {}, t('admin.keySecret')), el('code', {class: 'secret', id: 'key-secret'}, issued.secret)));
  body.append(
    card(t('admin.tab.keys'), message, table([
      {key: 'id', label: t('admin.keyId')},
      {key: 'name', label: t('admin.keyName')},
      {key: 'userName', label: t('admin.userName')},
      {key: 'createdAt', label: t('admin.created'), render: (k) => format.date(k.createdAt)},
      {key: 'lastUsedAt', label: t('admin.lastUsed'), render: (k) => format.dateTime(k.lastUsedAt)},
      {key: 'revoked', label: t('admin.state'), render: (k) => el('span', {class: `badge ${k.revoked ? 'churned' : 'healthy'}`}, k.revoked ? t('admin.revoked') : t('admin.active'))},
      {key: 'actions', label: '', render: (k) => k.revoked ? '' : el('span', {class: 'toolbar'},
        el('button', {type: 'button', class: 'secondary', onclick: async () => {
          showSecret(await ctx.api(`security/keys/${encodeURIComponent(k.id)}/rotate`, {method: 'POST'}));
        }}, t('admin.rotate')),
        el('button', {type: 'button', class: 'danger', onclick: async () => {
          if (!confirm(t('admin.confirmRevoke', {name: k.name}))) return;
          await ctx.api(`security/keys/${encodeURIComponent(k.id)}/revoke`, {method: 'POST'});
          ctx.refresh();
        }}, t('admin.revoke')))},
    ], list, {className: 'cards'})),
    card(t('admin.newKey'), el('form', {class: 'form', onsubmit: async (e) => {
      e.preventDefault();
      try {
        showSecret(await ctx.api('security/keys', {method: 'POST', body: {userName: user.value, name: name.value.trim()}}));
      } catch (err) {
        message.replaceChildren(notice(t('error.generic', {detail: err.message}), 'error'));
      }
    }}, el('label', {}, t('admin.userName'), user), el('label', {}, t('admin.keyName'), name),
    el('button', {type: 'submit', class: 'primary'}, t('admin.createKey')))));
}

async function audit(body, ctx) {
  const {t, format, query} = ctx;
  const actor = query.get('actor') || '';
  const action = query.get('action') || '';
  const params = new URLSearchParams({limit: 200});
  if (actor) params.set('actor', actor);
  if (action) params.set('action', action);
  const entries = await ctx.api(`security/audit?${params}`);
  const actorInput = el('input', {type: 'search', value: actor, placeholder: t('admin.actor'), 'aria-label': t('admin.actor')});
  const actionInput = el('input', {type: 'search', value: action, placeholder: t('admin.action'), 'aria-label': t('admin.action')});
  body.append(card(t('admin.tab.audit'),
    el('form', {class: 'toolbar', onsubmit: (e) => {
      e.preventDefault();
      const next = new URLSearchParams();
      if (actorInput.value.trim()) next.set('actor', actorInput.value.trim());
      if (actionInput.value.trim()) next.set('action', actionInput.value.trim());
      ctx.navigate(`#/admin/audit?${next}`);
    }}, actorInput, actionInput, el('button', {type: 'submit', class: 'secondary'}, t('app.search'))),
    entries.length ? table([
      {key: 'at', label: t('admin.when'), render: (e) => format.dateTime(e.at)},
      {key: 'actor', label: t('admin.actor')},
      {key: 'action', label: t('admin.action')},
      {key: 'target', label: t('admin.target')},
      {key: 'detail', label: t('admin.detail')},
      {key: 'from', label: t('admin.from')},
    ], entries, {className: 'cards'}) : notice(t('admin.noAudit'))));
}

async function modules(body, ctx) {
  const {t} = ctx;
  const {edition, editions, items: list} = await ctx.api('modules');
  const message = el('div', {id: 'module-message'});
  // One operation at a time: the server refuses a second one while the first runs.
  const act = (m, operation) => async (e) => {
    const buttons = body.querySelectorAll('button[data-operation]');
    buttons.forEach((b) => { b.disabled = true; });
    message.replaceChildren(notice(t(`admin.module.${operation}.running`, {name: m.name})));
    try {
      const change = await ctx.api(`modules/${encodeURIComponent(m.name)}/${operation}`, {method: 'POST'});
      message.replaceChildren(notice(t('admin.module.done', {name: m.name, ms: ctx.format.number(change.tookMs)}), 'ok'));
      ctx.refresh();
    } catch (err) {
      message.replaceChildren(notice(t('error.generic', {detail: err.message}), 'error'));
      buttons.forEach((b) => { b.disabled = false; });
    }
  };
  const button = (m, operation, kind) => el('button', {type: 'button', class: kind,
    dataset: {module: m.name, operation}, onclick: act(m, operation)}, t(`admin.module.${operation}`));
  const actions = (m) => {
    if (m.edition) return '';
    if (!m.installed) return button(m, 'install', 'primary');
    return el('span', {class: 'row-actions'}, button(m, 'update', 'secondary'),
      m.requiredBy.length ? '' : button(m, 'uninstall', 'danger'));
  };
  const chosen = el('select', {id: 'edition', 'aria-label': t('admin.editionLabel')},
    editions.map((name) => el('option', {value: name, selected: name === edition}, name)));
  const switchEdition = el('form', {class: 'toolbar', id: 'edition-switch', onsubmit: async (e) => {
    e.preventDefault();
    if (chosen.value === edition || !confirm(t('admin.confirmEdition', {name: chosen.value}))) return;
    message.replaceChildren(notice(t('admin.editionRunning', {name: chosen.value})));
    try {
      await ctx.api('modules/edition', {method: 'PUT', body: {edition: chosen.value}});
      ctx.refresh();
    } catch (err) {
      message.replaceChildren(notice(t('error.generic', {detail: err.message}), 'error'));
    }
  }}, el('label', {}, t('admin.editionLabel'), chosen), el('button', {type: 'submit', class: 'secondary'}, t('admin.editionSwitch')));
  body.append(card(t('admin.tab.modules'),
    el('p', {class: 'sub'}, t('admin.modulesIntro'), ' ', t('admin.edition', {name: edition})),
    switchEdition,
    message,
    list.length ? table([
      {key: 'name', label: t('admin.module'), render: (m) => el('b', {}, m.name)},
      {key: 'version', label: t('admin.version')},
      {key: 'description', label: t('admin.about')},
      {key: 'requiredBy', label: t('admin.requiredBy'), render: (m) => m.requiredBy.join(', ') || '–'},
      {key: 'state', label: t('admin.state'), render: (m) => el('span', {class: `badge ${m.installed ? 'healthy' : ''}`,
        dataset: {module: m.name, state: m.state}}, t(`module.${m.state}`))},
      {key: 'actions', label: '', render: actions},
    ], list, {className: 'cards'}) : notice(t('admin.noModules'))));
}
