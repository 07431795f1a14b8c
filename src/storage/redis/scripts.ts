/**
 * Loads the Lua scripts beside this file and registers them with ioredis `defineCommand`, which sends EVALSHA and
 * falls back to EVAL on NOSCRIPT (script caches are per node and lost on failover). Command names carry
 * SCRIPT_VERSION, so two Sharelog versions on one Redis never run each other's scripts.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cluster, Redis, Result } from 'ioredis';
import { packageRoot } from '../../paths.js';

/** Bump on any change of a script's KEYS/ARGV/output contract. */
export const SCRIPT_VERSION = 1;

const SCRIPTS = { append: 3, retain: 2, 'grow-topic': 1 } as const;
type ScriptName = keyof typeof SCRIPTS;

export const commandName = (name: ScriptName) => `sharelog_${name.replace('-', '_')}_v${SCRIPT_VERSION}`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    sharelog_append_v1(meta: string, log: string, producers: string, ...args: Array<string | number | Buffer>): Result<[number, number], Context>;
    sharelog_retain_v1(meta: string, log: string, cutoff: number, keepBytes: number): Result<number, Context>;
    sharelog_grow_topic_v1(topics: string, name: string, partitions: number): Result<string, Context>;
  }
}

export function defineScripts(redis: Redis | Cluster): void {
  const dir = path.join(packageRoot(), 'src/storage/redis/lua');
  for (const [name, numberOfKeys] of Object.entries(SCRIPTS) as Array<[ScriptName, number]>) {
    const command = commandName(name);
    if ((redis as unknown as Record<string, unknown>)[command]) continue;
    redis.defineCommand(command, { numberOfKeys, lua: fs.readFileSync(path.join(dir, `${name}.lua`), 'utf8') });
  }
}
