// Retraining schedules with their next fire time, and one schedule's history of fires and promotion decisions.
import { api } from './api.js';
import { el, empty, link, section, table, when } from './dom.js';

export async function render(view) {
  const page = await api('/api/v1/schedules?limit=100');
  view.replaceChildren(section('Retraining schedules', page.items.length
    ? table(['Schedule', 'Model', 'Cron', 'Time zone', 'Dataset', 'Promotion', 'Enabled', 'Next fire'], page.items.map((s) => [
      link(`#/schedules/${s.id}`, '#' + s.id), link(`#/models/${encodeURIComponent(s.model)}`, s.model), s.cron, s.time_zone,
      s.dataset_name + (s.dataset_version ? ' v' + s.dataset_version : ' (latest)'), policy(s.promotion_policy),
      s.enabled ? 'yes' : 'paused', when(s.next_fire_time)]), { id: 'schedules' })
    : empty('No schedules yet. Create one with POST /api/v1/schedules (see the README).')));
  return null;
}

export async function renderOne(view, { id }) {
  const [s, history] = await Promise.all([api(`/api/v1/schedules/${id}`), api(`/api/v1/schedules/${id}/history?limit=100`)]);
  view.replaceChildren(
    el('h2', {}, `Schedule #${s.id} of `, link(`#/models/${encodeURIComponent(s.model)}`, s.model)),
    el('p', {}, `Cron ${s.cron} in ${s.time_zone}; ${policy(s.promotion_policy)}; next fire ${when(s.next_fire_time)}.`),
    section('History', history.items.length
      ? table(['Fire time', 'Outcome', 'Why', 'Job', 'Job status', 'Version', 'Decision', 'Reason'], history.items.map((f) => [
        when(f.fire_time), f.outcome, f.detail, f.job_id ? link(`#/jobs/${f.job_id}`, '#' + f.job_id) : '–',
        f.job_status || '–', f.version ? link(`#/models/${encodeURIComponent(s.model)}/versions/${f.version}`, 'v' + f.version) : '–',
        f.decision || '–', f.decision_reason || '']), { id: 'history' })
      : empty('No fires yet.')));
  return null;
}

function policy(p) {
  return p.mode === 'never' ? 'never promotes' : `promotes when ${p.metric} beats the champion by more than ${p.margin}`;
}
