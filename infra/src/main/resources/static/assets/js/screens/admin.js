// The administrator's page: long operations (projection rebuilds, whole-store verification, import) with their
// progress, the dead letters of the projections with a retry, and links to the API, metrics and export.
import { h, show, clear, announce } from '../dom.js';
import { t } from '../i18n.js';
import { get, command, upload } from '../api.js';
import { instantEl } from '../format.js';
import { onLeave } from '../app.js';
import { table, section } from './common.js';

const GROUPS = [['casebook.progress', '進捗（伴走支援・進捗表）'], ['casebook.grantwork', '交付案件'],
  ['casebook.inquiries', '疑義照会・個別協議'], ['casebook.audittrail', '監査証跡']];

export async function renderAdmin() {
  const operations = h('div', { 'data-testid': 'operations' });
  const deadLetters = h('div', { 'data-testid': 'dead-letters' });
  const message = h('p', { role: 'status' });
  const start = async (path, label) => {
    try {
      await command('POST', path, {});
      message.textContent = `${label}: 開始しました / started`;
    } catch (e) {
      message.textContent = `${label}: ${e.message}`;
    }
    await refresh();
  };
  // Restoring an export: only into a store without events (a fresh Casebook); the server refuses otherwise (409).
  const importFile = h('input#import-file', { type: 'file', accept: '.ndjson,application/x-ndjson' });
  const importForm = h('form.import', { on: { submit: async event => {
    event.preventDefault();
    if (!importFile.files.length) return;
    try {
      await upload('/api/admin/operations/import', importFile.files[0], 'application/x-ndjson');
      message.textContent = 'インポート: 開始しました / import started';
    } catch (e) {
      message.textContent = `インポート / import: ${e.message}`;
    }
    await refresh();
  } } },
  h('label', { for: 'import-file' }, 'エクスポートの取込み（イベントのないストアのみ） / Import an export (empty store only)'), ' ',
  importFile, ' ', h('button', { type: 'submit' }, 'インポート / import'));
  show(h('h1', t('admin')), h('p', t('adminIntro')),
    section('長時間の処理 / Long operations',
      h('div.actions',
        // One replay of the log for all four read models (ADR 0021): faster than the four one after another.
        h('button', { type: 'button', on: { click: () => start('/api/admin/operations/rebuild', '再構築 すべて') } },
          '再構築: すべての表示（一括） / rebuild all'),
        GROUPS.map(([group, label]) => h('button', { type: 'button', on: { click: () => start(`/api/admin/operations/rebuild/${group}`, `再構築 ${label}`) } },
          `再構築: ${label}`)),
        h('button', { type: 'button', on: { click: () => start('/api/admin/operations/verify', '全件の改ざん検査') } }, '全件の改ざん検査 / verify all')),
      importForm, message, operations),
    section('処理できなかったイベント / Dead letters', deadLetters),
    section('リンク / Links', h('ul.links',
      h('li', h('a', { href: '/swagger-ui.html' }, t('apiDocs'))),
      h('li', h('a', { href: '/actuator/prometheus' }, t('metrics'))),
      h('li', h('a', { href: '/actuator/health' }, 'Health')),
      h('li', h('a', { href: '/api/exports/events.ndjson', download: 'casebook-events.ndjson' }, t('exportAll'))))));

  async function refresh() {
    const list = await get('/api/admin/operations');
    clear(operations).append(table(null, ['処理', '対象', '開始者', '状態', '件数', '速度', '残り', '開始', '終了', 'エラー'], list.map(o => [
      o.kind, o.target || '', o.startedBy || '', o.state, `${o.processed}${o.total !== null && o.total !== undefined ? ` / ${o.total}` : ''}${o.percent !== null && o.percent !== undefined ? ` (${Math.round(o.percent)}%)` : ''}`,
      `${Math.round(o.rate || 0)}/s`, o.etaSeconds !== null && o.etaSeconds !== undefined ? `${o.etaSeconds}s` : '', instantEl(o.startedAt), instantEl(o.finishedAt), o.error || '',
    ])));
    await refreshDeadLetters();
    return list.some(o => o.state === 'RUNNING');
  }

  async function refreshDeadLetters() {
    let letters;
    try {
      letters = await get('/api/admin/dead-letters');
    } catch (e) {
      clear(deadLetters).append(h('p.muted', e.message));
      return;
    }
    const groups = letters.processingGroups || [];
    clear(deadLetters).append(...groups.map(g => h('div',
      h('h3', `${g.processingGroup}: ${g.letters}件 / ${g.cases}案件 `,
        g.letters > 0 ? h('button.small', { type: 'button', on: { click: async () => {
          try {
            const r = await command('POST', `/api/admin/dead-letters/${encodeURIComponent(g.processingGroup)}/retry`, {});
            announce(`processed ${r.body.processed}, still failing ${r.body.stillFailing}`);
          } catch (e) {
            announce(e.message);
          }
          await refreshDeadLetters();
        } } }, '再処理 / retry') : ''),
      g.letters > 0 ? table(null, ['案件', '種類', '番号', 'エラー', '登録', '再試行'], (g.deadLetters || []).map(l => [
        l.caseId || '', l.eventType || '', String(l.sequenceNumber ?? ''), `${l.errorType || ''}: ${l.errorMessage || ''}`,
        instantEl(l.enqueuedAt), String(l.retries ?? 0)])) : h('p.muted', t('none')))));
  }

  await refresh();
  const timer = setInterval(() => refresh().catch(() => {}), 2000);
  onLeave(() => clearInterval(timer));
}
