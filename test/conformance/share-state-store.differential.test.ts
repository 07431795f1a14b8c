/**
 * Differential (model-based) test of the two ShareStateStores: random operation sequences run against the
 * embedded store (FileShareStateStore, the reference: src/ack-tracker's run-based state machine, itself checked
 * against a per-record model in test/unit/ack-tracker/model.property.test.ts) and the redis store (the Lua
 * scripts of src/storage/redis/lua/share/), and after every step both must have answered the same and hold the
 * same state. It is there to catch bugs in the Lua scripts, so the sequences are made of partial ranges:
 * sub-ranges of acquired batches, ranges straddling batches, over records in mixed states, overlapping ranges of
 * one call, ranges below the start offset and beyond the end offset, stale and wrong lease tokens.
 *
 * Time is real (the redis store's clock is Redis TIME): locks last 10 minutes so nothing expires during a
 * sequence, and backoff is off, so a RELEASE without a delay makes records acquirable at once. Release delays and
 * (in some sequences) backoff are 10 minutes: a record released that way stays delayed to the end.
 *
 * What is compared, after every operation:
 *  - acquire: per offset (count, lease token, previous failure without its time). Batch boundaries are not
 *    compared: a batch also splits where the previous failures' times differ, and the two clocks differ.
 *    Lease tokens are compared exactly: both stores start at 1 per share-partition and add one per acquire call
 *    that returned records (a reset keeps the counter). Deadlines are checked per store: one per call, and
 *    inspect reports, for every ACQUIRED record, the deadline that store last gave for it (acquire or RENEW).
 *  - acknowledge: per range the error code and message (the messages are the same in both stores), the
 *    archived records, and whether a deadline came back (only for a RENEW that applied).
 *  - releaseMember: the count and the archived records (sorted: no order is promised).
 *  - the archived handler: the records handed to it per operation, as a multiset (the stores split calls and
 *    order records differently), with the group, topic-partition and config of every call.
 *  - describe (start, end, counts), inspect of the whole window (state, count, holder, token, delayed or not,
 *    attempts on member/outcome/reason/finished-or-not; both keep the newest 5 attempts per record), and
 *    acquiredBy of every member.
 *
 * A failure prints fast-check's seed and path, the shrunk sequence, and the operations as run (offsets resolved).
 * Replay one with SHARE_DIFF_SEED=<seed> SHARE_DIFF_PATH=<path>; SHARE_DIFF_RUNS=<n> runs more sequences.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type {
  AckRange,
  AckResult,
  AcquiredBatch,
  ArchivedRecord,
  InspectedRecord,
  ReleaseResult,
} from '../../src/ack-tracker/index.js';
import { systemClock } from '../../src/clock.js';
import { SharelogError } from '../../src/errors.js';
import { DEFAULT_SHARE_GROUP_CONFIG, type ShareGroupConfig } from '../../src/share-group/config.js';
import { FileShareStateStore } from '../../src/storage/embedded/file-share-state-store.js';
import type { ShareStateStore, SharePartitionSummary, TopicPartition } from '../../src/storage/types.js';
import { openRedisShareStore, type RedisShareStore } from '../helpers/redis-share-store.js';
import { LONG, MEMBERS, opArb, setupArb, type Member, type OpGen, type RangeGen, type Setup, type TokenChoice } from './share-diff-ops.js';


const NUM_RUNS = Number(process.env.SHARE_DIFF_RUNS ?? 40);
const SEED = process.env.SHARE_DIFF_SEED === undefined ? undefined : Number(process.env.SHARE_DIFF_SEED);
const PATH = process.env.SHARE_DIFF_PATH;

// ------------------------------------------------------------------------------------------- the two stores

interface ArchivedCall {
  groupId: string;
  config: ShareGroupConfig;
  tp: TopicPartition;
  records: ArchivedRecord[];
}

interface Side {
  name: 'embedded' | 'redis';
  store: ShareStateStore;
  /** Archived-handler calls not yet checked. */
  calls: ArchivedCall[];
  /** Per offset, the lock deadline this store last reported for it (acquire, or a RENEW that applied). */
  deadlines: Map<number, number>;
}

