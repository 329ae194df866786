import { h, show } from '../dom.js';
import { lang, t } from '../i18n.js';
import { get, signIn } from '../api.js';

const DEMO = [
  ['officer-kyushu', '九州厚生局 担当者'], ['officer-kanto', '関東信越厚生局 担当者'],
  ['supervisor-kyushu', '九州厚生局 課長補佐'], ['auditor', '監査（全局・閲覧のみ）'], ['admin', '管理者'],
];

/** The ways to sign in here (password form for the demo users, the division's identity provider). */
async function signInOptions() {
  try {
    return await get('/api/sign-in-options');
  } catch (e) {
    return { password: true, providers: [] };
  }
}

/** Shows the sign-in screen once its options are known, unless {@code isCurrent()} says it was superseded meanwhile. */
export async function renderSignIn(onSignedIn, isCurrent = () => true) {
  const options = await signInOptions();
  if (!isCurrent()) return;
  // Back from the identity provider without a session: say so once, and drop the marker from the address.
  const refused = new URLSearchParams(location.search).get('signin') === 'refused';
  if (refused) history.replaceState(null, '', location.pathname + location.hash);
  const error = h('p.field-error', { id: 'signin-error', role: 'alert', hidden: !refused }, refused ? t('signInRefused') : '');
  const providers = options.providers.map(p => h('p.provider', h('a.button.primary', { href: p.path }, lang() === 'en' ? `Sign in with ${p.name}` : `${p.name}でサインイン`)));
  if (!options.password) {
    show(h('section.signin', { 'aria-labelledby': 'signin-title' },
      h('h1#signin-title', t('signIn')), h('p', t('signInIntro')), error, providers));
    return;
  }
  const user = h('input#signin-user', { name: 'username', autocomplete: 'username', required: true, 'aria-describedby': 'signin-error' });
  const password = h('input#signin-password', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form.signin', { 'aria-labelledby': 'signin-title' },
    h('h1#signin-title', t('signIn')),
    h('p', t('signInIntro')),
    providers,
    providers.length ? h('p.or', t('orWithPassword')) : null,
    h('div.field', h('label', { for: 'signin-user' }, t('userName')), user),
    h('div.field', h('label', { for: 'signin-password' }, t('password')), password),
    error,
    h('div.form-actions', h('button.primary', { type: 'submit' }, t('signIn'))),
    h('details.demo-users', h('summary', t('demoUsers')),
      h('ul', DEMO.map(([name, who]) => h('li', h('button.link', { type: 'button', on: { click: () => { user.value = name; password.value = 'demo'; password.focus(); } } }, name), ` — ${who}`)))));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    error.hidden = true;
    try {
      const me = await signIn(user.value.trim(), password.value);
      await onSignedIn(me);
    } catch (e) {
      error.textContent = e.status === 401 ? 'ユーザー名またはパスワードが違います。 / Wrong user name or password.' : e.message;
      error.hidden = false;
      password.select();
    }
  });
  show(form);
}
