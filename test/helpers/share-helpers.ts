/**
 * Helpers for black-box share-group tests through gRPC: group setup, join/fetch/acknowledge shorthands that turn
 * proto messages (int64 as strings) into plain numbers, status assertions, and a reader for Subscribe streams.
 */
import type * as grpc from '@grpc/grpc-js';
import { expect } from 'vitest';
import { errorCode, type TestClients } from './grpc-clients.js';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type AckType = 'ACCEPT' | 'RELEASE' | 'REJECT' | 'RENEW';

export interface Acquired {
  topic: string;
  partition: number;
  offset: number;
  key: string | undefined;
  value: string;
  headers: Array<[string, string]>;
  deliveryCount: number;
  lockExpiresAtMs: number;
  leaseToken: number;
  previousFailure: { memberId: string; reason: string; failedAtMs: number; outcome: string } | null;
}

export interface AckResult {
  topic: string;
  partition: number;
  firstOffset: number;
  lastOffset: number;
  error: string;
  message: string;
  lockExpiresAtMs: number;
}

/** Converts AcquiredRecord messages. */
export function toAcquired(records: any[]): Acquired[] {
  return records.map((r) => ({
    topic: r.record.topic,
    partition: r.record.partition,
    offset: Number(r.record.offset),
    key: r.record.key == null ? undefined : Buffer.from(r.record.key).toString(),
    value: Buffer.from(r.record.value).toString(),
    headers: (r.record.headers ?? []).map((h: { key: string; value: Buffer }) => [h.key, Buffer.from(h.value).toString()]),
    deliveryCount: r.deliveryCount,
    lockExpiresAtMs: Number(r.lockExpiresAtMs),
    leaseToken: Number(r.leaseToken),
    previousFailure: r.previousFailure
      ? {
          memberId: r.previousFailure.memberId,
          reason: r.previousFailure.reason,
          failedAtMs: Number(r.previousFailure.failedAtMs),
          outcome: r.previousFailure.outcome,
        }
      : null,
  }));
}

export function toAckResults(results: any[]): AckResult[] {
  return results.map((r) => ({
    topic: r.topic,
    partition: r.partition,
    firstOffset: Number(r.firstOffset),
    lastOffset: Number(r.lastOffset),
    error: r.error,
    message: r.message,
    lockExpiresAtMs: Number(r.lockExpiresAtMs),
  }));
}

export const OK = 'ACKNOWLEDGE_ERROR_UNSPECIFIED';

/** An Acknowledgement message. */
export function ack(topic: string, first: number, last: number, type: AckType, extra: Record<string, unknown> = {}) {
  return { topic, partition: 0, firstOffset: first, lastOffset: last, type: `ACKNOWLEDGE_TYPE_${type}`, ...extra };
}

/** Contiguous [first, last] ranges of the given offsets (any order). */
export function ranges(offsets: number[]): Array<[number, number]> {
  const sorted = [...offsets].sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  for (const o of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] + 1 === o) last[1] = o;
    else out.push([o, o]);
  }
  return out;
}

export interface GroupSetup {
  topic: string;
  group: string;
  partitions?: number;
  /** Number of records ("v<offset>" values) or explicit Record messages, produced to partition 0. */
  records?: number | any[];
  /** Extra UpdateShareGroupConfig fields (camelCase); auto_offset_reset is earliest unless given. */
  config?: Record<string, unknown>;
}

/** Creates the topic, configures the group (earliest) before anyone joins, and produces the records. */
export async function setupGroup(c: TestClients, s: GroupSetup): Promise<void> {
  await c.admin.CreateTopic({ name: s.topic, partitions: s.partitions ?? 1 });
  await c.admin.UpdateShareGroupConfig({ groupId: s.group, autoOffsetReset: 'OFFSET_RESET_EARLIEST', ...s.config });
  const records =
    typeof s.records === 'number' ? Array.from({ length: s.records }, (_, i) => ({ value: Buffer.from(`v${i}`) })) : (s.records ?? []);
  await produce(c, s.topic, records);
}

export async function produce(c: TestClients, topic: string, records: any[], partition = 0): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) {
    await c.producer.Produce({ topic, partition, records: records.slice(i, i + 1000) });
  }
}

export async function join(c: TestClients, group: string, topics: string[], extra: Record<string, unknown> = {}) {
  const res = await c.share.Heartbeat({ groupId: group, memberId: '', memberEpoch: 0, topics, ...extra });
  return res as { memberId: string; memberEpoch: number; assignment: Array<{ topic: string; partitions: number[] }> };
}

export async function fetch(c: TestClients, group: string, memberId: string, maxRecords: number, maxWaitMs = 0, acknowledgements: any[] = []) {
  const res = await c.share.Fetch({ groupId: group, memberId, maxRecords, maxWaitMs, acknowledgements });
  return { records: toAcquired(res.records), results: toAckResults(res.acknowledgementResults) };
}

export async function fetchRecords(c: TestClients, group: string, memberId: string, maxRecords: number, maxWaitMs = 0): Promise<Acquired[]> {
  return (await fetch(c, group, memberId, maxRecords, maxWaitMs)).records;
}

