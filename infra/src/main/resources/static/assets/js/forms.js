// One form builder for every command: labelled fields, the server's problem+json errors beside the field
// they name, and the input kept on any error.
import { h, clear, announce } from './dom.js';
import { t, message, codeLabel } from './i18n.js';
import { command, Problem } from './api.js';

let formCount = 0;

/**
 * spec: {title, method, path, fields: [{name, label, type, required, options, value, hint, min, max}],
 *        version, submitLabel, intro, onDone(result)}
 * Field types: text, textarea, date, time, number, select, lines (textarea → list of strings),
 * participants (rows of organisation, department, role, headcount), json (an object typed as JSON).
 */
export function commandForm(spec) {
  const id = `f${++formCount}`;
  const summary = h('div.error-summary', { role: 'alert', tabindex: '-1', hidden: true });
  const controls = new Map();
  const form = h('form.command-form', { id, novalidate: true, 'aria-label': spec.title },
    spec.title ? h('h3', spec.title) : null,
    spec.intro ? h('p.muted', spec.intro) : null,
    summary,
    spec.fields.map(field => fieldBlock(id, field, controls)),
    h('div.form-actions',
      h('button.primary', { type: 'submit' }, spec.submitLabel || t('save')),
      spec.onCancel ? h('button', { type: 'button', on: { click: spec.onCancel } }, t('cancel')) : null));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    clearErrors(form, summary);
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    try {
      const path = typeof spec.path === 'function' ? spec.path(values(spec.fields, controls, true)) : spec.path;
      const body = spec.body ? spec.body(values(spec.fields, controls)) : values(spec.fields, controls);
      const result = await command(spec.method || 'POST', path, body, spec.version);
      announce(t('saved'));
      if (spec.onDone) await spec.onDone(result.body);
    } catch (e) {
      showErrors(id, e, controls, summary);
    } finally {
      submit.disabled = false;
    }
  });
  return form;
}

function fieldBlock(formId, field, controls) {
  const inputId = `${formId}-${field.name.replace(/\W/g, '_')}`;
  const errorId = `${inputId}-error`;
  const hintId = field.hint ? `${inputId}-hint` : null;
  const described = [hintId, errorId].filter(Boolean).join(' ');
  let control;
  const common = { id: inputId, name: field.name, 'aria-describedby': described, required: !!field.required };
  switch (field.type) {
    case 'textarea':
    case 'lines':
    case 'json':
      control = h('textarea', { ...common, rows: field.rows || 3 });
      control.value = field.type === 'lines' ? (field.value || []).join('\n')
        : field.type === 'json' ? (field.value ? JSON.stringify(field.value, null, 2) : '') : (field.value || '');
      break;
    case 'select':
      control = h('select', common,
        field.required ? null : h('option', { value: '' }, '—'),
        (field.options || []).map(o => h('option', { value: o.value, selected: String(o.value) === String(field.value ?? '') },
          o.label ?? codeLabel(o.value))));
      break;
    case 'participants':
      control = participantsControl(inputId, field.value);
      break;
    case 'themes':
      control = themesControl(inputId, field.value);
      break;
    default:
      control = h('input', {
        ...common, type: field.type || 'text', value: field.value ?? '', min: field.min, max: field.max,
        step: field.type === 'number' ? (field.step || 1) : undefined, inputmode: field.type === 'number' ? 'numeric' : undefined,
        list: field.datalist ? `${inputId}-list` : undefined, autocomplete: 'off',
      });
  }
  controls.set(field.name, { field, control });
  return h('div.field', { dataset: { field: field.name } },
    h('label', { for: field.type === 'participants' ? `${inputId}-0-organisation` : field.type === 'themes' ? `${inputId}-0` : inputId },
      field.label, ' ', h('span.req', field.required ? `(${t('required')})` : '')),
    field.hint ? h('p.hint', { id: hintId }, field.hint) : null,
    control,
    field.datalist ? h('datalist', { id: `${inputId}-list` }, field.datalist.map(o => h('option', { value: o.value }, o.label))) : null,
    h('p.field-error', { id: errorId, hidden: true }));
}

