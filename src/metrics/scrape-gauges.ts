/**
 * Gauges computed at scrape time from the stores: per topic-partition offsets and size, per consumer-group
 * partition lag, per share-partition record counts by state and lag, and group sizes. One snapshot is taken per
 * scrape and shared by all of them.
 *
 * Cardinality: each metric name exports at most `maxSeries` series per scrape (10,000 by default; a
 * share-partition gives 5 series of sharelog_share_partition_records, so at most maxSeries / 5 share-partitions
 * are exported). Topics, groups and partitions are visited in name order and the rest is left out;
 * sharelog_metrics_truncated{metric} is 1 for every metric that was cut in the last scrape.
 */
import { Gauge, type Registry } from 'prom-client';
import type { LogStore } from '../storage/types.js';
import type { ShareAdmin } from '../share-group/share-admin.js';
import type { ConsumerAdmin } from '../consumer-group/consumer-admin.js';

export const DEFAULT_MAX_SERIES = 10_000;

/** What the gauges read; the server passes its LogStore, ShareAdmin and ConsumerAdmin. */
export interface ScrapeSources {
  logStore: Pick<LogStore, 'listTopics' | 'describePartitions'>;
  shareGroups: Pick<ShareAdmin, 'list' | 'describe'>;
  consumerGroups: Pick<ConsumerAdmin, 'list' | 'describe'>;
}

type TP = { topic: string; partition: string };

interface Snapshot {
  partitions: Array<TP & { start: number; end: number; size: number }>;
  consumerLag: Array<TP & { group: string; lag: number }>;
  shareRecords: Array<TP & { group: string; available: number; delayed: number; acquired: number; acknowledged: number; archived: number; lag: number }>;
  members: Array<{ group: string; type: 'share' | 'consumer'; count: number }>;
  truncated: Set<string>;
}

const SHARE_STATES = ['available', 'delayed', 'acquired', 'acknowledged', 'archived'] as const;

const byName = (a: { groupId: string }, b: { groupId: string }) => (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0);

/** Reads every source once, within the series limits. Sources that vanish mid-scrape (deleted) are skipped. */
async function takeSnapshot(sources: ScrapeSources, maxSeries: number): Promise<Snapshot> {
  const snap: Snapshot = { partitions: [], consumerLag: [], shareRecords: [], members: [], truncated: new Set() };

  for (const topic of await sources.logStore.listTopics()) {
    if (snap.partitions.length >= maxSeries) {
      snap.truncated.add('partitions');
      break;
    }
    let partitions;
    try {
      partitions = await sources.logStore.describePartitions(topic.name);
    } catch {
      continue; // deleted while we looked
    }
    for (const p of partitions) {
      if (snap.partitions.length >= maxSeries) {
        snap.truncated.add('partitions');
        break;
      }
      snap.partitions.push({ topic: topic.name, partition: String(p.partition), start: p.startOffset, end: p.endOffset, size: p.sizeBytes });
    }
  }

  const shareGroups = sources.shareGroups.list().sort(byName);
  const consumerGroups = sources.consumerGroups.list().sort(byName);
  for (const [groups, type] of [
    [shareGroups, 'share'],
    [consumerGroups, 'consumer'],
  ] as const) {
    for (const g of groups) {
      if (snap.members.length >= maxSeries) {
        snap.truncated.add('members');
        break;
      }
      snap.members.push({ group: g.groupId, type, count: g.memberCount });
    }
  }

  const maxSharePartitions = Math.floor(maxSeries / SHARE_STATES.length);
  for (const g of shareGroups) {
    if (snap.shareRecords.length >= maxSharePartitions) {
      snap.truncated.add('share');
      break;
    }
    let description;
    try {
      description = await sources.shareGroups.describe(g.groupId);
    } catch {
      continue;
    }
    for (const p of description.partitions) {
      if (snap.shareRecords.length >= maxSharePartitions) {
        snap.truncated.add('share');
        break;
      }
      snap.shareRecords.push({
        group: g.groupId,
        topic: p.topic,
        partition: String(p.partition),
        // `available` of the state counts delayed records too; exported apart so the states add up.
        available: p.available - p.delayed,
        delayed: p.delayed,
        acquired: p.acquired,
        acknowledged: p.acknowledged,
        archived: p.archived,
        lag: p.lag,
      });
    }
  }

  for (const g of consumerGroups) {
    if (snap.consumerLag.length >= maxSeries) {
      snap.truncated.add('consumer');
      break;
    }
    let description;
    try {
      description = await sources.consumerGroups.describe(g.groupId);
    } catch {
      continue;
    }
    for (const p of description.partitions) {
      if (snap.consumerLag.length >= maxSeries) {
        snap.truncated.add('consumer');
        break;
      }
      snap.consumerLag.push({ group: g.groupId, topic: p.topic, partition: String(p.partition), lag: p.lag });
    }
  }
  return snap;
}

