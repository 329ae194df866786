// Grant cases (交付案件): the worklist, the deadline board, and one case with its procedures, steps and amounts.
import { h, show } from '../dom.js';
import { t, codeLabel, L } from '../i18n.js';
import { get, getVersioned, query } from '../api.js';
import { dateEl, yen, fiscalYearLabel, today, weekOf, addDays } from '../format.js';
import { commandForm, openDialog } from '../forms.js';
import { navigate } from '../app.js';
import { bureauSelect, fiscalYearSelect, filterBar, defaultBureau, currentFiscalYear, table, section, canWrite, statusBadge } from './common.js';

export const GRANT_TYPES = [['CHIIKI_SHIEN_JIGYO', '地域支援事業交付金'], ['KIKIN_SHISETSU', '地域医療介護総合確保基金（介護施設等整備分）'],
  ['KIKIN_JINZAI', '地域医療介護総合確保基金（介護従事者確保分）'], ['KOKI_ITTAI', '後期高齢者医療特別調整交付金（一体的実施）']]
  .map(([value, label]) => ({ value, label }));
export const PROCEDURE_KINDS = [['INITIAL', '当初交付'], ['CHANGE', '変更交付'], ['ADJUSTMENT', '調整交付金'], ['CONFIRMATION', '前年度確定'],
  ['RECONFIRMATION', '過年度再確定']].map(([value, label]) => ({ value, label }));
const STEP_LABELS = {
  PRECONSULTATION_REQUESTED: '事前協議依頼', PRECONSULTATION_SUBMITTED: '事前協議提出', PROVISIONAL_NOTIFIED: '内示',
  APPLICATION_REQUESTED: '交付申請依頼', APPLICATION_SUBMITTED: '交付申請提出', REVIEWED: '審査', EXPENDITURE_AUTHORITY_RECEIVED: '支出負担行為示達',
  DECISION_APPROVED: '交付決定決裁', DECISION_NOTIFIED: '交付決定通知', PAID: '支払', REPORT_REQUESTED: '実績報告依頼',
  REPORT_SUBMITTED: '実績報告提出', AMOUNT_CONFIRMED: '交付額確定', CONFIRMATION_NOTIFIED: '確定通知', REFUND_ORDERED: '返還命令',
  REFUND_RECEIVED: '返還受領', SURVEY_REQUESTED: '調査依頼', SURVEY_SUBMITTED: '調査提出', AMOUNT_CALCULATED: '算定・提示',
};
const AMOUNTS = [['requested', '申請額'], ['provisional', '内示額'], ['authorised', '示達額'], ['decided', '交付決定額'], ['paid', '支払額'],
  ['calculated', '算定額'], ['confirmed', '確定額'], ['refundOrdered', '返還額'], ['refundReceived', '返還受領額'], ['settlement', '精算額']];

export async function renderWorklist({ me, query: q }) {
  const params = { bureau: defaultBureau(me, q), targetFiscalYear: Number(q.targetFiscalYear) || currentFiscalYear(), grantType: q.grantType || '' };
  const list = await get(query('/api/grant-cases', params));
  const typeSelect = h('select#filter-grantType', { name: 'grantType' }, h('option', { value: '' }, '—'),
    GRANT_TYPES.map(g => h('option', { value: g.value, selected: g.value === params.grantType }, g.label)));
  const fy = fiscalYearSelect(params.targetFiscalYear, 'filter-targetFiscalYear');
  fy.name = 'targetFiscalYear';
  show(
    h('div.page-head', h('h1', `${t('worklist')} — ${fiscalYearLabel(params.targetFiscalYear)}`),
      canWrite(me) ? h('button.primary', { type: 'button', on: { click: () => openGrantCase(params) } }, t('newGrantCase')) : null),
    filterBar([[t('bureau'), await bureauSelect(me, params.bureau)], [t('targetFiscalYear'), fy], [t('grantType'), typeSelect]],
      values => navigate('/grants', { ...params, ...values, bureau: values.bureau || params.bureau })),
    table(null, [t('recipient'), t('grantType'), t('waitingFor'), t('dueBy'), L('決裁待ち', 'Awaiting approval')], list.map(c => [
      h('a', { href: `#/grant-cases/${encodeURIComponent(c.id)}` }, c.recipientName),
      c.grantTypeLabel,
      c.waitingFor ? c.waitingFor.label : L('完了', 'Complete'),
      c.waitingFor && c.waitingFor.dueBy ? [dateEl(c.waitingFor.dueBy), c.waitingFor.overdue ? h('span.badge.status-overdue', ` ${t('overdue')}`) : ''] : (c.waitingFor && c.waitingFor.plannedLabel) || '',
      c.pendingApproval ? h('span.badge.status-planned', L('決裁待ち', 'Awaiting approval')) : '',
    ])));
}

