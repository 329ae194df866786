// Casebook's browser UI: a small single-page app on the JSON API, no build step and nothing from a CDN.
import { h, append, clear, show } from './dom.js';
import { t, lang, setLang } from './i18n.js';
import { get, signOut, whenSignedOut } from './api.js';
import { renderSignIn } from './screens/signin.js';
import { renderHome } from './screens/home.js';
import { renderMatrix } from './screens/matrix.js';
import { renderEngagementList, renderEngagement } from './screens/engagement.js';
import { renderWorklist, renderDeadlines, renderGrantCase } from './screens/grants.js';
import { renderAuditPicker, renderAudit } from './screens/audit.js';
import { renderAdmin } from './screens/admin.js';

const ROUTES = [
  [/^\/?$/, renderHome],
  [/^\/matrix$/, renderMatrix],
  [/^\/engagements$/, renderEngagementList],
  [/^\/engagements\/([^/]+)$/, renderEngagement],
  [/^\/grants$/, renderWorklist],
  [/^\/grants\/deadlines$/, renderDeadlines],
  [/^\/grant-cases\/([^/]+)$/, renderGrantCase],
  [/^\/audit$/, renderAuditPicker],
  [/^\/audit\/([^/]+)$/, renderAudit],
  [/^\/admin$/, renderAdmin],
];

const session = { me: null, cleanup: [] };

/** Screens register what to stop when the user leaves them (live streams). */
export function onLeave(fn) {
  session.cleanup.push(fn);
}

export function navigate(path, params) {
  const q = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  const target = `#${path}${q.toString() ? '?' + q : ''}`;
  if (location.hash === target) route(); else location.hash = target;
}

function currentRoute() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?');
  return { path, query: Object.fromEntries(new URLSearchParams(qs || '')) };
}

function navItems(me) {
  const items = [['/', t('home')]];
  if (me.role !== 'ADMIN') {
    items.push(['/matrix', t('matrix')], ['/engagements', t('engagements')], ['/grants', t('grants')],
      ['/grants/deadlines', t('deadlines')], ['/audit', t('audit')]);
  } else {
    items.push(['/admin', t('admin')]);
  }
  return items;
}

function renderHeader() {
  const top = clear(document.getElementById('top'));
  const me = session.me;
  const { path } = currentRoute();
  // append() skips the parts that are absent before sign-in (the DOM's own would print "null").
  append(top, [
    h('div.brand', h('a', { href: '#/' }, h('strong', t('appName'))), h('span.division', t('division'))),
    me ? h('nav', { 'aria-label': 'main' }, h('ul', navItems(me).map(([p, label]) => h('li',
      h('a', { href: `#${p}`, 'aria-current': (p === '/' ? path === '/' : path === p || (path.startsWith(p + '/') && p !== '/grants')) ? 'page' : null }, label))))) : null,
    h('div.user',
      me ? h('span.who', { 'data-testid': 'signed-in-user' }, `${me.name}（${t('role_' + me.role)}・${lang() === 'en' ? me.bureauNameEn : me.bureauNameJa}）`) : null,
      h('button.link', { type: 'button', lang: lang() === 'en' ? 'ja' : 'en', on: { click: () => { setLang(lang() === 'en' ? 'ja' : 'en'); renderHeader(); route(); } } }, t('switchLang')),
      me ? h('button.link', { type: 'button', on: { click: async () => { await signOut(); session.me = null; renderHeader(); route(); } } }, t('signOut')) : null)]);
}

// Each call of route() supersedes the ones before it.
let routes = 0;

async function route() {
  const current = ++routes;
  session.cleanup.splice(0).forEach(fn => fn());
  if (!session.me) {
    // Signing out can route twice (the click, and a request that met the ended session); the sign-in form of the
    // superseded call must not replace the one a person is already typing into.
    renderSignIn(async me => {
      session.me = me;
      renderHeader();
      await route();
    }, () => current === routes);
    return;
  }
  const { path, query } = currentRoute();
  renderHeader();
  for (const [pattern, render] of ROUTES) {
    const m = pattern.exec(path);
    if (m) {
      try {
        await render({ me: session.me, query, id: m[1] ? decodeURIComponent(m[1]) : undefined });
      } catch (e) {
        show(h('h1', t('appName')), h('p.error', { role: 'alert' }, e.status === 404 ? t('notFound') : e.status === 403 ? t('forbidden') : e.message));
      }
      return;
    }
  }
  show(h('h1', t('notFound')));
}

async function boot() {
  document.documentElement.lang = lang();
  whenSignedOut(() => {
    if (session.me) {
      session.me = null;
      renderHeader();
      route();
    }
  });
  try {
    session.me = await get('/api/me');
  } catch (e) {
    session.me = null;
  }
  renderHeader();
  window.addEventListener('hashchange', route);
  await route();
}

boot();
