// Overview: datasets, models with their champion's headline metrics, and jobs with live progress.
import { api } from './api.js';
import { el, empty, fmt, link, section, table, when } from './dom.js';
import { progressBar } from './jobs.js';

export async function render(view) {
  const [datasets, models] = await Promise.all([api('/api/v1/datasets?limit=100'), api('/api/v1/models?limit=100')]);
  const jobs = el('div', { id: 'jobs' });
  view.replaceChildren(
    section('Datasets', datasets.items.length ? datasetTable(datasets.items)
      : empty('No datasets yet. Upload a CSV with POST /api/v1/datasets (see the README).')),
    section('Models', models.items.length ? await modelTable(models.items)
      : empty('No models yet. Create one with POST /api/v1/models.')),
    section('Training jobs', jobs));
  const refresh = async () => jobs.replaceChildren(await jobTable());
  await refresh();
  return setInterval(refresh, 2000);
}

function datasetTable(items) {
  return table(['Name', 'Version', 'Rows', 'Zero share', 'Mean', 'p50', 'p90', 'p99', 'Uploaded'], items.map((d) => {
    const s = d.label_stats;
    return [d.name, d.version, d.row_count.toLocaleString(), fmt(s.zero_share), fmt(s.mean, 2), fmt(s.p50, 2),
      fmt(s.p90, 2), fmt(s.p99, 2), when(d.created_at)];
  }), { id: 'datasets' });
}

async function modelTable(items) {
  const rows = await Promise.all(items.map(async (m) => {
    const aliases = await api(`/api/v1/models/${encodeURIComponent(m.name)}/aliases`);
    const champion = aliases.find((a) => a.alias === 'champion');
    const report = champion
      ? (await api(`/api/v1/models/${encodeURIComponent(m.name)}/versions/${champion.version}`)).quality_report : null;
    return [link(`#/models/${encodeURIComponent(m.name)}`, m.name), m.model_type, champion ? 'v' + champion.version : '–',
      report ? fmt(report.normalized_gini) : '–', report ? fmt(report.ambe_top_bucket, 2) : '–',
      report ? fmt(report.top_bucket_f1) : '–'];
  }));
  return table(['Model', 'Type', 'Champion', 'Gini', 'AMBE top bucket', 'Top-bucket F1'], rows, { id: 'models' });
}

async function jobTable() {
  const page = await api('/api/v1/training-jobs?limit=15');
  if (!page.items.length) {
    return empty('No training jobs yet. Start one from a model page.');
  }
  return table(['Job', 'Model', 'Status', 'Progress', 'Validation Gini', 'Created'], page.items.map((j) => [
    link(`#/jobs/${j.id}`, '#' + j.id), link(`#/models/${encodeURIComponent(j.model)}`, j.model),
    el('span', { class: 'status ' + j.status }, j.status), progressBar(j),
    j.progress ? fmt(j.progress.validation_gini) : '–', when(j.created_at)]), { id: 'job-rows' });
}
