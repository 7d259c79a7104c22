// The console: log in with a key, then pages by URL hash. Every page reads the same REST API as any client.
import { ApiError, api, session } from './api.js';
import { el } from './dom.js';
import * as jobs from './jobs.js';
import * as model from './model.js';
import * as overview from './overview.js';
import * as schedules from './schedules.js';
import * as version from './version.js';

const $ = (id) => document.getElementById(id);
const ROUTES = [
  [/^#?\/?$/, overview.render],
  [/^#\/models\/([^/]+)$/, (v, m, c) => model.render(v, { name: decodeURIComponent(m[1]) }, c)],
  [/^#\/models\/([^/]+)\/versions\/(\d+)$/, (v, m, c) => version.render(v, { name: decodeURIComponent(m[1]), n: m[2] }, c)],
  [/^#\/jobs\/(\d+)$/, (v, m, c) => jobs.render(v, { id: m[1] }, c)],
  [/^#\/schedules$/, schedules.render],
  [/^#\/schedules\/(\d+)$/, (v, m, c) => schedules.renderOne(v, { id: m[1] }, c)],
];

let timer = null;
let ctx = null;

function showError(message) {
  $('error').textContent = message || '';
  $('error').hidden = !message;
}

/** Awaits an API call made by a button; shows its problem instead of throwing. A refused key logs out. */
async function guard(promise) {
  try {
    const result = await promise;
    showError('');
    return result;
  } catch (e) {
    handle(e);
    return null;
  }
}

function handle(e) {
  if (e instanceof ApiError && e.status === 401) {
    logout('Your key was refused (' + e.message + '). Log in again.');
  } else {
    showError(e instanceof ApiError ? `${e.status} ${e.message}` : 'Something went wrong: ' + e.message);
  }
}

async function route() {
  clearInterval(timer);
  timer = null;
  if (!ctx) {
    return;
  }
  const hash = location.hash || '#/';
  const found = ROUTES.find(([pattern]) => pattern.test(hash));
  if (!found) {
    $('view').replaceChildren(el('p', { class: 'empty' }, 'No such page: ' + hash));
    return;
  }
  showError('');
  try {
    timer = await found[1]($('view'), hash.match(found[0]), ctx);
  } catch (e) {
    handle(e);
  }
}

async function login() {
  try {
    const me = await api('/api/v1/me');
    ctx = { me, canTrain: me.scopes.some((s) => s === 'train' || s === 'admin'), guard };
    $('who').textContent = me.tenant_id === null ? 'operator key' : `tenant ${me.tenant_id} · ${me.scopes.join(', ')}`;
    $('login').hidden = true;
    $('app').hidden = false;
    showError('');
    await route();
  } catch (e) {
    logout(e instanceof ApiError && (e.status === 401 || e.status === 403)
      ? 'That key was refused: ' + e.message : 'Could not open the console: ' + e.message);
  }
}

function logout(message) {
  clearInterval(timer);
  ctx = null;
  session.clear();
  $('app').hidden = true;
  $('login').hidden = false;
  $('view').replaceChildren();
  showError(message);
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  session.set($('key').value.trim());
  $('key').value = '';
  login();
});
$('logout').addEventListener('click', () => logout(''));
window.addEventListener('hashchange', route);
if (session.key()) {
  login();
}
