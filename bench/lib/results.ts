/** Result files: bench/results/<suite>-<timestamp>.json, written via a .tmp.json (git-ignored) and a rename. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './machine.js';

export const RESULTS_DIR = path.join(ROOT, 'bench', 'results');

export function writeResults(name: string, date: Date, data: unknown): string {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = date.toISOString().replace(/[:.]/g, '-');
  const file = path.join(RESULTS_DIR, `${name}-${stamp}.json`);
  const tmp = file.replace(/\.json$/, '.tmp.json');
  fs.writeFileSync(tmp, `${JSON.stringify(data, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return path.relative(ROOT, file);
}
