// The milestone matrix per bureau and fiscal year, like the Kyushu table: rows municipalities, columns the
// programme's milestones, each cell planned vs held and coloured by status. Live: other users' changes arrive
// as server-sent events and redraw their row.
import { h, show, clear, announce } from '../dom.js';
import { t, codeLabel } from '../i18n.js';
import { dateEl, periodEl, time, fiscalYearLabel, warekiDate } from '../format.js';
import { openDialog } from '../forms.js';
import { followMatrix, liveBadge } from '../live.js';
import { navigate, onLeave } from '../app.js';
import { bureauSelect, fiscalYearSelect, programmeSelect, filterBar, defaultBureau, currentFiscalYear, canWrite, PROGRAMME_JA } from './common.js';
import { milestoneTabs } from './milestone-forms.js';

export async function renderMatrix({ me, query }) {
  const params = {
    bureau: defaultBureau(me, query),
    fiscalYear: Number(query.fiscalYear) || currentFiscalYear(),
    programme: query.programme || 'KASOKUKA',
  };
  const filters = filterBar([
    [t('bureau'), await bureauSelect(me, params.bureau)],
    [t('fiscalYear'), fiscalYearSelect(params.fiscalYear)],
    [t('programme'), programmeSelect(params.programme)],
  ], values => navigate('/matrix', { ...params, ...values, bureau: values.bureau || params.bureau }));
  const badge = liveBadge();
  const tableHolder = h('div.matrix-holder', { tabindex: '0', 'aria-label': t('matrix') }, h('p.muted', t('loading')));
  const sameDay = h('section.panel.same-day', { 'aria-live': 'polite' });
  show(
    h('div.page-head', h('h1', `${t('matrix')} — ${fiscalYearLabel(params.fiscalYear)}`), badge),
    filters,
    h('p.hint', canWrite(me) ? t('cellHelp') : t('readOnly'), ' ', t('gregorianHint')),
    legend(),
    tableHolder,
    sameDay);

  let view = null;
  const redraw = () => {
    clear(tableHolder).append(matrixTable(me, view));
    clear(sameDay).append(...sameDayList(view));
  };
  const stop = followMatrix(params, {
    onMatrix: matrix => { view = matrix; redraw(); },
    onRow: row => {
      if (!view) return;
      const i = view.rows.findIndex(r => r.engagementId === row.engagementId);
      if (i >= 0 && JSON.stringify(view.rows[i]) === JSON.stringify(row)) return; // sent twice: nothing new
      if (i >= 0) view.rows[i] = row; else view.rows.push(row);
      view.rows.sort((a, b) => (a.municipalityCode || '').localeCompare(b.municipalityCode || ''));
      redraw();
      const tr = tableHolder.querySelector(`tr[data-engagement="${CSS.escape(row.engagementId)}"]`);
      if (tr) tr.classList.add('just-changed');
      announce(`${row.municipalityName} ${t('matrix')}: 更新 / updated`);
    },
    onState: on => badge.set(on),
  });
  onLeave(stop);
}

function legend() {
  return h('ul.legend', { 'aria-label': t('legend') },
    ['NOT_PLANNED', 'PLANNED', 'HELD', 'CANCELLED', 'SKIPPED'].map(s => h('li', h(`span.swatch.status-${s.toLowerCase()}`), codeLabel(s))));
}

/** date → engagements with a planned or held milestone that day, to show overlaps. */
function byDay(view) {
  const days = new Map();
  for (const row of view.rows) {
    for (const [key, cell] of Object.entries(row.cells || {})) {
      const day = cell.heldOn || (cell.status === 'PLANNED' ? cell.plannedOn : null);
      if (!day) continue;
      if (!days.has(day)) days.set(day, []);
      days.get(day).push({ row, key, cell });
    }
  }
  return days;
}

function matrixTable(me, view) {
  const days = byDay(view);
  const columns = view.columns;
  return h('table.matrix', { 'data-testid': 'matrix' },
    h('caption', `${view.fiscalYearLabel || fiscalYearLabel(view.fiscalYear)} ${codeLabel(view.programme, PROGRAMME_JA[view.programme])}`),
    h('thead', h('tr', h('th', { scope: 'col' }, t('municipality')), columns.map(c => h('th', { scope: 'col' }, c.label)))),
    h('tbody', view.rows.length === 0
      ? h('tr', h('td.muted', { colSpan: columns.length + 1 }, t('noRows')))
      : view.rows.map(row => h('tr', { dataset: { engagement: row.engagementId, municipality: row.municipalityCode } },
        h('th', { scope: 'row' }, h('a', { href: `#/engagements/${encodeURIComponent(row.engagementId)}` }, row.municipalityName)),
        columns.map(c => h('td', cellButton(me, row, c, (row.cells || {})[c.key], days)))))));
}

