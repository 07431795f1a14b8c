/**
 * Share consumption against peers, all in the drain shape of lib/drain.ts (a backlog written first, then 16
 * members, each its own connection, take and acknowledge all of it; records/s consumed and acknowledged):
 *  - Sharelog share group, embedded backend (--fsync always; and --fsync interval:1000, the durability Redis runs
 *    with here, for a like-for-like figure);
 *  - Sharelog share group over Redis (`--backend redis`, a fresh bench Redis); reported "unavailable: <error>"
 *    while the server does not accept the flag;
 *  - Redis Streams: one consumer group, XREADGROUP + XACK (lib/redis.ts: AOF, fsync every second);
 *  - NATS JetStream: work-queue stream, one durable pull consumer shared by the members (1 partition only:
 *    a work queue has no partitions).
 * On 1 partition and on 4 partitions (4 streams for Redis, read by every member with one XREADGROUP); then
 * 1, 2 and 3 Sharelog servers over a 3-master Redis Cluster (4 partitions), members spread over the servers.
 */
import { measureDrain, type DrainResult } from './lib/drain.js';
import { NOISY_OTHER_CPU } from './lib/measure.js';
import { isMissing, orMissing, type Missing } from './lib/peer-process.js';
import type { Suite, SuiteContext } from './lib/suite.js';
import { formatRate, formatTable } from './lib/table.js';
import { NatsWorkQueueDrain } from './peers/nats-jetstream.js';
import { RedisStreamsDrain } from './peers/redis-streams.js';
import { BackendUnavailable, SharelogShareDrain, type Backend } from './peers/sharelog-share.js';

const MEMBERS = 16;
const PARTITIONS = [1, 4];

export type SystemName = 'sharelog-embedded' | 'sharelog-embedded-fsync-1s' | 'sharelog-redis' | 'redis-streams' | 'nats-jetstream';

/** Sharelog servers over one Redis Cluster, on 4 partitions: how the rate changes with the server count. */
const CLUSTER_SERVERS = [1, 2, 3];

interface Unavailable {
  unavailable: string;
}

type Outcome = DrainResult | Missing | Unavailable;

const isUnavailable = (x: unknown): x is Unavailable => typeof x === 'object' && x !== null && 'unavailable' in x;
const rateOf = (o: Outcome | undefined): number | null => (o === undefined || isMissing(o) || isUnavailable(o) ? null : o.recordsPerSec);

function describe(o: Outcome): string {
  if (isMissing(o)) return `missing: ${o.missing}`;
  if (isUnavailable(o)) return `unavailable: ${o.unavailable}`;
  const cpu = `cpu % server ${o.serverCpuPercent ?? '?'} client ${o.clientCpuPercent} other ${o.otherCpuPercent ?? '?'}`;
  return `${formatRate(o.recordsPerSec)} rec/s (${o.records} records in ${o.ms} ms), ${cpu}, warm-up ${o.warmup.drains} drains in ${o.warmup.ms} ms`;
}

async function sharelog(backend: Backend, partitions: number, ctx: SuiteContext, servers = 1): Promise<Outcome> {
  try {
    return await measureDrain(`sharelog ${backend} x${servers}`, () => SharelogShareDrain.start(backend, MEMBERS, partitions, ctx.serverNodeFlags, servers), ctx);
  } catch (err) {
    for (let e: unknown = err; e instanceof Error; e = e.cause) {
      if (e instanceof BackendUnavailable) return { unavailable: e.message };
    }
    throw err;
  }
}

async function measureAll(partitions: number, ctx: SuiteContext): Promise<Partial<Record<SystemName, Outcome>>> {
  const out: Partial<Record<SystemName, Outcome>> = {};
  const run = async (name: SystemName, measure: () => Promise<Outcome>) => {
    out[name] = await measure();
    ctx.progress(`${partitions} partition(s), ${name}: ${describe(out[name]!)}`);
  };
  await run('sharelog-embedded', () => sharelog('embedded', partitions, ctx));
  await run('sharelog-embedded-fsync-1s', () => sharelog('embedded-fsync-1s', partitions, ctx));
  await run('sharelog-redis', () => sharelog('redis', partitions, ctx));
  await run('redis-streams', () => orMissing(() => measureDrain('redis streams', () => RedisStreamsDrain.start(MEMBERS, partitions), ctx)));
  if (partitions === 1) {
    await run('nats-jetstream', () => orMissing(() => measureDrain('nats jetstream', () => NatsWorkQueueDrain.start(MEMBERS), ctx)));
  }
  return out;
}

/**
 * The ratios the issue sets targets for (`target`), and one beside them without a target of its own: embedded at
 * the durability Redis runs with (fsync every second against appendfsync everysec).
 */