let redis: RedisShareStore | undefined;
let dir: string | undefined;
let embedded: Side;
let redisSide: Side;

function side(name: Side['name'], store: ShareStateStore): Side {
  const s: Side = { name, store, calls: [], deadlines: new Map() };
  store.setArchivedHandler(async (groupId, config, tp, records) => {
    s.calls.push({ groupId, config, tp: { topic: tp.topic, partition: tp.partition }, records: [...records] });
  });
  return s;
}

beforeAll(async () => {
  redis = await openRedisShareStore();
  redisSide = side('redis', redis.store);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-share-differential-'));
  embedded = side('embedded', await FileShareStateStore.open(dir, systemClock));
}, 300_000);

afterAll(async () => {
  await embedded?.store.close();
  await redis?.close();
  if (dir !== undefined) fs.rmSync(dir, { recursive: true, force: true });
});

// ------------------------------------------------------------------------------------------- one sequence

interface Sequence {
  g: string;
  tp: TopicPartition;
  cfg: ShareGroupConfig;
  /** The log end offset: only grows. */
  logEnd: number;
  /** Start and end offset as the reference store last described them. */
  start: number;
  end: number;
  /** Recently acquired batches (reference store), newest last. */
  batches: Span[];
  /** Maximal spans of ACQUIRED records with one holder and token, ascending (reference store, last inspect). */
  held: Array<Span & { member: string }>;
  tokens: number[];
  lastToken: Map<Member, number>;
  /** The operations as run, offsets resolved. */
  log: string[];
}

interface Span {
  first: number;
  last: number;
  token: number;
}

let sequences = 0;

class Mismatch extends Error {}

function fail(message: string): never {
  throw new Mismatch(message);
}

function check(ok: boolean, s: Side, message: string): void {
  if (!ok) fail(`${s.name}: ${message}`);
}

const json = (v: unknown) => JSON.stringify(v);

/** Throws with both views (only the differing entries of equally long arrays) when they are not equal. */
function same(what: string, reference: unknown, redisView: unknown): void {
  if (json(reference) === json(redisView)) return;
  let detail: string;
  if (Array.isArray(reference) && Array.isArray(redisView) && reference.length === redisView.length) {
    const lines: string[] = [];
    reference.forEach((r, i) => {
      if (json(r) !== json(redisView[i]) && lines.length < 24) {
        lines.push(`  [${i}] embedded ${json(r)}`, `  [${i}] redis    ${json(redisView[i])}`);
      }
    });
    detail = lines.join('\n');
  } else {
    detail = `  embedded ${json(reference)}\n  redis    ${json(redisView)}`;
  }
  fail(`${what}: the stores differ\n${detail}`);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

async function settle<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (err) {
    return { ok: false, error: err instanceof SharelogError ? `${err.code}: ${err.message}` : String(err) };
  }
}

/** Runs `call` on both stores; both must succeed (or fail alike) and answer the same `view`. */
async function onBoth<T, V>(
  what: string,
  call: (store: ShareStateStore) => Promise<T>,
  view: (s: Side, value: T) => V,
): Promise<[T, T]> {
  const [e, r] = await Promise.all([settle(call(embedded.store)), settle(call(redisSide.store))]);
  if (!e.ok || !r.ok) {
    same(`${what} (outcome)`, e.ok ? 'succeeded' : e.error, r.ok ? 'succeeded' : r.error);
    fail(`${what} failed on both: ${(e as { error: string }).error}`);
  }
  const [ev, rv] = [e as { value: T }, r as { value: T }];
  same(what, view(embedded, ev.value), view(redisSide, rv.value));
  return [ev.value, rv.value];
}

// ---------------------------------------------------------------------------------------------------- views

const failureView = (f: AcquiredBatch['previousFailure']) =>
  f === undefined ? null : { memberId: f.memberId, reason: f.reason, outcome: f.outcome };

