import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32c } from '@node-rs/crc32';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorCode } from '../../../src/errors.js';
import {
  decodeFrames,
  encodeFrame,
  FRAME_HEADER_BYTES,
  JournalFile,
  type JournalFrame,
  type ShareSnapshot,
} from '../../../src/ack-tracker/index.js';
import type { JournalIo } from '../../../src/ack-tracker/journal.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sharelog-journal-'));
  file = path.join(dir, 'group.journal');
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const deltaFrame = (i: number): JournalFrame => ({
  tp: 'orders/0',
  d: [{ t: 'acq', first: i, last: i + 9, member: 'm-ü', token: i + 1, at: 1000 + i }],
});

const snapshot: ShareSnapshot = { v: 1, start: 5, end: 5, lease: 9, runs: [] };

describe('frame codec', () => {
  it('round-trips and stops at a CRC mismatch', () => {
    const a = encodeFrame(deltaFrame(1));
    const b = encodeFrame(deltaFrame(2));
    expect(a.readUInt32LE(0)).toBe(a.length - FRAME_HEADER_BYTES);
    expect(decodeFrames(Buffer.concat([a, b]))).toEqual({ frames: [deltaFrame(1), deltaFrame(2)], validBytes: a.length + b.length });
    const bad = Buffer.concat([a, b]);
    bad[a.length + FRAME_HEADER_BYTES + 3] ^= 0x01;
    expect(decodeFrames(bad)).toEqual({ frames: [deltaFrame(1)], validBytes: a.length, stopReason: 'CRC mismatch' });
  });

  it('throws on a frame whose CRC matches but whose content is not a journal frame', () => {
    const body = Buffer.from('{"hello":1}');
    const frame = encodeFrame(deltaFrame(0));
    const forged = Buffer.alloc(FRAME_HEADER_BYTES + body.length);
    forged.writeUInt32LE(body.length, 0);
    forged.writeUInt32LE(crc32c(body), 4);
    body.copy(forged, FRAME_HEADER_BYTES);
    expect(() => decodeFrames(Buffer.concat([frame, forged]))).toThrow(expect.objectContaining({ code: ErrorCode.CORRUPT_DATA }));
  });
});

