/**
 * One partition: an ordered list of segments, the last one active. Owns the append path (encode, roll, write,
 * group-commit fsync), the high watermark (the end of what readers may see: durable data under fsync=always),
 * retention, producer idempotence and the wake-ups of long-polling readers.
 *
 * After an fsync or write error the partition turns sticky-failed: every later append is refused until the
 * process restarts and recovery re-reads the files (a failed fsync may have dropped dirty pages; retrying it
 * could report success for data that is gone).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Clock } from '../clock.js';
import { ErrorCode, SharelogError } from '../errors.js';
import type { FsyncPolicy } from './fsync-policy.js';
import { ProducerStateTable, type AppendedSequence } from './producer-state.js';
import { CorruptBatchError, encodeBatch } from './record-batch.js';
import type { RecordInput, StoredRecord } from './record.js';
import { Segment, segmentFileName } from './segment.js';
import { waitForEvent } from './wait.js';
import { fsyncDir, writeFileAtomic } from './atomic-file.js';
import { NO_METRICS, secondsSince, type SharelogMetrics } from '../metrics/types.js';

export interface PartitionLogOptions {
  fsync: FsyncPolicy;
  segmentBytes: number;
  indexIntervalBytes: number;
  clock: Clock;
  /** Told about recovery findings (torn tails truncated). */
  onWarning?: (message: string, details: Record<string, unknown>) => void;
  /** Instrumentation (fsync durations); no-op by default. */
  metrics?: SharelogMetrics;
}

export interface AppendOptions {
  producerId?: string;
  sequence?: number;
}

export interface AppendResult {
  baseOffset: number;
  /** True when the request was a retry of an already appended batch; baseOffset is the original one. */
  duplicate: boolean;
}

type Waiter = { resolve: () => void; reject: (err: Error) => void };

export class PartitionLog {
  private readonly segments: Segment[];
  private active: Segment;
  private hw: number;
  private failure: Error | null = null;
  private closed = false;
  private syncWaiters: Waiter[] = [];
  private syncing: Promise<void> | null = null;
  private dirty = false;
  private readonly listeners = new Set<(highWatermark: number) => void>();

  private constructor(
    readonly dir: string,
    private readonly options: PartitionLogOptions,
    segments: Segment[],
    private readonly producers: ProducerStateTable,
  ) {
    this.segments = segments;
    this.active = segments[segments.length - 1];
    this.hw = this.active.nextOffset;
  }

  /** Opens (creating when absent) the partition in `dir`, recovering the active segment's tail. */
  static open(dir: string, options: PartitionLogOptions): PartitionLog {
    fs.mkdirSync(dir, { recursive: true });
    const bases = fs
      .readdirSync(dir)
      .filter((f) => /^\d{20}\.log$/.test(f))
      .map((f) => Number(f.slice(0, 20)))
      .sort((a, b) => a - b);
    const interval = options.indexIntervalBytes;
    if (bases.length === 0) {
      const segment = Segment.create(dir, 0, interval);
      fsyncDir(dir);
      return new PartitionLog(dir, options, [segment], new ProducerStateTable());
    }
    const segments: Segment[] = [];
    for (const base of bases.slice(0, -1)) {
      segments.push(Segment.open(dir, base, interval, false).segment);
    }
    const activeBase = bases[bases.length - 1];
    const producers = loadProducerSnapshot(dir, activeBase);
    const { segment, truncatedBytes } = Segment.open(dir, activeBase, interval, true, ({ header }) => {
      if (header.producerId !== '') {
        producers.record(header.producerId, {
          sequence: header.sequence,
          baseOffset: header.baseOffset,
          recordCount: header.recordCount,
        });
      }
    });
    segments.push(segment);
    if (truncatedBytes > 0) {
      options.onWarning?.('truncated a torn or corrupt tail of the active segment', {
        dir,
        segment: activeBase,
        truncatedBytes,
        logEndOffset: segment.nextOffset,
      });
    }
    for (let i = 1; i < segments.length; i++) {
      if (segments[i].baseOffset !== segments[i - 1].nextOffset) {
        options.onWarning?.('offset gap between segments', {
          dir,
          previousEnd: segments[i - 1].nextOffset,
          nextBase: segments[i].baseOffset,
        });
      }
    }
    return new PartitionLog(dir, options, segments, producers);
  }

  get logStartOffset(): number {
    return this.segments[0].baseOffset;
  }

  /** One past the last written offset (written, maybe not yet durable). */
  get logEndOffset(): number {
    return this.active.nextOffset;
  }

  /** One past the last offset readers may see. */
  get highWatermark(): number {
    return this.hw;
  }

  get sizeInBytes(): number {
    let size = 0;
    for (const s of this.segments) size += s.size;
    return size;
  }

