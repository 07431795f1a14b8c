/** `sharelog serve` as a user runs it: configuration errors, graceful shutdown on SIGTERM. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startChildServer } from '../helpers/child-server.js';
import { connect } from '../helpers/grpc-clients.js';
import { tempDir } from '../helpers/test-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

describe('configuration', () => {
  it('takes flags over environment over file over defaults', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sharelog.json');
    fs.writeFileSync(file, JSON.stringify({ listen: '127.0.0.1:7001', dataDir: '/from-file', fsync: 'never' }));
    const config = loadConfig({
      configFile: file,
      env: { SHARELOG_LISTEN: '127.0.0.1:7002', SHARELOG_FSYNC: 'interval:50' },
      flags: { listen: '127.0.0.1:7003' },
    });
    expect(config.listen).toBe('127.0.0.1:7003');
    expect(config.fsync).toEqual({ mode: 'interval', intervalMs: 50 });
    expect(config.dataDir).toBe('/from-file');
    expect(config.segmentBytes).toBe(128 * 1024 * 1024);
    fs.rmSync(dir, { recursive: true });
  });

  it.each([
    [['--fsync', 'sometimes'], {}, /fsync from flag --fsync is invalid/],
    [[], { SHARELOG_LISTEN: 'nowhere' }, /listen from environment variable SHARELOG_LISTEN is invalid/],
    [['--segment-bytes', '12'], {}, /segmentBytes from flag --segment-bytes is invalid.*1024/],
    [['--backend', 'kafka'], {}, /backend from flag --backend is invalid .* must be one of embedded/],
  ])('refuses %j %j with a message naming the setting', (args, env, message) => {
    const result = serve(args as string[], env as NodeJS.ProcessEnv);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('refuses an unknown key in the config file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(file, JSON.stringify({ lisen: '127.0.0.1:1' }));
    const result = serve(['--config', file]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown setting "lisen"/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('graceful shutdown', () => {
  it('drains on SIGTERM, exits 0, and keeps the data', async () => {
    const dataDir = tempDir();
    const server = await startChildServer(['--data-dir', dataDir]);
    const clients = connect(server.address);
    await clients.admin.CreateTopic({ name: 'bye', partitions: 1 });
    await clients.producer.Produce({ topic: 'bye', records: [{ value: Buffer.from('kept') }] });
    // A long-poll in flight must not hold the shutdown for its full wait.
    const poll = clients.consumer.Fetch({ topic: 'bye', partition: 0, offset: 1, maxWaitMs: 30_000 }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const exit = await server.kill('SIGTERM');
    expect(exit.code).toBe(0);
    await poll;
    clients.close();
    expect(server.logs.some((l) => l.includes('shutdown complete'))).toBe(true);

    const again = await startChildServer(['--data-dir', dataDir]);
    const c2 = connect(again.address);
    const fetched = await c2.consumer.Fetch({ topic: 'bye', partition: 0, offset: 0 });
    expect(fetched.records.map((r: { value: Buffer }) => r.value.toString())).toEqual(['kept']);
    c2.close();
    await again.kill('SIGTERM');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
