// Support engagements (伴走支援): the list, and one engagement's page with its header, the milestone path,
// the records of each milestone and a form for every command of the contract.
import { h, show } from '../dom.js';
import { t, codeLabel, L } from '../i18n.js';
import { get, getVersioned, query } from '../api.js';
import { dateEl, periodEl, time, fiscalYearLabel } from '../format.js';
import { commandForm, openDialog, THEMES } from '../forms.js';
import { navigate } from '../app.js';
import { bureauSelect, fiscalYearSelect, programmeSelect, filterBar, defaultBureau, currentFiscalYear, statusBadge,
  table, section, canWrite, PROGRAMMES, PROGRAMME_JA } from './common.js';
import { milestoneTabs, MODES } from './milestone-forms.js';

export async function renderEngagementList({ me, query: q }) {
  const params = { bureau: defaultBureau(me, q), fiscalYear: Number(q.fiscalYear) || currentFiscalYear(), programme: q.programme || '' };
  const list = await get(query('/api/engagements', params));
  show(
    h('div.page-head', h('h1', `${t('engagements')} — ${fiscalYearLabel(params.fiscalYear)}`),
      canWrite(me) ? h('button.primary', { type: 'button', on: { click: () => registerDialog(me, params) } }, t('newEngagement')) : null),
    filterBar([
      [t('bureau'), await bureauSelect(me, params.bureau)],
      [t('fiscalYear'), fiscalYearSelect(params.fiscalYear)],
      [t('programme'), programmeSelect(params.programme, 'filter-programme', true)],
    ], values => navigate('/engagements', { ...params, ...values, bureau: values.bureau || params.bureau })),
    table(null, [t('municipality'), t('programme'), t('status'), t('nextMilestone')], list.map(e => [
      h('a', { href: `#/engagements/${encodeURIComponent(e.engagementId)}` }, e.municipalityName),
      codeLabel(e.programme, PROGRAMME_JA[e.programme]) + (e.engagementType ? `（${codeLabel(e.engagementType)}）` : ''),
      statusBadge(e.status, e.statusLabel),
      e.nextMilestone ? [e.nextMilestone.label, ' ', e.nextMilestone.plannedOn ? dateEl(e.nextMilestone.plannedOn) : periodEl(e.nextMilestone.plannedPeriod)] : '',
    ])));
}

async function registerDialog(me, params) {
  const places = await get(query('/api/reference/local-governments', { bureau: params.bureau }));
  const dialog = openDialog(t('newEngagement'), commandForm({
    method: 'POST', path: '/api/engagements',
    onDone: result => { dialog.close(); navigate(`/engagements/${result.id}`); },
    fields: [
      { name: 'programme', label: t('programme'), type: 'select', required: true, value: params.programme || 'KASOKUKA',
        options: PROGRAMMES.map(p => ({ value: p, label: codeLabel(p, PROGRAMME_JA[p]) })) },
      { name: 'engagementType', label: L('類型 / type（加速化のみ）', 'Type (KASOKUKA only)'), type: 'select', options: [{ value: 'BUREAU_LED' }, { value: 'PREFECTURE_LED' }] },
      { name: 'fiscalYear', label: t('fiscalYear'), type: 'number', required: true, value: params.fiscalYear, min: 2015, max: 2060 },
      { name: 'municipalityCode', label: `${t('municipality')}（全国地方公共団体コード）`, required: true,
        hint: '名前を入力すると候補が出ます / type a name to pick', datalist: places.map(p => ({ value: p.code, label: `${p.prefecture} ${p.name}` })) },
      { name: 'themes', label: t('themes'), type: 'themes' },
      { name: 'applicationBackground', label: L('申込の背景 / background', 'Background'), type: 'textarea' },
    ],
  }));
}

