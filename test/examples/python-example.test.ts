/**
 * The "any language" example: examples/python's producer and share-group worker, written against nothing but the
 * .proto files (protoc-generated messages + grpcio), run as child processes with Debian's /usr/bin/python3 against
 * an in-process server. Installs the Debian packages it needs through scripts/ensure-python-deps.sh.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE = path.join(ROOT, 'examples/python');
// Debian's Python, which has the python3-grpcio and python3-protobuf modules (a pyenv python3 on PATH does not).
const PYTHON = '/usr/bin/python3';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

interface RunOptions {
  timeoutMs?: number;
  /** Called whenever output arrives, with everything printed so far, e.g. to signal the process at some point. */
  onOutput?: (out: { stdout: string; stderr: string }, child: ChildProcess) => void;
}

/** Runs a command without blocking the event loop (the server under test lives in this process: spawnSync would stall it). */
function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', PYTHONUNBUFFERED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      opts.onOutput?.({ stdout, stderr }, child);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      opts.onOutput?.({ stdout, stderr }, child);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const jsonLines = (out: string) =>
  out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l));

const python = (script: string, args: string[], opts?: RunOptions) =>
  run(PYTHON, [path.join(EXAMPLE, script), ...args], opts);

let t: TestServer;

beforeAll(async () => {
  const deps = await run('bash', ['scripts/ensure-python-deps.sh'], { timeoutMs: 290_000 });
  expect(deps.code, deps.stderr).toBe(0);
  const gen = await run('bash', ['examples/python/generate.sh']);
  expect(gen.code, gen.stderr).toBe(0);
  t = await startTestServer();
}, 300_000);

afterAll(async () => {
  await t?.stop();
});

describe('examples/python', () => {
  const topic = 'py-jobs';
  const groupId = 'py-workers';

  it('produces 50 keyed records into a topic it creates', async () => {
    const produced = await python('producer.py', ['--address', t.server.address, '--topic', topic, '--count', '50']);
    expect(produced.code, produced.stderr).toBe(0);
    expect(produced.stderr).toMatch(/created topic py-jobs/);
    expect(jsonLines(produced.stdout)).toEqual(Array.from({ length: 50 }, (_, i) => ({ key: `key-${i}`, partition: 0, offset: i })));

    // Running it again finds the topic: ALREADY_EXISTS is not an error.
    const again = await python('producer.py', ['--address', t.server.address, '--topic', topic, '--count', '0']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/topic py-jobs already exists/);
    expect(again.stdout).toBe('');
  });

  it('consumes them through a share group, accepting each one, then leaves', async () => {
    const worked = await python('worker.py', [
      '--address', t.server.address, '--group', groupId, '--topic', topic, '--count', '50', '--max-records', '7',
    ]);
    expect(worked.code, worked.stderr).toBe(0);
    const lines = jsonLines(worked.stdout);
    expect(lines).toHaveLength(50);
    expect(new Set(lines.map((l) => l.offset)).size).toBe(50);
    expect(lines.map((l) => l.offset).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    for (const l of lines) {
      expect(l).toEqual({ topic, partition: 0, offset: l.offset, delivery_count: 1, key: `key-${l.offset}`, value: `message ${l.offset}` });
    }
    expect(worked.stderr).toMatch(/accepted 50 record\(s\)/);
    expect(worked.stderr).toMatch(/left py-workers/);

    const group = await t.clients.admin.DescribeShareGroup({ groupId });
    expect(group.members).toEqual([]);
    expect(group.state).toBe('GROUP_STATE_EMPTY');
    expect(group.config.autoOffsetReset).toBe('OFFSET_RESET_EARLIEST');
    expect(group.partitions).toHaveLength(1);
    expect(group.partitions[0]).toMatchObject({ topic, partition: 0, startOffset: 50, endOffset: 50, lag: 0, acquired: 0 });
  });

  it('stops on SIGINT: acknowledges what it processed and leaves the group', async () => {
    const produced = await python('producer.py', ['--address', t.server.address, '--topic', topic, '--count', '3']);
    expect(produced.code, produced.stderr).toBe(0);

    // Interrupt the worker (no --count: it would run forever) once it has printed the 3 new records; it is then
    // long-polling for more, with their acknowledgements still to send.
    let interrupted = false;
    const started = Date.now();
    const worked = await python(
      'worker.py',
      ['--address', t.server.address, '--group', groupId, '--topic', topic, '--max-wait-ms', '500'],
      {
        timeoutMs: 30_000,
        onOutput: ({ stdout }, child) => {
          if (!interrupted && stdout.split('\n').length > 3) {
            interrupted = true;
            child.kill('SIGINT');
          }
        },
      },
    );
    expect(worked.code, worked.stderr).toBe(0);
    expect(worked.stderr).toMatch(/SIGINT, stopping/);
    expect(worked.stderr).toMatch(/accepted 3 record\(s\)/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(jsonLines(worked.stdout).map((l) => [l.offset, l.delivery_count])).toEqual([[50, 1], [51, 1], [52, 1]]);

    const group = await t.clients.admin.DescribeShareGroup({ groupId });
    expect(group.members).toEqual([]);
    expect(group.partitions[0]).toMatchObject({ startOffset: 53, endOffset: 53, lag: 0, acquired: 0 });
  });
});
