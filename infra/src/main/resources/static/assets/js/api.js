// The UI talks to the same HTTP API as every other client (../shared/api/CONTRACT.md), with the session cookie.
// Writes carry the CSRF token (cookie XSRF-TOKEN → header X-XSRF-TOKEN) and an Idempotency-Key, so a double
// click or a retried request never records a step twice.

/** An error answer: RFC 9457 problem+json, with the field errors when there are some. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
    this.errors = (body && body.errors) || [];
  }
}

let onSignedOut = () => {};

export function whenSignedOut(handler) {
  onSignedOut = handler;
}

function cookie(name) {
  const found = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.slice(name.length + 1)) : null;
}

function headers(extra) {
  const result = { 'Accept': 'application/json, application/problem+json', 'X-Requested-With': 'XMLHttpRequest' };
  const token = cookie('XSRF-TOKEN');
  if (token) result['X-XSRF-TOKEN'] = token;
  return Object.assign(result, extra);
}

async function answer(response, path) {
  const type = response.headers.get('Content-Type') || '';
  const body = response.status === 204 ? null
    : type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (response.status === 401 && !path.startsWith('/login')) onSignedOut();
  if (!response.ok) throw new Problem(response.status, typeof body === 'object' ? body : { detail: body });
  return { body, etag: response.headers.get('ETag'), location: response.headers.get('Location') };
}

async function send(method, path, body, extraHeaders) {
  let response;
  try {
    response = await fetch(path, {
      method, credentials: 'same-origin',
      headers: headers(body === undefined ? extraHeaders : { 'Content-Type': 'application/json', ...extraHeaders }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    throw new Problem(0, { title: 'network', detail: e.message });
  }
  return answer(response, path);
}

export async function get(path) {
  return (await send('GET', path)).body;
}

/** GET with the ETag (the case's version). */
export async function getVersioned(path) {
  const { body, etag } = await send('GET', path);
  return { body, version: etag ? Number(etag.replace(/\D/g, '')) : null };
}

/** A command: POST or PUT with a fresh Idempotency-Key, and If-Match when the form knows the version. */
export function command(method, path, body, version) {
  const extra = { 'Idempotency-Key': crypto.randomUUID() };
  if (version !== undefined && version !== null) extra['If-Match'] = `"${version}"`;
  return send(method, path, body, extra);
}

/** A file as the request body (the administrator's import), streamed by the browser, never read into the page. */
export async function upload(path, file, type) {
  let response;
  try {
    response = await fetch(path, { method: 'POST', credentials: 'same-origin', headers: headers({ 'Content-Type': type }), body: file });
  } catch (e) {
    throw new Problem(0, { title: 'network', detail: e.message });
  }
  return (await answer(response, path)).body;
}

export async function signIn(username, password) {
  await fetch('/api/me', { credentials: 'same-origin', headers: headers() }).catch(() => null); // sets XSRF-TOKEN
  const response = await fetch('/login', {
    method: 'POST', credentials: 'same-origin',
    headers: headers({ 'Content-Type': 'application/x-www-form-urlencoded' }),
    body: new URLSearchParams({ username, password }),
  });
  return (await answer(response, '/login')).body;
}

export async function signOut() {
  await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: headers() });
}

/** Query strings without empty values. */
export function query(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