function participantsControl(inputId, rows) {
  const body = h('tbody');
  const addRow = (row = {}) => {
    const i = body.children.length;
    body.append(h('tr',
      ['organisation', 'department', 'role'].map(k => h('td', h('input', {
        id: `${inputId}-${i}-${k}`, value: row[k] || '', 'aria-label': `${k} ${i + 1}`, dataset: { key: k },
      }))),
      h('td', h('input', { type: 'number', min: 0, value: row.headcount ?? '', 'aria-label': `headcount ${i + 1}`, dataset: { key: 'headcount' } }))));
  };
  (rows && rows.length ? rows : [{}, {}]).forEach(addRow);
  const table = h('table.participants',
    h('thead', h('tr', h('th', '組織 / Organisation'), h('th', '部署 / Department'), h('th', '役割 / Role'), h('th', '人数 / Count'))),
    body);
  const wrapper = h('div.participants-control', { id: inputId }, table,
    h('button.small', { type: 'button', on: { click: () => addRow() } }, '＋ 行を追加 / add row'));
  wrapper.participants = () => [...body.children].map(tr => {
    const row = {};
    tr.querySelectorAll('input').forEach(input => {
      if (input.value.trim() !== '') row[input.dataset.key] = input.dataset.key === 'headcount' ? toNumber(input.value) : input.value.trim();
    });
    return row;
  }).filter(row => Object.keys(row).length > 0);
  return wrapper;
}

export const THEMES = {
  CARE_PREVENTION_MANAGEMENT: '介護予防ケアマネジメント', SERVICE_ACTIVITY: 'サービス・活動事業', PRIVATE_SERVICES: '民間活用サービス',
  RESIDENT_LED_SERVICES: '住民主体サービス', SHORT_TERM_INTENSIVE: '短期集中予防サービス', MOBILITY_SUPPORT: '移動支援サービス',
  GATHERING_PLACES: '通いの場', LIVING_SUPPORT_SYSTEM: '生活支援体制整備事業', DEMENTIA: '認知症施策', COMMUNITY_CARE_MEETING: '地域ケア会議',
  CROSS_MINISTRY: '他省庁との連動', COMPREHENSIVE_PROGRAMME_REVIEW: '総合事業の見直し・検証', CAP_OVERRUN: '上限超過の改善・フォローアップ',
  CARE_PREVENTION: '介護予防の推進', HOME_CARE_COORDINATION: '在宅医療・介護連携', HOUSING_SUPPORT: '居住支援',
  MULTI_LAYERED_SUPPORT: '重層的支援体制整備事業', DISASTER_RECOVERY: '震災復興', IN_HOUSE_LIAISON: '地域ケア庁内連絡会',
  GENERAL: '地域包括ケア全般', OTHER: 'その他',
};

/** Theme codes as checkboxes, each with its own detail text. */
function themesControl(inputId, selected) {
  const chosen = new Map((selected || []).map(th => [th.code, th.detail || '']));
  const rows = Object.entries(THEMES).map(([code, label], i) => {
    const box = h('input', { type: 'checkbox', id: `${inputId}-${i}`, checked: chosen.has(code), dataset: { code } });
    const detail = h('input.detail', { 'aria-label': `${label} 詳細 / detail`, value: chosen.get(code) || '' });
    return h('li', box, h('label', { for: box.id }, label), detail);
  });
  const wrapper = h('ul.themes-control', { id: inputId }, rows);
  wrapper.themes = () => rows.map(li => {
    const [box, , detail] = li.children;
    return box.checked ? (detail.value.trim() ? { code: box.dataset.code, detail: detail.value.trim() } : { code: box.dataset.code }) : null;
  }).filter(Boolean);
  return wrapper;
}

function toNumber(text) {
  const n = Number(text);
  return text.trim() !== '' && Number.isFinite(n) ? n : text; // the server names a value that is not a number
}

