import fs from 'node:fs';
import path from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { ErrorCode, SharelogError } from '../errors.js';
import type { FsyncPolicy } from '../log/fsync-policy.js';
import type { ShareDelta, ShareSnapshot } from './deltas.js';

/** Deltas of one share-partition (`tp` = "topic/partition"), in the order they happened. */
export interface DeltaFrame {
  tp: string;
  d: ShareDelta[];
}

/** Every share-partition of the group at one point; the first frame of a compacted file. */
export interface SnapshotFrame {
  snapshot: Record<string, ShareSnapshot>;
}

export type JournalFrame = DeltaFrame | SnapshotFrame;

/** [u32 LE payload length][u32 LE CRC-32C of payload][payload: UTF-8 JSON]. */
export const FRAME_HEADER_BYTES = 8;
/** Larger lengths can only come from a torn or corrupt header. */
export const MAX_FRAME_BYTES = 256 * 1024 * 1024;

export function encodeFrame(payload: object): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8');
  if (body.length > MAX_FRAME_BYTES) {
    throw new SharelogError(ErrorCode.LIMIT_EXCEEDED, `journal frame of ${body.length} bytes is too large`);
  }
  const frame = Buffer.allocUnsafe(FRAME_HEADER_BYTES + body.length);
  frame.writeUInt32LE(body.length, 0);
  frame.writeUInt32LE(crc32c(body), 4);
  body.copy(frame, FRAME_HEADER_BYTES);
  return frame;
}

/** Tells a frame of the expected kind; the journal is generic, share groups' frames are the default. */
export type FrameGuard<F> = (value: unknown) => value is F;

export function isShareJournalFrame(value: unknown): value is JournalFrame {
  const v = value as Record<string, unknown>;
  return (
    typeof value === 'object' &&
    value !== null &&
    ((typeof v.tp === 'string' && Array.isArray(v.d)) || (typeof v.snapshot === 'object' && v.snapshot !== null))
  );
}

export interface DecodedFrames<F = JournalFrame> {
  frames: F[];
  /** Bytes up to the end of the last valid frame: the file is truncated here. */
  validBytes: number;
  /** Why decoding stopped before the end, if it did. */
  stopReason?: string;
}

/**
 * Decodes frames up to the first short or CRC-failing one (a torn write: everything after it is dropped).
 * A frame whose CRC matches but whose content is not a journal frame is not a torn write; it throws.
 */
export function decodeFrames<F = JournalFrame>(
  data: Buffer,
  isFrame: FrameGuard<F> = isShareJournalFrame as unknown as FrameGuard<F>,
): DecodedFrames<F> {
  const frames: F[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data.length - pos < FRAME_HEADER_BYTES) return { frames, validBytes: pos, stopReason: 'short header' };
    const length = data.readUInt32LE(pos);
    const crc = data.readUInt32LE(pos + 4);
    if (length > MAX_FRAME_BYTES) return { frames, validBytes: pos, stopReason: `bad length ${length}` };
    const end = pos + FRAME_HEADER_BYTES + length;
    if (end > data.length) return { frames, validBytes: pos, stopReason: 'short payload' };
    const body = data.subarray(pos + FRAME_HEADER_BYTES, end);
    if (crc32c(body) !== crc) return { frames, validBytes: pos, stopReason: 'CRC mismatch' };
    frames.push(parseFrame(body, pos, isFrame));
    pos = end;
  }
  return { frames, validBytes: pos };
}

function parseFrame<F>(body: Buffer, position: number, isFrame: FrameGuard<F>): F {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (err) {
    throw new SharelogError(ErrorCode.CORRUPT_DATA, `journal frame at byte ${position} is not JSON`, { cause: err });
  }
  if (!isFrame(value)) throw new SharelogError(ErrorCode.CORRUPT_DATA, `journal frame at byte ${position} has an unknown shape`);
  return value;
}

/** The file operations the journal needs; tests inject failures through it. */
export interface JournalIo {
  writeSync(fd: number, data: Buffer): void;
  fdatasync(fd: number): Promise<void>;
  fsync(fd: number): Promise<void>;
}

const nodeIo: JournalIo = {
  writeSync(fd, data) {
    for (let off = 0; off < data.length; ) off += fs.writeSync(fd, data, off, data.length - off);
  },
  fdatasync: (fd) => new Promise((resolve, reject) => fs.fdatasync(fd, (err) => (err ? reject(err) : resolve()))),
  fsync: (fd) => new Promise((resolve, reject) => fs.fsync(fd, (err) => (err ? reject(err) : resolve()))),
};

