// The auditor's view of any case: its timeline (actor, recorded and business dates, per-event diff), an "as of"
// control (date picker and slider) that redraws the case as it stood, the tamper check and the CSV export.
import { h, show, clear, announce } from '../dom.js';
import { t, codeLabel } from '../i18n.js';
import { get, query } from '../api.js';
import { dateEl, instantEl, instantLabel, fiscalYearLabel, warekiDate } from '../format.js';
import { navigate } from '../app.js';
import { bureauSelect, fiscalYearSelect, filterBar, defaultBureau, currentFiscalYear, table, section, statusBadge } from './common.js';
import { progressLine, milestoneRecord } from './engagement.js';
import { grantCaseBody } from './grants.js';

export async function renderAuditPicker({ me, query: q }) {
  const params = { bureau: defaultBureau(me, q), fiscalYear: Number(q.fiscalYear) || currentFiscalYear() };
  const [engagements, grants] = await Promise.all([
    get(query('/api/engagements', params)),
    get(query('/api/grant-cases', { bureau: params.bureau, targetFiscalYear: params.fiscalYear })),
  ]);
  const idInput = h('input#audit-case-id', { name: 'caseId', placeholder: 'xxxxxxxx-xxxx-…', autocomplete: 'off' });
  const byId = h('form.filters', { on: { submit: e => { e.preventDefault(); if (idInput.value.trim()) navigate(`/audit/${idInput.value.trim()}`); } } },
    h('div.filter', h('label', { for: idInput.id }, t('caseId')), idInput), h('button', { type: 'submit' }, t('go')));
  show(
    h('h1', t('auditPick')),
    h('p.hint', t('pickHint')),
    byId,
    filterBar([[t('bureau'), await bureauSelect(me, params.bureau)], [t('fiscalYear'), fiscalYearSelect(params.fiscalYear)]],
      values => navigate('/audit', { ...params, ...values, bureau: values.bureau || params.bureau })),
    section(t('engagements'), table(null, [t('municipality'), t('programme'), t('status')], engagements.map(e => [
      h('a', { href: `#/audit/${encodeURIComponent(e.engagementId)}` }, e.municipalityName), codeLabel(e.programme), statusBadge(e.status, e.statusLabel)]))),
    section(t('grants'), table(null, [t('recipient'), t('grantType')], grants.map(g => [
      h('a', { href: `#/audit/${encodeURIComponent(g.id)}` }, g.recipientName), g.grantTypeLabel]))));
}

export async function renderAudit({ me, id }) {
  const enc = encodeURIComponent(id);
  const [timeline, steps] = await Promise.all([get(`/api/cases/${enc}/timeline`), get(`/api/cases/${enc}/steps`)]);
  const changesBySeq = new Map(steps.map(s => [s.seq, s]));
  const last = timeline.length - 1;
  const stateHolder = h('div.state-holder', { 'aria-live': 'polite', 'data-testid': 'as-of-state' });
  const verdict = h('div.verdict', { role: 'status' });
  const position = h('output#as-of-position', { for: 'as-of-slider' });

  // The control: the slider walks the recorded events one by one; the date picker jumps to a day.
  const slider = h('input#as-of-slider', { type: 'range', min: 0, max: Math.max(last, 0), step: 1, value: Math.max(last, 0),
    'aria-valuetext': '' });
  const datePicker = h('input#as-of-date', { type: 'date', name: 'asOfDate' });
  const recordedMode = h('input#as-of-mode-recorded', { type: 'radio', name: 'asOfMode', value: 'recorded', checked: true });
  const occurredMode = h('input#as-of-mode-occurred', { type: 'radio', name: 'asOfMode', value: 'occurred' });
  const rows = new Map();

  let pending = 0;
  async function redraw(params, appliedUpTo) {
    const ticket = ++pending;
    const state = await get(query(`/api/cases/${enc}/state`, params));
    if (ticket !== pending) return; // a newer position was asked for meanwhile
    for (const [seq, tr] of rows) tr.classList.toggle('after-as-of', appliedUpTo !== null ? seq > appliedUpTo : seq > (state.lastSeq ?? -1));
    clear(stateHolder).append(h('p.muted', `${state.eventsApplied} ${t('eventsApplied')}`
      + (params.asOfRecorded ? ` — ${t('asOfRecorded')} ${instantLabel(params.asOfRecorded)}` : '')
      + (params.asOfOccurred ? ` — ${t('asOfOccurred')} ${warekiDate(params.asOfOccurred)}` : '')), ...stateView(me, state));
    announce(`${t('asOf')}: ${state.eventsApplied} ${t('eventsApplied')}`);
  }
  function atIndex(i) {
    const event = timeline[i];
    if (!event) return;
    position.textContent = `#${event.seq} ${event.typeLabel || event.type} — ${instantLabel(event.recordedAt)}`;
    slider.setAttribute('aria-valuetext', position.textContent);
    redraw({ asOfRecorded: event.recordedAt }, event.seq);
  }
  slider.addEventListener('input', () => atIndex(Number(slider.value)));
  datePicker.addEventListener('change', () => {
    const day = datePicker.value;
    if (!day) return;
    if (occurredMode.checked) {
      position.textContent = `${t('asOfOccurred')} ${warekiDate(day)}`;
      redraw({ asOfOccurred: day }, null);
    } else {
      // the end of that day in Tokyo, as an instant
      const endOfDay = new Date(`${day}T23:59:59.999+09:00`).toISOString();
      let i = -1;
      timeline.forEach((e, k) => { if (e.recordedAt <= endOfDay) i = k; });
      slider.value = Math.max(i, 0);
      position.textContent = `${t('asOfRecorded')} ${warekiDate(day)}`;
      redraw({ asOfRecorded: endOfDay }, i >= 0 ? timeline[i].seq : -1);
    }
  });

  const verifyButton = h('button', { type: 'button', on: { click: async () => {
    verifyButton.disabled = true;
    try {
      const r = await get(query('/api/audit/verify', { caseId: id }));
      clear(verdict).append(h(`p.${r.ok ? 'ok' : 'error'}`, r.ok ? t('verifyOk') : t('verifyFailed'),
        ` (${r.eventsChecked} events)`), r.failures && r.failures.length ? h('ul', r.failures.map(f => h('li', `#${f.seq}: ${f.reason}`))) : '');
    } finally {
      verifyButton.disabled = false;
    }
  } } }, t('verify'));

  const first = timeline[0] || {};
  show(
    h('div.page-head', h('h1', `${t('timeline')} — ${caseTitle(first)}`),
      h('div.head-links', verifyButton, ' ', h('a.button', { href: `/api/exports/timeline.csv?caseId=${enc}`, download: `timeline-${id}.csv` }, t('exportCsv')))),
    verdict,
    h('section.panel.as-of', h('h2', t('asOf')),
      h('fieldset', h('legend', t('asOf')),
        h('label', { for: recordedMode.id }, recordedMode, t('asOfRecorded')), ' ',
        h('label', { for: occurredMode.id }, occurredMode, t('asOfOccurred'))),
      h('div.as-of-controls',
        h('label', { for: slider.id }, '記録を順にたどる / step through the records'), slider, position,
        h('label', { for: datePicker.id }, '日付で指定 / pick a date'), datePicker)),
    h('div.audit-columns',
      h('section.panel.timeline', h('h2', t('timeline')), timelineTable(timeline, changesBySeq, rows)),
      h('section.panel', h('h2', t('stateAsOf')), stateHolder)));
  if (timeline.length) atIndex(last);
}

