/** Temporary directories for tests that touch real files; every directory is removed after its test. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/** Creates a fresh directory under the OS temp dir. The caller removes it (see useTmpDirs for automatic cleanup). */
export function makeTmpDir(prefix = 'sharelog-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * Registers an afterEach hook (call at module or describe level) and returns a factory for directories that are
 * removed after each test. Cleanups registered with `onCleanup` (closing logs, stores) run first, newest first.
 */
export function useTmpDirs(prefix = 'sharelog-test-'): {
  make: () => string;
  onCleanup: (fn: () => unknown) => void;
} {
  const dirs: string[] = [];
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    while (cleanups.length > 0) {
      const fn = cleanups.pop()!;
      try {
        await fn();
      } catch {
        /* a test may already have closed what it opened */
      }
    }
    while (dirs.length > 0) removeDir(dirs.pop()!);
  });
  return {
    make: () => {
      const dir = makeTmpDir(prefix);
      dirs.push(dir);
      return dir;
    },
    onCleanup: (fn) => {
      cleanups.push(fn);
    },
  };
}