  get segmentCount(): number {
    return this.segments.length;
  }

  async append(records: readonly RecordInput[], options: AppendOptions = {}): Promise<AppendResult> {
    this.throwIfUnusable();
    const producerId = options.producerId ?? '';
    const sequence = options.sequence ?? -1;
    if (producerId !== '') {
      const check = this.producers.check(producerId, sequence);
      if (check.kind === 'duplicate') {
        await this.waitVisible(check.entry.baseOffset + check.entry.recordCount);
        return { baseOffset: check.entry.baseOffset, duplicate: true };
      }
    }
    const baseOffset = this.logEndOffset;
    const encoded = encodeBatch(records, {
      baseOffset,
      appendTimeMs: this.options.clock.now(),
      producerId,
      sequence,
    });
    try {
      if (this.active.size > 0 && this.active.size + encoded.bytes.length > this.options.segmentBytes) this.roll();
      this.active.append(encoded);
    } catch (err) {
      throw this.fail(err);
    }
    if (producerId !== '') {
      const entry: AppendedSequence = { sequence, baseOffset, recordCount: records.length };
      this.producers.record(producerId, entry);
    }
    const end = baseOffset + records.length;
    if (this.options.fsync.mode === 'always') {
      await this.sync();
    } else {
      this.dirty = true;
      this.advanceHighWatermark(end);
    }
    return { baseOffset, duplicate: false };
  }

  /**
   * Records in [offset, highWatermark), at most maxRecords and about maxBytes of batches (at least one batch).
   * An offset outside [logStartOffset, highWatermark] is OFFSET_OUT_OF_RANGE.
   */
  read(offset: number, maxRecords: number, maxBytes: number): StoredRecord[] {
    if (this.closed) throw new SharelogError(ErrorCode.SHUTTING_DOWN, 'partition is closed', { retriable: true });
    if (offset < this.logStartOffset || offset > this.hw) {
      throw new SharelogError(
        ErrorCode.OFFSET_OUT_OF_RANGE,
        `offset ${offset} is outside [log_start_offset ${this.logStartOffset}, high_watermark ${this.hw}]`,
      );
    }
    const out: StoredRecord[] = [];
    let bytes = 0;
    let from = offset;
    try {
      for (let i = this.segmentIndexFor(offset); i < this.segments.length; i++) {
        if (from >= this.hw || out.length >= maxRecords || (out.length > 0 && bytes >= maxBytes)) break;
        const segment = this.segments[i];
        if (from < segment.baseOffset) {
          throw new SharelogError(ErrorCode.CORRUPT_DATA, `offsets ${from}..${segment.baseOffset - 1} of ${this.dir} are missing (corrupt segment)`);
        }
        bytes += segment.read(from, this.hw, maxRecords - out.length, maxBytes - bytes, out, out.length === 0);
        if (out.length > 0) from = out[out.length - 1].offset + 1;
        // Stopped inside this segment by a limit: going on to the next one would skip records.
        if (from < segment.nextOffset && from < this.hw) break;
      }
    } catch (err) {
      throw asCorruptData(err, this.dir);
    }
    return out;
  }

  /** The earliest offset whose record timestamp is >= timestampMs, or the high watermark when none is. */
  offsetForTimestamp(timestampMs: number): number {
    try {
      return this.findOffsetForTimestamp(timestampMs);
    } catch (err) {
      throw asCorruptData(err, this.dir);
    }
  }

  private findOffsetForTimestamp(timestampMs: number): number {
    for (const segment of this.segments) {
      if (segment.maxTimestamp < timestampMs) continue;
      // The time index picks the segment; inside it the batch headers are scanned from the start, since a wrong
      // time-index entry would otherwise skip records (the scan reads headers only, and this is an admin path).
      for (const batch of segment.batches(0)) {
        if (batch.header.maxTimestamp < timestampMs) continue;
        if (batch.header.baseOffset >= this.hw) break;
        for (const record of segment.readBatch(batch)) {
          if (record.timestampMs >= timestampMs) return Math.max(record.offset, this.logStartOffset);
        }
      }
    }
    return this.hw;
  }

