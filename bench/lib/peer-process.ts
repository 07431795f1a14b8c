/**
 * Peer servers for comparison (redis-server, nats-server): a Debian package installed on demand, started on a
 * free loopback port with a fresh temp dir, registered for cleanup at once. A peer that cannot be installed or
 * started is reported as missing by the suites, never skipped silently.
 */
import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir, onCleanup } from './cleanup.js';
import { processCpuMs } from './cpu.js';
import { ROOT } from './machine.js';

export interface PeerProcess {
  name: string;
  pid: number;
  port: number;
  cpuMs(): number | null;
  stop(): Promise<void>;
}

/** A peer that could not be installed or started: suites show it as "missing", they do not fail. */
export class PeerMissing extends Error {}

/** Outcome of the install per package: one failed apt-get is enough for the whole run. */
const installed = new Map<string, PeerMissing | null>();

/** Installs the Debian package when it is missing (scripts/ensure-debian-packages.sh); throws PeerMissing. */
export function ensureDebianPackage(pkg: string): void {
  if (!installed.has(pkg)) {
    try {
      execFileSync('bash', [path.join(ROOT, 'scripts/ensure-debian-packages.sh'), pkg], { stdio: ['ignore', 'ignore', 'pipe'] });
      installed.set(pkg, null);
    } catch (err) {
      const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
      installed.set(pkg, new PeerMissing(`cannot install ${pkg}: ${(stderr || (err as Error).message).split('\n')[0]}`));
    }
  }
  const missing = installed.get(pkg);
  if (missing) throw missing;
}

export interface Missing {
  missing: string;
}

/** Runs a peer measurement; a peer that cannot be installed or started becomes { missing }. */
export async function orMissing<T>(measure: () => Promise<T>): Promise<T | Missing> {
  try {
    return await measure();
  } catch (err) {
    for (let e: unknown = err; e instanceof Error; e = e.cause) {
      if (e instanceof PeerMissing) return { missing: e.message };
    }
    throw err;
  }
}

export const isMissing = (x: unknown): x is Missing => typeof x === 'object' && x !== null && 'missing' in x;

/** A port that was free on the loopback a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface PeerOptions {
  name: string;
  command: string;
  /** Arguments, given the port and the temp dir. */
  args: (port: number, dir: string) => string[];
  /** Text in stdout/stderr that says the server accepts connections. */
  ready: string;
  startTimeoutMs?: number;
}

export async function startPeer(options: PeerOptions): Promise<PeerProcess> {
  const { name, ready, startTimeoutMs = 20_000 } = options;
  const data = makeTempDir(`sharelog-bench-${options.command}-`);
  const port = await freePort();
  const child = spawn(options.command, options.args(port, data.dir), { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let status: string | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      status = signal ? `signal ${signal}` : `code ${code}`;
      resolve();
    });
    child.once('error', (err) => {
      status = `spawn error ${err.message}`;
      resolve();
    });
  });
  const stopChild = onCleanup({
    label: `${name} (pid ${child.pid})`,
    force: () => void (status === null && child.kill('SIGKILL')),
    run: async () => {
      if (status !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  });
  const stop = async () => {
    try {
      await stopChild();
    } finally {
      await data.remove();
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} not ready in ${startTimeoutMs} ms`)), startTimeoutMs);
      const onData = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
        if (output.includes(ready)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${status}) before it was ready`));
      });
    });
  } catch (err) {
    await stop().catch(() => undefined);
    const tail = output.trim().split('\n').slice(-10).join('\n');
    throw new PeerMissing(tail ? `${(err as Error).message}\n${tail}` : (err as Error).message);
  }
  return { name, pid: child.pid!, port, cpuMs: () => processCpuMs(child.pid!), stop };
}