function acquireView(s: Side, batches: AcquiredBatch[]) {
  if (batches.length > 0) {
    check(new Set(batches.map((b) => b.leaseToken)).size === 1, s, `one acquire call gave several lease tokens: ${json(batches)}`);
    check(new Set(batches.map((b) => b.lockExpiresAt)).size === 1, s, `one acquire call gave several lock deadlines: ${json(batches)}`);
  }
  const out: Array<{ offset: number; deliveryCount: number; leaseToken: number; previousFailure: ReturnType<typeof failureView> }> = [];
  for (const b of batches) {
    check(b.firstOffset <= b.lastOffset, s, `empty batch ${json(b)}`);
    for (let offset = b.firstOffset; offset <= b.lastOffset; offset++) {
      out.push({ offset, deliveryCount: b.deliveryCount, leaseToken: b.leaseToken, previousFailure: failureView(b.previousFailure) });
      s.deadlines.set(offset, b.lockExpiresAt);
    }
  }
  out.sort((a, b) => a.offset - b.offset);
  check(new Set(out.map((d) => d.offset)).size === out.length, s, `an offset handed out twice by one call: ${json(batches)}`);
  return out;
}

const archivedView = (r: ArchivedRecord) => ({
  offset: r.offset,
  deliveryCount: r.deliveryCount,
  reason: r.reason,
  cause: r.cause,
  lastFailureReason: r.lastFailureReason ?? null,
  memberId: r.memberId ?? null,
});

const byOffset = (a: { offset: number }, b: { offset: number }) => a.offset - b.offset;

function ackView(s: Side, ranges: readonly AckRange[], results: AckResult[]) {
  check(results.length === ranges.length, s, `${results.length} results for ${ranges.length} ranges`);
  return results.map((r, i) => {
    const range = ranges[i];
    const renewed = range.type === 'RENEW' && r.error === null;
    check((r.lockExpiresAt !== undefined) === renewed, s, `range ${i}: a lock deadline iff a RENEW applied, got ${json(r)}`);
    if (renewed) for (let o = range.firstOffset; o <= range.lastOffset; o++) s.deadlines.set(o, r.lockExpiresAt!);
    check((r.error === null) === (r.message === undefined), s, `range ${i}: a message iff an error, got ${json(r)}`);
    return { error: r.error, message: r.message ?? null, renewed, archived: (r.archived ?? []).map(archivedView) };
  });
}

const releaseView = (_s: Side, r: ReleaseResult) => ({ released: r.released, archived: r.archived.map(archivedView).sort(byOffset) });

function inspectView(s: Side, records: InspectedRecord[]) {
  return records.map((r) => {
    if (r.state === 'ACQUIRED') {
      const reported = s.deadlines.get(r.offset);
      check(r.lockExpiresAt === reported, s, `offset ${r.offset}: lock deadline ${r.lockExpiresAt}, last reported ${reported}`);
      check(r.memberId !== null && r.leaseToken !== null, s, `offset ${r.offset}: ACQUIRED without holder or token`);
    } else {
      const unlocked = r.lockExpiresAt === null && r.leaseToken === null && r.memberId === null;
      check(unlocked, s, `offset ${r.offset}: ${r.state} with a lock ${json(r)}`);
    }
    for (const a of r.attempts) {
      check((a.finishedAt === null) === (a.outcome === 'IN_PROGRESS'), s, `offset ${r.offset}: attempt ${json(a)}`);
    }
    return {
      offset: r.offset,
      state: r.state,
      deliveryCount: r.deliveryCount,
      memberId: r.memberId,
      leaseToken: r.leaseToken,
      delayed: r.availableAt !== null,
      attempts: r.attempts.map((a) => ({ memberId: a.memberId, outcome: a.outcome, reason: a.reason })),
    };
  });
}

const sortedKeys = (o: object) => json(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));

