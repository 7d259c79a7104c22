// A model: its versions side by side with their headline metrics, where each alias points, promote/rollback
// buttons and a training form for keys with the train scope.
import { api } from './api.js';
import { el, empty, fmt, link, section, table, when } from './dom.js';

const METRICS = [
  ['Gini', (r) => fmt(r.normalized_gini)], ['Spearman', (r) => fmt(r.spearman)], ['NMAE', (r) => fmt(r.nmae)],
  ['AMBE top', (r) => fmt(r.ambe_top_bucket, 2)], ['Top F1', (r) => fmt(r.top_bucket_f1)], ['SVA', (r) => fmt(r.sva)],
  ['Recall@k', (r) => fmt(r.recall_at_k_top_bucket)], ['Top 10% capture', (r) => fmt(r.revenue_capture['10%'])],
];

export async function render(view, { name }, ctx) {
  const path = `/api/v1/models/${encodeURIComponent(name)}`;
  const [model, versions, aliases] = await Promise.all([api(path), api(path + '/versions?limit=100'), api(path + '/aliases')]);
  const rerender = () => render(view, { name }, ctx);
  view.replaceChildren(
    el('h2', {}, 'Model ', el('span', { id: 'model-name' }, model.name), ' ', el('small', {}, model.model_type)),
    section('Aliases', aliases.length
      ? table(['Alias', 'Version', 'Since'], aliases.map((a) => [a.alias, 'v' + a.version, when(a.updated_at)]), { id: 'aliases' })
      : empty('No alias yet: promote a version to champion to serve it at POST …/predict.')),
    section('Versions', versions.items.length ? versionTable(name, versions.items, aliases, ctx, rerender)
      : empty('No versions yet: a training job that succeeds writes one.')),
    ctx.canTrain ? await trainForm(name, ctx) : el('p', { class: 'hint' }, 'Training needs a key with the train scope.'));
  return null;
}

function versionTable(name, items, aliases, ctx, rerender) {
  const champion = aliases.find((a) => a.alias === 'champion');
  const headers = ['Version', 'Aliases', ...METRICS.map((m) => m[0]), 'Trained', ''];
  const rows = items.map((v) => {
    const pointing = aliases.filter((a) => a.version === v.version).map((a) => a.alias).join(', ');
    const isChampion = champion && champion.version === v.version;
    const action = ctx.canTrain && !isChampion && v.status === 'active'
      ? el('button', { class: 'promote', 'data-version': v.version, onclick: async () => {
        await ctx.guard(api(`/api/v1/models/${encodeURIComponent(name)}/aliases/champion`, { method: 'PUT', body: { version: v.version } }));
        await rerender();
      } }, champion && champion.version > v.version ? 'Roll back to this' : 'Make champion') : '';
    return [link(`#/models/${encodeURIComponent(name)}/versions/${v.version}`, 'v' + v.version), pointing,
      ...METRICS.map((m) => m[1](v.quality_report)), when(v.created_at), action];
  });
  return table(headers, rows, { id: 'versions' });
}

async function trainForm(name, ctx) {
  const datasets = (await api('/api/v1/datasets?limit=100')).items;
  if (!datasets.length) {
    return empty('Upload a dataset to train this model on.');
  }
  const choice = el('select', { id: 'train-dataset' },
    datasets.map((d) => el('option', { value: d.id }, `${d.name} v${d.version} (${d.row_count.toLocaleString()} rows)`)));
  const fold = el('input', { id: 'train-fold', placeholder: 'fold column (optional)' });
  const form = el('form', { id: 'train-form', onsubmit: async (event) => {
    event.preventDefault();
    const body = { dataset_id: Number(choice.value) };
    if (fold.value.trim()) {
      body.split = { fold_column: fold.value.trim() };
    }
    const job = await ctx.guard(api(`/api/v1/models/${encodeURIComponent(name)}/training-jobs`, { method: 'POST', body }));
    if (job) {
      location.hash = `#/jobs/${job.id}`;
    }
  } }, choice, fold, el('button', { type: 'submit' }, 'Start training'));
  return section('Train a new version', form);
}