  /** Calls `listener` whenever the high watermark moves. Returns the unsubscribe function. */
  onHighWatermark(listener: (highWatermark: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves when the high watermark passes `offset` (data at `offset` is readable), the timeout ends, the signal
   * aborts or the partition closes. Resolves at once when data is already there.
   */
  waitForData(offset: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.hw > offset || this.closed) return Promise.resolve();
    return waitForEvent(
      (wake) =>
        this.onHighWatermark((hw) => {
          if (hw > offset || this.closed) wake();
        }),
      timeoutMs,
      signal,
    );
  }


  /**
   * Deletes whole closed segments that are past retention, oldest first; the active segment always stays.
   * By bytes: a segment goes when the partition would still hold at least `retentionBytes` without it.
   * Returns the number of segments deleted.
   */
  applyRetention(retentionMs: number, retentionBytes: number): number {
    const now = this.options.clock.now();
    let deleted = 0;
    let size = this.sizeInBytes;
    while (this.segments.length > 1) {
      const oldest = this.segments[0];
      const expired = retentionMs >= 0 && oldest.maxTimestamp >= 0 && oldest.maxTimestamp < now - retentionMs;
      const oversize = retentionBytes >= 0 && size - oldest.size >= retentionBytes;
      if (!expired && !oversize) break;
      this.segments.shift();
      size -= oldest.size;
      oldest.delete();
      deleted++;
    }
    if (deleted > 0) fsyncDir(this.dir);
    return deleted;
  }

  /** Forces written data to disk now (interval flusher, shutdown). */
  async flush(): Promise<void> {
    if (this.failure || this.closed) return;
    if (this.dirty || this.syncWaiters.length > 0) await this.sync();
    else if (this.syncing) await this.syncing;
  }

  /** Waits for pending fsyncs, closes the files. Long-polls waiting on this partition wake up. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.flush().catch(() => undefined);
    this.closed = true;
    for (const listener of this.listeners) listener(this.hw);
    this.listeners.clear();
    for (const segment of this.segments) segment.close();
  }

  /** Closes and removes every file of the partition. */
  async destroy(): Promise<void> {
    await this.close();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private segmentIndexFor(offset: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.segments[mid].baseOffset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private roll(): void {
    const base = this.logEndOffset;
    this.active.seal();
    writeFileAtomic(path.join(this.dir, segmentFileName(base, '.producers')), JSON.stringify(this.producers));
    const segment = Segment.create(this.dir, base, this.options.indexIntervalBytes);
    fsyncDir(this.dir);
    this.segments.push(segment);
    this.active = segment;
    removeOldProducerSnapshots(this.dir, base);
  }

  /** Group commit: every caller waiting when an fsync starts shares it; later callers get the next one. */
  private sync(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.syncWaiters.push({ resolve, reject });
      if (!this.syncing) this.syncing = this.runSyncs();
    });
  }

  private async runSyncs(): Promise<void> {
    while (this.syncWaiters.length > 0 || this.dirty) {
      const waiters = this.syncWaiters;
      this.syncWaiters = [];
      this.dirty = false;
      const end = this.logEndOffset;
      const started = performance.now();
      try {
        await this.active.syncAsync();
      } catch (err) {
        const failure = this.fail(err);
        for (const w of waiters) w.reject(failure);
        for (const w of this.syncWaiters) w.reject(failure);
        this.syncWaiters = [];
        break;
      }
      (this.options.metrics ?? NO_METRICS).logFsynced(secondsSince(started));
      this.advanceHighWatermark(end);
      for (const w of waiters) w.resolve();
    }
    this.syncing = null;
  }

  private advanceHighWatermark(end: number): void {
    if (end <= this.hw) return;
    this.hw = end;
    for (const listener of this.listeners) listener(end);
  }

  /** Resolves once `end` is visible; a duplicate answer must not promise more durability than the original. */
  private async waitVisible(end: number): Promise<void> {
    while (this.hw < end) {
      this.throwIfUnusable();
      await this.sync();
    }
  }

  private throwIfUnusable(): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new SharelogError(ErrorCode.SHUTTING_DOWN, 'partition is closed', { retriable: true });
  }

  private fail(cause: unknown): SharelogError {
    if (!this.failure) {
      this.failure = new SharelogError(
        ErrorCode.STORAGE_FAILED,
        `partition ${this.dir} stopped accepting writes after a storage error (${(cause as Error)?.message ?? cause}); restart to recover`,
        { cause },
      );
      this.options.onWarning?.('partition failed', { dir: this.dir, error: String(cause) });
    }
    return this.failure as SharelogError;
  }
}

/** A checksum failure found while reading is data loss, not an internal error. */
function asCorruptData(err: unknown, dir: string): unknown {
  if (err instanceof CorruptBatchError) {
    return new SharelogError(ErrorCode.CORRUPT_DATA, `corrupt record batch in ${dir}: ${err.message}`, { cause: err });
  }
  return err;
}

function loadProducerSnapshot(dir: string, base: number): ProducerStateTable {
  const file = path.join(dir, segmentFileName(base, '.producers'));
  try {
    return ProducerStateTable.fromJSON(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return new ProducerStateTable();
  }
}

function removeOldProducerSnapshots(dir: string, keepBase: number): void {
  for (const f of fs.readdirSync(dir)) {
    if (/^\d{20}\.producers$/.test(f) && Number(f.slice(0, 20)) < keepBase) fs.rmSync(path.join(dir, f), { force: true });
  }
}