export async function renderEngagement({ me, id }) {
  const { body: e, version } = await getVersioned(`/api/engagements/${encodeURIComponent(id)}`);
  const reload = () => renderEngagement({ me, id });
  const write = canWrite(me);
  const form = (title, spec) => h('button', { type: 'button', on: { click: () => {
    const dialog = openDialog(title, commandForm({ ...spec, version, onDone: () => { dialog.close(); reload(); } }));
  } } }, title);
  const base = `/api/engagements/${encodeURIComponent(id)}`;
  const milestoneOptions = e.milestones.map(m => ({ value: m.key, label: m.label }));

  show(
    h('div.page-head',
      h('h1', `${e.municipalityName} — ${e.programmeLabel}`),
      h('div.head-links', statusBadge(e.status, e.statusLabel), ' ',
        h('a', { href: `#/audit/${encodeURIComponent(id)}` }, t('timeline')), ' ',
        h('a', { href: `#/matrix?${new URLSearchParams({ bureau: e.bureauCode, fiscalYear: e.fiscalYear, programme: e.programme })}` }, t('matrix')))),
    section(t('header'), h('dl.details',
      h('dt', t('fiscalYear')), h('dd', e.fiscalYearLabel || fiscalYearLabel(e.fiscalYear)),
      h('dt', t('municipality')), h('dd', `${e.municipalityName}（${e.municipalityCode}）`),
      h('dt', t('programme')), h('dd', e.programmeLabel, e.engagementType ? `・${codeLabel(e.engagementType)}` : ''),
      h('dt', t('themes')), h('dd', (e.themes || []).map(th => `${THEMES[th.code] || th.code}${th.detail ? `（${th.detail}）` : ''}`).join('、') || '—'),
      h('dt', t('advisors')), h('dd', (e.advisors || []).filter(a => a.active).map(a => `${a.name}${a.affiliation ? `（${a.affiliation}${a.title ? ' ' + a.title : ''}）` : ''}`).join('、') || '—'),
      e.selectedOn ? [h('dt', '選定日'), h('dd', dateEl(e.selectedOn))] : null,
      h('dt', t('version')), h('dd', String(version)))),
    progressLine(e),
    write ? section(t('actions'), h('div.actions',
      form(L('エントリー受付 / entry', 'Entry received'), { path: `${base}/entry`, fields: [
        { name: 'receivedOn', label: L('受付日', 'Received on'), type: 'date', required: true }, { name: 'note', label: t('note') }] }),
      form(L('選定 / selection', 'Selection'), { path: `${base}/selection`, fields: [
        { name: 'selectedOn', label: L('選定日', 'Selected on'), type: 'date', required: true },
        { name: 'selectedBy', label: L('選定者', 'Selected by'), type: 'select', options: [{ value: 'BUREAU' }, { value: 'PREFECTURE' }, { value: 'MHLW' }] }] }),
      form(L('不選定 / not selected', 'Not selected'), { path: `${base}/non-selection`, fields: [
        { name: 'decidedOn', label: L('決定日', 'Decided on'), type: 'date', required: true }, { name: 'reason', label: t('reason'), type: 'textarea', required: true }] }),
      form(L('辞退 / withdrawal', 'Withdrawal'), { path: `${base}/withdrawal`, fields: [
        { name: 'withdrawnOn', label: L('辞退日', 'Withdrawn on'), type: 'date', required: true }, { name: 'reason', label: t('reason'), type: 'textarea', required: true }] }),
      form(L('アドバイザー追加 / add advisor', 'Add advisor'), { path: `${base}/advisors`, fields: [
        { name: 'name', label: L('氏名', 'Name'), required: true }, { name: 'affiliation', label: L('所属', 'Affiliation') }, { name: 'title', label: L('役職', 'Title') },
        { name: 'assignedOn', label: L('委嘱日', 'Assigned on'), type: 'date' }] }),
      form(L('テーマ変更 / themes', 'Change themes'), { method: 'PUT', path: `${base}/themes`, fields: [
        { name: 'themes', label: t('themes'), type: 'themes', required: true, value: e.themes }, { name: 'reason', label: t('reason') }] }),
      form(L('所見 / finding', 'Finding'), { path: `${base}/findings`, fields: [
        { name: 'milestone', label: L('マイルストーン', 'Milestone'), type: 'select', required: true, options: milestoneOptions },
        { name: 'text', label: L('所見', 'Finding'), type: 'textarea', required: true }] }),
      form(L('決定事項 / decision', 'Decision'), { path: `${base}/decisions`, fields: [
        { name: 'decidedOn', label: L('決定日', 'Decided on'), type: 'date', required: true }, { name: 'text', label: L('決定事項', 'Decision'), type: 'textarea', required: true },
        { name: 'milestone', label: L('マイルストーン', 'Milestone'), type: 'select', options: milestoneOptions }] }),
      form(L('宿題 / homework', 'Homework'), { path: `${base}/homework`, fields: [
        { name: 'description', label: L('内容', 'Description'), type: 'textarea', required: true }, { name: 'owner', label: L('担当', 'Owner') },
        { name: 'dueBefore', label: L('どの会議までに', 'Due before meeting'), type: 'select', options: milestoneOptions }, { name: 'dueOn', label: L('期限日', 'Due on'), type: 'date' }] }),
      form(L('成果物 / output', 'Output'), { path: `${base}/outputs`, fields: [
        { name: 'kind', label: L('種類', 'Kind'), type: 'select', required: true, options: OUTPUT_KINDS },
        { name: 'title', label: L('題名', 'Title'), required: true }, { name: 'uri', label: L('保存場所 (URL)', 'Location (URL)') },
        { name: 'milestone', label: L('マイルストーン', 'Milestone'), type: 'select', options: milestoneOptions }, { name: 'producedOn', label: L('作成日', 'Produced on'), type: 'date' }] }),
      form(L('終了 / closure', 'Closure'), { path: `${base}/closure`, fields: [
        { name: 'closedOn', label: L('終了日', 'Closed on'), type: 'date', required: true }, { name: 'outcomeSummary', label: L('成果の要約', 'Outcome summary'), type: 'textarea' },
        { name: 'reason', label: t('reason') }] }),
      form(L('訂正 / correction', 'Correction'), { path: `${base}/corrections`, intro: '訂正する記録の番号はタイムラインで確認できます。元の記録は残ります。 / The corrected record stays on file.', fields: [
        { name: 'correctsEvent', label: L('訂正する記録の番号 (seq)', 'Record to correct (seq)'), type: 'number', required: true, min: 0 },
        { name: 'reason', label: t('reason'), type: 'textarea', required: true },
        { name: 'fields', label: L('訂正後の項目 (JSON)', 'Corrected fields (JSON)'), type: 'json', hint: '例 / e.g. {"heldOn": "2025-10-18"}。空欄なら、記録の誤りを理由とともに注記するだけです。 / Leave empty to only mark the record as wrong, with the reason.' }] }))) : null,
    h('section.panel', h('h2', t('milestones')), e.milestones.map(m => milestoneRecord(me, e, m, version, reload))),
    section(t('decisions'), table(null, [L('決定日', 'Decided on'), L('マイルストーン', 'Milestone'), L('内容', 'Description')], (e.decisions || []).map(d => [dateEl(d.decidedOn), label(e, d.milestone), d.text]))),
    section(t('homework'), table(null, [L('内容', 'Description'), L('担当', 'Owner'), '期限', t('status'), ''], (e.homework || []).map(hw => [
      hw.description, hw.owner || '', hw.dueBefore ? label(e, hw.dueBefore) : dateEl(hw.dueOn), codeLabel(hw.status),
      write && hw.status === 'OPEN' ? h('span.row-actions',
        form(L('完了 / done', 'Done'), { path: `${base}/homework/${hw.itemId}/completion`, fields: [
          { name: 'completedOn', label: L('完了日', 'Completed on'), type: 'date', required: true }, { name: 'note', label: t('note') }] }),
        form(L('取り下げ / drop', 'Drop'), { path: `${base}/homework/${hw.itemId}/drop`, fields: [
          { name: 'reason', label: t('reason'), required: true }] })) : '']))),
    section(t('findings'), table(null, [L('マイルストーン', 'Milestone'), L('所見', 'Finding')], (e.findings || []).map(f => [label(e, f.milestone), f.text]))),
    section(t('outputs'), table(null, [L('種類', 'Kind'), L('題名', 'Title'), L('マイルストーン', 'Milestone'), L('作成日', 'Produced on')], (e.outputs || []).map(o => [
      codeLabel(o.kind, OUTPUT_KINDS.find(k => k.value === o.kind)?.label), o.uri ? h('a', { href: o.uri, rel: 'noopener' }, o.title) : o.title,
      label(e, o.milestone), dateEl(o.producedOn)]))),
    section(t('advisors'), table(null, [L('氏名', 'Name'), L('所属', 'Affiliation'), L('役職', 'Title'), L('委嘱日', 'Assigned on'), ''], (e.advisors || []).map(a => [
      a.name, a.affiliation || '', a.title || '', dateEl(a.assignedOn),
      a.active ? (write ? form(L('解除 / remove', 'Remove'), { path: `${base}/advisors/${a.advisorId}/removal`, fields: [
        { name: 'reason', label: t('reason'), required: true }] }) : '') : `解除 ${a.unassignedOn || ''}`]))));
}

