// Each role's start page: this week's meetings and deadlines, what is overdue, open homework and, for
// supervisors, the grant decisions waiting for their approval.
import { h, show } from '../dom.js';
import { t, L } from '../i18n.js';
import { get, query } from '../api.js';
import { dateEl, today, weekOf, addDays, yen } from '../format.js';
import { table, section, currentFiscalYear, milestoneLabel } from './common.js';
import { renderAdmin } from './admin.js';

export async function renderHome({ me }) {
  if (me.role === 'ADMIN') return renderAdmin();
  if (me.role === 'AUDITOR') return auditorHome(me);
  const now = today();
  const [monday, sunday] = weekOf(now);
  const fy = currentFiscalYear();
  const [current, previous, homework, deadlines, approvals] = await Promise.all([
    get(query('/api/engagements', { fiscalYear: fy })),
    get(query('/api/engagements', { fiscalYear: fy - 1 })),
    get('/api/homework'),
    get(query('/api/grants/deadlines', { from: addDays(now, -365), to: sunday })),
    me.role === 'SUPERVISOR' ? get('/api/grants/pending-approvals') : Promise.resolve(null),
  ]);
  const milestones = [];
  for (const e of [...previous, ...current]) {
    for (const [key, cell] of Object.entries(e.cells || {})) {
      if (cell.status === 'PLANNED' && cell.plannedOn) milestones.push({ e, key, cell });
    }
  }
  const label = (e, key) => milestoneLabel(key);
  const link = e => h('a', { href: `#/engagements/${encodeURIComponent(e.engagementId)}` }, e.municipalityName);
  const thisWeek = milestones.filter(m => m.cell.plannedOn >= monday && m.cell.plannedOn <= sunday)
    .sort((a, b) => a.cell.plannedOn.localeCompare(b.cell.plannedOn));
  const late = milestones.filter(m => m.cell.plannedOn < now).sort((a, b) => a.cell.plannedOn.localeCompare(b.cell.plannedOn));
  const dueThisWeek = deadlines.filter(d => !d.recorded && d.dueBy >= monday && d.dueBy <= sunday);
  const overdueSteps = deadlines.filter(d => d.overdue && !d.recorded);
  const grantLink = d => h('a', { href: `#/grant-cases/${encodeURIComponent(d.grantCaseId)}` }, d.recipientName);

  show(
    h('h1', `${t('home')} — ${me.bureauNameJa}`),
    h('p.muted', '今日: ', dateEl(now), '　今週: ', dateEl(monday, true), '〜', dateEl(sunday, true)),
    h('div.home-grid',
      section(t('weekAhead'), table(null, ['日付', t('municipality'), L('マイルストーン', 'Milestone')],
        thisWeek.map(m => [dateEl(m.cell.plannedOn), link(m.e), label(m.e, m.key)])),
        table(t('deadlinesThisWeek'), [t('dueBy'), t('recipient'), t('step')], dueThisWeek.map(d => [dateEl(d.dueBy), grantLink(d), d.stepLabel]))),
      section(t('overdue'),
        table(t('overdueMilestones'), ['予定日', t('municipality'), L('マイルストーン', 'Milestone')], late.map(m => [dateEl(m.cell.plannedOn), link(m.e), label(m.e, m.key)])),
        table(t('overdueGrantSteps'), [t('dueBy'), t('recipient'), t('step')], overdueSteps.map(d => [dateEl(d.dueBy), grantLink(d), d.stepLabel]))),
      section(t('openHomework'), table(null, [t('municipality'), L('内容', 'Description'), L('担当', 'Owner'), '期限'], homework.map(hw => [
        h('a', { href: `#/engagements/${encodeURIComponent(hw.engagementId)}` }, hw.municipalityName), hw.description, hw.owner || '',
        hw.dueBeforeLabel ? `${hw.dueBeforeLabel}まで` : dateEl(hw.dueOn)]))),
      approvals ? section(t('pendingApprovals'), table(null, [t('recipient'), t('procedures'), '示達額', '待ち日数'], approvals.map(a => [
        h('a', { href: `#/grant-cases/${encodeURIComponent(a.grantCaseId)}` }, a.recipientName), a.procedureKindLabel, yen(a.authorisedAmount),
        `${a.daysWaiting}日`]))) : null));
}

function auditorHome(me) {
  show(h('h1', `${t('home')} — ${t('role_AUDITOR')}`),
    h('p', '全局の案件を閲覧できます（変更はできません）。 / You can read every bureau\'s cases; you change nothing.'),
    h('ul.links',
      h('li', h('a', { href: '#/audit' }, t('auditPick'))),
      h('li', h('a', { href: '#/matrix' }, t('matrix'))),
      h('li', h('a', { href: '#/grants' }, t('worklist')))));
}
