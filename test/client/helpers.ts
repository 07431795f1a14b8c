/** Shared setup for client SDK tests: a real server on 127.0.0.1:0 and a SharelogClient connected to it. */
import { randomUUID } from 'node:crypto';
import { connect, type ClientOptions, type SharelogClient } from '../../src/index.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import type { StartOptions } from '../../src/server.js';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface ClientEnv {
  t: TestServer;
  client: SharelogClient;
  /** A client per test file is enough; extra ones are closed by teardown too. */
  newClient(options?: ClientOptions): SharelogClient;
  teardown(): Promise<void>;
}

export async function startEnv(options: StartOptions = {}): Promise<ClientEnv> {
  const t = await startTestServer({}, options);
  const clients: SharelogClient[] = [];
  const newClient = (o: ClientOptions = {}) => {
    const c = connect(t.server.address, o);
    clients.push(c);
    return c;
  };
  const client = newClient();
  return {
    t,
    client,
    newClient,
    async teardown() {
      await Promise.all(clients.map((c) => c.close()));
      await t.stop();
    },
  };
}

export const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

/** Every record of a partition, read by offset. */
export async function readPartition(client: SharelogClient, topic: string, partition = 0) {
  const out: Array<{ offset: bigint; value: string; key: string | null }> = [];
  let offset = 0n;
  for (;;) {
    const res = await client.call('consumer', 'Fetch', { topic, partition, offset: offset.toString(), maxRecords: 1000 });
    for (const r of res.records) out.push({ offset: BigInt(r.offset), value: r.value.toString(), key: r.key ? r.key.toString() : null });
    if (res.records.length === 0) break;
    offset = BigInt(res.records[res.records.length - 1].offset) + 1n;
    if (offset >= BigInt(res.highWatermark)) break;
  }
  return out;
}

/** Creates a share group reading from the earliest offset, with extra config. */
export async function shareGroup(client: SharelogClient, group: string, config: Record<string, unknown> = {}) {
  return client.admin.updateShareGroupConfig(group, { autoOffsetReset: 'OFFSET_RESET_EARLIEST', ...config });
}

export function values(n: number, prefix = 'v'): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`);
}
