// Support engagements (伴走支援): the list, and one engagement's page with its header, the milestone path,
// the records of each milestone and a form for every command of the contract.
import { h, show } from '../dom.js';
import { t, codeLabel } from '../i18n.js';
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
      { name: 'engagementType', label: '類型 / type（加速化のみ）', type: 'select', options: [{ value: 'BUREAU_LED' }, { value: 'PREFECTURE_LED' }] },
      { name: 'fiscalYear', label: t('fiscalYear'), type: 'number', required: true, value: params.fiscalYear, min: 2015, max: 2060 },
      { name: 'municipalityCode', label: `${t('municipality')}（全国地方公共団体コード）`, required: true,
        hint: '名前を入力すると候補が出ます / type a name to pick', datalist: places.map(p => ({ value: p.code, label: `${p.prefecture} ${p.name}` })) },
      { name: 'themes', label: t('themes'), type: 'themes' },
      { name: 'applicationBackground', label: '申込の背景 / background', type: 'textarea' },
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
      form('エントリー受付 / entry', { path: `${base}/entry`, fields: [
        { name: 'receivedOn', label: '受付日', type: 'date', required: true }, { name: 'note', label: t('note') }] }),
      form('選定 / selection', { path: `${base}/selection`, fields: [
        { name: 'selectedOn', label: '選定日', type: 'date', required: true },
        { name: 'selectedBy', label: '選定者', type: 'select', options: [{ value: 'BUREAU' }, { value: 'PREFECTURE' }, { value: 'MHLW' }] }] }),
      form('不選定 / not selected', { path: `${base}/non-selection`, fields: [
        { name: 'decidedOn', label: '決定日', type: 'date', required: true }, { name: 'reason', label: t('reason'), type: 'textarea', required: true }] }),
      form('辞退 / withdrawal', { path: `${base}/withdrawal`, fields: [
        { name: 'withdrawnOn', label: '辞退日', type: 'date', required: true }, { name: 'reason', label: t('reason'), type: 'textarea', required: true }] }),
      form('アドバイザー追加 / add advisor', { path: `${base}/advisors`, fields: [
        { name: 'name', label: '氏名', required: true }, { name: 'affiliation', label: '所属' }, { name: 'title', label: '役職' },
        { name: 'assignedOn', label: '委嘱日', type: 'date' }] }),
      form('テーマ変更 / themes', { method: 'PUT', path: `${base}/themes`, fields: [
        { name: 'themes', label: t('themes'), type: 'themes', required: true, value: e.themes }, { name: 'reason', label: t('reason') }] }),
      form('所見 / finding', { path: `${base}/findings`, fields: [
        { name: 'milestone', label: 'マイルストーン', type: 'select', required: true, options: milestoneOptions },
        { name: 'text', label: '所見', type: 'textarea', required: true }] }),
      form('決定事項 / decision', { path: `${base}/decisions`, fields: [
        { name: 'decidedOn', label: '決定日', type: 'date', required: true }, { name: 'text', label: '決定事項', type: 'textarea', required: true },
        { name: 'milestone', label: 'マイルストーン', type: 'select', options: milestoneOptions }] }),
      form('宿題 / homework', { path: `${base}/homework`, fields: [
        { name: 'description', label: '内容', type: 'textarea', required: true }, { name: 'owner', label: '担当' },
        { name: 'dueBefore', label: 'どの会議までに', type: 'select', options: milestoneOptions }, { name: 'dueOn', label: '期限日', type: 'date' }] }),
      form('成果物 / output', { path: `${base}/outputs`, fields: [
        { name: 'kind', label: '種類', type: 'select', required: true, options: OUTPUT_KINDS },
        { name: 'title', label: '題名', required: true }, { name: 'uri', label: '保存場所 (URL)' },
        { name: 'milestone', label: 'マイルストーン', type: 'select', options: milestoneOptions }, { name: 'producedOn', label: '作成日', type: 'date' }] }),
      form('終了 / closure', { path: `${base}/closure`, fields: [
        { name: 'closedOn', label: '終了日', type: 'date', required: true }, { name: 'outcomeSummary', label: '成果の要約', type: 'textarea' },
        { name: 'reason', label: t('reason') }] }),
      form('訂正 / correction', { path: `${base}/corrections`, intro: '訂正する記録の番号はタイムラインで確認できます。元の記録は残ります。 / The corrected record stays on file.', fields: [
        { name: 'correctsEvent', label: '訂正する記録の番号 (seq)', type: 'number', required: true, min: 0 },
        { name: 'reason', label: t('reason'), type: 'textarea', required: true },
        { name: 'fields', label: '訂正後の項目 (JSON)', type: 'json', required: true, hint: '例 / e.g. {"heldOn": "2025-10-18"}' }] }))) : null,
    h('section.panel', h('h2', t('milestones')), e.milestones.map(m => milestoneRecord(me, e, m, version, reload))),
    section(t('decisions'), table(null, ['決定日', 'マイルストーン', '内容'], (e.decisions || []).map(d => [dateEl(d.decidedOn), label(e, d.milestone), d.text]))),
    section(t('homework'), table(null, ['内容', '担当', '期限', t('status'), ''], (e.homework || []).map(hw => [
      hw.description, hw.owner || '', hw.dueBefore ? label(e, hw.dueBefore) : dateEl(hw.dueOn), codeLabel(hw.status),
      write && hw.status === 'OPEN' ? h('span.row-actions',
        form('完了 / done', { path: `${base}/homework/${hw.itemId}/completion`, fields: [
          { name: 'completedOn', label: '完了日', type: 'date', required: true }, { name: 'note', label: t('note') }] }),
        form('取り下げ / drop', { path: `${base}/homework/${hw.itemId}/drop`, fields: [
          { name: 'reason', label: t('reason'), required: true }] })) : '']))),
    section(t('findings'), table(null, ['マイルストーン', '所見'], (e.findings || []).map(f => [label(e, f.milestone), f.text]))),
    section(t('outputs'), table(null, ['種類', '題名', 'マイルストーン', '作成日'], (e.outputs || []).map(o => [
      codeLabel(o.kind, OUTPUT_KINDS.find(k => k.value === o.kind)?.label), o.uri ? h('a', { href: o.uri, rel: 'noopener' }, o.title) : o.title,
      label(e, o.milestone), dateEl(o.producedOn)]))),
    section(t('advisors'), table(null, ['氏名', '所属', '役職', '委嘱日', ''], (e.advisors || []).map(a => [
      a.name, a.affiliation || '', a.title || '', dateEl(a.assignedOn),
      a.active ? (write ? form('解除 / remove', { path: `${base}/advisors/${a.advisorId}/removal`, fields: [
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
      m.startTime ? [h('dt', '時間'), h('dd', `${time(m.startTime)}–${time(m.endTime)}`)] : null,
      m.mode ? [h('dt', t('mode')), h('dd', codeLabel(m.mode))] : null,
      m.place ? [h('dt', t('place')), h('dd', m.place)] : null,
      m.reason ? [h('dt', t('reason')), h('dd', m.reason)] : null,
      m.summary ? [h('dt', t('summary')), h('dd.pre', m.summary)] : null),
    m.participants && m.participants.length ? table(`${t('participants')}（計${m.totalHeadcount ?? ''}名）`, ['組織', '部署', '役割', '人数'],
      m.participants.map(p => [p.organisation || '', p.department || '', p.role || '', p.headcount ?? ''])) : null,
    m.agenda && m.agenda.length ? h('div', h('h4', '議題'), h('ol', m.agenda.map(a => h('li', a)))) : null,
    related.length ? h('ul.related', related) : null,
    canWrite(me) && reload ? h('button.small', { type: 'button', on: { click: () => {
      const dialog = openDialog(`${e.municipalityName} — ${m.label}`,
        milestoneTabs(me, e.id, m.key, m, () => { dialog.close(); reload(); }, version));
    } } }, `${m.label}: ${t('editWith')}`) : null);
}

export { MODES };
