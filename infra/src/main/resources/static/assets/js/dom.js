// Building the page from data without innerHTML: text is always set as text, so nothing a user typed can run.

/** h('tag.class#id', {attrs, on: {click}}, ...children): one element. */
export function h(spec, attrs, ...children) {
  const [tag, ...rest] = spec.split(/(?=[.#])/);
  const el = document.createElement(tag || 'div');
  for (const part of rest) {
    if (part.startsWith('.')) el.classList.add(part.slice(1));
    else if (part.startsWith('#')) el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'on') {
      for (const [event, handler] of Object.entries(value)) el.addEventListener(event, handler);
    } else if (key === 'class') {
      String(value).split(/\s+/).filter(Boolean).forEach(c => el.classList.add(c));
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (key in el && typeof el[key] !== 'function' && !key.includes('-') && key !== 'list' && key !== 'form') {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : value);
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replaces the main area's content and moves focus to its heading, for keyboard and screen-reader users. */
export function show(...children) {
  const main = clear(document.getElementById('main'));
  append(main, children);
  const heading = main.querySelector('h1');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
  return main;
}

export function announce(text) {
  const region = document.getElementById('announcer');
  if (region) region.textContent = text;
}