/** The form's values as the API's JSON body: empty optional fields left out, dotted names nested. */
function values(fields, controls, raw = false) {
  const body = {};
  for (const { field, control } of controls.values()) {
    let value;
    if (field.type === 'participants') {
      value = control.participants();
      if (value.length === 0) value = undefined;
    } else if (field.type === 'themes') {
      value = control.themes();
      if (value.length === 0 && !field.required) value = undefined;
    } else {
      const text = control.value;
      if (text === undefined || text === null || String(text).trim() === '') continue;
      switch (field.type) {
        case 'number': value = toNumber(String(text)); break;
        case 'lines': value = String(text).split('\n').map(s => s.trim()).filter(Boolean); break;
        case 'json':
          try { value = JSON.parse(text); } catch (e) { value = text; }
          break;
        default: value = raw ? text : String(text).trim();
      }
    }
    if (value === undefined) continue;
    const path = field.name.split('.');
    let target = body;
    path.slice(0, -1).forEach(p => { target = target[p] = target[p] || {}; });
    target[path[path.length - 1]] = value;
  }
  return body;
}

function clearErrors(form, summary) {
  summary.hidden = true;
  clear(summary);
  form.querySelectorAll('.field-error').forEach(p => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
  form.querySelectorAll('.field.invalid').forEach(c => c.classList.remove('invalid'));
}

/** The control an error's field belongs to: exact name, else its first part (plannedPeriod.part → plannedPeriod.*). */
function controlFor(controls, name) {
  if (!name) return null;
  if (controls.has(name)) return controls.get(name);
  const head = name.split(/[.[]/)[0];
  for (const [key, entry] of controls) {
    if (key === head || key.startsWith(head + '.')) return entry;
  }
  return null;
}

function showErrors(formId, error, controls, summary) {
  const problem = error instanceof Problem ? error : new Problem(0, { detail: String(error) });
  const items = [];
  let first = null;
  for (const e of problem.errors) {
    const entry = controlFor(controls, e.field);
    const text = message(e.message);
    if (entry) {
      const block = entry.control.closest('.field');
      const slot = block.querySelector('.field-error');
      slot.hidden = false;
      slot.textContent = slot.textContent ? `${slot.textContent} / ${text}` : text;
      block.classList.add('invalid');
      entry.control.setAttribute('aria-invalid', 'true');
      first = first || entry.control;
      items.push(h('li', h('a', { href: `#${entry.control.id}`, on: { click: ev => { ev.preventDefault(); entry.control.focus(); } } },
        `${entry.field.label}: ${text}`)));
    } else {
      items.push(h('li', `${e.field}: ${text}`));
    }
  }
  const headline = problem.status === 409 && problem.errors.length === 0 && /version|If-Match|版/.test(problem.message)
    ? t('conflict')
    : problem.status === 403 ? t('forbidden')
    : problem.status === 0 ? t('networkError')
    : problem.status >= 500 ? t('serverError')
    : problem.errors.length ? t('errorsTitle') : problem.message;
  summary.append(h('p.summary-title', headline));
  if (problem.errors.length === 0 && problem.message && headline !== problem.message) summary.append(h('p', problem.message));
  if (items.length) summary.append(h('ul', items));
  summary.hidden = false;
  (first || summary).focus();
}

/** A modal dialog (native <dialog>: focus trapped, Esc closes). */
export function openDialog(title, ...content) {
  const dialog = h('dialog.modal', { 'aria-label': title },
    h('div.modal-head', h('h2', title),
      h('button.close', { type: 'button', 'aria-label': t('close'), on: { click: () => dialog.close() } }, '×')),
    h('div.modal-body', content));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Tabs inside a dialog: one button per form, one form shown. */
export function tabs(entries) {
  const panels = entries.map((e, i) => h('div.tab-panel', { id: `tab-${formCount}-${i}`, role: 'tabpanel', hidden: i !== 0 }, e.content));
  const buttons = entries.map((e, i) => h('button.tab', {
    type: 'button', role: 'tab', 'aria-selected': String(i === 0), 'aria-controls': panels[i].id,
    on: { click: () => select(i) },
  }, e.label));
  function select(i) {
    buttons.forEach((b, j) => b.setAttribute('aria-selected', String(i === j)));
    panels.forEach((p, j) => { p.hidden = i !== j; });
  }
  return h('div.tabs', h('div.tab-list', { role: 'tablist' }, buttons), panels);
}
