/**
 * The README's TypeScript examples are the files under examples/ts: the README must show each file as it is (with
 * the package name in the import), and each file must run against a live server.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLES = ['01-producer.ts', '02-consumer.ts', '03-share-consumer.ts', '04-share-worker.ts'];
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

function run(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'examples/ts', file)],
      { cwd: ROOT, env: { ...process.env, SHARELOG_ADDRESS: t.server.address }, timeout: 60_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

describe('README TypeScript examples', () => {
  it.each(EXAMPLES)('README shows %s as it is', (file) => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const code = fs.readFileSync(path.join(ROOT, 'examples/ts', file), 'utf8').replace("'../../src/index.js'", "'sharelog'");
    expect(readme).toContain('```ts\n' + code + '```');
  });

  it('runs them in order against a live server', async () => {
    const producer = await run('01-producer.ts');
    expect(producer.stderr).toBe('');
    expect(producer.stdout.trim().split('\n')).toHaveLength(3);
    expect(producer.stdout).toMatch(/stored at partition \d, offset 0/);

    const consumer = await run('02-consumer.ts');
    expect(consumer.code, consumer.stderr).toBe(0);
    expect(consumer.stdout.trim().split('\n').map((l) => l.split(': ')[1]).sort()).toEqual(['order 1', 'order 2', 'order 3']);

    const share = await run('03-share-consumer.ts');
    expect(share.code, share.stderr).toBe(0);
    expect(share.stdout.trim().split('\n').sort()).toEqual(['order 1 (delivery 1)', 'order 2 (delivery 1)', 'order 3 (delivery 1)']);

    const worker = await run('04-share-worker.ts');
    expect(worker.code, worker.stderr).toBe(0);
    expect(worker.stdout.trim().split('\n').sort()).toEqual([
      'mailing about order 1 (delivery 1)',
      'mailing about order 2 (delivery 1)',
      'mailing about order 3 (delivery 1)',
    ]);
    const described = await t.clients.admin.DescribeShareGroup({ groupId: 'workers' });
    expect(described.partitions.reduce((n: number, p: { acknowledged: number; startOffset: string }) => n + Number(p.startOffset), 0)).toBe(3);
  });
});