/** The records handed to the archived handler since the last call, checking each call's group, tp and config. */
function takeArchived(s: Side, seq: Sequence): ReturnType<typeof archivedView>[] {
  const calls = s.calls.splice(0);
  for (const c of calls) {
    const ours = c.groupId === seq.g && c.tp.topic === seq.tp.topic && c.tp.partition === seq.tp.partition;
    check(ours, s, `archived handler called for ${json(c)}`);
    check(sortedKeys(c.config) === sortedKeys(seq.cfg), s, `archived handler got config ${json(c.config)}`);
    check(c.records.length > 0, s, 'archived handler called with no records');
  }
  return calls.flatMap((c) => c.records.map(archivedView)).sort(byOffset);
}

/** Everything an operation returned as archived must also have gone to the handler. */
function handedOver(s: Side, returned: readonly ArchivedRecord[], handled: ReturnType<typeof archivedView>[]): void {
  const all = new Set(handled.map((r) => json(r)));
  for (const r of returned) check(all.has(json(archivedView(r))), s, `archived ${json(r)} was not handed to the archived handler`);
}

// ------------------------------------------------------------------------------------------------- running

function resolveToken(seq: Sequence, member: Member, choice: TokenChoice, pick: number, anchor: number | undefined): number | undefined {
  const mine = seq.lastToken.get(member) ?? 1;
  switch (choice) {
    case 'none':
      return undefined;
    case 'mine':
      return mine;
    case 'anchor':
      return anchor ?? mine;
    case 'old':
      return seq.tokens.length === 0 ? 1 : seq.tokens[(pick >> 3) % seq.tokens.length];
    case 'bogus':
      return (seq.tokens.at(-1) ?? 0) + 1000 + (pick % 3);
  }
}

function resolveRange(seq: Sequence, member: Member, r: RangeGen): AckRange {
  let first: number;
  let last: number;
  let anchorToken: number | undefined;
  const mine = seq.held.filter((h) => h.member === member);
  const anchor = r.anchor === 'held' && seq.held.length === 0 ? 'batch' : r.anchor;
  const spans = anchor === 'held' ? (mine.length > 0 ? mine : seq.held) : anchor === 'batch' ? seq.batches.slice(-8) : [];
  if (spans.length > 0) {
    const i = anchor === 'held' ? r.pick % spans.length : spans.length - 1 - (r.pick % spans.length);
    const b = spans[i];
    anchorToken = b.token;
    if (r.cut === 'inner') {
      const at = (pct: number) => b.first + Math.floor(((b.last - b.first + 1) * pct) / 100);
      first = Math.min(at(r.cutA), at(r.cutB));
      last = Math.max(at(r.cutA), at(r.cutB));
    } else {
      // straddle: to the next held span of the member (in offset order) or the batch acquired after this one.
      const next = anchor === 'held' ? spans.find((x) => x.first > b.last) : spans[i + 1];
      first = Math.max(0, b.first + r.shiftFirst);
      last = Math.max(first, (r.cut === 'straddle' && next !== undefined ? next.last : b.last) + r.shiftLast);
    }
  } else {
    const lo = Math.max(0, seq.start - 3);
    first = lo + (r.pick % (seq.end + 4 - lo));
    last = first + r.len;
  }
  const range: AckRange = { firstOffset: first, lastOffset: last, type: r.type };
  if (r.reason !== undefined) range.reason = r.reason;
  if (r.delay !== 'none') range.releaseDelayMs = r.delay === 'long' ? LONG : 0;
  const token = resolveToken(seq, member, r.token, r.pick, anchorToken);
  if (token !== undefined) range.leaseToken = token;
  return range;
}

function showRange(r: AckRange): string {
  let s = `${r.firstOffset}..${r.lastOffset} ${r.type}`;
  if (r.leaseToken !== undefined) s += ` token ${r.leaseToken}`;
  if (r.reason !== undefined) s += ` reason ${r.reason.length > 20 ? `<${r.reason.length} chars>` : json(r.reason)}`;
  if (r.releaseDelayMs !== undefined) s += ` delay ${r.releaseDelayMs}`;
  return s;
}

/**
 * Compares the whole share-partition: describe, inspect from start - 3 to 3 past the end offset or the log end
 * (whichever is higher), acquiredBy of every member, and that nothing reached the archived handler unchecked.
 */
