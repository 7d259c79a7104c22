// A version's report: headline metrics, gain (Lorenz) curve, decile calibration, bucket confusion matrix,
// training curves and lineage.
import { api } from './api.js';
import { groupedBars, lineChart } from './charts.js';
import { el, fmt, link, section, table, when } from './dom.js';

export async function render(view, { name, n }) {
  const v = await api(`/api/v1/models/${encodeURIComponent(name)}/versions/${n}`);
  const dataset = await api(`/api/v1/datasets/${v.dataset_id}`).catch(() => null);
  const r = v.quality_report;
  view.replaceChildren(
    el('h2', {}, link(`#/models/${encodeURIComponent(name)}`, name), ` · version ${v.version}`),
    section('Quality on the held-out test customers', table(
      ['Customers', 'Gini', 'Spearman', 'Spearman payers', 'NMAE', 'NRMSE', 'AMBE', 'AMBE top', 'Bucket acc', 'Top F1', 'SVA', 'Recall@k'],
      [[r.customers, fmt(r.normalized_gini), fmt(r.spearman), fmt(r.spearman_payers), fmt(r.nmae), fmt(r.nrmse),
        fmt(r.ambe, 2), fmt(r.ambe_top_bucket, 2), fmt(r.bucket_accuracy), fmt(r.top_bucket_f1), fmt(r.sva),
        fmt(r.recall_at_k_top_bucket)]], { id: 'metrics' })),
    el('div', { class: 'charts' }, gainChart(r), calibrationChart(r), lossChart(v.history), validationChart(v.history)),
    section('Bucket confusion (rows: true bucket, columns: predicted)', confusion(r.bucket_confusion)),
    section('Lineage', lineage(v, dataset)));
  return null;
}

function gainChart(r) {
  return lineChart({ id: 'gain-chart', title: 'Gain curve', xLabel: 'share of customers, by prediction',
    yLabel: 'share of value', yFrom: 0, series: [
      { name: 'model', cls: 's1', points: r.gain_curve },
      { name: 'perfect', cls: 's2', points: r.perfect_gain_curve },
      { name: 'random', cls: 's3', points: [[0, 0], [1, 1]] }] });
}

function calibrationChart(r) {
  const rows = r.decile_calibration;
  return groupedBars({ id: 'calibration-chart', title: 'Decile calibration', xLabel: 'decile of prediction',
    yLabel: 'mean value', groups: rows.map((d) => String(d.decile)), series: [
      { name: 'predicted', cls: 's1', values: rows.map((d) => d.mean_predicted) },
      { name: 'actual', cls: 's2', values: rows.map((d) => d.mean_actual) }] });
}

function lossChart(history) {
  const terms = Object.keys(history.length ? history[0].losses : {}).sort((a, b) => (b === 'total') - (a === 'total'));
  return lineChart({ id: 'loss-chart', title: 'Training losses per epoch', xLabel: 'epoch', yLabel: 'loss',
    xTicks: 'integers', series: terms.map((term, i) => ({ name: term, cls: 's' + (1 + (i % 6)),
      points: history.map((e) => [e.epoch, e.losses[term]]) })) });
}

function validationChart(history) {
  return lineChart({ id: 'validation-chart', title: 'Validation ranking per epoch', xLabel: 'epoch', yLabel: 'value',
    xTicks: 'integers', series: [
      { name: 'validation Gini', cls: 's1', points: history.map((e) => [e.epoch, e.validation_gini]) },
      { name: 'validation Spearman', cls: 's2', points: history.map((e) => [e.epoch, e.validation_spearman]) }] });
}

function confusion(matrix) {
  const max = Math.max(1, ...matrix.flat());
  return el('table', { id: 'confusion', class: 'matrix' },
    el('thead', {}, el('tr', {}, el('th', {}, ''), matrix.map((_, j) => el('th', {}, 'pred ' + j)))),
    el('tbody', {}, matrix.map((row, i) => el('tr', {}, el('th', {}, 'true ' + i), row.map((c) =>
      el('td', { style: `background: rgba(37, 99, 235, ${(0.08 + 0.8 * c / max).toFixed(2)})` }, c))))));
}

function lineage(v, dataset) {
  const l = v.lineage;
  return el('div', {},
    table(['Dataset', 'Job', 'Device', 'Duration', 'Best epoch', 'Rows (train / validation / test)', 'Worker', 'Created'], [[
      dataset ? `${dataset.name} v${dataset.version} (id ${dataset.id})` : `dataset ${l.dataset_id} (deleted)`, link(`#/jobs/${l.job_id}`, '#' + l.job_id), l.device, fmt(l.duration_seconds, 1) + ' s',
      l.best_epoch, l.rows ? `${l.rows.train} / ${l.rows.validation} / ${l.rows.test}` : '–', l.worker, when(v.created_at)]],
    { id: 'lineage' }),
    el('details', {}, el('summary', {}, 'Training configuration'), el('pre', {}, JSON.stringify(v.config, null, 2))));
}
