import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package root (where package.json and proto/ live), found by walking up from this module: the same code
 * runs from src/ under tsx and from dist/src/ when built.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'proto'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the sharelog package root (package.json beside proto/)');
    dir = parent;
  }
}
