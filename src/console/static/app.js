// The Sharelog web console: renders the snapshots of /api/events (Server-Sent Events, read with fetch so a
// bearer token can be sent) into the topics table, the consumer groups and the share groups with their bars.
// Reconnects every 2 s while the stream is down.
import { deleteGroup, editShareConfig, resetOffsets, setupActions } from './actions.js';
import { partitionRow, pruneCharts, renderLegend, updatePartition } from './bars.js';
import { inspect, setupInspector } from './inspector.js';
import { askToken, authHeaders, bytes, fmt, h, rate } from './util.js';

let topicNames = [];
const rendered = new Map(); // section -> JSON of what it shows now

/** Calls render(data) only when data differs from what the section shows. */
function changed(section, data) {
  const json = JSON.stringify(data);
  if (rendered.get(section) === json) return false;
  rendered.set(section, json);
  return true;
}

function renderTopics(topics) {
  if (!changed('topics', topics)) return;
  const rows = [];
  for (const t of topics) {
    for (const p of t.partitions) {
      rows.push(
        h(
          'tr',
          { dataset: { topic: t.name, partition: String(p.partition) } },
          h('td', {}, p.partition === 0 ? h('b', {}, t.name) : ''),
          h('td', { class: 'num' }, String(p.partition)),
          h('td', { class: 'num' }, fmt(p.startOffset)),
          h('td', { class: 'num' }, fmt(p.endOffset)),
          h('td', { class: 'num' }, fmt(p.endOffset - p.startOffset)),
          h('td', { class: 'num' }, bytes(p.sizeBytes)),
        ),
      );
    }
  }
  if (rows.length === 0) rows.push(h('tr', {}, h('td', { colspan: 6, class: 'empty' }, 'No topics yet.')));
  document.getElementById('topics-body').replaceChildren(...rows);
}

const assignmentText = (a) => (a.length === 0 ? '—' : a.map((x) => `${x.topic}: ${x.partitions.join(', ')}`).join('; '));

