/**
 * CPU accounting from /proc (Linux; null elsewhere): a server child's own CPU time, and the machine's busy time,
 * so a result can show how much of the machine something other than the benchmark was using.
 */
import fs from 'node:fs';

// Linux USER_HZ: 100 on every mainstream kernel build.
const TICK_MS = 10;

/** CPU time (user + system) used by a process so far, in ms. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the ")" closing the command name; utime and stime are fields 14 and 15 of the line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Busy CPU time of the whole machine so far (all cores; idle and iowait excluded), in ms. */
export function machineBusyMs(): number | null {
  try {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) * TICK_MS;
  } catch {
    return null;
  }
}

export interface Quiet {
  waitedMs: number;
  /** CPU used by other processes in the last second sampled, % of one core; null where /proc is missing. */
  otherCpuPercent: number | null;
}

/**
 * Waits until processes other than this one use at most `maxOtherPercent` of a core over one second, or
 * `maxWaitMs` passes: on a shared machine a test run next door halves a result. Call it with no server running.
 */
export async function waitForQuiet(maxOtherPercent: number, maxWaitMs: number): Promise<Quiet> {
  const t0 = performance.now();
  for (;;) {
    const busy0 = machineBusyMs();
    const own0 = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const busy1 = machineBusyMs();
    const own = process.cpuUsage(own0);
    const waitedMs = Math.round(performance.now() - t0);
    if (busy0 === null || busy1 === null) return { waitedMs, otherCpuPercent: null };
    const otherCpuPercent = Math.max(0, Math.round((busy1 - busy0 - (own.user + own.system) / 1000) / 10));
    if (otherCpuPercent <= maxOtherPercent || waitedMs >= maxWaitMs) return { waitedMs, otherCpuPercent };
  }
}
