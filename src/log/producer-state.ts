/**
 * Idempotent producers: per partition, the last few sequences each producer appended, so a retried Produce is
 * answered with its original offsets instead of appending again. The table is rebuilt at start-up from the
 * snapshot written when the active segment was rolled plus the batches of the active segment.
 */
import { ErrorCode, SharelogError } from '../errors.js';

/** How many recent batches per producer are remembered (Kafka keeps 5 in flight). */
export const SEQUENCES_KEPT = 5;
/** Producers remembered per partition; the least recently seen are forgotten first. */
export const MAX_PRODUCERS = 10_000;

export interface AppendedSequence {
  sequence: number;
  baseOffset: number;
  recordCount: number;
}

export type SequenceCheck = { kind: 'new' } | { kind: 'duplicate'; entry: AppendedSequence };

export class ProducerStateTable {
  private readonly producers = new Map<string, AppendedSequence[]>();

  check(producerId: string, sequence: number): SequenceCheck {
    const entries = this.producers.get(producerId);
    if (!entries || entries.length === 0) return { kind: 'new' };
    const last = entries[entries.length - 1];
    if (sequence > last.sequence) return { kind: 'new' };
    const entry = entries.find((e) => e.sequence === sequence);
    if (entry) return { kind: 'duplicate', entry };
    throw new SharelogError(
      ErrorCode.OUT_OF_ORDER_SEQUENCE,
      `producer ${producerId}: sequence ${sequence} is older than the last appended sequence ${last.sequence} ` +
        `and not among the ${SEQUENCES_KEPT} most recent; a retry must resend the original sequence`,
    );
  }

  record(producerId: string, entry: AppendedSequence): void {
    let entries = this.producers.get(producerId);
    if (entries) {
      this.producers.delete(producerId);
    } else {
      entries = [];
    }
    entries.push(entry);
    if (entries.length > SEQUENCES_KEPT) entries.shift();
    this.producers.set(producerId, entries);
    if (this.producers.size > MAX_PRODUCERS) {
      const oldest = this.producers.keys().next().value as string;
      this.producers.delete(oldest);
    }
  }

  toJSON(): Record<string, AppendedSequence[]> {
    return Object.fromEntries(this.producers);
  }

  static fromJSON(json: Record<string, AppendedSequence[]>): ProducerStateTable {
    const table = new ProducerStateTable();
    for (const [id, entries] of Object.entries(json)) table.producers.set(id, entries);
    return table;
  }
}