function openGrantCase(params) {
  const dialog = openDialog(t('newGrantCase'), commandForm({
    path: '/api/grant-cases', onDone: r => { dialog.close(); navigate(`/grant-cases/${r.id}`); },
    fields: [
      { name: 'grantType', label: t('grantType'), type: 'select', required: true, options: GRANT_TYPES },
      { name: 'recipient.kind', label: L('交付先の種類', 'Recipient kind'), type: 'select', required: true, options: [{ value: 'MUNICIPALITY' }, { value: 'PREFECTURE' }, { value: 'KOIKI_RENGO' }] },
      { name: 'recipient.code', label: L('交付先コード（6桁）', 'Recipient code (6 digits)'), required: true },
      { name: 'targetFiscalYear', label: t('targetFiscalYear'), type: 'number', required: true, value: params.targetFiscalYear },
    ],
  }));
}

export async function renderDeadlines({ me, query: q }) {
  const [monday, sunday] = weekOf(today());
  const params = { bureau: defaultBureau(me, q), from: q.from || addDays(monday, -28), to: q.to || addDays(sunday, 28) };
  const list = await get(query('/api/grants/deadlines', params));
  const from = h('input#filter-from', { type: 'date', name: 'from', value: params.from });
  const to = h('input#filter-to', { type: 'date', name: 'to', value: params.to });
  show(
    h('h1', t('deadlines')),
    filterBar([[t('bureau'), await bureauSelect(me, params.bureau)], [t('from'), from], [t('to'), to]],
      values => navigate('/grants/deadlines', { ...params, ...values, bureau: values.bureau || params.bureau })),
    table(null, [t('dueBy'), t('recipient'), t('grantType'), t('procedures'), t('step'), t('status')], list.map(d => [
      dateEl(d.dueBy), h('a', { href: `#/grant-cases/${encodeURIComponent(d.grantCaseId)}` }, d.recipientName), d.grantTypeLabel,
      `${d.procedureKindLabel}${d.procedureNumber > 1 ? ` (${d.procedureNumber})` : ''}`, d.stepLabel,
      d.recorded ? ['済 ', dateEl(d.recordedOn)] : d.overdue ? h('span.badge.status-overdue', t('overdue')) : (d.plannedLabel || ''),
    ]), 'deadlines'));
}

export async function renderGrantCase({ me, id }) {
  const { body: c, version } = await getVersioned(`/api/grant-cases/${encodeURIComponent(id)}`);
  show(h('div.page-head', h('h1', `${c.recipientName} — ${c.grantTypeLabel}`),
    h('div.head-links', h('a', { href: `#/audit/${encodeURIComponent(id)}` }, t('timeline')))),
  ...grantCaseBody(me, c, version, () => renderGrantCase({ me, id })));
}