export async function acknowledge(c: TestClients, group: string, memberId: string, acknowledgements: any[]): Promise<AckResult[]> {
  const res = await c.share.Acknowledge({ groupId: group, memberId, acknowledgements });
  return toAckResults(res.results);
}

export const offsetsOf = (records: Acquired[]) => records.map((r) => r.offset);

/** DescribeShareGroup's entry for one partition, with int64 fields as numbers. */
export async function describePartition(c: TestClients, group: string, topic: string, partition = 0) {
  const d = await c.admin.DescribeShareGroup({ groupId: group });
  const p = d.partitions.find((x: { topic: string; partition: number }) => x.topic === topic && x.partition === partition);
  if (!p) throw new Error(`group ${group} has no state for ${topic}/${partition}`);
  return { ...p, startOffset: Number(p.startOffset), endOffset: Number(p.endOffset), lag: Number(p.lag) } as {
    startOffset: number;
    endOffset: number;
    available: number;
    acquired: number;
    acknowledged: number;
    archived: number;
    delayed: number;
    lag: number;
  };
}

export interface Inspected {
  offset: number;
  state: string;
  deliveryCount: number;
  memberId: string;
  lockExpiresAtMs: number;
  leaseToken: number;
  availableAtMs: number;
  attempts: Array<{ memberId: string; outcome: string; reason: string; acquiredAtMs: number; finishedAtMs: number }>;
}

export async function inspect(c: TestClients, group: string, topic: string, first: number, last = first) {
  const res = await c.admin.InspectShareRecords({ groupId: group, topic, partition: 0, firstOffset: first, lastOffset: last });
  return {
    startOffset: Number(res.startOffset),
    endOffset: Number(res.endOffset),
    records: res.records.map((r: any) => ({
      offset: Number(r.offset),
      state: r.state,
      deliveryCount: r.deliveryCount,
      memberId: r.memberId,
      lockExpiresAtMs: Number(r.lockExpiresAtMs),
      leaseToken: Number(r.leaseToken),
      availableAtMs: Number(r.availableAtMs),
      attempts: r.attempts.map((a: any) => ({
        memberId: a.memberId,
        outcome: a.outcome,
        reason: a.reason,
        acquiredAtMs: Number(a.acquiredAtMs),
        finishedAtMs: Number(a.finishedAtMs),
      })),
    })) as Inspected[],
  };
}

/** Asserts that the call fails with the gRPC status (and sharelog error code, and details matching). */
export async function expectError(call: Promise<unknown>, code: grpc.status, sharelogCode?: string, details?: RegExp): Promise<grpc.ServiceError> {
  const err = await call.then(
    () => null,
    (e: unknown) => e as grpc.ServiceError,
  );
  expect(err, 'the call should have failed').not.toBeNull();
  expect({ code: err!.code, details: err!.details }).toMatchObject({ code });
  if (sharelogCode !== undefined) expect(errorCode(err)).toBe(sharelogCode);
  if (details !== undefined) expect(err!.details).toMatch(details);
  return err!;
}

/** Polls `probe` until it returns true; at most `attempts` tries, `intervalMs` apart. */
export async function eventually(probe: () => Promise<boolean>, attempts = 100, intervalMs = 50): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await probe()) return;
    await sleep(intervalMs);
  }
  throw new Error(`condition not met after ${attempts} tries`);
}

/** Collects the messages of a Subscribe stream; waits for messages by predicate with a bounded timeout. */
export class SubscribeReader {
  readonly messages: any[] = [];
  /** Resolves with the stream's final status: null for OK, else the error. */
  readonly ended: Promise<grpc.ServiceError | null>;
  private waiters = new Set<() => void>();

  constructor(readonly call: grpc.ClientDuplexStream<any, any>) {
    call.on('data', (m: any) => {
      this.messages.push(m);
      this.notify();
    });
    this.ended = new Promise((resolve) => {
      call.on('error', (err: grpc.ServiceError) => {
        resolve(err);
        this.notify();
      });
      call.on('status', (s: grpc.StatusObject) => {
        if (s.code === 0) resolve(null);
        this.notify();
      });
    });
  }

  private notify() {
    for (const w of this.waiters) w();
  }

  /** The first message (from index `from`) for which `pred` holds; rejects after timeoutMs. */
  async waitFor(pred: (m: any) => boolean, timeoutMs = 10_000, from = 0): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(pred);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching stream message in ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          this.waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, left);
        this.waiters.add(done);
      });
    }
  }

  /** The final status (see `ended`); rejects when the stream has not ended within timeoutMs. */
  endedWithin(timeoutMs = 10_000): Promise<grpc.ServiceError | null> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`stream did not end within ${timeoutMs} ms`)), timeoutMs);
    });
    return Promise.race([this.ended, timeout]).finally(() => clearTimeout(timer));
  }

  /** Every record pushed so far. */
  records(): Acquired[] {
    return this.messages.filter((m) => m.response === 'records').flatMap((m) => toAcquired(m.records.records));
  }
}

export function subscribe(c: TestClients): SubscribeReader {
  return new SubscribeReader((c.raw.share as any).Subscribe());
}
