// The forms of one milestone: plan (or reschedule), hold, cancel, skip. Used by the matrix and the engagement page.
import { t } from '../i18n.js';
import { commandForm, tabs } from '../forms.js';
import { time } from '../format.js';

export const MODES = ['ONSITE', 'ONLINE', 'HYBRID'].map(value => ({ value }));
export const PARTS = ['EARLY', 'MID', 'LATE', 'AROUND'].map(value => ({ value }));

function path(engagementId, kind, action) {
  return `/api/engagements/${encodeURIComponent(engagementId)}/milestones/${encodeURIComponent(kind)}/${action}`;
}

export function planForm(engagementId, kind, cell, onDone, version) {
  const period = cell && cell.plannedPeriod;
  return commandForm({
    method: 'PUT', path: path(engagementId, kind, 'plan'), version, onDone,
    intro: cell && (cell.plannedOn || cell.plannedPeriod) ? '日程を変更すると、変更前の予定も記録に残ります。 / Rescheduling keeps the old plan on record.' : null,
    fields: [
      { name: 'plannedOn', label: t('plannedOn'), type: 'date', value: cell && cell.plannedOn },
      { name: 'plannedPeriod.year', label: `${t('orPeriod')}: ${t('year')}`, type: 'number', value: period && period.year, min: 2015, max: 2061 },
      { name: 'plannedPeriod.month', label: `${t('orPeriod')}: ${t('month')}`, type: 'number', value: period && period.month, min: 1, max: 12 },
      { name: 'plannedPeriod.part', label: `${t('orPeriod')}: ${t('part')}`, type: 'select', options: PARTS, value: period && period.part },
      { name: 'startTime', label: t('startTime'), type: 'time', value: time(cell && cell.startTime) },
      { name: 'endTime', label: t('endTime'), type: 'time', value: time(cell && cell.endTime) },
      { name: 'mode', label: t('mode'), type: 'select', options: MODES },
      { name: 'place', label: t('place') },
      { name: 'reason', label: `${t('reason')}（日程変更のとき）` },
    ],
  });
}

export function heldForm(engagementId, kind, cell, onDone, version) {
  return commandForm({
    method: 'POST', path: path(engagementId, kind, 'held'), version, onDone,
    fields: [
      { name: 'heldOn', label: t('heldOn'), type: 'date', required: true, value: cell && (cell.heldOn || cell.plannedOn) },
      { name: 'startTime', label: t('startTime'), type: 'time', value: time(cell && cell.startTime) },
      { name: 'endTime', label: t('endTime'), type: 'time', value: time(cell && cell.endTime) },
      { name: 'mode', label: t('mode'), type: 'select', options: MODES, required: true, value: cell && cell.mode },
      { name: 'place', label: t('place') },
      { name: 'participants', label: t('participants'), type: 'participants' },
      { name: 'agenda', label: t('agenda'), type: 'lines' },
      { name: 'summary', label: t('summary'), type: 'textarea', rows: 4 },
    ],
  });
}

export function cancelForm(engagementId, kind, onDone, version) {
  return commandForm({
    method: 'POST', path: path(engagementId, kind, 'cancellation'), version, onDone, submitLabel: t('cancelTab'),
    fields: [{ name: 'reason', label: t('reason'), required: true, type: 'textarea' }],
  });
}

export function skipForm(engagementId, kind, onDone, version) {
  return commandForm({
    method: 'POST', path: path(engagementId, kind, 'skip'), version, onDone, submitLabel: t('skipTab'),
    fields: [{ name: 'reason', label: t('reason'), required: true, type: 'textarea' }],
  });
}

/** All forms of a milestone as tabs; held first when the milestone is planned, since that is what comes next. */
export function milestoneTabs(me, engagementId, kind, cell, onDone, version) {
  const entries = [
    { label: t('heldTab'), content: heldForm(engagementId, kind, cell, onDone, version) },
    { label: t('planTab'), content: planForm(engagementId, kind, cell, onDone, version) },
    { label: t('cancelTab'), content: cancelForm(engagementId, kind, onDone, version) },
  ];
  if (!cell || !cell.plannedOn && !cell.plannedPeriod) entries.unshift(entries.splice(1, 1)[0]);
  if (me.role === 'SUPERVISOR') entries.push({ label: t('skipTab'), content: skipForm(engagementId, kind, onDone, version) });
  return tabs(entries);
}
