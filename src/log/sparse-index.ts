/**
 * The sparse offset index and time index of one segment. Both are kept in memory (a few KB per segment: one entry
 * per `indexIntervalBytes` of log) and mirrored to `.index` / `.timeindex` files so a closed segment opens
 * without a scan. The active segment's files are rebuilt from the log at recovery, so they never need an fsync of
 * their own until the segment is closed.
 *
 *   .index      entries of 8 bytes:  uint32 offset - baseOffset, uint32 file position of the batch
 *   .timeindex  entries of 12 bytes: int64 max timestamp so far, uint32 offset - baseOffset
 */
import fs from 'node:fs';

const OFFSET_ENTRY = 8;
const TIME_ENTRY = 12;

export class SparseIndex {
  /** Relative offsets of the first record of indexed batches, ascending. */
  private readonly relOffsets: number[] = [];
  private readonly positions: number[] = [];
  /** Time index: running max timestamp and the relative offset of the batch that reached it. */
  private readonly times: number[] = [];
  private readonly timeRelOffsets: number[] = [];

  constructor(
    readonly baseOffset: number,
    private readonly indexFd: number | null,
    private readonly timeFd: number | null,
  ) {}

  get entryCount(): number {
    return this.relOffsets.length;
  }

  get lastTimestamp(): number {
    return this.times.length === 0 ? -1 : this.times[this.times.length - 1];
  }

  addOffsetEntry(offset: number, position: number): void {
    const rel = offset - this.baseOffset;
    this.relOffsets.push(rel);
    this.positions.push(position);
    if (this.indexFd !== null) {
      const entry = Buffer.allocUnsafe(OFFSET_ENTRY);
      entry.writeUInt32BE(rel, 0);
      entry.writeUInt32BE(position, 4);
      fs.writeSync(this.indexFd, entry, 0, OFFSET_ENTRY, (this.relOffsets.length - 1) * OFFSET_ENTRY);
    }
  }

  /** Records that `timestamp` is the highest timestamp seen so far, first reached by the batch at `offset`. */
  addTimeEntry(timestamp: number, offset: number): void {
    if (timestamp <= this.lastTimestamp) return;
    const rel = offset - this.baseOffset;
    this.times.push(timestamp);
    this.timeRelOffsets.push(rel);
    if (this.timeFd !== null) {
      const entry = Buffer.allocUnsafe(TIME_ENTRY);
      entry.writeBigInt64BE(BigInt(timestamp), 0);
      entry.writeUInt32BE(rel, 8);
      fs.writeSync(this.timeFd, entry, 0, TIME_ENTRY, (this.times.length - 1) * TIME_ENTRY);
    }
  }

  /** The last indexed batch starting at or before `offset`: its base offset and file position (the segment start when none is). */
  entryFor(offset: number): { offset: number; position: number } {
    const rel = offset - this.baseOffset;
    let lo = 0;
    let hi = this.relOffsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.relOffsets[mid] <= rel) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? { offset: this.baseOffset, position: 0 } : { offset: this.baseOffset + this.relOffsets[found], position: this.positions[found] };
  }

  /** File position of the last indexed batch starting at or before `offset` (0 when none is). */
  positionFor(offset: number): number {
    const rel = offset - this.baseOffset;
    let lo = 0;
    let hi = this.relOffsets.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.relOffsets[mid] <= rel) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? 0 : this.positions[found];
  }

  /** Drops every entry and truncates the files: the caller is about to rebuild the index by scanning. */
  clear(): void {
    this.relOffsets.length = 0;
    this.positions.length = 0;
    this.times.length = 0;
    this.timeRelOffsets.length = 0;
    if (this.indexFd !== null) fs.ftruncateSync(this.indexFd, 0);
    if (this.timeFd !== null) fs.ftruncateSync(this.timeFd, 0);
  }

  /**
   * Loads entries written by an earlier process. Returns false when the files are not trustworthy (sizes not a
   * multiple of the entry size, entries not ascending or pointing past the log), in which case the caller rebuilds.
   */
  load(logSize: number): boolean {
    if (this.indexFd === null || this.timeFd === null) return false;
    const index = readAll(this.indexFd);
    const time = readAll(this.timeFd);
    if (index.length % OFFSET_ENTRY !== 0 || time.length % TIME_ENTRY !== 0) return false;
    for (let p = 0; p < index.length; p += OFFSET_ENTRY) {
      const rel = index.readUInt32BE(p);
      const position = index.readUInt32BE(p + 4);
      const n = this.relOffsets.length;
      if (position >= logSize || (n > 0 && (rel <= this.relOffsets[n - 1] || position <= this.positions[n - 1]))) {
        return false;
      }
      this.relOffsets.push(rel);
      this.positions.push(position);
    }
    for (let p = 0; p < time.length; p += TIME_ENTRY) {
      const ts = Number(time.readBigInt64BE(p));
      if (ts <= this.lastTimestamp) return false;
      this.times.push(ts);
      this.timeRelOffsets.push(time.readUInt32BE(p + 8));
    }
    return logSize === 0 || (this.relOffsets.length > 0 && this.times.length > 0);
  }

  sync(): void {
    if (this.indexFd !== null) fs.fsyncSync(this.indexFd);
    if (this.timeFd !== null) fs.fsyncSync(this.timeFd);
  }

  close(): void {
    if (this.indexFd !== null) fs.closeSync(this.indexFd);
    if (this.timeFd !== null) fs.closeSync(this.timeFd);
  }
}

function readAll(fd: number): Buffer {
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size);
  let read = 0;
  while (read < size) {
    const n = fs.readSync(fd, buf, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return buf.subarray(0, read);
}
