/**
 * NATS JetStream as a peer, through the `nats` client (2.x) against bench/lib/nats.ts's server.
 *  - publish: JetStream publishes in batches (async, then one await for the batch's PubAcks), one stream per
 *    client, one batch in flight per client;
 *  - share consume: a work-queue stream (file storage) and one durable pull consumer shared by every member, each
 *    member its own connection; each message is acked (msg.ack()). Acks are fire-and-forget in NATS, so the
 *    drain ends when the stream is empty: a work-queue stream removes a message once its ack is processed.
 */
import { AckPolicy, RetentionPolicy, StorageType, connect, type ConsumerMessages, type JetStreamManager, type NatsConnection } from 'nats';
import type { DrainTarget } from '../lib/drain.js';
import type { LoadSetup } from '../lib/measure.js';
import { startNats, type BenchNats } from '../lib/nats.js';

const VALUE = new Uint8Array(100).fill(110);
const DURABLE = 'workers';
const PULL_BATCH = 100;
const PREFILL_WINDOW = 1000;

async function connectAll(servers: string, count: number): Promise<NatsConnection[]> {
  const out: NatsConnection[] = [];
  try {
    for (let i = 0; i < count; i++) out.push(await connect({ servers, maxReconnectAttempts: 0 }));
    return out;
  } catch (err) {
    await Promise.all(out.map((nc) => nc.close()));
    throw err;
  }
}

async function closeAll(connections: NatsConnection[], server: BenchNats): Promise<void> {
  await Promise.allSettled(connections.map((nc) => nc.close()));
  await server.stop();
}

export async function natsPublishSetup(batch: number, clients: number): Promise<LoadSetup> {
  const server = await startNats();
  let connections: NatsConnection[] = [];
  try {
    connections = await connectAll(server.servers, clients);
    const jsm = await connections[0].jetstreamManager();
    for (let i = 0; i < clients; i++) {
      await jsm.streams.add({ name: `bench${i}`, subjects: [`bench.${i}`], storage: StorageType.File });
    }
  } catch (err) {
    await closeAll(connections, server);
    throw err;
  }
  return {
    clients: connections.map((nc, i) => {
      const js = nc.jetstream();
      return {
        send: async () => {
          const acks = [];
          for (let j = 0; j < batch; j++) acks.push(js.publish(`bench.${i}`, VALUE));
          await Promise.all(acks);
          return batch;
        },
      };
    }),
    serverCpuMs: () => server.cpuMs(),
    close: () => closeAll(connections, server),
  };
}

export class NatsWorkQueueDrain implements DrainTarget {
  private constructor(
    private readonly server: BenchNats,
    private readonly admin: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly members: NatsConnection[],
  ) {}

  static async start(consumers: number): Promise<NatsWorkQueueDrain> {
    const server = await startNats();
    let connections: NatsConnection[] = [];
    try {
      connections = await connectAll(server.servers, consumers + 1);
      const jsm = await connections[0].jetstreamManager();
      return new NatsWorkQueueDrain(server, connections[0], jsm, connections.slice(1));
    } catch (err) {
      await closeAll(connections, server);
      throw err;
    }
  }

  async prefill(n: number, tag: string): Promise<void> {
    await this.jsm.streams.add({ name: tag, subjects: [`${tag}.q`], storage: StorageType.File, retention: RetentionPolicy.Workqueue });
    const js = this.admin.jetstream();
    for (let sent = 0; sent < n; sent += PREFILL_WINDOW) {
      const acks = [];
      for (let j = sent; j < Math.min(n, sent + PREFILL_WINDOW); j++) acks.push(js.publish(`${tag}.q`, VALUE));
      await Promise.all(acks);
    }
    // Room for every member's pull batch in flight at once (the default max_ack_pending is 1000).
    await this.jsm.consumers.add(tag, { durable_name: DURABLE, ack_policy: AckPolicy.Explicit, max_ack_pending: 20_000 });
  }

  async drain(n: number, tag: string): Promise<void> {
    let received = 0;
    const iterators: ConsumerMessages[] = [];
    await Promise.all(
      this.members.map(async (nc) => {
        const consumer = await nc.jetstream().consumers.get(tag, DURABLE);
        const messages = await consumer.consume({ max_messages: PULL_BATCH });
        iterators.push(messages);
        if (received >= n) messages.stop(); // started after the others finished
        for await (const m of messages) {
          m.ack();
          if (++received >= n) for (const it of iterators) it.stop();
        }
      }),
    );
    await Promise.all(this.members.map((nc) => nc.flush()));
    // The acks are on their way; the stream empties once JetStream has processed them.
    for (let i = 0; ; i++) {
      const { state } = await this.jsm.streams.info(tag);
      if (state.messages === 0) break;
      if (i > 2000) throw new Error(`nats: ${state.messages} messages still in the work queue after the drain`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (received !== n) throw new Error(`nats: ${received} received of ${n}`);
  }

  async drop(tag: string): Promise<void> {
    await this.jsm.streams.delete(tag);
  }

  serverCpuMs(): number | null {
    return this.server.cpuMs();
  }

  async close(): Promise<void> {
    await closeAll([this.admin, ...this.members], this.server);
  }
}
