// Admin actions in a dialog: a small form, an optional dry run, and Apply, which asks for confirmation
// (window.confirm) before it calls the API. The result (or the error) is shown in the dialog.
import { api, enc, h } from './util.js';

const dialog = () => document.getElementById('action-dialog');
let current;

function field(f) {
  const id = `f-${f.name}`;
  let input;
  if (f.type === 'select') {
    input = h('select', { id, name: f.name }, ...f.options.map((o) => h('option', { value: o, selected: o === String(f.value) }, o)));
  } else if (f.type === 'checkbox') {
    input = h('input', { id, name: f.name, type: 'checkbox', checked: Boolean(f.value) });
  } else {
    input = h('input', { id, name: f.name, type: f.type ?? 'text', value: f.value ?? '', placeholder: f.placeholder ?? '' });
  }
  return h('label', { for: id }, f.label, input);
}

function values() {
  const out = {};
  for (const el of document.querySelectorAll('#action-fields [name]')) out[el.name] = el.type === 'checkbox' ? el.checked : el.value.trim();
  return out;
}

function show(result, isError = false) {
  const el = document.getElementById('action-result');
  el.className = `result${isError ? ' error' : ''}`;
  el.textContent = typeof result === 'string' ? result : JSON.stringify(result, null, 2);
}

async function run(fn) {
  try {
    show('working…');
    show(await fn());
  } catch (err) {
    show(`${err.code ?? 'ERROR'}: ${err.message}`, true);
  }
}

/**
 * Opens the dialog. action: { title, fields, apply(values) -> Promise, confirm(values) -> question,
 * preview?(values) -> Promise }.
 */
export function openAction(action) {
  current = action;
  document.getElementById('action-title').textContent = action.title;
  document.getElementById('action-fields').replaceChildren(...action.fields.map(field));
  document.getElementById('action-preview').hidden = !action.preview;
  document.getElementById('action-apply').textContent = action.applyLabel ?? 'Apply…';
  show('');
  dialog().showModal();
}

export function setupActions() {
  document.getElementById('action-close').addEventListener('click', () => dialog().close());
  document.getElementById('action-preview').addEventListener('click', () => current?.preview && run(() => current.preview(values())));
  document.getElementById('action-apply').addEventListener('click', () => {
    if (!current) return;
    const v = values();
    let question;
    try {
      question = current.confirm(v);
    } catch (err) {
      return show(`INVALID_ARGUMENT: ${err.message}`, true);
    }
    if (window.confirm(question)) run(() => current.apply(v));
  });
}

/** The offset spec of a reset form: kind plus value. */
function spec(v) {
  if (v.kind === 'earliest' || v.kind === 'latest') return { kind: v.kind };
  if (v.value === '') throw new Error(`a value is needed for "${v.kind}"`);
  if (v.kind === 'timestamp') {
    const ms = /^\d+$/.test(v.value) ? Number(v.value) : Date.parse(v.value);
    if (Number.isNaN(ms)) throw new Error('timestamp: milliseconds since the epoch or an ISO date');
    return { kind: 'timestamp', timestampMs: ms };
  }
  if (v.kind === 'shift') return { kind: 'shift', by: Number(v.value) };
  return { kind: 'offset', offset: Number(v.value) };
}

const describeSpec = (s) =>
  s.kind === 'offset' ? `offset ${s.offset}` : s.kind === 'timestamp' ? `timestamp ${new Date(s.timestampMs).toISOString()}` : s.kind === 'shift' ? `shift by ${s.by}` : s.kind;

/** Reset offsets of a consumer group (`kind` 'consumer') or a share group ('share'). */
export function resetOffsets(kind, groupId, topics) {
  const isConsumer = kind === 'consumer';
  const path = `/api/${isConsumer ? 'consumer' : 'share'}-groups/${enc(groupId)}/reset-offsets`;
  const body = (v, dryRun) => ({
    topic: v.topic,
    ...(isConsumer && v.partitions ? { partitions: v.partitions.split(',').map((p) => Number(p.trim())) } : {}),
    spec: spec(v),
    dryRun,
  });
  openAction({
    title: `Reset offsets of ${isConsumer ? 'consumer' : 'share'} group "${groupId}"`,
    applyLabel: 'Reset…',
    fields: [
      { name: 'topic', label: 'Topic', type: 'select', options: topics, value: topics[0] },
      ...(isConsumer ? [{ name: 'partitions', label: 'Partitions (comma-separated; empty: all)', placeholder: 'all' }] : []),
      { name: 'kind', label: 'To', type: 'select', options: isConsumer ? ['earliest', 'latest', 'offset', 'timestamp', 'shift'] : ['earliest', 'latest', 'offset', 'timestamp'], value: 'earliest' },
      { name: 'value', label: 'Offset / timestamp / shift', placeholder: 'for offset, timestamp, shift' },
    ],
    preview: (v) => api(path, { method: 'POST', body: body(v, true) }),
    confirm: (v) => `Reset the offsets of "${groupId}" on topic "${v.topic}" to ${describeSpec(spec(v))}? The group must have no members.`,
    apply: (v) => api(path, { method: 'POST', body: body(v, false) }),
  });
}

export function deleteGroup(kind, groupId) {
  openAction({
    title: `Delete ${kind} group "${groupId}"`,
    applyLabel: 'Delete…',
    fields: [],
    confirm: () => `Delete the ${kind} group "${groupId}" and all its offsets and state? Only an empty group can be deleted.`,
    apply: () => api(`/api/${kind}-groups/${enc(groupId)}/delete`, { method: 'POST', body: {} }),
  });
}

const CONFIG_FIELDS = [
  ['recordLockDurationMs', 'Record lock duration (ms)', 'number'],
  ['deliveryCountLimit', 'Delivery count limit', 'number'],
  ['maxInFlightRecords', 'Max in-flight records', 'number'],
  ['autoOffsetReset', 'Auto offset reset', 'select', ['earliest', 'latest']],
  ['deadLetterTopic', 'Dead-letter topic (empty: off)', 'text'],
  ['perKeyOrdering', 'Per-key ordering', 'checkbox'],
  ['backoffInitialMs', 'Backoff initial (ms)', 'number'],
  ['backoffMaxMs', 'Backoff max (ms)', 'number'],
  ['sessionTimeoutMs', 'Session timeout (ms)', 'number'],
  ['heartbeatIntervalMs', 'Heartbeat interval (ms)', 'number'],
  ['maxMembers', 'Max members', 'number'],
];

export function editShareConfig(groupId, config) {
  const change = (v) => {
    const out = {};
    for (const [name, , type] of CONFIG_FIELDS) {
      const value = type === 'number' ? Number(v[name]) : v[name];
      if (type === 'number' && (v[name] === '' || !Number.isInteger(value))) throw new Error(`${name} must be an integer`);
      if (value !== config[name]) out[name] = value;
    }
    return out;
  };
  openAction({
    title: `Configuration of share group "${groupId}"`,
    applyLabel: 'Save…',
    fields: CONFIG_FIELDS.map(([name, label, type, options]) => ({ name, label, type, options, value: config[name] })),
    confirm: (v) => {
      const c = change(v);
      if (Object.keys(c).length === 0) throw new Error('nothing changed');
      return `Change ${Object.entries(c).map(([k, x]) => `${k} to ${JSON.stringify(x)}`).join(', ')} for share group "${groupId}"?`;
    },
    apply: (v) => api(`/api/share-groups/${enc(groupId)}/config`, { method: 'POST', body: change(v) }),
  });
}
