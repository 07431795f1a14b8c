/**
 * One closed-loop measurement with CPU accounting, whatever the server: Sharelog, the echo ceiling, or a peer
 * (Redis, NATS). It waits for a quiet machine, sets the target up, runs lib/load.ts and samples the CPU of the
 * server processes, this process and everything else over the measuring window.
 */
import { machineBusyMs, waitForQuiet, type Quiet } from './cpu.js';
import { closedLoop, type LoadClient, type LoadResult } from './load.js';
import type { SuiteContext } from './suite.js';

/** Rows where other processes used more CPU than this (% of one core) are marked noisy. */
export const NOISY_OTHER_CPU = 25;

export interface Measurement extends LoadResult {
  /** CPU used by the server processes during the window, in % of one core (100 = one core busy). */
  serverCpuPercent: number | null;
  clientCpuPercent: number;
  /** Machine CPU used by everything else (other tenants, the kernel's own threads), same unit. */
  otherCpuPercent: number | null;
  /** What waiting for a quiet machine before the measurement found. */
  quietBefore: Quiet;
}

export interface LoadSetup {
  clients: LoadClient[];
  /** CPU time of the server processes so far (ms), null where unknown. */
  serverCpuMs(): number | null;
  /** Closes clients and stops servers. */
  close(): Promise<void>;
  /** Extra text for an error (e.g. why the server exited). */
  failureDetail?(): string;
}

export interface Sampler {
  start(): void;
  /** Ends the window and returns the CPU figures of the Measurement. */
  end(): Pick<Measurement, 'serverCpuPercent' | 'clientCpuPercent' | 'otherCpuPercent'>;
}

/** CPU of the server processes, this process and the rest of the machine between start() and end(). */
export function cpuSampler(serverCpuMs: () => number | null): Sampler {
  let server0: number | null = null;
  let busy0: number | null = null;
  let client0 = process.cpuUsage();
  let t0 = performance.now();
  return {
    start() {
      [server0, busy0, client0, t0] = [serverCpuMs(), machineBusyMs(), process.cpuUsage(), performance.now()];
    },
    end() {
      const [server1, busy1, client] = [serverCpuMs(), machineBusyMs(), process.cpuUsage(client0)];
      const elapsed = performance.now() - t0;
      const percent = (ms: number) => Math.round((ms / elapsed) * 100);
      const serverMs = server0 !== null && server1 !== null ? server1 - server0 : null;
      const clientMs = (client.user + client.system) / 1000;
      const busyMs = busy0 !== null && busy1 !== null ? busy1 - busy0 : null;
      return {
        serverCpuPercent: serverMs === null ? null : percent(serverMs),
        clientCpuPercent: percent(clientMs),
        otherCpuPercent: busyMs === null || serverMs === null ? null : Math.max(0, percent(busyMs - serverMs - clientMs)),
      };
    },
  };
}

export async function quietBefore(ctx: SuiteContext): Promise<Quiet> {
  const quiet = await waitForQuiet(NOISY_OTHER_CPU, ctx.quietMaxWaitMs);
  if (quiet.waitedMs > 1500) {
    ctx.progress(`waited ${(quiet.waitedMs / 1000).toFixed(0)} s for other processes' load to drop (now ${quiet.otherCpuPercent}% of a core)`);
  }
  return quiet;
}

export async function measureClosedLoop(label: string, setUp: () => Promise<LoadSetup>, ctx: SuiteContext): Promise<Measurement> {
  const quiet = await quietBefore(ctx);
  const setup = await setUp();
  try {
    const sampler = cpuSampler(() => setup.serverCpuMs());
    let cpu: ReturnType<Sampler['end']> | undefined;
    const result = await closedLoop(setup.clients, {
      warmupMs: ctx.warmupMs,
      maxWarmupMs: ctx.maxWarmupMs,
      durationMs: ctx.durationMs,
      onWindow: (edge) => (edge === 'start' ? sampler.start() : void (cpu = sampler.end())),
    });
    return { ...result, ...cpu!, quietBefore: quiet };
  } catch (err) {
    throw new Error(`${label}: ${(err as Error).message}${setup.failureDetail?.() ?? ''}`, { cause: err });
  } finally {
    await setup.close();
  }
}
