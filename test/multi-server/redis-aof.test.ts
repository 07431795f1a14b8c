/**
 * What a Redis crash keeps, per its AOF fsync policy (README, "Running several servers"): with
 * `appendfsync always` every record and acknowledgement Sharelog confirmed survives a SIGKILL of redis-server;
 * with `everysec` everything confirmed more than a second before the crash does. The Sharelog server stays up
 * through the outage and reconnects by itself.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type TestClients } from '../helpers/grpc-clients.js';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { startRedis, type TestRedis } from '../helpers/redis-server.js';
import { OK, join, sleep, toAcquired, toAckResults } from '../helpers/share-helpers.js';

const RECORDS = 500;
const ACCEPTED = 100;

let redis: TestRedis | undefined;
let server: ChildServer | undefined;
let clients: TestClients | undefined;
let dataDir = '';

afterEach(async () => {
  clients?.close();
  await server?.kill('SIGTERM');
  await redis?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Retries a call until Redis is back (the server answers BACKEND_UNAVAILABLE meanwhile). */
async function eventually<T>(call: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(200);
    }
  }
}

describe.each([
  { policy: 'always', settleMs: 0 },
  { policy: 'everysec', settleMs: 1500 },
])('redis-server SIGKILLed with appendfsync $policy', ({ policy, settleMs }) => {
  it(`keeps every produced record and every accepted one${settleMs > 0 ? ' confirmed over a second before the crash' : ''}`, async () => {
    const args = ['--appendonly', 'yes', '--appendfsync', policy];
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-aof-'));
    redis = await startRedis(args);
    server = await startChildServer(['--backend', 'redis', '--redis-url', redis.url, '--data-dir', dataDir]);
    clients = connect(server.address);
    const c = clients;
    const topic = `aof-${policy}`;
    const group = `g-aof-${policy}`;
    await c.admin.CreateTopic({ name: topic, partitions: 1 });
    await c.admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST' });
    for (let i = 0; i < RECORDS; i += 50) {
      await c.producer.Produce({ topic, partition: 0, records: Array.from({ length: 50 }, (_, j) => ({ value: Buffer.from(`r${i + j}`) })) });
    }
    const { memberId } = await join(c, group, [topic]);
    const got = toAcquired((await c.share.Fetch({ groupId: group, memberId, maxRecords: ACCEPTED, maxWaitMs: 2000, acknowledgements: [] })).records);
    expect(got.map((r) => r.offset)).toEqual(Array.from({ length: ACCEPTED }, (_, i) => i));
    const acks = [{ topic, partition: 0, firstOffset: 0, lastOffset: ACCEPTED - 1, type: 'ACKNOWLEDGE_TYPE_ACCEPT' }];
    const results = toAckResults((await c.share.Acknowledge({ groupId: group, memberId, acknowledgements: acks })).results);
    expect(results.map((r) => r.error)).toEqual([OK]);

    await sleep(settleMs);
    await redis.crash();
    redis = await startRedis(args, { port: redis.port, dir: redis.dir });

    // Every produced record is there...
    const fetched = await eventually(() => c.consumer.Fetch({ topic, partition: 0, offset: 0, maxRecords: RECORDS }));
    expect(fetched.records.map((r: { value: Buffer }) => r.value.toString())).toEqual(Array.from({ length: RECORDS }, (_, i) => `r${i}`));
    expect(Number(fetched.highWatermark)).toBe(RECORDS);
    // ...and the accepted ones are never delivered again: a new member starts after them.
    const other = await eventually(() => join(c, group, [topic]));
    const next = toAcquired((await c.share.Fetch({ groupId: group, memberId: other.memberId, maxRecords: 10, maxWaitMs: 2000, acknowledgements: [] })).records);
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((r) => r.offset >= ACCEPTED)).toBe(true);
  });
});
