/**
 * Group membership of the embedded backend: one server holds it in memory (members rejoin after a restart, as in
 * Kafka), so a change needs no coordination beyond the coordinators' own per-group serialisation.
 */
import type { GroupSync, SyncedGroup } from '../types.js';

export class LocalGroupSync implements GroupSync {
  readonly shared = false;

  run<T>(_group: SyncedGroup, change: () => Promise<T>): Promise<T> {
    return change();
  }

  async refresh(): Promise<boolean> {
    return false;
  }

  /** The coordinator's own lastSeen already says it: one server sees every fetch. */
  touch(): void {}

  async lastActive(): Promise<Map<string, number>> {
    return new Map();
  }

  async remove(): Promise<void> {}

  onChange(): void {}

  async close(): Promise<void> {}
}