/** Registers the scrape-time gauges in `registry`, reading `sources`. */
export function registerScrapeGauges(registry: Registry, sources: ScrapeSources, maxSeries: number = DEFAULT_MAX_SERIES): void {
  // All gauges of one scrape start their collect() in the same tick (prom-client's Registry.metrics()), so they
  // share one snapshot; it is dropped once taken, and the next scrape reads the stores afresh.
  let pending: Promise<Snapshot> | undefined;
  const snapshot = (): Promise<Snapshot> => {
    if (!pending) {
      pending = takeSnapshot(sources, maxSeries);
      const clear = () => {
        pending = undefined;
      };
      pending.then(clear, clear);
    }
    return pending;
  };

  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[], fill: (g: Gauge<L>, s: Snapshot) => void) =>
    new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const s = await snapshot();
        this.reset(); // series of deleted topics and groups must go
        fill(this, s);
      },
    });

  gauge('sharelog_partition_start_offset', 'Log start offset of the partition (the first offset retention kept).', ['topic', 'partition'], (g, s) => {
    for (const p of s.partitions) g.set({ topic: p.topic, partition: p.partition }, p.start);
  });
  gauge('sharelog_partition_end_offset', 'High watermark of the partition: one past the last offset readers can see.', ['topic', 'partition'], (g, s) => {
    for (const p of s.partitions) g.set({ topic: p.topic, partition: p.partition }, p.end);
  });
  gauge('sharelog_partition_size_bytes', 'Bytes of the partition on disk (segments).', ['topic', 'partition'], (g, s) => {
    for (const p of s.partitions) g.set({ topic: p.topic, partition: p.partition }, p.size);
  });
  gauge(
    'sharelog_consumer_group_lag',
    "Records between a consumer group's committed offset and the partition's end offset (the end offset when nothing is committed).",
    ['group', 'topic', 'partition'],
    (g, s) => {
      for (const p of s.consumerLag) g.set({ group: p.group, topic: p.topic, partition: p.partition }, p.lag);
    },
  );
  gauge(
    'sharelog_share_partition_records',
    'Records of the in-flight window of a share-partition by state; available excludes delayed, so the states add up to the window.',
    ['group', 'topic', 'partition', 'state'],
    (g, s) => {
      for (const p of s.shareRecords) {
        for (const state of SHARE_STATES) g.set({ group: p.group, topic: p.topic, partition: p.partition, state }, p[state]);
      }
    },
  );
  gauge(
    'sharelog_share_group_lag',
    'Records of a share-partition still to be finished: from its start offset to the end offset, neither acknowledged nor archived.',
    ['group', 'topic', 'partition'],
    (g, s) => {
      for (const p of s.shareRecords) g.set({ group: p.group, topic: p.topic, partition: p.partition }, p.lag);
    },
  );
  gauge('sharelog_group_members', 'Members of a group, by group type (share, consumer).', ['group', 'type'], (g, s) => {
    for (const m of s.members) g.set({ group: m.group, type: m.type }, m.count);
  });

  const truncatable = {
    partitions: ['sharelog_partition_start_offset', 'sharelog_partition_end_offset', 'sharelog_partition_size_bytes'],
    consumer: ['sharelog_consumer_group_lag'],
    share: ['sharelog_share_partition_records', 'sharelog_share_group_lag'],
    members: ['sharelog_group_members'],
  } as const;
  gauge(
    'sharelog_metrics_truncated',
    `1 when the last scrape left series of the metric out (at most ${maxSeries} series per metric).`,
    ['metric'],
    (g, s) => {
      for (const [part, names] of Object.entries(truncatable)) for (const metric of names) g.set({ metric }, s.truncated.has(part) ? 1 : 0);
    },
  );
}
