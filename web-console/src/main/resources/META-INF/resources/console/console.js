// The console reads the same REST API as any client, with the tenant key kept in sessionStorage only.
const KEY = 'ltv.key';
const $ = (id) => document.getElementById(id);

async function api(path) {
  const response = await fetch(path, { headers: { Authorization: 'Bearer ' + sessionStorage.getItem(KEY) } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const why = body && body.detail ? body.detail : response.statusText;
    throw new Error(`${response.status} ${body && body.title ? body.title : ''}: ${why}`);
  }
  return body;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

const fmt = (v, digits = 2) => (v === null || v === undefined ? '' : Number(v).toFixed(digits));

function datasetRow(d) {
  const s = d.label_stats;
  const cells = [d.name, d.version, d.row_count.toLocaleString(), fmt(s.zero_share, 4), fmt(s.mean), fmt(s.p50),
    fmt(s.p90), fmt(s.p99), fmt(s.top1_pct_share, 4), new Date(d.created_at).toLocaleString()];
  const tr = document.createElement('tr');
  cells.forEach((c) => { const td = document.createElement('td'); td.textContent = c; tr.appendChild(td); });
  return tr;
}

async function open() {
  showError('');
  try {
    const me = await api('/api/v1/me');
    $('who').textContent = me.tenant_id === null ? 'operator key' : `tenant ${me.tenant_id} · ${me.scopes.join(', ')}`;
    $('login').hidden = true;
    $('logout').hidden = false;
    const page = await api('/api/v1/datasets?limit=100');
    $('dataset-rows').replaceChildren(...page.items.map(datasetRow));
    $('datasets-empty').hidden = page.items.length > 0;
    $('datasets').hidden = false;
  } catch (e) {
    sessionStorage.removeItem(KEY);
    $('login').hidden = false;
    $('datasets').hidden = true;
    showError('Could not open the console: ' + e.message);
  }
}

$('login-form').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(KEY, $('key').value.trim());
  $('key').value = '';
  open();
});
$('logout').addEventListener('click', () => { sessionStorage.removeItem(KEY); location.reload(); });
if (sessionStorage.getItem(KEY)) {
  open();
}