function membersTable(members, extra = []) {
  if (members.length === 0) return h('p', { class: 'empty' }, 'No members.');
  return h(
    'table',
    { class: 'members' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Member'), h('th', { class: 'num' }, 'Epoch'), h('th', {}, 'Assignment'), ...extra.map((x) => h('th', { class: x.num ? 'num' : '' }, x.label)))),
    h('tbody', {}, ...members.map((m) =>
      h('tr', {}, h('td', { class: 'preview' }, m.memberId), h('td', { class: 'num' }, String(m.memberEpoch)), h('td', {}, assignmentText(m.assignment)),
        ...extra.map((x) => h('td', { class: x.num ? 'num' : '' }, x.value(m)))),
    )),
  );
}

function renderConsumerGroups(groups) {
  if (!changed('consumer', groups)) return;
  const list = document.getElementById('consumer-groups-list');
  if (groups.length === 0) return list.replaceChildren(h('p', { class: 'empty' }, 'No consumer groups.'));
  list.replaceChildren(
    ...groups.map((g) =>
      h(
        'div',
        { class: 'card consumer-group', dataset: { group: g.groupId } },
        h('div', { class: 'card-head' }, h('h3', {}, g.groupId), h('span', { class: `badge ${g.state}` }, g.state),
          h('span', { class: 'muted' }, `${g.members.length} members · lag ${fmt(g.lag)}`),
          h('span', { class: 'actions' },
            h('button', { type: 'button', onclick: () => resetOffsets('consumer', g.groupId, [...new Set([...g.partitions.map((p) => p.topic), ...topicNames])]) }, 'Reset offsets…'),
            h('button', { type: 'button', class: 'danger', onclick: () => deleteGroup('consumer', g.groupId) }, 'Delete…'))),
        membersTable(g.members),
        h('table', { class: 'offsets' },
          h('thead', {}, h('tr', {}, ...['Topic', 'Partition', 'Committed', 'End offset', 'Lag', 'Owner'].map((x, i) => h('th', { class: i > 0 && i < 5 ? 'num' : '' }, x)))),
          h('tbody', {}, ...g.partitions.map((p) =>
            h('tr', { dataset: { topic: p.topic, partition: String(p.partition) } }, h('td', {}, p.topic), h('td', { class: 'num' }, String(p.partition)),
              h('td', { class: 'num committed' }, p.committedOffset < 0 ? '—' : fmt(p.committedOffset)), h('td', { class: 'num' }, fmt(p.endOffset)),
              h('td', { class: 'num lag' }, fmt(p.lag)), h('td', { class: 'preview' }, p.owner || '—')),
          ))),
      ),
    ),
  );
}

const shareCards = new Map(); // groupId -> { card, head, partitions, keys }

function renderShareGroups(groups) {
  const list = document.getElementById('share-groups-list');
  const keep = new Set();
  const cards = [];
  for (const g of groups) {
    let c = shareCards.get(g.groupId);
    if (!c) {
      c = { card: h('div', { class: 'card share-group', dataset: { group: g.groupId } }), head: h('div'), partitions: h('div', { class: 'partitions' }), keys: '' };
      c.card.append(c.head, c.partitions);
      shareCards.set(g.groupId, c);
    }
    const { partitions, rates, totals, ...rest } = g;
    if (changed(`share:${g.groupId}`, { ...rest, rates, totals })) {
      c.head.replaceChildren(
        h('div', { class: 'card-head' }, h('h3', {}, g.groupId), h('span', { class: `badge ${g.state}` }, g.state),
          h('span', { class: 'muted' }, `${g.members.length} members · lag ${fmt(g.lag)}`),
          h('span', { class: 'actions' },
            h('button', { type: 'button', onclick: () => resetOffsets('share', g.groupId, [...new Set([...partitions.map((p) => p.topic), ...topicNames])]) }, 'Reset offsets…'),
            h('button', { type: 'button', onclick: () => editShareConfig(g.groupId, g.config) }, 'Configure…'),
            h('button', { type: 'button', class: 'danger', onclick: () => deleteGroup('share', g.groupId) }, 'Delete…'))),
        h('div', { class: 'stats' },
          h('span', {}, 'acquisitions ', h('b', { class: 'rate-acquired' }, rate(rates.acquired))),
          h('span', {}, 'redeliveries ', h('b', { class: 'rate-redeliveries' }, rate(rates.redeliveries))),
          h('span', {}, 'lock expiries ', h('b', { class: 'rate-expiries' }, rate(rates.lockExpiries))),
          h('span', { class: 'muted' }, `totals: ${fmt(totals.acquired)} acquired, ${fmt(totals.redeliveries)} redelivered, ${fmt(totals.lockExpiries)} expired`),
          h('span', { class: 'muted' }, `lock ${g.config.recordLockDurationMs} ms · delivery limit ${g.config.deliveryCountLimit} · reset ${g.config.autoOffsetReset}${g.config.deadLetterTopic ? ` · DLT ${g.config.deadLetterTopic}` : ''}`)),
        membersTable(g.members, [
          { label: 'Acquired', num: true, value: (m) => fmt(m.acquired) },
          { label: 'Client', value: (m) => m.clientHost },
        ]),
      );
    }
    const rows = partitions.map((p) => {
      const { key, entry } = partitionRow(g.groupId, p, inspect);
      keep.add(key);
      return { key, entry, p };
    });
    const keys = rows.map((r) => r.key).join('\n');
    if (keys !== c.keys) {
      c.partitions.replaceChildren(...(rows.length ? rows.map((r) => r.entry.row) : [h('p', { class: 'empty' }, 'No share-partitions yet: they appear when a member is assigned one, or after a reset.')]));
      c.keys = keys;
    }
    cards.push({ c, rows });
  }
  for (const id of shareCards.keys()) if (!groups.some((g) => g.groupId === id)) shareCards.delete(id);
  const order = cards.map((x) => x.c.card);
  if (order.length !== list.children.length || order.some((el, i) => list.children[i] !== el)) {
    list.replaceChildren(...(order.length ? order : [h('p', { class: 'empty' }, 'No share groups.')]));
  }
  // Charts are created and updated once their rows are in the document.
  for (const { rows } of cards) for (const { entry, p } of rows) updatePartition(entry, p);
  pruneCharts(keep);
}

function render(snapshot) {
  topicNames = snapshot.topics.map((t) => t.name);
  renderTopics(snapshot.topics);
  renderConsumerGroups(snapshot.consumerGroups);
  renderShareGroups(snapshot.shareGroups);
  document.body.dataset.snapshotTime = String(snapshot.time);
}

function status(state, text) {
  const el = document.getElementById('status');
  el.dataset.state = state;
  el.textContent = text;
}

/** Reads the event stream; resolves when it ends. */
async function stream() {
  const res = await fetch('/api/events', { headers: { ...authHeaders(), accept: 'text/event-stream' } });
  if (res.status === 401 && askToken()) return;
  if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
      const data = frame.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      if (event === 'snapshot') {
        render(JSON.parse(data));
        status('live', `live · ${new Date().toLocaleTimeString('en-GB')}`);
      } else if (event === 'failure') {
        status('error', `error: ${JSON.parse(data).error}`);
      }
    }
  }
}

async function main() {
  renderLegend(document.getElementById('legend'));
  setupActions();
  setupInspector();
  for (;;) {
    try {
      await stream();
      status('connecting', 'reconnecting…');
    } catch (err) {
      status('error', `disconnected (${err.message}); retrying`);
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

void main();
