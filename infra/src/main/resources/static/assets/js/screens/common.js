// Pieces several screens share: filters, status badges, tables, a heading with actions.
import { h } from '../dom.js';
import { t, codeLabel } from '../i18n.js';
import { get } from '../api.js';
import { fiscalYearLabel, today, fiscalYearOf } from '../format.js';

let bureausCache = null;

export async function bureaus() {
  if (!bureausCache) bureausCache = await get('/api/reference/bureaus');
  return bureausCache;
}

/** Officers and supervisors work in their own bureau; auditors choose (default 九州 for the demo's sake). */
export function defaultBureau(me, query) {
  if (me.bureau && me.bureau !== '*') return me.bureau;
  return query.bureau || 'kyushu';
}

export function currentFiscalYear() {
  return fiscalYearOf(today());
}

export async function bureauSelect(me, value) {
  const list = await bureaus();
  const scoped = me.bureau && me.bureau !== '*';
  return h('select#filter-bureau', { name: 'bureau', disabled: scoped },
    list.map(b => h('option', { value: b.code, selected: b.code === value }, b.nameJa)));
}

export function fiscalYearSelect(value, id = 'filter-fiscalYear') {
  const years = [];
  for (let y = currentFiscalYear() + 1; y >= 2019; y--) years.push(y);
  return h(`select#${id}`, { name: 'fiscalYear' },
    years.map(y => h('option', { value: y, selected: Number(value) === y, title: `FY${y}` }, fiscalYearLabel(y))));
}

export const PROGRAMMES = ['KASOKUKA', 'ZAITAKU_RENKEI', 'SUMAI', 'BUREAU_OWN', 'ADVISOR_DISPATCH'];
export const PROGRAMME_JA = {
  KASOKUKA: '地域づくり加速化事業', ZAITAKU_RENKEI: '在宅医療・介護連携推進支援事業', SUMAI: '高齢者住まい・生活支援伴走支援事業',
  BUREAU_OWN: '厚生局独自伴走支援', ADVISOR_DISPATCH: 'アドバイザー派遣',
};

export function programmeSelect(value, id = 'filter-programme', withAll = false) {
  return h(`select#${id}`, { name: 'programme' },
    withAll ? h('option', { value: '' }, '—') : null,
    PROGRAMMES.map(p => h('option', { value: p, selected: p === value }, codeLabel(p, PROGRAMME_JA[p]))));
}

/** A labelled filter bar; onApply gets {name: value}. */
export function filterBar(fields, onApply) {
  const form = h('form.filters', { role: 'search' },
    fields.map(([label, control]) => h('div.filter', h('label', { for: control.id }, label), control)),
    h('button', { type: 'submit' }, t('show')));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const values = {};
    fields.forEach(([, control]) => { values[control.name] = control.value; });
    onApply(values);
  });
  fields.forEach(([, control]) => control.addEventListener('change', () => form.requestSubmit()));
  return form;
}

export function statusBadge(code, label) {
  return h(`span.badge.status-${String(code || '').toLowerCase()}`, codeLabel(code, label));
}

/** A table with a caption; rows are arrays of cells (nodes or text). */
export function table(caption, headers, rows, cls = '') {
  return h(`table.data${cls ? '.' + cls : ''}`,
    caption ? h('caption', caption) : null,
    h('thead', h('tr', headers.map(x => h('th', { scope: 'col' }, x)))),
    h('tbody', rows.length ? rows.map(r => h('tr', r.map(c => h('td', c))))
      : h('tr', h('td.muted', { colSpan: headers.length }, t('none')))));
}

export function section(title, ...content) {
  return h('section.panel', h('h2', title), content);
}

export function canWrite(me) {
  return me.role === 'CASE_OFFICER' || me.role === 'SUPERVISOR';
}

const MILESTONE_LABELS = {
  M0_5: '0.5mtg', VISIT_1: '１回目支援', M1_5: '1.5mtg', VISIT_2: '２回目支援', M2_5: '2.5mtg', VISIT_3: '３回目支援',
  REPORT_MEETING: '報告会', ONLINE_SESSION: 'オンライン支援', SESSION: '支援', APPLICATION: '申込', ADVISOR_REQUESTED: 'アドバイス依頼',
  ADVISOR_ACCEPTED: '承諾', DISPATCH_DECIDED: '決定', ADVICE: '助言等', REPORTED: '報告',
};

/** A milestone key's label; numbered ones (ONLINE_SESSION_2) get their number. */
export function milestoneLabel(key) {
  const m = /^(.*?)(?:_(\d+))?$/.exec(key || '');
  if (MILESTONE_LABELS[key]) return MILESTONE_LABELS[key];
  return m && MILESTONE_LABELS[m[1]] ? `${MILESTONE_LABELS[m[1]]}${m[2]}` : key;
}
