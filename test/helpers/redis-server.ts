/**
 * A real redis-server for tests, on a free loopback port with a temp directory, installed from Debian by
 * scripts/ensure-debian-packages.sh when missing.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src/soak/soak.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface TestRedis {
  url: string;
  port: number;
  dir: string;
  stop(): Promise<void>;
  /** SIGKILL, keeping the directory for a restart with startRedis(args, { port, dir }). */
  crash(): Promise<void>;
}

export function ensureRedisInstalled(): void {
  execFileSync('bash', [path.join(ROOT, 'scripts/ensure-debian-packages.sh'), 'redis-server'], { stdio: 'inherit' });
}


/** Where a restarted redis-server picks up: the same port and directory (with its AOF). */
export interface RedisPlace {
  port: number;
  dir: string;
}

export async function startRedis(extraArgs: string[] = [], place?: RedisPlace): Promise<TestRedis> {
  ensureRedisInstalled();
  const port = place?.port ?? (await freePort());
  const dir = place?.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-redis-'));
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (d) => {
      output += d;
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async crash() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGKILL');
        await exited;
      }
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Redis Cluster of three masters on loopback, built with `redis-cli --cluster create`. */
export async function startRedisCluster(): Promise<{ url: string; stop(): Promise<void> }> {
  const nodes: TestRedis[] = [];
  for (let i = 0; i < 3; i++) {
    nodes.push(await startRedis(['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '5000']));
  }
  const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
  execFileSync('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { stdio: 'pipe' });
  // Wait until every node agrees the cluster is up.
  for (const n of nodes) {
    for (let i = 0; ; i++) {
      const info = execFileSync('redis-cli', ['-p', String(n.port), 'cluster', 'info']).toString();
      if (info.includes('cluster_state:ok')) break;
      if (i > 100) throw new Error(`cluster not ready on ${n.port}: ${info}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url: addresses.join(','),
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
    },
  };
}