export interface OpenedJournal<F extends object = JournalFrame> {
  journal: JournalFile<F>;
  frames: F[];
  /** Bytes of torn or corrupt tail that were cut off (0 on a clean open). */
  truncatedBytes: number;
}

interface Pending {
  seq: number;
  frame: Buffer;
}

/**
 * A share group's append-only journal. Appends are buffered; sync() writes them, shared by all callers waiting at
 * that moment (group commit), and fdatasyncs them as the fsync policy says: `always` before sync() resolves,
 * `interval` on a timer, `never` only on close. Written frames survive a crash of the process in every mode (they
 * are in the page cache); the policy decides what a machine crash can cost, as for the logs (fsync-policy.ts).
 * After an I/O failure the journal refuses all further work (what reached the disk is unknown) until it is reopened.
 */
export class JournalFile<F extends object = JournalFrame> {
  private pending: Pending[] = [];
  private appended = 0;
  /** Sequence number of the last frame written (and fdatasynced under `always`). */
  private flushed = 0;
  private chain: Promise<void> = Promise.resolve();
  private failure: SharelogError | null = null;
  private closed = false;
  private fileBytes: number;
  private syncs = 0;
  /** Frames written since the last fdatasync. */
  private unsynced = false;
  private timer: NodeJS.Timeout | null = null;
  /** `covered` of each compaction queued and not yet done, ascending. */
  private compactionCuts: number[] = [];
  /**
   * Frames past the first queued compaction's cut that a sync queued before it already wrote to the old file: the
   * compaction's rename would drop them, so it writes them again after its snapshot.
   */
  private writtenPastCut: Pending[] = [];

  private constructor(
    readonly path: string,
    private fd: number,
    size: number,
    private readonly io: JournalIo,
    private readonly fsync: FsyncPolicy,
    private readonly onSync?: (seconds: number) => void,
  ) {
    this.fileBytes = size;
    if (fsync.mode === 'interval') {
      this.timer = setInterval(() => {
        if (this.unsynced && this.failure === null) this.enqueue(() => this.syncWritten()).catch(() => undefined);
      }, fsync.intervalMs).unref();
    }
  }