async function checkState(seq: Sequence): Promise<void> {
  const [summary] = await onBoth('describe', (st) => st.describe(seq.g, seq.tp), (_s, v: SharePartitionSummary) => v);
  seq.start = summary.startOffset;
  seq.end = summary.endOffset;
  const hi = Math.max(seq.end, seq.logEnd) + 3;
  const [records] = await onBoth(
    `inspect(${Math.max(0, seq.start - 3)}..${hi})`,
    (st) => st.inspect(seq.g, seq.tp, Math.max(0, seq.start - 3), hi, hi),
    inspectView,
  );
  seq.held = [];
  for (const r of records) {
    if (r.state !== 'ACQUIRED') continue;
    const prev = seq.held.at(-1);
    if (prev !== undefined && prev.last + 1 === r.offset && prev.member === r.memberId && prev.token === r.leaseToken) prev.last = r.offset;
    else seq.held.push({ first: r.offset, last: r.offset, token: r.leaseToken!, member: r.memberId! });
  }
  await onBoth(
    'acquiredBy',
    (st) => Promise.all(MEMBERS.map((m) => st.acquiredBy(seq.g, m))),
    (_s, v) => v,
  );
  same('archived handler (outside operations)', takeArchived(embedded, seq), takeArchived(redisSide, seq));
}

async function step(seq: Sequence, op: OpGen): Promise<void> {
  const { g, tp } = seq;
  switch (op.op) {
    case 'acquire': {
      seq.logEnd += op.grow;
      const logEnd = seq.logEnd;
      seq.log.push(`acquire(${op.member}, max ${op.max}, logEnd ${logEnd})`);
      const [batches] = await onBoth('acquire', (st) => st.acquire(g, tp, op.member, op.max, logEnd), acquireView);
      if (batches.length > 0) {
        const token = batches[0].leaseToken;
        seq.tokens.push(token);
        seq.lastToken.set(op.member, token);
        for (const b of batches) seq.batches.push({ first: b.firstOffset, last: b.lastOffset, token });
        const got = batches.map((b) => `${b.firstOffset}..${b.lastOffset}#${b.deliveryCount}`).join(' ');
        seq.log[seq.log.length - 1] += ` -> ${got} token ${token}`;
      }
      same('archived handler', takeArchived(embedded, seq), takeArchived(redisSide, seq));
      break;
    }
    case 'ack': {
      let member = op.member === 'holder' ? MEMBERS[op.pick % 3] : op.member;
      if (op.member === 'holder' && seq.held.length > 0) member = seq.held[op.pick % seq.held.length].member as Member;
      const ranges = op.ranges.map((r) => resolveRange(seq, member, r));
      seq.log.push(`acknowledge(${member}, [${ranges.map(showRange).join(', ')}])`);
      const [e, r] = await onBoth('acknowledge', (st) => st.acknowledge(g, tp, member, ranges), (s, v) => ackView(s, ranges, v));
      seq.log[seq.log.length - 1] += ` -> ${e.map((x) => x.error ?? 'ok').join(', ')}`;
      const handledE = takeArchived(embedded, seq);
      const handledR = takeArchived(redisSide, seq);
      handedOver(embedded, e.flatMap((x) => x.archived ?? []), handledE);
      handedOver(redisSide, r.flatMap((x) => x.archived ?? []), handledR);
      same('archived handler', handledE, handledR);
      break;
    }
    case 'releaseMember': {
      seq.log.push(`releaseMember(${op.member})`);
      const [e, r] = await onBoth('releaseMember', (st) => st.releaseMember(g, tp, op.member), releaseView);
      const handledE = takeArchived(embedded, seq);
      const handledR = takeArchived(redisSide, seq);
      handedOver(embedded, e.archived, handledE);
      handedOver(redisSide, r.archived, handledR);
      same('archived handler', handledE, handledR);
      break;
    }
    case 'advanceStart': {
      const to = Math.max(0, Math.min(seq.logEnd, seq.start + op.by));
      seq.log.push(`advanceStart(${to})`);
      await onBoth('advanceStart', (st) => st.advanceStart(g, tp, to), () => null);
      break;
    }
    case 'inspect': {
      const lo = Math.max(0, seq.start - 3);
      const first = lo + (op.pick % (seq.end + 8 - lo));
      const last = first + op.len;
      const logEnd = Math.max(0, seq.logEnd + op.logEndShift);
      seq.log.push(`inspect(${first}..${last}, logEnd ${logEnd})`);
      await onBoth('inspect', (st) => st.inspect(g, tp, first, last, logEnd), inspectView);
      break;
    }
    case 'setLimits': {
      const cfg = { ...seq.cfg, deliveryCountLimit: op.deliveryCountLimit, maxInFlightRecords: op.maxInFlightRecords };
      seq.log.push(`saveGroup(deliveryCountLimit ${cfg.deliveryCountLimit}, maxInFlightRecords ${cfg.maxInFlightRecords})`);
      await onBoth('saveGroup', (st) => st.saveGroup(g, cfg), () => null);
      seq.cfg = cfg;
      break;
    }
    case 'reset': {
      const lo = Math.max(0, seq.start - 3);
      const to = lo + (op.pick % (seq.logEnd + 1 - lo));
      seq.log.push(`reset(${to})`);
      await onBoth('reset', (st) => st.reset(g, tp, to), () => null);
      break;
    }
    case 'expire': {
      seq.log.push('expire()');
      await onBoth('expire', (st) => st.expire(g), (_s, n) => n);
      same('archived handler', takeArchived(embedded, seq), takeArchived(redisSide, seq));
      break;
    }
  }
}

