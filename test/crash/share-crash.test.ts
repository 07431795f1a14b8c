/**
 * Share-group durability against a crash of the process, under fsync=always and under fsync=interval (where the
 * journal is written at once and fdatasynced later, so a SIGKILL must cost nothing either): members fetch, release
 * and accept concurrently; the server is killed with SIGKILL and restarted on the same data directory. Afterwards no accepted record is delivered again, every
 * record not accepted is delivered again, delivery counts never go backwards and lease tokens keep growing.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { connect, type TestClients } from '../helpers/grpc-clients.js';
import { OK, ack, acknowledge, fetchRecords, join, offsetsOf, produce, ranges, sleep } from '../helpers/share-helpers.js';
import { tempDir } from '../helpers/test-server.js';

let server: ChildServer | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (server && server.process.exitCode === null && server.process.signalCode === null) await server.kill();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const TOTAL = 1000;
const topic = 'crash-share';
const group = 'g-crash';

describe.each(['always', 'interval:1000'])('crash of a server with share groups, --fsync %s', (fsync) => {
  it('keeps accepts, redelivers the rest, and never lets delivery counts go backwards', { timeout: 120_000 }, async () => {
    dataDir = tempDir();
    const args = ['--data-dir', dataDir, '--fsync', fsync];
    server = await startChildServer(args);
    let clients: TestClients = connect(server.address);
    await clients.admin.CreateTopic({ name: topic, partitions: 1 });
    await clients.admin.UpdateShareGroupConfig({ groupId: group, autoOffsetReset: 'OFFSET_RESET_EARLIEST', deliveryCountLimit: 10 });
    await produce(clients, topic, Array.from({ length: TOTAL }, (_, i) => ({ value: Buffer.from(`v${i}`) })));

    const accepted = new Set<number>(); // ACCEPT returned success
    const acceptSent = new Set<number>(); // ACCEPT sent, answer not (yet) seen: may or may not have applied
    const maxCountBefore = new Int32Array(TOTAL); // highest delivery count seen per offset before the crash
    let maxTokenBefore = 0;
    let stop = false;
    const workers = await Promise.all(Array.from({ length: 4 }, () => join(clients, group, [topic])));
    const runs = workers.map(async ({ memberId }, w) => {
      try {
        for (let n = 0; !stop && n < 10_000; n++) {
          const records = await fetchRecords(clients, group, memberId, 5 + 5 * w, 100);
          for (const r of records) {
            maxCountBefore[r.offset] = Math.max(maxCountBefore[r.offset], r.deliveryCount);
            maxTokenBefore = Math.max(maxTokenBefore, r.leaseToken);
          }
          // Every 7th offset is released on its first delivery; every 11th is kept (held at the crash).
          const release = records.filter((r) => r.deliveryCount === 1 && r.offset % 7 === 3).map((r) => r.offset);
          const accept = offsetsOf(records).filter((o) => !release.includes(o) && o % 11 !== 5);
          const acks = [
            ...ranges(release).map(([a, b]) => ack(topic, a, b, 'RELEASE')),
            ...ranges(accept).map(([a, b]) => ack(topic, a, b, 'ACCEPT')),
          ];
          if (acks.length === 0) continue;
          for (const o of accept) acceptSent.add(o);
          const results = await acknowledge(clients, group, memberId, acks);
          results.forEach((res, i) => {
            if (res.error !== OK) throw new Error(`ack ${res.firstOffset}..${res.lastOffset} failed: ${res.error} ${res.message}`);
            if (acks[i].type !== 'ACKNOWLEDGE_TYPE_ACCEPT') return;
            for (let o = res.firstOffset; o <= res.lastOffset; o++) {
              accepted.add(o);
              acceptSent.delete(o);
            }
          });
        }
      } catch (err) {
        if (!stop) throw err; // only the crash may end a worker early
      }
    });

    // Kill in the middle of the work.
    for (let i = 0; i < 600 && accepted.size < TOTAL * 0.4; i++) await sleep(20);
    expect(accepted.size).toBeGreaterThan(0);
    expect(accepted.size).toBeLessThan(TOTAL);
    stop = true;
    await server.kill('SIGKILL');
    await Promise.all(runs);
    clients.close();

    server = await startChildServer(args);
    clients = connect(server.address);
    const after = await Promise.all(Array.from({ length: 3 }, () => join(clients, group, [topic])));
    const redelivered = new Map<number, number[]>(); // offset -> delivery counts seen after the crash
    const violations: string[] = [];
    let done = 0;
    const deadline = Date.now() + 60_000;
    await Promise.all(
      after.map(async ({ memberId }) => {
        let idle = 0;
        while (Date.now() < deadline && idle < 5) {
          const records = await fetchRecords(clients, group, memberId, 50, 200);
          if (records.length === 0) {
            idle++;
            continue;
          }
          idle = 0;
          for (const r of records) {
            if (accepted.has(r.offset)) violations.push(`accepted offset ${r.offset} delivered again`);
            if (r.deliveryCount <= maxCountBefore[r.offset]) {
              violations.push(`offset ${r.offset}: count ${r.deliveryCount} after the crash, ${maxCountBefore[r.offset]} before`);
            }
            if (r.leaseToken <= maxTokenBefore) violations.push(`offset ${r.offset}: lease token ${r.leaseToken} <= ${maxTokenBefore}`);
            redelivered.set(r.offset, [...(redelivered.get(r.offset) ?? []), r.deliveryCount]);
          }
          const results = await acknowledge(clients, group, memberId, ranges(offsetsOf(records)).map(([a, b]) => ack(topic, a, b, 'ACCEPT')));
          for (const res of results) if (res.error !== OK) violations.push(`accept ${res.firstOffset}..${res.lastOffset}: ${res.error}`);
          done += records.length;
        }
      }),
    );

    expect(violations).toEqual([]);
    const missing: number[] = [];
    for (let o = 0; o < TOTAL; o++) {
      if (!accepted.has(o) && !acceptSent.has(o) && !redelivered.has(o)) missing.push(o);
    }
    expect(missing).toEqual([]);
    // Each record went out once after the crash (nothing was released or expired then).
    expect([...redelivered.values()].filter((counts) => counts.length !== 1)).toEqual([]);
    expect(done).toBe(redelivered.size);
    const d = await clients.admin.DescribeShareGroup({ groupId: group });
    expect(d.partitions[0]).toMatchObject({ startOffset: TOTAL, endOffset: TOTAL, lag: 0 });
    clients.close();
  });
});