function cellButton(me, row, column, cell, days) {
  const status = (cell && cell.status) || 'NOT_PLANNED';
  const day = cell && (cell.heldOn || (status === 'PLANNED' ? cell.plannedOn : null));
  const others = day ? (days.get(day) || []).filter(o => o.row.engagementId !== row.engagementId) : [];
  const content = [];
  if (cell && cell.heldOn) {
    content.push(h('span.held', '実 ', dateEl(cell.heldOn, true)));
    if (cell.plannedOn && cell.plannedOn !== cell.heldOn) content.push(h('span.planned.strike', '予 ', dateEl(cell.plannedOn, true)));
  } else if (cell && cell.plannedOn) {
    content.push(h('span.planned', '予 ', dateEl(cell.plannedOn, true)));
  } else if (cell && cell.plannedPeriod) {
    content.push(h('span.planned', '予 ', periodEl(cell.plannedPeriod)));
  } else {
    content.push(h('span.muted', status === 'NOT_PLANNED' ? '—' : ''));
  }
  if (cell && cell.startTime) content.push(h('span.times', `${time(cell.startTime)}–${time(cell.endTime)}`));
  if (status === 'CANCELLED' || status === 'SKIPPED') content.push(h('span.state', codeLabel(status)));
  if (others.length) {
    content.push(h('span.same-day-badge', { title: `${t('sameDayTitle')}: ${others.map(o => o.row.municipalityName).join('、')}` },
      `${t('sameDay')}${others.length + 1}`));
  }
  const label = `${row.municipalityName} ${column.label}: ${codeLabel(status)}`
    + (cell && cell.heldOn ? ` ${warekiDate(cell.heldOn)}` : cell && cell.plannedOn ? ` ${warekiDate(cell.plannedOn)}` : '');
  return h(`button.cell.status-${status.toLowerCase()}`, {
    type: 'button', 'aria-label': label,
    dataset: { testid: `cell-${row.municipalityCode}-${column.key}`, kind: column.key, status },
    on: { click: () => openCell(me, row, column, cell) },
  }, content);
}

function openCell(me, row, column, cell) {
  const title = `${row.municipalityName} — ${column.label}`;
  if (!canWrite(me)) {
    openDialog(title, cellDetails(cell),
      h('p', h('a', { href: `#/audit/${encodeURIComponent(row.engagementId)}` }, t('timeline'))));
    return;
  }
  let dialog = null;
  const done = () => { if (dialog) dialog.close(); };
  dialog = openDialog(title, cellDetails(cell), milestoneTabs(me, row.engagementId, column.key, cell, done));
}

function cellDetails(cell) {
  if (!cell) return h('p.muted', codeLabel('NOT_PLANNED'));
  return h('dl.details',
    h('dt', t('status')), h('dd', codeLabel(cell.status)),
    cell.plannedOn ? [h('dt', t('plannedOn')), h('dd', dateEl(cell.plannedOn))] : null,
    cell.plannedPeriod ? [h('dt', t('plannedPeriod')), h('dd', periodEl(cell.plannedPeriod))] : null,
    cell.heldOn ? [h('dt', t('heldOn')), h('dd', dateEl(cell.heldOn))] : null,
    cell.startTime ? [h('dt', `${t('startTime')}–${t('endTime')}`), h('dd', `${time(cell.startTime)}–${time(cell.endTime)}`)] : null);
}

function sameDayList(view) {
  const several = [...byDay(view).entries()].filter(([, list]) => list.length > 1).sort(([a], [b]) => a.localeCompare(b));
  return [h('h2', t('daysWithSeveral')),
    several.length === 0 ? h('p.muted', t('none')) : h('ul.days', several.map(([day, list]) => h('li',
      dateEl(day), ': ', list.map(o => `${o.row.municipalityName}（${view.columns.find(c => c.key === o.key)?.label || o.key}${o.cell.startTime ? ' ' + time(o.cell.startTime) : ''}）`).join('、'))))];
}