async function runSequence(setup: Setup, ops: OpGen[]): Promise<void> {
  const n = ++sequences;
  const cfg: ShareGroupConfig = {
    ...DEFAULT_SHARE_GROUP_CONFIG,
    recordLockDurationMs: LONG,
    deliveryCountLimit: setup.deliveryCountLimit,
    maxInFlightRecords: setup.maxInFlightRecords,
    backoffInitialMs: setup.backoffInitialMs,
    backoffMaxMs: LONG,
  };
  const seq: Sequence = {
    g: `diff-g${n}`,
    tp: { topic: `diff-t${n}`, partition: n % 3 },
    cfg,
    logEnd: setup.startOffset,
    start: setup.startOffset,
    end: setup.startOffset,
    batches: [],
    held: [],
    tokens: [],
    lastToken: new Map(),
    log: [
      `config: deliveryCountLimit ${cfg.deliveryCountLimit}, maxInFlightRecords ${cfg.maxInFlightRecords}, ` +
        `backoffInitialMs ${cfg.backoffInitialMs}`,
      `ensurePartition(start ${setup.startOffset})`,
    ],
  };
  for (const s of [embedded, redisSide]) {
    s.calls.length = 0;
    s.deadlines.clear();
  }
  try {
    await onBoth('saveGroup', (st) => st.saveGroup(seq.g, cfg), () => null);
    await onBoth('ensurePartition', (st) => st.ensurePartition(seq.g, seq.tp, setup.startOffset), (_s, created) => created);
    await checkState(seq);
    for (const op of ops) {
      await step(seq, op);
      await checkState(seq);
    }
  } catch (err) {
    const message = err instanceof Mismatch ? err.message : `unexpected ${String((err as Error).stack ?? err)}`;
    throw new Error(`${message}\n\nOperations as run (the last one failed):\n  ${seq.log.join('\n  ')}`);
  } finally {
    await Promise.all([embedded, redisSide].map((s) => s.store.deleteGroup(seq.g).catch(() => undefined)));
  }
}

describe('ShareStateStore differential: redis against embedded', () => {
  it(
    'random operation sequences get the same answers and leave the same state',
    async () => {
      await fc.assert(
        fc.asyncProperty(setupArb, fc.array(opArb, { minLength: 30, maxLength: 60 }), (setup, ops) => runSequence(setup, ops)),
        { numRuns: NUM_RUNS, seed: SEED, path: PATH },
      );
    },
    // Shrinking a failure re-runs many sequences; a passing run takes a small fraction of this.
    600_000,
  );
});
