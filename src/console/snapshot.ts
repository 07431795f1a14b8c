/**
 * What the console shows, read from the stores: topics with partitions, consumer groups, share groups with
 * per-partition record counts, and per-group rates (redeliveries/s, lock expiries/s, acquisitions/s) computed
 * from the deltas of the server's prom-client counters between two snapshots.
 */
import type { Registry } from 'prom-client';
import type { ConsumerAdmin } from '../consumer-group/consumer-admin.js';
import type { ShareAdmin } from '../share-group/share-admin.js';
import type { LogStore } from '../storage/types.js';

/** At most this many topics and groups of each kind are described in one snapshot (name order). */
export const SNAPSHOT_LIMIT = 500;

export interface ConsoleSources {
  logStore: LogStore;
  shareAdmin: ShareAdmin;
  consumerAdmin: ConsumerAdmin;
  /** The server's metrics registry: the rates are read from its counters. */
  registry?: Registry;
}

const assignmentList = (m: Map<string, number[]>) =>
  [...m].map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) })).sort((a, b) => a.topic.localeCompare(b.topic));

export async function describeTopics(logStore: LogStore, limit = SNAPSHOT_LIMIT) {
  const topics = (await logStore.listTopics()).sort((a, b) => a.name.localeCompare(b.name));
  const out = [];
  for (const t of topics.slice(0, limit)) {
    try {
      const partitions = await logStore.describePartitions(t.name);
      out.push({ name: t.name, config: t.config, partitions });
    } catch {
      /* deleted while we looked */
    }
  }
  return { topics: out, truncated: topics.length > limit };
}

/** Describes listed groups of one kind (by id, up to `limit`), with assignments as lists and the total lag. */
async function describeGroups<D extends { members: Array<{ assignment: Map<string, number[]> }>; partitions: Array<{ lag: number }> }>(
  listed: Array<{ groupId: string }>,
  describe: (groupId: string) => Promise<D>,
  limit: number,
) {
  const sorted = [...listed].sort((a, b) => a.groupId.localeCompare(b.groupId));
  const out = [];
  for (const g of sorted.slice(0, limit)) {
    try {
      const d = await describe(g.groupId);
      out.push({
        ...d,
        members: d.members.map((m) => ({ ...m, assignment: assignmentList(m.assignment) })),
        lag: d.partitions.reduce((sum, p) => sum + p.lag, 0),
      });
    } catch {
      /* deleted while we looked */
    }
  }
  return { groups: out, truncated: listed.length > limit };
}

export function describeConsumerGroups(admin: ConsumerAdmin, limit = SNAPSHOT_LIMIT) {
  return describeGroups(admin.list(), (id) => admin.describe(id), limit);
}

export function describeShareGroups(admin: ShareAdmin, limit = SNAPSHOT_LIMIT) {
  return describeGroups(admin.list(), (id) => admin.describe(id), limit);
}

export type ShareGroupView = Awaited<ReturnType<typeof describeShareGroups>>['groups'][number];

/** The counters the rates come from, per group label. */
const RATE_COUNTERS = {
  redeliveries: 'sharelog_share_redeliveries_total',
  lockExpiries: 'sharelog_share_lock_expiries_total',
  acquired: 'sharelog_share_acquired_records_total',
} as const;
type RateName = keyof typeof RATE_COUNTERS;
export type GroupRates = Record<RateName, number>;

/** Per-second rates of the share-group counters, from the difference between two readings. */
export class RateTracker {
  private last: { at: number; values: Map<string, GroupRates> } | undefined;
  private rates = new Map<string, GroupRates>();

  constructor(private readonly registry: Registry | undefined) {}

  private async read(): Promise<Map<string, GroupRates>> {
    const values = new Map<string, GroupRates>();
    if (!this.registry) return values;
    for (const [name, metricName] of Object.entries(RATE_COUNTERS) as [RateName, string][]) {
      const metric = this.registry.getSingleMetric(metricName);
      if (!metric) continue;
      for (const v of (await metric.get()).values) {
        const group = String(v.labels.group ?? '');
        const row = values.get(group) ?? { redeliveries: 0, lockExpiries: 0, acquired: 0 };
        row[name] += v.value;
        values.set(group, row);
      }
    }
    return values;
  }

  /** Takes a reading; the rates are over the time since the previous one (zero at the first). */
  async sample(now: number): Promise<void> {
    const values = await this.read();
    const prev = this.last;
    this.rates = new Map();
    if (prev && now > prev.at) {
      const seconds = (now - prev.at) / 1000;
      for (const [group, v] of values) {
        const p = prev.values.get(group) ?? { redeliveries: 0, lockExpiries: 0, acquired: 0 };
        const rate = (k: RateName) => Math.max(0, (v[k] - p[k]) / seconds);
        this.rates.set(group, { redeliveries: rate('redeliveries'), lockExpiries: rate('lockExpiries'), acquired: rate('acquired') });
      }
    }
    this.last = { at: now, values };
  }

  /** Rates and running totals of a group. */
  of(group: string): { rates: GroupRates; totals: GroupRates } {
    const zero = { redeliveries: 0, lockExpiries: 0, acquired: 0 };
    return { rates: this.rates.get(group) ?? zero, totals: this.last?.values.get(group) ?? zero };
  }
}

/** One full snapshot, as sent on /api/events and /api/snapshot. */
export async function takeSnapshot(sources: ConsoleSources, rates: RateTracker, now: number) {
  await rates.sample(now);
  const topics = await describeTopics(sources.logStore);
  const consumer = await describeConsumerGroups(sources.consumerAdmin);
  const share = await describeShareGroups(sources.shareAdmin);
  return {
    time: now,
    metricsEnabled: sources.registry !== undefined,
    topics: topics.topics,
    consumerGroups: consumer.groups,
    shareGroups: share.groups.map((g) => ({ ...g, ...rates.of(g.groupId) })),
    truncated: topics.truncated || consumer.truncated || share.truncated,
  };
}
