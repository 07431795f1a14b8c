/**
 * One segment of a partition: `<20-digit base offset>.log` with its `.index` and `.timeindex`. Appends go to the
 * end with synchronous writes (the page cache absorbs them; durability is the partition's fsync policy). Reads use
 * the sparse index to start near the wanted offset and read bounded chunks, never the whole file.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CorruptBatchError,
  LOG_OVERHEAD,
  decodeRecords,
  peekBatchSize,
  readBatchHeader,
  type BatchHeader,
  type RecordCursor,
  type EncodedBatch,
} from './record-batch.js';
import type { StoredRecord } from './record.js';
import { SparseIndex } from './sparse-index.js';

const READ_CHUNK = 64 * 1024;

export function segmentFileName(baseOffset: number, suffix: string): string {
  return String(baseOffset).padStart(20, '0') + suffix;
}

export interface ScannedBatch {
  header: BatchHeader;
  position: number;
}

export class Segment {
  /** Bytes of complete batches in the file. */
  size = 0;
  /** One past the last offset in this segment (== baseOffset when empty). */
  nextOffset: number;
  maxTimestamp = -1;
  private bytesSinceIndexEntry = 0;
  /**
   * The chunk the last read ended in. Consumers mostly read just past where the previous read stopped (share
   * groups acquire a few records at a time), and written bytes never change, so the next read often needs no I/O.
   */
  private lastChunk: Chunk | null = null;
  /**
   * The batch the last read stopped in, as found in that chunk: its CRC-checked header and where its next record
   * starts. A share group acquires a producer's batch of 1,000 a hundred records at a time; without this each
   * part checked the whole batch's CRC again and walked every record before its own. Chunks are never written
   * after they are read, so the same chunk and position mean the same verified bytes.
   */
  private lastBatch: { data: Buffer; at: number; header: BatchHeader; next: RecordCursor; nextOffset: number } | null = null;

  private constructor(
    readonly dir: string,
    readonly baseOffset: number,
    private readonly fd: number,
    readonly index: SparseIndex,
    private readonly indexIntervalBytes: number,
  ) {
    this.nextOffset = baseOffset;
  }

  get logPath(): string {
    return path.join(this.dir, segmentFileName(this.baseOffset, '.log'));
  }

  static create(dir: string, baseOffset: number, indexIntervalBytes: number): Segment {
    const open = (suffix: string) => fs.openSync(path.join(dir, segmentFileName(baseOffset, suffix)), 'w+');
    const fd = open('.log');
    const index = new SparseIndex(baseOffset, open('.index'), open('.timeindex'));
    return new Segment(dir, baseOffset, fd, index, indexIntervalBytes);
  }

  /**
   * Opens an existing segment. A closed segment trusts its index files when they are consistent; the active one
   * (`recover`) is scanned batch by batch, a torn or corrupt tail is truncated, and its index is rebuilt.
   * `onBatch` sees every valid batch scanned (used to rebuild producer state).
   */
  static open(
    dir: string,
    baseOffset: number,
    indexIntervalBytes: number,
    recover: boolean,
    onBatch?: (batch: ScannedBatch) => void,
  ): { segment: Segment; truncatedBytes: number } {
    const open = (suffix: string) => fs.openSync(path.join(dir, segmentFileName(baseOffset, suffix)), fs.constants.O_RDWR | fs.constants.O_CREAT);
    const fd = open('.log');
    const index = new SparseIndex(baseOffset, open('.index'), open('.timeindex'));
    const segment = new Segment(dir, baseOffset, fd, index, indexIntervalBytes);
    const fileSize = fs.fstatSync(fd).size;
    if (!recover && index.load(fileSize)) {
      segment.size = fileSize;
      segment.maxTimestamp = index.lastTimestamp;
      try {
        segment.nextOffset = segment.lastBatchEnd();
        return { segment, truncatedBytes: 0 };
      } catch (err) {
        if (!(err instanceof CorruptBatchError)) throw err;
        // The index points into the middle of a batch or lags the log: distrust it and rebuild it by a scan below.
        segment.size = 0;
        segment.maxTimestamp = -1;
        segment.nextOffset = baseOffset;
      }
    }
    index.clear();
    const validBytes = segment.scan(fileSize, onBatch);
    // Only the active segment's tail may be torn; a closed segment is never cut (its bad batch stays and reads
    // report it), the partition reports the missing offsets as corruption.
    if (validBytes < fileSize && recover) {
      fs.ftruncateSync(fd, validBytes);
      fs.fsyncSync(fd);
    }
    return { segment, truncatedBytes: fileSize - validBytes };
  }

  /** Walks every batch from the start, validating CRCs and rebuilding the index; returns the valid length. */
  private scan(fileSize: number, onBatch?: (batch: ScannedBatch) => void): number {
    let pos = 0;
    let expectedOffset = this.baseOffset;
    const reader = new ChunkReader(this.fd, fileSize);
    while (pos < fileSize) {
      const buf = reader.ensure(pos, LOG_OVERHEAD);
      if (!buf) break;
      const size = peekBatchSize(buf.data, pos - buf.start);
      if (size < LOG_OVERHEAD || pos + size > fileSize) break;
      const full = reader.ensure(pos, size);
      if (!full) break;
      let header: BatchHeader;
      try {
        header = readBatchHeader(full.data, pos - full.start, pos - full.start + size);
      } catch (err) {
        if (err instanceof CorruptBatchError) break;
        throw err;
      }
      if (header.baseOffset !== expectedOffset) break;
      this.track(header, pos);
      onBatch?.({ header, position: pos });
      expectedOffset = header.baseOffset + header.recordCount;
      pos += size;
    }
    return pos;
  }

  /** Appends one encoded batch. The caller has checked that the batch's base offset is `nextOffset`. */
  append(encoded: EncodedBatch): void {
    const batch = encoded.bytes;
    let written = 0;
    try {
      while (written < batch.length) {
        written += fs.writeSync(this.fd, batch, written, batch.length - written, this.size + written);
      }
    } catch (err) {
      // Leave no partial batch behind: a later append must not land after garbage.
      try {
        fs.ftruncateSync(this.fd, this.size);
      } catch {
        /* the partition turns sticky-failed either way */
      }
      throw err;
    }
    this.track({ ...encoded, sizeInBytes: batch.length }, this.size);
  }

  private track(header: Pick<BatchHeader, 'baseOffset' | 'recordCount' | 'maxTimestamp' | 'sizeInBytes'>, position: number): void {
    if (this.size === 0 || this.bytesSinceIndexEntry >= this.indexIntervalBytes) {
      this.index.addOffsetEntry(header.baseOffset, position);
      this.bytesSinceIndexEntry = 0;
    }
    if (header.maxTimestamp > this.maxTimestamp) {
      this.maxTimestamp = header.maxTimestamp;
      this.index.addTimeEntry(header.maxTimestamp, header.baseOffset);
    }
    this.bytesSinceIndexEntry += header.sizeInBytes;
    this.size = position + header.sizeInBytes;
    this.nextOffset = header.baseOffset + header.recordCount;
  }

  /**
   * Next offset of a closed segment, found by walking from its last index entry to the end. Also checks the walked
   * batches against the time index (with timestamps that only rise, the last batch holds the segment's max).
   */
  private lastBatchEnd(): number {
    if (this.size === 0) return this.baseOffset;
    const reader = new ChunkReader(this.fd, this.size);
    const entry = this.index.entryFor(Number.MAX_SAFE_INTEGER);
    let pos = entry.position;
    let next = entry.offset;
    while (pos < this.size) {
      const buf = reader.ensure(pos, LOG_OVERHEAD);
      if (!buf) break;
      const size = peekBatchSize(buf.data, pos - buf.start);
      const full = reader.ensure(pos, size);
      if (!full) throw new CorruptBatchError(`segment ${this.logPath} ends inside a batch`);
      const header = readBatchHeader(full.data, pos - full.start, pos - full.start + size);
      if (header.baseOffset !== next) throw new CorruptBatchError(`batch at ${this.logPath}:${pos} has base offset ${header.baseOffset}, expected ${next}`);
      // The time index holds every rise of the max timestamp, so no batch can be above its last entry; one that is
      // means the .timeindex lost its tail, and offsetForTimestamp would skip this segment.
      if (header.maxTimestamp > this.maxTimestamp) {
        throw new CorruptBatchError(`batch at ${this.logPath}:${pos} has timestamp ${header.maxTimestamp}, above the time index's last ${this.maxTimestamp}`);
      }
      next = header.baseOffset + header.recordCount;
      pos += size;
    }
    return next;
  }

  /**
   * Reads records with offsets in [fromOffset, limitOffset), at most maxRecords, stopping before maxBytes of
   * batches unless nothing was read yet (one oversized batch is still returned, as Kafka does).
   * Returns the bytes of batches consumed.
   */
  read(
    fromOffset: number,
    limitOffset: number,
    maxRecords: number,
    maxBytes: number,
    out: StoredRecord[],
    atLeastOne = true,
  ): number {
    const entry = this.index.entryFor(fromOffset);
    let pos = entry.position;
    // Batches must follow each other from the indexed one: a wrong index entry or a changed base offset (outside
    // the CRC) is corruption, never a silent skip.
    let expected = entry.offset;
    let bytes = 0;
    // Read in chunks of at most maxBytes (64 KB to 1 MB), not to maxBytes at once: a fetch of a few records with a
    // generous byte limit must not copy the rest of the segment. A batch larger than a chunk is read whole.
    const reader = new ChunkReader(
      this.fd,
      this.size,
      Math.max(READ_CHUNK, Math.min(maxBytes, 1024 * 1024, maxRecords * 1024)),
      this.lastChunk,
    );
    const startCount = out.length;
    while (pos < this.size && out.length - startCount < maxRecords) {
      const head = reader.ensure(pos, LOG_OVERHEAD);
      if (!head) break;
      const size = peekBatchSize(head.data, pos - head.start);
      if (size < LOG_OVERHEAD) throw new CorruptBatchError(`bad batch length at ${this.logPath}:${pos}`);
      const full = reader.ensure(pos, size);
      if (!full) throw new CorruptBatchError(`segment ${this.logPath} ends inside a batch at ${pos}`);
      const at = pos - full.start;
      const memo = this.lastBatch !== null && this.lastBatch.data === full.data && this.lastBatch.at === at ? this.lastBatch : null;
      const header = memo ? memo.header : readBatchHeader(full.data, at, at + size);
      if (header.baseOffset !== expected) {
        throw new CorruptBatchError(`batch at ${this.logPath}:${pos} has base offset ${header.baseOffset}, expected ${expected}`);
      }
      expected = header.baseOffset + header.recordCount;
      if (header.baseOffset >= limitOffset) break;
      pos += size;
      if (header.baseOffset + header.lastOffsetDelta < fromOffset) continue;
      if ((bytes > 0 || !atLeastOne) && bytes + size > maxBytes) break;
      bytes += size;
      const resume = memo && memo.nextOffset <= fromOffset ? memo.next : undefined;
      const decodedBefore = out.length;
      const next = decodeRecords(full.data, at, header, out, fromOffset, maxRecords - (out.length - startCount), resume);
      const nextOffset = out.length > decodedBefore ? out[out.length - 1].offset + 1 : fromOffset;
      this.lastBatch = { data: full.data, at, header, next, nextOffset };
    }
    this.lastChunk = reader.current();
    return bytes;
  }

  /** Iterates every batch header of the segment (used by timestamp lookups). */
  *batches(fromPosition = 0): Generator<ScannedBatch> {
    const reader = new ChunkReader(this.fd, this.size);
    let pos = fromPosition;
    while (pos < this.size) {
      const head = reader.ensure(pos, LOG_OVERHEAD);
      if (!head) return;
      const size = peekBatchSize(head.data, pos - head.start);
      if (size < LOG_OVERHEAD) throw new CorruptBatchError(`bad batch length at ${this.logPath}:${pos}`);
      const full = reader.ensure(pos, size);
      if (!full) throw new CorruptBatchError(`segment ${this.logPath} ends inside a batch at ${pos}`);
      yield { header: readBatchHeader(full.data, pos - full.start, pos - full.start + size), position: pos };
      pos += size;
    }
  }

  /** Decodes the records of one scanned batch (reads it from disk). */
  readBatch(batch: ScannedBatch): StoredRecord[] {
    const buf = Buffer.allocUnsafe(batch.header.sizeInBytes);
    readFully(this.fd, buf, batch.position);
    const out: StoredRecord[] = [];
    decodeRecords(buf, 0, readBatchHeader(buf, 0), out);
    return out;
  }

  /** fdatasync on the libuv pool, so the event loop keeps serving while the disk works. */
  syncAsync(): Promise<void> {
    return new Promise((resolve, reject) => fs.fdatasync(this.fd, (err) => (err ? reject(err) : resolve())));
  }

  syncNow(): void {
    fs.fdatasyncSync(this.fd);
  }

  /** Seals the segment when a new one is rolled: data and index files are made durable. */
  seal(): void {
    fs.fsyncSync(this.fd);
    this.index.sync();
  }

  close(): void {
    fs.closeSync(this.fd);
    this.index.close();
  }

  /** Removes the segment's files (retention or topic deletion). */
  delete(): void {
    this.close();
    for (const suffix of ['.log', '.index', '.timeindex']) {
      fs.rmSync(path.join(this.dir, segmentFileName(this.baseOffset, suffix)), { force: true });
    }
  }
}

