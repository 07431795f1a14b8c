/**
 * Durability under fsync=always: a server under produce load is killed with SIGKILL and restarted on the same
 * data directory; every record whose Produce returned OK must be there, at its offset, with dense offsets.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../helpers/child-server.js';
import { connect } from '../helpers/grpc-clients.js';
import { tempDir } from '../helpers/test-server.js';

let server: ChildServer | undefined;
let dataDir: string | undefined;

afterEach(async () => {
  if (server && server.process.exitCode === null) await server.kill();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash under produce load', () => {
  it('keeps every acknowledged record, in order, with dense offsets', async () => {
    dataDir = tempDir();
    // Small segments so the kill also lands near segment rolls.
    const args = ['--data-dir', dataDir, '--fsync', 'always', '--segment-bytes', '65536'];
    server = await startChildServer(args);
    let clients = connect(server.address);
    await clients.admin.CreateTopic({ name: 'crash', partitions: 2 });

    const acked = new Map<string, string>(); // "partition/offset" -> value
    let stop = false;
    const producers = Array.from({ length: 4 }, (_, producer) =>
      (async () => {
        for (let n = 0; !stop; n++) {
          const records = Array.from({ length: 1 + (n % 20) }, (_, i) => ({ value: Buffer.from(`p${producer}-n${n}-i${i}`) }));
          try {
            const res = await clients.producer.Produce({ topic: 'crash', partition: (producer + n) % 2, records });
            res.positions.forEach((p: { partition: number; offset: string }, i: number) =>
              acked.set(`${p.partition}/${p.offset}`, records[i].value.toString()),
            );
          } catch {
            return; // the server is gone
          }
        }
      })(),
    );
    // Let load build up, then kill in the middle of it.
    while (acked.size < 3000) await new Promise((r) => setTimeout(r, 20));
    await server.kill('SIGKILL');
    stop = true;
    await Promise.all(producers);
    clients.close();

    server = await startChildServer(args);
    clients = connect(server.address);
    for (const partition of [0, 1]) {
      const seen: Array<{ offset: number; value: string }> = [];
      for (let offset = 0; ; ) {
        const res = await clients.consumer.Fetch({ topic: 'crash', partition, offset, maxRecords: 10_000 });
        if (res.records.length === 0) break;
        for (const r of res.records) seen.push({ offset: Number(r.offset), value: r.value.toString() });
        offset = seen[seen.length - 1].offset + 1;
      }
      seen.forEach((r, i) => expect(r.offset).toBe(i)); // dense from 0
      const byOffset = new Map(seen.map((r) => [r.offset, r.value]));
      for (const [key, value] of acked) {
        const [p, o] = key.split('/').map(Number);
        if (p !== partition) continue;
        expect(byOffset.get(o), `acknowledged record ${key}`).toBe(value);
      }
    }
    // New appends continue densely after recovery.
    const after = await clients.producer.Produce({ topic: 'crash', partition: 0, records: [{ value: Buffer.from('after') }] });
    const described = await clients.admin.DescribeTopic({ name: 'crash' });
    expect(Number(after.positions[0].offset)).toBe(Number(described.topic.partitions[0].endOffset) - 1);
    clients.close();
  });
});
