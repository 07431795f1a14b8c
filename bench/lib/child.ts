/**
 * Starts a server script in a child node process (under tsx, like `npm start` would not, but like the tests do)
 * and waits for the JSON line that carries its address. The child is registered for cleanup at once, so it dies
 * with the benchmark whatever happens.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { onCleanup } from './cleanup.js';
import { processCpuMs } from './cpu.js';
import { ROOT } from './machine.js';

export interface ChildServerOptions {
  /** Short name for messages. */
  name: string;
  /** Script path relative to `cwd`, then its arguments. */
  args: string[];
  /** Directory to run in (default: the repo root). */
  cwd?: string;
  /** Value of `msg` in the JSON line that announces the address. */
  readyMsg: string;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeFlags?: string[];
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

export interface ChildServer {
  name: string;
  pid: number;
  address: string;
  /** Non-null once the child has exited. */
  exitStatus(): string | null;
  /** CPU time (user + system) the child has used so far, in ms; null where /proc is missing. */
  cpuMs(): number | null;
  /** Last lines of stdout/stderr, for error messages. */
  tail(): string;
  /** SIGTERM, wait, SIGKILL after the timeout. Rejects when the child did not exit cleanly. */
  stop(): Promise<void>;
}

const TAIL_LINES = 40;

export async function startChildServer(options: ChildServerOptions): Promise<ChildServer> {
  const { name, readyMsg, startTimeoutMs = 30_000, stopTimeoutMs = 15_000 } = options;
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', ...options.args], {
    cwd: options.cwd ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (line: string) => {
    lines.push(line);
    if (lines.length > TAIL_LINES) lines.shift();
  };
  let status: string | null = null;
  let killedByUs = false;
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
  readline.createInterface({ input: child.stderr! }).on('line', (l) => keep(`[stderr] ${l}`));
  const stdout = readline.createInterface({ input: child.stdout! });

  const kill = () => {
    if (status === null) {
      killedByUs = true;
      child.kill('SIGKILL');
    }
  };
  const stop = onCleanup({
    label: `${name} (pid ${child.pid})`,
    force: kill,
    run: async () => {
      if (status === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(kill, stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      if (killedByUs) throw new Error(`${name} ignored SIGTERM for ${stopTimeoutMs} ms and was killed`);
      // We only send SIGTERM; a SIGINT death is the terminal's Ctrl-C reaching a child that was still starting.
      if (status !== 'code 0' && status !== 'signal SIGINT') {
        throw new Error(`${name} exited with ${status}\n${lines.join('\n')}`);
      }
    },
  });

  let address: string;
  try {
    address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${name} did not announce its address in ${startTimeoutMs} ms`)), startTimeoutMs);
      stdout.on('line', (line) => {
        keep(line);
        let entry: { msg?: unknown; address?: unknown };
        try {
          entry = JSON.parse(line);
        } catch {
          return; // not a JSON log line
        }
        if (entry.msg === readyMsg && typeof entry.address === 'string') {
          clearTimeout(timer);
          resolve(entry.address);
        }
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${status}) before serving`));
      });
    });
  } catch (err) {
    await stop().catch(() => undefined);
    throw new Error(`${(err as Error).message}\n${lines.join('\n')}`);
  }
  if (!/^127\.0\.0\.1:\d+$/.test(address)) {
    await stop().catch(() => undefined);
    throw new Error(`${name} listens on ${address}; benchmarks only use 127.0.0.1`);
  }

  return {
    name,
    pid: child.pid!,
    address,
    exitStatus: () => status,
    cpuMs: () => processCpuMs(child.pid!),
    tail: () => lines.join('\n'),
    stop,
  };
}

