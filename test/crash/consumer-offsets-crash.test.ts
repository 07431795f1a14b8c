/**
 * Committed consumer-group offsets are durable: a commit that returned OK survives a SIGKILL of the server, under
 * fsync=always and under fsync=interval (the commit is written before it returns, fdatasynced later).
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

describe.each(['always', 'interval:1000'])('--fsync %s', (fsync) => {
  it('keeps every acknowledged commit across a SIGKILL', async () => {
    dataDir = tempDir();
    server = await startChildServer(['--data-dir', dataDir, '--fsync', fsync]);
    let clients = connect(server.address);
    await clients.admin.CreateTopic({ name: 't', partitions: 2 });
    await clients.producer.Produce({ topic: 't', partition: 0, records: Array.from({ length: 500 }, () => ({ value: Buffer.from('x') })) });
    await clients.producer.Produce({ topic: 't', partition: 1, records: Array.from({ length: 500 }, () => ({ value: Buffer.from('x') })) });
    const joined = await clients.consumer.Heartbeat({ groupId: 'g', memberEpoch: 0, topics: ['t'] });
    expect(joined.assignment[0].partitions).toHaveLength(2);

    let last = -1;
    let stop = false;
    const committing = (async () => {
      for (let offset = 1; !stop && offset <= 500; offset++) {
        try {
          await clients.consumer.CommitOffsets({
            groupId: 'g',
            memberId: joined.memberId,
            memberEpoch: joined.memberEpoch,
            offsets: [{ topic: 't', partition: 0, offset }, { topic: 't', partition: 1, offset }],
          });
          last = offset;
        } catch {
          return;
        }
      }
    })();
    while (last < 50) await new Promise((r) => setTimeout(r, 5));
    await server.kill('SIGKILL');
    stop = true;
    await committing;
    clients.close();

    server = await startChildServer(['--data-dir', dataDir, '--fsync', fsync]);
    clients = connect(server.address);
    const { offsets } = await clients.consumer.GetCommittedOffsets({ groupId: 'g' });
    expect(offsets).toHaveLength(2);
    for (const o of offsets) {
      // Every commit that returned OK is there; at most the one in flight at the kill went further.
      expect(Number(o.offset)).toBeGreaterThanOrEqual(last);
      expect(Number(o.offset)).toBeLessThanOrEqual(last + 1);
    }
    expect(offsets[0].offset).toBe(offsets[1].offset); // one commit's offsets land together
    clients.close();
  });
});
