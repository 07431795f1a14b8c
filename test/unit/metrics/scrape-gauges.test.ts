/** Scrape-time gauges: the per-metric series cap, one snapshot per scrape, vanished sources; bounded counter labels. */
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BoundedLabel, OTHER_LABEL_VALUE, PrometheusMetrics } from '../../../src/metrics/recorder.js';
import { registerScrapeGauges, type ScrapeSources } from '../../../src/metrics/scrape-gauges.js';
import { splitMethodPath, statusName } from '../../../src/metrics/grpc-interceptor.js';

const counts = { available: 3, delayed: 1, acquired: 2, acknowledged: 4, archived: 0 };

function fakeSources(topics: number, partitionsPerTopic: number, calls: { topics: number }): ScrapeSources {
  const names = Array.from({ length: topics }, (_, i) => `t${String(i).padStart(3, '0')}`);
  return {
    logStore: {
      async listTopics() {
        calls.topics++;
        return names.map((name) => ({ name, partitions: partitionsPerTopic, config: { retentionMs: -1, retentionBytes: -1 } }));
      },
      async describePartitions(name: string) {
        if (name === 't001') throw new Error('deleted meanwhile');
        return Array.from({ length: partitionsPerTopic }, (_, partition) => ({ partition, startOffset: 0, endOffset: 10 + partition, sizeBytes: 100 }));
      },
    },
    shareGroups: {
      list: () => [{ groupId: 'g', state: 'STABLE' as const, memberCount: 2 }],
      describe: async () =>
        ({
          partitions: names.map((topic) => ({ topic, partition: 0, startOffset: 0, endOffset: 10, lag: 6, ...counts })),
        }) as never,
    },
    consumerGroups: {
      list: () => [{ groupId: 'c', state: 'EMPTY' as const, memberCount: 0 }],
      describe: async () => ({ partitions: names.map((topic) => ({ topic, partition: 0, lag: 7 })) }) as never,
    },
  };
}

async function series(registry: Registry): Promise<Map<string, Array<{ labels: Record<string, unknown>; value: number }>>> {
  const out = new Map();
  for (const m of await registry.getMetricsAsJSON()) out.set(m.name, m.values);
  return out;
}

describe('scrape-time gauges', () => {
  it('exports everything under the cap, with available excluding delayed', async () => {
    const registry = new Registry();
    const calls = { topics: 0 };
    registerScrapeGauges(registry, fakeSources(3, 2, calls), 100);
    const s = await series(registry);
    expect(calls.topics).toBe(1); // one snapshot shared by all gauges
    // t001 vanished between listing and describing: skipped, the others are there.
    expect(s.get('sharelog_partition_end_offset')!.map((v) => [v.labels.topic, v.labels.partition, v.value])).toEqual([
      ['t000', '0', 10],
      ['t000', '1', 11],
      ['t002', '0', 10],
      ['t002', '1', 11],
    ]);
    const records = s.get('sharelog_share_partition_records')!.filter((v) => v.labels.topic === 't000');
    expect(Object.fromEntries(records.map((v) => [v.labels.state, v.value]))).toEqual({ ...counts, available: 2 });
    expect(s.get('sharelog_consumer_group_lag')).toHaveLength(3);
    expect(s.get('sharelog_group_members')!.map((v) => [v.labels.group, v.labels.type, v.value])).toEqual([
      ['g', 'share', 2],
      ['c', 'consumer', 0],
    ]);
    expect(s.get('sharelog_metrics_truncated')!.every((v) => v.value === 0)).toBe(true);
  });

  it('caps every metric at maxSeries per scrape and says which were cut', async () => {
    const registry = new Registry();
    const calls = { topics: 0 };
    registerScrapeGauges(registry, fakeSources(20, 3, calls), 10);
    const s = await series(registry);
    expect(s.get('sharelog_partition_end_offset')).toHaveLength(10);
    expect(s.get('sharelog_partition_size_bytes')).toHaveLength(10);
    expect(s.get('sharelog_consumer_group_lag')).toHaveLength(10);
    expect(s.get('sharelog_share_partition_records')).toHaveLength(10); // 2 share-partitions x 5 states
    expect(s.get('sharelog_share_group_lag')).toHaveLength(2);
    const truncated = Object.fromEntries(s.get('sharelog_metrics_truncated')!.map((v) => [v.labels.metric, v.value]));
    expect(truncated).toMatchObject({
      sharelog_partition_end_offset: 1,
      sharelog_consumer_group_lag: 1,
      sharelog_share_partition_records: 1,
      sharelog_group_members: 0,
    });
    // The next scrape reads the sources again.
    await registry.metrics();
    expect(calls.topics).toBe(2);
  });
});

describe('counter labels', () => {
  it('admits a bounded number of values; the rest are counted together', async () => {
    const label = new BoundedLabel(2);
    expect(['a', 'b', 'c', 'a', 'd'].map((v) => label.of(v))).toEqual(['a', 'b', OTHER_LABEL_VALUE, 'a', OTHER_LABEL_VALUE]);

    const registry = new Registry();
    const metrics = new PrometheusMetrics(registry, 1);
    metrics.recordsProduced('first', 2, 20);
    metrics.recordsProduced('second', 3, 30);
    const s = await series(registry);
    expect(s.get('sharelog_produced_records_total')!.map((v) => [v.labels.topic, v.value])).toEqual([
      ['first', 2],
      [OTHER_LABEL_VALUE, 3],
    ]);
  });

  it('splits method paths and names status codes', () => {
    expect(splitMethodPath('/sharelog.v1.ProducerService/Produce')).toEqual({ service: 'sharelog.v1.ProducerService', method: 'Produce' });
    expect(statusName(0)).toBe('OK');
    expect(statusName(5)).toBe('NOT_FOUND');
    expect(statusName(99)).toBe('99');
  });
});
