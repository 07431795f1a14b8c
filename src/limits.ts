/**
 * Server-wide resource limits. Each one, when hit, is a SharelogError LIMIT_EXCEEDED (gRPC RESOURCE_EXHAUSTED)
 * whose message names the limit and its value. The defaults below apply until the composition root passes its own
 * values (from configuration) to the services, stores and coordinators that take a `limits` option.
 *
 * Limits that live elsewhere: the gRPC message size (`maxMessageBytes` in src/config.ts: grpc-js answers
 * RESOURCE_EXHAUSTED for a larger message), members per share group (`max_members` of the group config, default
 * 200), members per consumer group (MAX_MEMBERS in src/consumer-group/consumer-coordinator.ts, 200), acquired
 * records per share-partition (`max_in_flight_records` of the group config), Subscribe credits (100,000).
 */
import type { Clock } from './clock.js';
import { systemClock } from './clock.js';
import { ErrorCode, SharelogError } from './errors.js';

export interface Limits {
  /** Bytes of one record: key + value + every header key and value. */
  maxRecordBytes: number;
  /** Records in one Produce request. */
  maxRecordsPerProduce: number;
  /** Topics on the server (embedded log store). */
  maxTopics: number;
  /** Partitions summed over every topic (embedded log store). */
  maxTotalPartitions: number;
  /** ACQUIRED records one share-group member may hold across all its share-partitions. */
  maxInFlightRecordsPerMember: number;
  /** Per-principal byte rate of Produce (record bytes); off when absent. */
  produceQuota?: Quota;
  /** Per-principal byte rate of ConsumerService.Fetch (record bytes returned); off when absent. */
  fetchQuota?: Quota;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxRecordBytes: 1024 * 1024,
  maxRecordsPerProduce: 100_000,
  maxTopics: 10_000,
  maxTotalPartitions: 100_000,
  maxInFlightRecordsPerMember: 10_000,
});

/** The defaults with `overrides` applied (undefined values keep the default). */
export function resolveLimits(overrides: Partial<Limits> = {}): Limits {
  const out: Limits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** The error of every limit: `limit` is the setting's name as an operator would look it up. */
export function limitExceeded(limit: string, value: number | string, detail: string, retriable = false): SharelogError {
  return new SharelogError(ErrorCode.LIMIT_EXCEEDED, `${detail}: limit ${limit} is ${value}`, { retriable });
}

/** Bytes a record counts for maxRecordBytes and the byte-rate quotas. */
export function recordBytes(record: {
  key: Buffer | null;
  value: Buffer;
  headers: ReadonlyArray<{ key: string; value: Buffer }>;
}): number {
  let n = (record.key?.length ?? 0) + record.value.length;
  for (const h of record.headers) n += Buffer.byteLength(h.key) + h.value.length;
  return n;
}

export interface QuotaOptions {
  /** The name used in error messages, e.g. "produce_byte_rate". */
  name: string;
  /** Sustained rate per principal. */
  bytesPerSecond: number;
  /** Bucket size: how much a principal may send at once after being idle. Default: one second of rate. */
  burstBytes?: number;
  clock?: Clock;
  /** Buckets kept; idle full buckets beyond this are forgotten (they are indistinguishable from new ones). */
  maxPrincipals?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per principal (a user name, or the peer host when the call is not authenticated).
 * A request is admitted while the principal's bucket is not in debt, and then charged in full, so a request larger
 * than the burst is still possible (the bucket goes negative and the principal waits it off), as Kafka's quotas do.
 * A principal in debt is refused with LIMIT_EXCEEDED (RESOURCE_EXHAUSTED, retriable) saying when to retry.
 */
export class Quota {
  readonly name: string;
  readonly bytesPerSecond: number;
  readonly burstBytes: number;
  private readonly clock: Clock;
  private readonly maxPrincipals: number;
  private readonly buckets = new Map<string, Bucket>();

  constructor(options: QuotaOptions) {
    if (!(options.bytesPerSecond > 0)) throw new RangeError('bytesPerSecond must be positive');
    this.name = options.name;
    this.bytesPerSecond = options.bytesPerSecond;
    this.burstBytes = options.burstBytes ?? options.bytesPerSecond;
    if (!(this.burstBytes > 0)) throw new RangeError('burstBytes must be positive');
    this.clock = options.clock ?? systemClock;
    this.maxPrincipals = options.maxPrincipals ?? 10_000;
  }

  /** Tokens the principal has now (negative while in debt). */
  available(principal: string): number {
    return this.bucket(principal).tokens;
  }

  /** Throws LIMIT_EXCEEDED while the principal is in debt; takes nothing. */
  check(principal: string): void {
    const bucket = this.bucket(principal);
    if (bucket.tokens < 0) {
      const waitMs = Math.ceil((-bucket.tokens / this.bytesPerSecond) * 1000);
      throw limitExceeded(
        this.name,
        `${this.bytesPerSecond} bytes/s`,
        `principal "${principal}" is over its byte-rate quota; retry in ${waitMs} ms`,
        true,
      );
    }
  }

  /** Charges bytes already served (may put the principal in debt). */
  charge(principal: string, bytes: number): void {
    if (bytes <= 0) return;
    this.bucket(principal).tokens -= bytes;
  }

  /** check() then charge(): admits the request or throws. */
  take(principal: string, bytes: number): void {
    this.check(principal);
    this.charge(principal, bytes);
  }

  private bucket(principal: string): Bucket {
    const now = this.clock.now();
    let bucket = this.buckets.get(principal);
    if (!bucket) {
      if (this.buckets.size >= this.maxPrincipals) this.evictFull(now);
      bucket = { tokens: this.burstBytes, at: now };
      this.buckets.set(principal, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.burstBytes, bucket.tokens + (elapsed / 1000) * this.bytesPerSecond);
    bucket.at = now;
    return bucket;
  }

  private evictFull(now: number): void {
    for (const [principal, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.bytesPerSecond >= this.burstBytes) this.buckets.delete(principal);
    }
    // Everyone is in debt: forget the oldest rather than grow without bound.
    if (this.buckets.size >= this.maxPrincipals) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
  }
}

/**
 * The principal a quota is charged to. Until authentication provides one, the peer's host (the port changes per
 * connection, so it is dropped): "ipv4:127.0.0.1:5432" -> "127.0.0.1", "ipv6:[::1]:5432" -> "::1".
 */
export function principalOf(call: { peer: string; principal?: string }): string {
  if (call.principal) return call.principal;
  const peer = call.peer.replace(/^(ipv4|ipv6|unix):/, '');
  const v6 = /^\[(.*)\](?::\d+)?$/.exec(peer);
  if (v6) return v6[1];
  const v4 = /^(.*):\d+$/.exec(peer);
  return v4 ? v4[1] : peer;
}
