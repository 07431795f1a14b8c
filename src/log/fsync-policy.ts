/**
 * When appended batches are forced to disk, and what a crash can cost under each mode (the embedded server's
 * share-group journals and consumer-group commits follow the same policy: see ack-tracker/journal.ts):
 *  - `always`: a Produce is answered only after its batch is fsynced (concurrent produces share one fsync:
 *    group commit). A crash of the process or the machine loses nothing that was acknowledged.
 *  - `interval:<ms>`: batches are fsynced every <ms>; a process crash loses nothing (the page cache survives it),
 *    a machine crash or power loss can lose up to <ms> of acknowledged records.
 *  - `never`: the OS decides when to write back; a process crash loses nothing, a machine crash can lose any
 *    acknowledged record not yet written back.
 */
import { invalidArgument } from '../errors.js';

export type FsyncPolicy = { mode: 'always' } | { mode: 'interval'; intervalMs: number } | { mode: 'never' };

export function parseFsyncPolicy(text: string): FsyncPolicy {
  if (text === 'always') return { mode: 'always' };
  if (text === 'never') return { mode: 'never' };
  const match = /^interval:(\d+)$/.exec(text);
  if (match) {
    const intervalMs = Number(match[1]);
    if (intervalMs >= 1 && intervalMs <= 60_000) return { mode: 'interval', intervalMs };
  }
  throw invalidArgument(`fsync policy must be always, never or interval:<ms> with 1 <= ms <= 60000, got "${text}"`);
}

export function formatFsyncPolicy(policy: FsyncPolicy): string {
  return policy.mode === 'interval' ? `interval:${policy.intervalMs}` : policy.mode;
}
