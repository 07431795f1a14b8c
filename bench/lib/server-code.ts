/**
 * Which Sharelog code the server children run. By default the working tree; with BENCH_REF=<commit-ish> a
 * `git archive` snapshot of that commit in a temp dir (node_modules linked in), so the result belongs to one
 * known sha even while the working tree is being edited, and two commits can be compared.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { makeTempDir, onCleanup } from './cleanup.js';
import { ROOT } from './machine.js';

export interface ServerCode {
  /** Directory to run `src/cli/main.ts` from. */
  root: string;
  /** BENCH_REF as given, or null for the working tree. */
  ref: string | null;
  /** The commit the snapshot was taken from; null for the working tree (see machine.gitSha/gitDirty). */
  sha: string | null;
}

let cached: ServerCode | undefined;

/** The server code for this run; a snapshot is made once and removed at cleanup. */
export function serverCode(): ServerCode {
  if (cached) return cached;
  const ref = process.env.BENCH_REF || null;
  if (ref === null) return (cached = { root: ROOT, ref: null, sha: null });
  const git = (args: string[]) => execFileSync('git', args, { cwd: ROOT, maxBuffer: 1 << 30 });
  let sha: string;
  try {
    sha = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).toString().trim();
  } catch {
    throw new Error(`BENCH_REF=${ref} is not a commit in ${ROOT}`);
  }
  const { dir } = makeTempDir(`sharelog-bench-src-${sha.slice(0, 8)}-`);
  execFileSync('tar', ['-x', '-C', dir], { input: git(['archive', '--format=tar', sha]) });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  // Forget the snapshot when cleanup removes it (the next suite makes a new one).
  onCleanup({ label: 'server code cache', run: async () => void (cached = undefined), force: () => void (cached = undefined) });
  return (cached = { root: dir, ref, sha });
}
