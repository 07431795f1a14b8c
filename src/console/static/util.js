// Small helpers shared by the console's modules: element building, formatting and the JSON API.

/** Creates an element: h('td', { class: 'num' }, 'text', child). Attributes starting with "on" are listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== undefined && c !== null && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export const fmt = (n) => (typeof n === 'number' ? n.toLocaleString('en-US') : String(n));

export function bytes(n) {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  return `${i === 0 ? n : n.toFixed(1)} ${units[i]}`;
}

export const rate = (n) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)}/s`;

export function time(ms) {
  if (ms === null || ms === undefined) return '';
  const d = new Date(ms);
  const left = Math.round((ms - Date.now()) / 1000);
  return `${d.toLocaleTimeString('en-GB')} (${left >= 0 ? `in ${left}s` : `${-left}s ago`})`;
}

/** A bearer token for servers whose metrics endpoint asks for one (kept for this browser tab only). */
export function authHeaders() {
  const token = sessionStorage.getItem('sharelog.token');
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** Asks for a token after a 401; true when one was given. */
export function askToken() {
  const token = prompt('This server asks for a bearer token:');
  if (!token) return false;
  sessionStorage.setItem('sharelog.token', token.trim());
  return true;
}

/** Calls the JSON API; rejects with an Error carrying `code` and `status` on failure. */
export async function api(path, { method = 'GET', body } = {}) {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(path, {
      method,
      headers: { ...authHeaders(), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    if (res.status === 401 && attempt === 0 && askToken()) continue;
    const text = await res.text();
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      data = { error: text.trim(), code: `HTTP_${res.status}` };
    }
    if (!res.ok) throw Object.assign(new Error(data.error ?? `HTTP ${res.status}`), { code: data.code, status: res.status });
    return data;
  }
}

export const enc = encodeURIComponent;