const RATIOS: { name: string; of: SystemName; to: SystemName; target: number | null }[] = [
  { name: 'sharelog over redis / redis streams', of: 'sharelog-redis', to: 'redis-streams', target: 0.5 },
  { name: 'sharelog embedded / redis streams', of: 'sharelog-embedded', to: 'redis-streams', target: 1.0 },
  { name: 'sharelog embedded fsync 1s / redis streams', of: 'sharelog-embedded-fsync-1s', to: 'redis-streams', target: null },
  { name: 'sharelog embedded / nats jetstream', of: 'sharelog-embedded', to: 'nats-jetstream', target: 1.0 },
];

function cell(o: Outcome | undefined): string {
  if (o === undefined) return '-';
  if (isMissing(o)) return 'missing';
  if (isUnavailable(o)) return `unavailable: ${o.unavailable}`;
  return `${formatRate(o.recordsPerSec)}${(o.otherCpuPercent ?? 0) > NOISY_OTHER_CPU ? ' *' : ''}`;
}

export const sharePeersSuite: Suite = {
  name: 'share-peers',
  description: `Share consumption, ${MEMBERS} members draining a backlog: Sharelog (embedded, over Redis) against Redis Streams and NATS JetStream`,
  async run(ctx) {
    const rows = [];
    for (const partitions of PARTITIONS) rows.push({ partitions, systems: await measureAll(partitions, ctx) });
    const scaling: Array<{ servers: number; outcome: Outcome }> = [];
    for (const servers of CLUSTER_SERVERS) {
      // A scaling row that fails is reported in its cell (and in the results) rather than ending the suite: it is
      // one point of a curve on a machine where 3 servers, 3 Redis nodes and the client share 2 cores.
      const outcome = await orMissing(() => sharelog('redis-cluster', 4, ctx, servers)).catch(
        (err: unknown): Outcome => ({ unavailable: `failed: ${(err as Error).message}` }),
      );
      scaling.push({ servers, outcome });
      ctx.progress(`4 partitions, ${servers} sharelog server(s) over a 3-master redis cluster: ${describe(outcome)}`);
    }
    const systems: SystemName[] = ['sharelog-embedded', 'sharelog-embedded-fsync-1s', 'sharelog-redis', 'redis-streams', 'nats-jetstream'];
    const ratios = rows.flatMap((r) =>
      RATIOS.flatMap(({ name, of, to, target }) => {
        const [a, b] = [rateOf(r.systems[of]), rateOf(r.systems[to])];
        if (r.systems[to] === undefined) return [];
        const ratio = a !== null && b !== null && b > 0 ? Math.round((a / b) * 1000) / 1000 : null;
        return [{ partitions: r.partitions, name, ratio, target, met: target === null ? null : ratio !== null && ratio >= target }];
      }),
    );
    const rates = formatTable(
      ['partitions', ...systems.map((s) => `${s} rec/s`)],
      rows.map((r) => [String(r.partitions), ...systems.map((s) => cell(r.systems[s]))]),
    );
    const targets = formatTable(
      ['ratio', 'partitions', 'value', 'target'],
      ratios.map((r) => [
        r.name,
        String(r.partitions),
        r.ratio === null ? 'n/a' : r.ratio.toFixed(2),
        r.target === null ? '(same durability, no target)' : `>= ${r.target.toFixed(2)} ${r.ratio === null ? '' : r.met ? 'met' : 'MISSED'}`.trim(),
      ]),
    );
    const scalingTable = formatTable(
      ['sharelog servers over a 3-master cluster (4 partitions)', 'rec/s'],
      scaling.map((r) => [String(r.servers), cell(r.outcome)]),
    );
    const noisy = rows.some((r) => Object.values(r.systems).some((o) => !isMissing(o) && !isUnavailable(o) && (o.otherCpuPercent ?? 0) > NOISY_OTHER_CPU));
    const note = noisy ? `\n* other processes used > ${NOISY_OTHER_CPU}% of a core during the measurement: noisy` : '';
    return {
      table: `${rates}${note}\n\n${targets}\n\n${scalingTable}`,
      results: {
        members: MEMBERS,
        valueBytes: 100,
        shape: 'backlog written first, then every member consumes and acknowledges; rate = records / drain time',
        durability: {
          sharelog: 'fsync always (embedded); fsync interval:1000 (sharelog-embedded-fsync-1s)',
          redis: 'appendonly yes, appendfsync everysec',
          nats: 'file storage, default sync',
        },
        rows,
        ratios,
        clusterScaling: scaling,
      },
    };
  },
};
