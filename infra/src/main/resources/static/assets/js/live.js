// Live matrix: server-sent events from the server's subscription query. EventSource reconnects by itself;
// each (re)connection starts with the whole matrix, so nothing is missed while it was away.
import { t } from './i18n.js';

export function followMatrix(params, { onMatrix, onRow, onState }) {
  const url = `/api/progress/matrix/stream?${new URLSearchParams(params)}`;
  const source = new EventSource(url, { withCredentials: true });
  source.addEventListener('open', () => onState(true));
  source.addEventListener('error', () => onState(false));
  source.addEventListener('matrix', e => onMatrix(JSON.parse(e.data)));
  source.addEventListener('row', e => onRow(JSON.parse(e.data)));
  return () => source.close();
}

export function liveBadge() {
  const badge = document.createElement('span');
  badge.className = 'live off';
  badge.setAttribute('role', 'status');
  badge.dataset.testid = 'live-status';
  badge.textContent = t('liveOff');
  badge.set = on => {
    badge.className = on ? 'live on' : 'live off';
    badge.textContent = on ? t('live') : t('liveOff');
  };
  return badge;
}
