/**
 * One registry of things to undo (child servers, temp dirs), so a failing suite, Ctrl-C or an uncaught error
 * leaves nothing behind. Tasks run newest first: a server is stopped before its data dir is removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface CleanupTask {
  label: string;
  /** Graceful undo (e.g. SIGTERM and wait). */
  run(): Promise<void>;
  /** Synchronous last resort for process exit / a second Ctrl-C (e.g. SIGKILL, rmSync). */
  force(): void;
}

const tasks: CleanupTask[] = [];

/** Registers a task; the returned function runs it now (once) and unregisters it. */
export function onCleanup(task: CleanupTask): () => Promise<void> {
  tasks.push(task);
  let done: Promise<void> | undefined;
  return () => (done ??= (async () => {
    const i = tasks.indexOf(task);
    if (i >= 0) tasks.splice(i, 1);
    await task.run();
  })());
}

/** Runs every pending task, newest first; errors are reported, not thrown, so the rest still run. */
export async function runCleanup(): Promise<void> {
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    try {
      await task.run();
    } catch (err) {
      console.error(`cleanup of ${task.label} failed: ${(err as Error).message}`);
      try {
        task.force();
      } catch {
        /* nothing more to try */
      }
    }
  }
}

export function forceCleanup(): void {
  while (tasks.length > 0) {
    const task = tasks.pop()!;
    try {
      task.force();
    } catch {
      /* best effort on the way out */
    }
  }
}

/** The directory benchmark data dirs go under: BENCH_TMPDIR or the OS temp dir. */
export function tmpRoot(): string {
  return path.resolve(process.env.BENCH_TMPDIR || os.tmpdir());
}

/** A fresh temp dir, removed at cleanup. Returns the path and the function that removes it now. */
export function makeTempDir(prefix: string): { dir: string; remove: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(tmpRoot(), prefix));
  const rm = () => fs.rmSync(dir, { recursive: true, force: true });
  const remove = onCleanup({ label: `temp dir ${dir}`, run: async () => rm(), force: rm });
  return { dir, remove };
}