function caseTitle(first) {
  const p = first.payload || {};
  return [p.municipalityName || p.recipientName || p.subject || '', first.caseType ? codeLabel(first.caseType) : ''].filter(Boolean).join(' ') || first.caseId || '';
}

function timelineTable(timeline, changesBySeq, rows) {
  return h('table.data.timeline', { 'data-testid': 'timeline' },
    h('thead', h('tr', [t('seq'), t('type'), t('occurredOn'), t('recordedAt'), t('actor'), t('changes'), t('hash')].map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', timeline.map(e => {
      const step = changesBySeq.get(e.seq) || {};
      const tr = h('tr', { dataset: { seq: e.seq } },
        h('td', String(e.seq)),
        h('td', e.typeLabel || e.type,
          e.lateEntry ? h('span.flag', t('lateEntry')) : '',
          e.correctedBy && e.correctedBy.length ? h('span.flag', `${t('corrected')} → #${e.correctedBy.join(', #')}`) : '',
          step.corrects !== undefined && step.corrects !== null ? h('span.flag', `${t('corrects')} #${step.corrects}`) : ''),
        h('td', dateEl(e.occurredOn)),
        h('td', instantEl(e.recordedAt)),
        h('td', e.actor, e.actorRole ? h('span.muted', ` (${e.actorRole})`) : ''),
        h('td', diff(step.changes || [])),
        h('td', hashEl(e)));
      rows.set(e.seq, tr);
      return tr;
    })));
}

// The event's place in the case's hash chain as stored: its own hash, shortened, with both hashes on hover, so an
// auditor can compare it with an export or with the previous row's.
function hashEl(e) {
  if (!e.hash) return '';
  return h('code.hash', { title: `hash ${e.hash}\nprevHash ${e.prevHash || ''}`, dataset: { hash: e.hash } }, e.hash.slice(0, 10));
}

function diff(changes) {
  if (!changes.length) return '';
  return h('details', h('summary', `${changes.length}`),
    h('table.diff', h('tbody', changes.slice(0, 200).map(c => h('tr',
      h('th', { scope: 'row' }, c.path), h('td.before', show1(c.before)), h('td.after', show1(c.after)))))));
}

function show1(v) {
  if (v === undefined || v === null) return '—';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The case as it stood, drawn with the same views as its page (without forms), or as a list of fields. */
function stateView(me, caseState) {
  const s = caseState.state;
  if (!s) return [h('p.muted', t('none'))];
  if (caseState.caseType === 'SUPPORT_ENGAGEMENT') {
    return [h('h3', `${s.municipalityName} — ${s.programmeLabel} ${s.fiscalYearLabel || fiscalYearLabel(s.fiscalYear)}`),
      statusBadge(s.status, s.statusLabel), progressLine(s), ...s.milestones.map(m => milestoneRecord(me, s, m, null, null))];
  }
  if (caseState.caseType === 'GRANT_CASE') return grantCaseBody(me, s, undefined, null);
  return [h('dl.details', Object.entries(s).filter(([, v]) => v !== null && typeof v !== 'object')
    .map(([k, v]) => [h('dt', k), h('dd', String(v))]))];
}
