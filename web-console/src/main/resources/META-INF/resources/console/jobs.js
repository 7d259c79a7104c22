// A training job: status, attempts, error, the loss and validation Gini curve while it runs, cancel.
import { api } from './api.js';
import { lineChart } from './charts.js';
import { el, fmt, link, section, table, when } from './dom.js';

const DONE = ['succeeded', 'failed', 'cancelled'];

export function progressBar(job) {
  const p = job.progress;
  const share = job.status === 'succeeded' ? 1 : p ? p.epoch / p.max_epochs : 0;
  return el('span', { class: 'progress', title: p ? `epoch ${p.epoch} of ${p.max_epochs}` : job.status },
    el('span', { class: 'fill', style: `width:${Math.round(share * 100)}%` }),
    el('span', { class: 'text' }, p ? `${p.epoch}/${p.max_epochs}` : job.status === 'queued' ? 'waiting' : ''));
}

export async function render(view, { id }, ctx) {
  const refresh = async () => {
    const job = await api(`/api/v1/training-jobs/${id}`);
    view.replaceChildren(...page(job, ctx, refresh));
    return DONE.includes(job.status);
  };
  if (await refresh()) {
    return null;
  }
  const timer = setInterval(async () => {
    if (await refresh()) {
      clearInterval(timer);
    }
  }, 1000);
  return timer;
}

function page(job, ctx, refresh) {
  const p = job.progress;
  const facts = table(['Status', 'Model', 'Dataset', 'Attempts', 'Progress', 'ETA', 'Created', 'Started', 'Finished'], [[
    el('span', { class: 'status ' + job.status, id: 'job-status' }, job.status),
    link(`#/models/${encodeURIComponent(job.model)}`, job.model), job.dataset_id, `${job.attempts} of ${job.max_attempts}`,
    progressBar(job), p && !DONE.includes(job.status) ? fmt(p.eta_seconds, 0) + ' s' : '–',
    when(job.created_at), when(job.started_at), when(job.finished_at)]]);
  const parts = [section(`Training job #${job.id}`, facts)];
  if (job.error) {
    parts.push(el('p', { class: 'error', role: 'alert' }, 'Failed: ' + job.error));
  }
  if (job.schedule_id) {
    parts.push(el('p', {}, 'Queued by ', link('#/schedules', 'schedule ' + job.schedule_id), ' for its fire at ',
      when(job.fire_time), '.'));
  }
  if (ctx.canTrain && !DONE.includes(job.status) && !job.cancel_requested) {
    parts.push(el('button', { id: 'cancel', onclick: async () => {
      await ctx.guard(api(`/api/v1/training-jobs/${job.id}/cancel`, { method: 'POST' }));
      await refresh();
    } }, 'Cancel job'));
  }
  if (job.status === 'succeeded') {
    parts.push(el('p', {}, 'The version it wrote is listed on its ', link(`#/models/${encodeURIComponent(job.model)}`,
      'model page'), '.'));
  }
  const curve = p && p.curve ? p.curve : [];
  parts.push(section('Progress', curve.length ? el('div', { class: 'charts' },
    lineChart({ id: 'progress-loss', title: 'Training loss per epoch', xLabel: 'epoch', yLabel: 'loss', xTicks: 'integers',
      series: [{ name: 'training loss', cls: 's1', points: curve.map((e) => [e.epoch, e.loss]) }] }),
    lineChart({ id: 'progress-gini', title: 'Validation Gini per epoch', xLabel: 'epoch', yLabel: 'Gini', xTicks: 'integers',
      series: [{ name: 'validation Gini', cls: 's2', points: curve.map((e) => [e.epoch, e.validation_gini]) }] }))
    : el('p', { class: 'empty' }, job.status === 'queued' ? 'Waiting for a worker to claim the job.' : 'No epoch finished yet.')));
  return parts;
}