/** The case's sections; the auditor view draws a past state with the same function (no forms there). */
export function grantCaseBody(me, c, version, reload) {
  const write = reload && canWrite(me);
  const base = `/api/grant-cases/${encodeURIComponent(c.id)}`;
  return [
    section(t('header'), h('dl.details',
      h('dt', t('recipient')), h('dd', `${c.recipientName}（${c.recipientKindLabel || c.recipientKind}・${c.recipientCode}）`),
      h('dt', t('grantType')), h('dd', c.grantTypeLabel),
      h('dt', t('targetFiscalYear')), h('dd', c.targetFiscalYearLabel || fiscalYearLabel(c.targetFiscalYear)),
      h('dt', t('waitingFor')), h('dd', c.waitingFor ? [c.waitingFor.label, c.waitingFor.dueBy ? [' ', dateEl(c.waitingFor.dueBy)] : ''] : L('完了', 'Complete')),
      version !== undefined ? [h('dt', t('version')), h('dd', String(version))] : null),
      write ? h('div.actions', h('button', { type: 'button', on: { click: () => {
        const dialog = openDialog(t('newProcedure'), commandForm({ path: `${base}/procedures`, version,
          onDone: () => { dialog.close(); reload(); },
          fields: [{ name: 'kind', label: t('procedures'), type: 'select', required: true, options: PROCEDURE_KINDS }] }));
      } } }, t('newProcedure')),
      h('button', { type: 'button', on: { click: () => {
        const dialog = openDialog('訂正 / correction', commandForm({ path: `${base}/corrections`, version,
          intro: '元の記録は残ります。項目を空欄のままにすると、記録の誤りを理由とともに注記するだけです。 / The corrected record stays on file; leave the fields empty to only mark it as wrong, with the reason.',
          onDone: () => { dialog.close(); reload(); },
          fields: [{ name: 'correctsEvent', label: L('訂正する記録の番号 (seq)', 'Record to correct (seq)'), type: 'number', required: true, min: 0 },
            { name: 'reason', label: t('reason'), type: 'textarea', required: true },
            { name: 'fields.on', label: L('正しい日付', 'Correct date'), type: 'date' }, { name: 'fields.amount', label: L('正しい金額（円）', 'Correct amount (yen)'), type: 'number', min: 0 },
            { name: 'fields.noticeNo', label: L('正しい文書番号', 'Correct notice no.') }, { name: 'fields.note', label: t('note') }] }));
      } } }, '訂正 / correction')) : null),
    ...(c.procedures || []).map(p => procedureSection(me, c, p, version, reload, write, base)),
  ];
}

function procedureSection(me, c, p, version, reload, write, base) {
  const trail = p.amounts || {};
  return h('section.panel.procedure', { dataset: { procedure: p.procedureId } },
    h('h2', `${p.kindLabel}${p.number > 1 ? `（${p.number}回目）` : ''}`, p.complete ? h('span.badge.status-held', ' 完了') : '',
      p.pendingApproval ? h('span.badge.status-planned', ' 決裁待ち') : ''),
    table(t('procedures'), [t('step'), L('予定', 'Planned'), L('記録日', 'Recorded on'), t('amount'), t('noticeNo'), t('status'), ''], (p.steps || []).map(s => [
      s.label, s.planned ? (s.planned.on ? dateEl(s.planned.on) : s.planned.label || '') : '', dateEl(s.recordedOn), yen(s.amount), s.noticeNo || '',
      statusBadge(s.status, s.status ? codeLabel(s.status, { DONE: '済', OVERDUE: '期限超過', PLANNED: L('予定', 'Planned'), NOT_PLANNED: '予定なし', SKIPPED: '省略' }[s.status]) : ''),
      write && !s.recordedOn ? h('button.small', { type: 'button', on: { click: () => stepDialog(me, base, p, s.step, version, reload) } }, t('recordStep')) : '',
    ])),
    table(t('amountTrail'), AMOUNTS.map(([, label]) => label), [AMOUNTS.map(([key]) => yen(trail[key]))], 'amounts'));
}

function stepDialog(me, base, p, step, version, reload) {
  const dialog = openDialog(`${STEP_LABELS[step] || step}`, commandForm({
    path: `${base}/procedures/${encodeURIComponent(p.procedureId)}/steps/${step}`, version,
    onDone: () => { dialog.close(); reload(); },
    intro: step === 'DECISION_APPROVED' ? '交付決定決裁は課長・課長補佐のみ記録できます。示達額を超える金額は記録できません。' : null,
    fields: [
      { name: 'on', label: t('on'), type: 'date', required: true, value: today() },
      { name: 'amount', label: t('amount'), type: 'number', min: 0 },
      { name: 'noticeNo', label: t('noticeNo') },
      { name: 'documents', label: t('documents'), type: 'lines' },
      { name: 'note', label: t('note'), type: 'textarea' },
    ],
  }));
}
