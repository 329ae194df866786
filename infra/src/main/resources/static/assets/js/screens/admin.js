import { h, show } from '../dom.js';
import { t } from '../i18n.js';

export function renderAdmin() {
  show(h('h1', t('admin')), h('p', t('adminIntro')),
    h('ul.links',
      h('li', h('a', { href: '/swagger-ui.html' }, t('apiDocs'))),
      h('li', h('a', { href: '/actuator/prometheus' }, t('metrics'))),
      h('li', h('a', { href: '/actuator/health' }, 'Health')),
      h('li', h('a', { href: '/api/exports/events.ndjson', download: 'casebook-events.ndjson' }, t('exportAll')))));
}