const OUTPUT_KINDS = [['ISSUE_SHEET', '課題整理シート'], ['ENTRY_SHEET', 'エントリーシート'], ['NEW_PROJECT_BUDGET_REQUEST', '新規事業調書'],
  ['MODEL_CASE', 'モデル事例'], ['VIDEO', '動画'], ['FLYER', 'チラシ'], ['ROADMAP_DRAFT', 'ロードマップ案'], ['ROADMAP', 'ロードマップ'],
  ['BRIEFING_SESSION', '説明会'], ['SYMPOSIUM', 'シンポジウム'], ['REPORT_MATERIAL', '報告資料'], ['OTHER', 'その他']]
  .map(([value, label]) => ({ value, label }));

function label(e, key) {
  return (e.milestones.find(m => m.key === key) || {}).label || key || '';
}

/** The milestone path as a progress line: one step per milestone, coloured by status. */
export function progressLine(e) {
  return h('ol.progress-line', { 'aria-label': t('milestones') }, e.milestones.map(m => h(`li.status-${(m.status || '').toLowerCase()}`,
    h('span.dot', { 'aria-hidden': 'true' }),
    h('span.step-label', m.label),
    h('span.step-date', m.heldOn ? dateEl(m.heldOn, true) : m.plannedOn ? dateEl(m.plannedOn, true) : periodEl(m.plannedPeriod)),
    h('span.visually-hidden', codeLabel(m.status)))));
}

