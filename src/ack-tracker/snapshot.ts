import type { ShareSnapshot, SnapshotRun } from './deltas.js';
import { isFinished } from './record-state.js';
import { NO_ATTEMPTS, sameFailure, type Run } from './run-map.js';
import type { Attempt, InspectedRecord } from './types.js';
import type { RunWindow } from './window.js';

/** The durable view of the window: ACQUIRED runs become AVAILABLE, equal neighbours merge. */
export function buildSnapshot(w: RunWindow, lease: number): ShareSnapshot {
  const runs: SnapshotRun[] = [];
  for (const run of w.runs) {
    const entry: SnapshotRun = {
      first: run.first,
      last: run.last,
      state: run.state === 'ACQUIRED' ? 'AVAILABLE' : run.state,
      count: run.count,
    };
    if (run.state === 'AVAILABLE' && run.due > 0) entry.due = run.due;
    if (run.failure !== null) entry.failure = { ...run.failure };
    const prev = runs[runs.length - 1];
    if (
      prev !== undefined &&
      prev.state === entry.state &&
      prev.count === entry.count &&
      prev.due === entry.due &&
      sameFailure(prev.failure ?? null, entry.failure ?? null)
    ) {
      prev.last = entry.last;
    } else runs.push(entry);
  }
  return { v: 1, start: w.start, end: w.end, lease, runs };
}

export function describeRecord(
  run: Run,
  offset: number,
  finished: (offset: number) => readonly Attempt[],
): InspectedRecord {
  const acquired = run.state === 'ACQUIRED';
  return {
    offset,
    state: run.state,
    deliveryCount: run.count,
    memberId: run.member,
    lockExpiresAt: acquired ? run.deadline : null,
    leaseToken: acquired ? run.token : null,
    availableAt: run.state === 'AVAILABLE' && run.due > 0 ? run.due : null,
    attempts: isFinished(run.state) ? finished(offset) : run.attempts,
  };
}

/** A record at or above the end offset: never handed out. */
export function unseenRecord(offset: number): InspectedRecord {
  return {
    offset,
    state: 'AVAILABLE',
    deliveryCount: 0,
    memberId: null,
    lockExpiresAt: null,
    leaseToken: null,
    availableAt: null,
    attempts: NO_ATTEMPTS,
  };
}
