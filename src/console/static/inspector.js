// The record inspector: per-record state, delivery count, holder, lock deadline and a value preview of a
// share-partition's records, from GET /api/share-groups/:id/records.
import { api, enc, fmt, h, time } from './util.js';

const STATE_COLORS = { AVAILABLE: '#3b82f6', ACQUIRED: '#f59e0b', ACKNOWLEDGED: '#16a34a', ARCHIVED: '#6b7280' };

function previewCell(p) {
  if (!p) return h('span', { class: 'empty' }, p === null ? 'null' : '');
  return h('span', { class: 'preview', title: `${fmt(p.bytes)} bytes` }, p.text, p.truncated ? h('span', { class: 'muted' }, ` … (${fmt(p.bytes)} B)`) : '');
}

async function load(form) {
  const f = new FormData(form);
  const q = new URLSearchParams({ topic: f.get('topic'), partition: f.get('partition') || '0', count: f.get('count') || '20' });
  if (f.get('from')) q.set('from', f.get('from'));
  const summary = document.getElementById('inspector-summary');
  const body = document.getElementById('inspector-body');
  try {
    const r = await api(`/api/share-groups/${enc(f.get('group'))}/records?${q}`);
    summary.textContent =
      r.startOffset < 0
        ? `${r.groupId} has no state for ${r.topic}/${r.partition} yet (never assigned).`
        : `${r.groupId} · ${r.topic}/${r.partition} · share-partition window ${fmt(r.startOffset)} → ${fmt(r.endOffset)} · ${r.records.length} records shown`;
    summary.className = 'muted';
    body.replaceChildren(
      ...r.records.map((rec) =>
        h(
          'tr',
          { dataset: { offset: String(rec.offset), state: rec.state } },
          h('td', { class: 'num' }, fmt(rec.offset)),
          h('td', {}, h('span', { class: 'state', style: `background:${STATE_COLORS[rec.state] ?? '#444'}` }, rec.state),
            rec.availableAt ? h('span', { class: 'muted' }, ` delayed until ${time(rec.availableAt)}`) : ''),
          h('td', { class: 'num deliveries' }, String(rec.deliveryCount)),
          h('td', { class: 'preview' }, rec.memberId ?? ''),
          h('td', {}, time(rec.lockExpiresAt)),
          h('td', {}, previewCell(rec.key)),
          h('td', {}, previewCell(rec.value)),
        ),
      ),
    );
  } catch (err) {
    summary.textContent = `${err.code ?? 'ERROR'}: ${err.message}`;
    summary.className = 'result error';
    body.replaceChildren();
  }
}

export function setupInspector() {
  const form = document.getElementById('inspector-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void load(form);
  });
}

/** Fills the form for a share-partition and loads it. */
export function inspect(groupId, topic, partition) {
  const form = document.getElementById('inspector-form');
  form.elements.group.value = groupId;
  form.elements.topic.value = topic;
  form.elements.partition.value = String(partition);
  form.elements.from.value = '';
  document.getElementById('inspector').scrollIntoView({ behavior: 'smooth' });
  void load(form);
}