  /** Reads every valid frame, cuts off a torn or corrupt tail, and opens the file for appending. */
  static async open<F extends object = JournalFrame>(
    file: string,
    options: {
      io?: JournalIo;
      isFrame?: FrameGuard<F>;
      /** When written frames are fdatasynced; `always` when not given. */
      fsync?: FsyncPolicy;
      /** Told how long each fdatasync took (metrics). */
      onSync?: (seconds: number) => void;
    } = {},
  ): Promise<OpenedJournal<F>> {
    const io = options.io ?? nodeIo;
    fs.rmSync(`${file}.tmp`, { force: true }); // a compaction that did not finish
    let data: Buffer;
    let created = false;
    try {
      data = fs.readFileSync(file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(`cannot read journal ${file}`, err);
      data = Buffer.alloc(0);
      created = true;
    }
    const { frames, validBytes } = decodeFrames<F>(data, options.isFrame);
    let fd: number;
    try {
      fd = fs.openSync(file, 'a');
    } catch (err) {
      throw storageError(`cannot open journal ${file}`, err);
    }
    try {
      if (validBytes < data.length) {
        fs.ftruncateSync(fd, validBytes);
        await io.fsync(fd);
      }
      if (created) await fsyncDirectory(path.dirname(file), io);
    } catch (err) {
      fs.closeSync(fd);
      throw storageError(`cannot repair journal ${file}`, err);
    }
    const journal = new JournalFile<F>(file, fd, validBytes, io, options.fsync ?? { mode: 'always' }, options.onSync);
    return { journal, frames, truncatedBytes: data.length - validBytes };
  }

  /** Bytes in the file plus bytes waiting to be written: for deciding when to compact. */
  get size(): number {
    let bytes = this.fileBytes;
    for (const p of this.pending) bytes += p.frame.length;
    return bytes;
  }

  /** fdatasync calls made so far. */
  get syncCount(): number {
    return this.syncs;
  }

  /** Buffers a frame; it is written (and, under `always`, durable) once a later sync() resolves. */
  append(payload: F): void {
    this.assertUsable();
    this.pending.push({ seq: ++this.appended, frame: encodeFrame(payload) });
  }

  /**
   * Resolves once every frame appended before the call is written, and fdatasynced under `always`. Concurrent
   * callers share one write and one fdatasync.
   */
  sync(): Promise<void> {
    if (this.failure !== null) return Promise.reject(this.failure);
    const target = this.appended;
    if (this.flushed >= target) return Promise.resolve();
    return this.enqueue(async () => {
      if (this.flushed < target) await this.flush();
    });
  }

  /**
   * Replaces the file with one snapshot frame (temp file, fsync, rename, fsync of the directory). The snapshot
   * must include the effect of every frame appended before this call; frames appended later follow it.
   */
  compact(snapshot: F): Promise<void> {
    this.assertUsable();
    const covered = this.appended;
    const frame = encodeFrame(snapshot);
    this.compactionCuts.push(covered);
    return this.enqueue(async () => {
      this.pending = this.pending.filter((p) => p.seq > covered);
      const carried = this.writtenPastCut.filter((p) => p.seq > covered);
      const data = carried.length === 0 ? frame : Buffer.concat([frame, ...carried.map((p) => p.frame)]);
      this.compactionCuts.shift();
      this.writtenPastCut = this.compactionCuts.length === 0 ? [] : this.writtenPastCut.filter((p) => p.seq > this.compactionCuts[0]);
      const tmp = `${this.path}.tmp`;
      try {
        const tfd = fs.openSync(tmp, 'w');
        try {
          this.io.writeSync(tfd, data);
          await this.io.fsync(tfd);
        } finally {
          fs.closeSync(tfd);
        }
        fs.renameSync(tmp, this.path);
        await fsyncDirectory(path.dirname(this.path), this.io);
        const fd = fs.openSync(this.path, 'a');
        fs.closeSync(this.fd);
        this.fd = fd;
      } catch (err) {
        throw this.fail(`cannot compact journal ${this.path}`, err);
      }
      this.fileBytes = data.length;
      this.flushed = Math.max(this.flushed, covered);
      this.unsynced = false; // everything in the new file was fsynced with it
    });
  }

  /** Flushes what is pending and fdatasyncs it whatever the policy, then closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    if (this.timer !== null) clearInterval(this.timer);
    try {
      if (this.failure === null) {
        await this.sync();
        await this.enqueue(() => this.syncWritten());
      }
    } finally {
      await this.chain;
      this.closed = true;
      fs.closeSync(this.fd);
    }
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    const data = batch.length === 1 ? batch[0].frame : Buffer.concat(batch.map((p) => p.frame));
    try {
      this.io.writeSync(this.fd, data);
    } catch (err) {
      throw this.fail(`cannot write journal ${this.path}`, err);
    }
    this.unsynced = true;
    this.fileBytes += data.length;
    if (this.compactionCuts.length > 0) {
      for (const p of batch) if (p.seq > this.compactionCuts[0]) this.writtenPastCut.push(p);
    }
    if (this.fsync.mode === 'always') await this.syncWritten();
    this.flushed = batch[batch.length - 1].seq;
  }

  /** fdatasyncs frames written without one (at once under `always`; else the interval timer or close). */
  private async syncWritten(): Promise<void> {
    if (!this.unsynced) return;
    this.unsynced = false;
    const started = performance.now();
    try {
      this.syncs++;
      await this.io.fdatasync(this.fd);
    } catch (err) {
      throw this.fail(`cannot fdatasync journal ${this.path}`, err);
    }
    this.onSync?.((performance.now() - started) / 1000);
  }

  /** Runs tasks one at a time; a task that finds its work done by an earlier one returns at once. */
  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.chain.then(() => {
      if (this.failure !== null) throw this.failure;
      return task();
    });
    this.chain = run.catch(() => undefined);
    return run;
  }

  private fail(message: string, cause: unknown): SharelogError {
    this.failure ??= storageError(message, cause);
    return this.failure;
  }

  private assertUsable(): void {
    if (this.failure !== null) throw this.failure;
    if (this.closed) throw new SharelogError(ErrorCode.STORAGE_FAILED, `journal ${this.path} is closed`);
  }
}

function storageError(message: string, cause: unknown): SharelogError {
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new SharelogError(ErrorCode.STORAGE_FAILED, `${message}${detail}`, { cause, retriable: false });
}

/** Makes a rename or a new file durable; without it the directory entry may not survive power loss. */
async function fsyncDirectory(dir: string, io: JournalIo): Promise<void> {
  const fd = fs.openSync(dir, 'r');
  try {
    await io.fsync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
