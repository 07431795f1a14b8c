/** A record as a producer hands it in. Offsets are JS numbers (exact up to 2^53; see docs/ARCHITECTURE.md). */
export interface RecordHeader {
  key: string;
  value: Buffer;
}

export interface RecordInput {
  key: Buffer | null;
  value: Buffer;
  headers: RecordHeader[];
  /** Producer's timestamp in epoch ms; 0 means "use the broker's append time". */
  timestampMs: number;
}

/** A record as it sits in the log. */
export interface StoredRecord {
  offset: number;
  timestampMs: number;
  key: Buffer | null;
  value: Buffer;
  headers: RecordHeader[];
}