function readFully(fd: number, buf: Buffer, position: number): number {
  let read = 0;
  while (read < buf.length) {
    const n = fs.readSync(fd, buf, read, buf.length - read, position + read);
    if (n === 0) break;
    read += n;
  }
  return read;
}

interface Chunk {
  data: Buffer;
  start: number;
}

/** A window over a file that grows to hold the bytes asked for, so small batches cost one read per chunk. */
class ChunkReader {
  private data: Buffer = Buffer.alloc(0);
  private start = 0;

  constructor(
    private readonly fd: number,
    private readonly limit: number,
    private readonly chunk = READ_CHUNK,
    initial: Chunk | null = null,
  ) {
    if (initial) {
      this.data = initial.data;
      this.start = initial.start;
    }
  }

  current(): Chunk | null {
    return this.data.length > 0 ? { data: this.data, start: this.start } : null;
  }

  /** Makes [pos, pos + length) available; null when the file ends before that. */
  ensure(pos: number, length: number): { data: Buffer; start: number } | null {
    if (pos + length > this.limit) return null;
    if (pos >= this.start && pos + length <= this.start + this.data.length) {
      return { data: this.data, start: this.start };
    }
    const want = Math.min(Math.max(length, this.chunk), this.limit - pos);
    const buf = Buffer.allocUnsafe(want);
    const got = readFully(this.fd, buf, pos);
    this.data = buf.subarray(0, got);
    this.start = pos;
    return got >= length ? { data: this.data, start: this.start } : null;
  }
}
