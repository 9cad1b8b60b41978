// The console's entry: logs in through Keycloak (authorization code with PKCE, public client jointops-web; tokens
// kept in memory only), then shows the page the address's #/route names. Routes:
//   #/                         my work lists          #/cases/{id}            a case
//   #/intel/{id}               an intelligence report #/shipments/{id}        a shipment
//   #/finance/reports/{id}     a transaction report and the money trail from it
//   #/audit, #/audit/verify/{itemId}                   checkpoints, proofs, verification, replays
import Keycloak from './vendor/keycloak-js/lib/keycloak.js';
import { useKeycloak } from './api.js';
import { LANGUAGES, t, currentLanguage, setLanguage, timeZone } from './i18n.js';
import { h, replace, errorBox } from './dom.js';
import { me, useToken, hasRole } from './session.js';
import { workView } from './views/work.js';
import { caseView } from './views/case.js';
import { intelView, shipmentView, reportView } from './views/items.js';
import { auditView } from './views/audit.js';

const ROUTES = [
  [/^#\/cases\/([^/]+)$/, (main, [id]) => caseView(main, decodeURIComponent(id), go)],
  [/^#\/intel\/([^/]+)$/, (main, [id]) => intelView(main, decodeURIComponent(id), go)],
  [/^#\/shipments\/([^/]+)$/, (main, [id]) => shipmentView(main, decodeURIComponent(id), go)],
  [/^#\/finance\/reports\/([^/]+)$/, (main, [id]) => reportView(main, decodeURIComponent(id), go)],
  [/^#\/audit(?:\/verify\/([^/]+))?$/, (main, [id]) => auditView(main, id && decodeURIComponent(id))],
  [/^(#\/?)?$/, (main) => workView(main, go)]
];

let keycloak;

/** Shows the route of the address (or goes to `hash` first); focus moves to the page's heading for screen readers. */
async function go(hash) {
  if (hash !== undefined && hash !== location.hash) {
    location.hash = hash;
    return; // hashchange shows it
  }
  const main = document.getElementById('main');
  replace(main, h('p', { class: 'loading', role: 'status' }, t('app.loading')));
  const route = ROUTES.find(([pattern]) => pattern.test(location.hash)) || ROUTES[ROUTES.length - 1];
  try {
    await route[1](main, location.hash.match(route[0]).slice(1));
  } catch (error) {
    replace(main, errorBox(error));
  }
  const heading = main.querySelector('h1');
  if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
}

function header() {
  const user = me();
  const language = h('select', { id: 'language', onchange: (e) => { setLanguage(e.target.value); header(); go(); } },
    Object.entries(LANGUAGES).map(([code, { name }]) => h('option', { value: code, selected: code === currentLanguage(), lang: code === 'zh' ? 'zh-CN' : 'en' }, name)));
  document.title = t('app.title');
  replace(document.getElementById('header'),
    h('a', { class: 'skip', href: '#main', onclick: (e) => { e.preventDefault(); document.getElementById('main').focus(); } }, t('app.skip')),
    h('div', { class: 'brand' }, h('a', { href: '#/' }, t('app.title'))),
    h('nav', { 'aria-label': t('app.nav') }, h('ul', {},
      h('li', {}, h('a', { href: '#/' }, t('nav.work'))),
      hasRole('auditor', 'platform-admin') ? h('li', {}, h('a', { href: '#/audit' }, t('nav.audit'))) : null)),
    h('div', { class: 'user' },
      h('span', { 'data-test': 'user' }, t('app.signedIn', { user: user.username, agency: user.agency || '—' })),
      h('span', { class: 'muted' }, t('app.roles', { roles: user.roles.join(', ') })),
      h('span', { class: 'muted' }, t('app.timeZone', { zone: timeZone })),
      h('label', { for: 'language' }, t('app.language')), language,
      h('button', { type: 'button', onclick: () => keycloak.logout({ redirectUri: location.origin + '/' }) }, t('app.logout'))));
}

async function start() {
  const config = await (await fetch('/console/config.json')).json();
  const [, url, realm] = config.issuer.match(/^(.*)\/realms\/([^/]+)$/);
  keycloak = new Keycloak({ url, realm, clientId: config.clientId });
  // the page to come back to after the login (the redirect URI carries no fragment)
  if (location.hash && !location.hash.includes('state=')) sessionStorage.setItem('jointops.route', location.hash);
  await keycloak.init({
    onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false, responseMode: 'query',
    redirectUri: location.origin + '/'
  });
  useKeycloak(keycloak);
  useToken(keycloak.tokenParsed);
  keycloak.onAuthRefreshSuccess = () => useToken(keycloak.tokenParsed);
  keycloak.onTokenExpired = () => keycloak.updateToken(30).catch(() => keycloak.login());
  const route = sessionStorage.getItem('jointops.route');
  sessionStorage.removeItem('jointops.route');
  if (route && !location.hash) history.replaceState(null, '', '/' + route);
  header();
  window.addEventListener('hashchange', () => go());
  await go();
}

start().catch((error) => {
  replace(document.getElementById('main'), errorBox(new Error(t('error.login', { detail: error && (error.message || error.error) || String(error) }))));
});
