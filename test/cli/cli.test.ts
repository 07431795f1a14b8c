/**
 * The `sharelog` command as users run it: the built CLI (dist/) as a child process against a live server,
 * checking output and exit codes.
 */
import { execFile, execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CLI = path.join(ROOT, 'dist/src/cli/main.js');
let t: TestServer;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI asynchronously: the server lives in this process, so a blocking spawn would stall it. */
function sharelog(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, '--address', t.server.address, ...args], { timeout: 60_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

beforeAll(async () => {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  t = await startTestServer();
}, 180_000);
afterAll(async () => {
  await t?.stop();
});

describe('sharelog CLI', () => {
  it('creates, lists, describes and deletes topics, with tables and JSON', async () => {
    const created = await sharelog(['topics', 'create', 'cli-t', '--partitions', '3']);
    expect(created).toMatchObject({ code: 0 });
    expect(created.stdout).toMatch(/cli-t\s+3/);
    const listed = await sharelog(['--output', 'json', 'topics', 'list']);
    expect(JSON.parse(listed.stdout)).toEqual(expect.arrayContaining([{ name: 'cli-t', partitions: 3 }]));
    const described = await sharelog(['topics', 'describe', 'cli-t']);
    expect(described.stdout.split('\n')[0]).toMatch(/PARTITION\s+START\s+END\s+BYTES/);
    expect((await sharelog(['topics', 'delete', 'cli-t'])).code).toBe(0);
    const gone = await sharelog(['topics', 'describe', 'cli-t']);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/TOPIC_NOT_FOUND/);
  });

  it('exits 2 on bad usage and 3 when the server cannot be reached', async () => {
    expect((await sharelog(['topics', 'create'])).code).toBe(2);
    expect((await sharelog(['topics', 'create', 'x', '--partitions', 'many'])).code).toBe(2);
    expect((await sharelog(['no-such-command'])).code).toBe(2);
    const help = await sharelog(['groups', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/reset-offsets/);
    const unreachable = await new Promise<Run>((resolve) =>
      execFile(process.execPath, [CLI, '--address', '127.0.0.1:1', 'topics', 'list'], { timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      ),
    );
    expect(unreachable.code).toBe(3);
  });

  it('produces lines with keys, consumes them by offset and in a consumer group, and resets the group', async () => {
    await sharelog(['topics', 'create', 'lines']);
    const produced = await sharelog(['produce', 'lines', '--key-separator', ':'], 'a:one\nb:two\nthree\n');
    expect(produced.code).toBe(0);
    const byOffset = await sharelog(['consume', 'lines', '--partition', '0', '--offset', '0', '--idle-timeout-ms', '300']);
    expect(byOffset.stdout.trim().split('\n')).toEqual(['lines/0@0\ta\tone', 'lines/0@1\tb\ttwo', 'lines/0@2\tthree']);

    const first = await sharelog(['--output', 'json', 'consume', 'lines', '--group', 'cli-cg', '--from-beginning', '--max-records', '2']);
    expect(first.stdout.trim().split('\n').map((l) => JSON.parse(l).value)).toEqual(['one', 'two']);
    const rest = await sharelog(['consume', 'lines', '--group', 'cli-cg', '--idle-timeout-ms', '1500']);
    expect(rest.stdout.trim()).toBe('lines/0@2\tthree'); // resumed from the committed offset

    const dry = await sharelog(['groups', 'reset-offsets', 'cli-cg', '--topic', 'lines', '--to-earliest', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/dry run: nothing changed/);
    expect(dry.stdout).toMatch(/0\s+3\s+0/);
    const described = await sharelog(['--output', 'json', 'groups', 'describe', 'cli-cg']);
    expect(JSON.parse(described.stdout).partitions[0]).toMatchObject({ committedOffset: 3, lag: 0 });
    expect((await sharelog(['groups', 'reset-offsets', 'cli-cg', '--topic', 'lines', '--to-earliest'])).code).toBe(0);
    const again = await sharelog(['consume', 'lines', '--group', 'cli-cg', '--idle-timeout-ms', '1500']);
    expect(again.stdout.trim().split('\n')).toHaveLength(3);
  });

  it('share-consumes with delivery counts, releases, inspects and deletes the group', async () => {
    await sharelog(['topics', 'create', 'jobs']);
    await sharelog(['produce', 'jobs'], 'job-1\njob-2\n');
    // --ack none: the records are held, then given back (count kept) when the command leaves the group.
    const held = await sharelog(['share-consume', 'jobs', '--group', 'cli-sg', '--from-beginning', '--ack', 'none', '--max-records', '2']);
    expect(held.stdout.trim().split('\n')).toEqual(['jobs/0@0 deliveryCount=1\tjob-1', 'jobs/0@1 deliveryCount=1\tjob-2']);
    const accepted = await sharelog(['--output', 'json', 'share-consume', 'jobs', '--group', 'cli-sg', '--max-records', '2']);
    const lines = accepted.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.value, l.deliveryCount])).toEqual([
      ['job-1', 2],
      ['job-2', 2],
    ]);
    const inspected = await sharelog(['--output', 'json', 'inspect', 'cli-sg', 'jobs', '0', '--from', '0', '--count', '2']);
    expect(inspected.code).toBe(0);
    const described = await sharelog(['groups', 'describe', 'cli-sg']);
    expect(described.stdout).toMatch(/share group cli-sg: empty, 0 members/);
    expect(described.stdout).toMatch(/jobs\s+0\s+2\s+2/);
    expect((await sharelog(['groups', 'delete', 'cli-sg'])).code).toBe(0);
    const listed = await sharelog(['--output', 'json', 'groups', 'list']);
    expect(JSON.parse(listed.stdout).map((g: { groupId: string }) => g.groupId)).not.toContain('cli-sg');
  });

  it('runs a bounded load test with more consumers than partitions: zero losses, zero duplicates', async () => {
    const run = await sharelog(['--output', 'json', 'loadtest', '--partitions', '2', '--records', '3000', '--consumers', '12', '--failure-rate', '0.05', '--compare-consumer-group', '--timeout-ms', '60000']);
    expect(run.code, run.stderr).toBe(0);
    const [share, consumerGroup] = JSON.parse(run.stdout);
    expect(share).toMatchObject({ mode: 'share-group', produced: 3000, lost: [], duplicates: [] });
    expect(share.redeliveries).toBeGreaterThan(0); // the injected failures came back
    expect(share.failuresInjected).toBe(share.redeliveries);
    expect(consumerGroup.mode).toBe('consumer-group');
    expect(consumerGroup.lost).toEqual([]);
  });

  it('load-tests a prefilled backlog: every record is produced before any is delivered, and each is accepted once', async () => {
    const run = await sharelog(['--output', 'json', 'loadtest', '--records', '2000', '--consumers', '8', '--prefill', '--timeout-ms', '60000']);
    expect(run.code, run.stderr).toBe(0);
    const share = JSON.parse(run.stdout);
    expect(share).toMatchObject({ mode: 'share-group', produced: 2000, accepted: 2000, lost: [], duplicates: [] });
    expect(share.options.prefill).toBe(true);
    expect(share.joinMs).toBeGreaterThanOrEqual(0);
    // The backlog was complete before the consumers joined, so each record waited at least the join time.
    expect(share.latencyMs.p50).toBeGreaterThanOrEqual(share.joinMs);
  });
});