/** One milestone's record: plan and actual, participants, agenda, summary; and its forms. */
export function milestoneRecord(me, e, m, version, reload) {
  const related = [
    ...(e.decisions || []).filter(d => d.milestone === m.key).map(d => h('li', '決定: ', d.text)),
    ...(e.findings || []).filter(f => f.milestone === m.key).map(f => h('li', '所見: ', f.text)),
    ...(e.homework || []).filter(hw => hw.dueBefore === m.key).map(hw => h('li', `宿題（${codeLabel(hw.status)}）: `, hw.description)),
    ...(e.outputs || []).filter(o => o.milestone === m.key).map(o => h('li', '成果物: ', o.title)),
  ];
  return h('article.milestone', { dataset: { kind: m.key } },
    h('h3', m.label, ' ', statusBadge(m.status)),
    h('dl.details',
      m.plannedOn || m.plannedPeriod ? [h('dt', t('planned')), h('dd', m.plannedOn ? dateEl(m.plannedOn) : periodEl(m.plannedPeriod))] : null,
      m.heldOn ? [h('dt', t('heldOn')), h('dd', dateEl(m.heldOn))] : null,
      m.startTime ? [h('dt', L('時間', 'Time')), h('dd', `${time(m.startTime)}–${time(m.endTime)}`)] : null,
      m.mode ? [h('dt', t('mode')), h('dd', codeLabel(m.mode))] : null,
      m.place ? [h('dt', t('place')), h('dd', m.place)] : null,
      m.reason ? [h('dt', t('reason')), h('dd', m.reason)] : null,
      m.summary ? [h('dt', t('summary')), h('dd.pre', m.summary)] : null),
    m.participants && m.participants.length ? table(`${t('participants')}（計${m.totalHeadcount ?? ''}名）`, [L('組織', 'Organisation'), L('部署', 'Department'), L('役割', 'Role'), L('人数', 'Count')],
      m.participants.map(p => [p.organisation || '', p.department || '', p.role || '', p.headcount ?? ''])) : null,
    m.agenda && m.agenda.length ? h('div', h('h4', L('議題', 'Agenda')), h('ol', m.agenda.map(a => h('li', a)))) : null,
    related.length ? h('ul.related', related) : null,
    canWrite(me) && reload ? h('button.small', { type: 'button', on: { click: () => {
      const dialog = openDialog(`${e.municipalityName} — ${m.label}`,
        milestoneTabs(me, e.id, m.key, m, () => { dialog.close(); reload(); }, version));
    } } }, `${m.label}: ${t('editWith')}`) : null);
}

export { MODES };