describe('JournalFile', () => {
  it('round-trips appended frames across a reopen', async () => {
    const { journal, frames, truncatedBytes } = await JournalFile.open(file);
    expect(frames).toEqual([]);
    expect(truncatedBytes).toBe(0);
    for (let i = 0; i < 5; i++) journal.append(deltaFrame(i));
    await journal.sync();
    journal.append(deltaFrame(5));
    await journal.close();
    const reopened = await JournalFile.open(file);
    expect(reopened.frames).toEqual([0, 1, 2, 3, 4, 5].map(deltaFrame));
    await reopened.journal.close();
  });

  it('cuts a torn last frame at every possible byte and keeps appending cleanly', async () => {
    const first = [0, 1, 2].map((i) => encodeFrame(deltaFrame(i)));
    const last = encodeFrame(deltaFrame(3));
    const good = Buffer.concat(first);
    for (let cut = 0; cut < last.length; cut++) {
      fs.writeFileSync(file, Buffer.concat([good, last.subarray(0, cut)]));
      const { journal, frames, truncatedBytes } = await JournalFile.open(file);
      expect(frames).toEqual([0, 1, 2].map(deltaFrame));
      expect(truncatedBytes).toBe(cut);
      expect(fs.statSync(file).size).toBe(good.length);
      journal.append(deltaFrame(9));
      await journal.close();
      const again = await JournalFile.open(file);
      expect(again.frames).toEqual([0, 1, 2, 9].map(deltaFrame));
      expect(again.truncatedBytes).toBe(0);
      await again.journal.close();
    }
  });

  it('detects a corrupted CRC and drops everything from that frame on', async () => {
    const frames = [0, 1, 2].map((i) => encodeFrame(deltaFrame(i)));
    const data = Buffer.concat(frames);
    data.writeUInt32LE(data.readUInt32LE(frames[0].length + 4) ^ 0xffff, frames[0].length + 4);
    fs.writeFileSync(file, data);
    const opened = await JournalFile.open(file);
    expect(opened.frames).toEqual([deltaFrame(0)]);
    expect(opened.truncatedBytes).toBe(frames[1].length + frames[2].length);
    await opened.journal.close();
  });

  it('compacts into one snapshot frame and keeps appending after it', async () => {
    const { journal } = await JournalFile.open(file);
    for (let i = 0; i < 50; i++) journal.append(deltaFrame(i));
    await journal.sync();
    const before = fs.statSync(file).size;
    journal.append(deltaFrame(50)); // covered by the snapshot: never written
    await journal.compact({ snapshot: { 'orders/0': snapshot } });
    journal.append(deltaFrame(51));
    await journal.sync();
    expect(fs.statSync(file).size).toBeLessThan(before);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    await journal.close();
    const reopened = await JournalFile.open(file);
    expect(reopened.frames).toEqual([{ snapshot: { 'orders/0': snapshot } }, deltaFrame(51)]);
    await reopened.journal.close();
  });

  it('ignores a temp file left by a compaction that crashed', async () => {
    fs.writeFileSync(file, encodeFrame(deltaFrame(1)));
    fs.writeFileSync(`${file}.tmp`, 'half a snapshot');
    const { journal, frames } = await JournalFile.open(file);
    expect(frames).toEqual([deltaFrame(1)]);
    expect(fs.existsSync(`${file}.tmp`)).toBe(false);
    await journal.close();
  });

  it('group commit: concurrent callers share one write and fdatasync', async () => {
    let release: (() => void) | undefined;
    let syncs = 0;
    const io: JournalIo = {
      writeSync: (fd, data) => {
        fs.writeSync(fd, data);
      },
      fdatasync: async () => {
        syncs++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
      fsync: async () => undefined,
    };
    const { journal } = await JournalFile.open(file, { io });
    journal.append(deltaFrame(0));
    const first = journal.sync();
    await Promise.resolve();
    // While the first fsync runs, ten callers append and sync.
    const order: string[] = [];
    void first.then(() => order.push('first'));
    const waiting = Array.from({ length: 10 }, (_, i) => {
      journal.append(deltaFrame(i + 1));
      return journal.sync().then(() => order.push(`w${i}`));
    });
    await flush();
    expect(syncs).toBe(1);
    release?.();
    await first;
    await flush();
    // None of the ten resolved on the first fsync: it started before their appends.
    expect(order).toEqual(['first']);
    expect(syncs).toBe(2);
    release?.();
    await Promise.all(waiting);
    expect(order).toHaveLength(11);
    expect(syncs).toBe(2);
    expect(journal.syncCount).toBe(2);
    // Nothing new appended: sync resolves without another fsync.
    await journal.sync();
    expect(syncs).toBe(2);
    await journal.close();
    expect((await JournalFile.open(file)).frames).toHaveLength(11);
  });

  it('a frame appended after compact() but written by an earlier-queued sync survives the compaction', async () => {
    // The snapshot covers what was appended before compact(); a sync queued before it may still write later frames
    // to the old file, which the compaction's rename would drop unless it carries them over.
    let release: (() => void) | undefined;
    const io: JournalIo = {
      writeSync: (fd, data) => {
        fs.writeSync(fd, data);
      },
      fdatasync: () => new Promise<void>((resolve) => (release = resolve)),
      fsync: async () => undefined,
    };
    const { journal } = await JournalFile.open(file, { io });
    journal.append(deltaFrame(0));
    const first = journal.sync(); // its fdatasync blocks
    await flush();
    journal.append(deltaFrame(1));
    const second = journal.sync(); // queued behind the first
    const compacted = journal.compact({ snapshot: { 'orders/0': snapshot } }); // covers frames 0 and 1
    journal.append(deltaFrame(2)); // after compact(): not in the snapshot, written by the second sync
    const third = journal.sync();
    release?.();
    await first;
    await flush();
    release?.(); // the second sync's fdatasync
    await Promise.all([second, compacted, third]);
    await journal.close();
    const reopened = await JournalFile.open(file);
    expect(reopened.frames).toEqual([{ snapshot: { 'orders/0': snapshot } }, deltaFrame(2)]);
    await reopened.journal.close();
  });

  describe('fsync policy', () => {
    function countingIo(): JournalIo & { syncs: number } {
      const io = {
        syncs: 0,
        writeSync: (fd: number, data: Buffer) => {
          fs.writeSync(fd, data);
        },
        fdatasync: async () => {
          io.syncs++;
        },
        fsync: async () => undefined,
      };
      return io;
    }

    it('interval: sync() writes at once, the fdatasync comes from the timer', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const io = countingIo();
        const { journal } = await JournalFile.open(file, { io, fsync: { mode: 'interval', intervalMs: 1000 } });
        journal.append(deltaFrame(0));
        await journal.sync();
        expect(io.syncs).toBe(0);
        // Written: a crash of the process now loses nothing.
        expect(decodeFrames(fs.readFileSync(file)).frames).toEqual([deltaFrame(0)]);
        await vi.advanceTimersByTimeAsync(1000);
        expect(io.syncs).toBe(1);
        await vi.advanceTimersByTimeAsync(3000); // nothing new written: no more fdatasyncs
        expect(io.syncs).toBe(1);
        journal.append(deltaFrame(1));
        await journal.sync();
        await journal.close(); // close fdatasyncs what the timer has not
        expect(io.syncs).toBe(2);
        expect(journal.syncCount).toBe(2);
      } finally {
        vi.useRealTimers();
      }
    });

    it('never: no fdatasync until close', async () => {
      const io = countingIo();
      const { journal } = await JournalFile.open(file, { io, fsync: { mode: 'never' } });
      for (let i = 0; i < 5; i++) {
        journal.append(deltaFrame(i));
        await journal.sync();
      }
      expect(io.syncs).toBe(0);
      expect(decodeFrames(fs.readFileSync(file)).frames).toHaveLength(5);
      await journal.close();
      expect(io.syncs).toBe(1);
    });

    it('interval: a failed timer fdatasync makes the journal refuse further work', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      try {
        const io: JournalIo = {
          writeSync: (fd, data) => {
            fs.writeSync(fd, data);
          },
          fdatasync: () => Promise.reject(new Error('EIO')),
          fsync: async () => undefined,
        };
        const { journal } = await JournalFile.open(file, { io, fsync: { mode: 'interval', intervalMs: 100 } });
        journal.append(deltaFrame(0));
        await journal.sync();
        await vi.advanceTimersByTimeAsync(100);
        expect(() => journal.append(deltaFrame(1))).toThrow(/EIO/);
        await expect(journal.sync()).rejects.toMatchObject({ code: ErrorCode.STORAGE_FAILED });
        await journal.close();
      } finally {
        vi.useRealTimers();
      }
    });
  });

  it('refuses all further work after a failed fsync', async () => {
    const io: JournalIo = {
      writeSync: (fd, data) => {
        fs.writeSync(fd, data);
      },
      fdatasync: () => Promise.reject(new Error('EIO')),
      fsync: async () => undefined,
    };
    const { journal } = await JournalFile.open(file, { io });
    journal.append(deltaFrame(0));
    const a = journal.sync();
    journal.append(deltaFrame(1));
    const b = journal.sync();
    await expect(a).rejects.toMatchObject({ code: ErrorCode.STORAGE_FAILED, message: expect.stringContaining('EIO') });
    await expect(b).rejects.toMatchObject({ code: ErrorCode.STORAGE_FAILED });
    expect(() => journal.append(deltaFrame(2))).toThrow(/EIO/);
    await journal.close();
  });
});

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}
