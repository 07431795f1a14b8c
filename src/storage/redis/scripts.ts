/**
 * Loads the Lua scripts beside this file and registers them with ioredis `defineCommand`, which sends EVALSHA and
 * falls back to EVAL on NOSCRIPT (script caches are per node and lost on failover). Command names carry
 * SCRIPT_VERSION, so two Sharelog versions on one Redis never run each other's scripts. The share-partition
 * scripts (lua/share/) each get lua/share/lib.lua prepended: Redis scripts cannot include one another.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Cluster, Redis, Result } from 'ioredis';
import { packageRoot } from '../../paths.js';

/** Bump on any change of a script's KEYS/ARGV/output contract: of the log and group scripts, of the share ones. */
export const SCRIPT_VERSION = 1;
/** 3: acquire takes the log's meta hash as a tenth key and reads the log's bounds itself (2: state kept per run). */
export const SHARE_SCRIPT_VERSION = 3;

/** Log and group scripts: name -> number of keys. */
const LOG_SCRIPTS = { append: 3, retain: 2, 'grow-topic': 1, 'group-cas': 1 } as const;
/** Share-partition scripts: all take the nine keys of src/storage/redis/keys.ts sharePartitionKeys. */
const SHARE_SCRIPTS = ['acquire', 'acknowledge', 'release-member', 'expire', 'ensure', 'reset', 'advance-start', 'describe', 'inspect'] as const;
export const SHARE_PARTITION_KEY_COUNT = 9;
/** Scripts that take keys after those nine: acquire, the partition's log meta hash (same slot). */
const EXTRA_SHARE_KEYS: Partial<Record<ShareScript, number>> = { acquire: 1 };

export type LogScript = keyof typeof LOG_SCRIPTS;
export type ShareScript = (typeof SHARE_SCRIPTS)[number];

export const commandName = (name: LogScript | ShareScript, share = false): string =>
  `sharelog_${share ? 'share_' : ''}${name.replace(/-/g, '_')}_v${share ? SHARE_SCRIPT_VERSION : SCRIPT_VERSION}`;

declare module 'ioredis' {
  interface RedisCommander<Context> {
    sharelog_append_v1(meta: string, log: string, producers: string, ...args: Array<string | number | Buffer>): Result<[number, number], Context>;
    sharelog_retain_v1(meta: string, log: string, cutoff: number, keepBytes: number): Result<number, Context>;
    sharelog_grow_topic_v1(topics: string, name: string, partitions: number): Result<string, Context>;
  }
}

type Command = (...args: Array<string | number | Buffer>) => Promise<unknown>;

/** Runs a registered script: keys first, then arguments. */
export function runScript(redis: Redis | Cluster, command: string, ...args: Array<string | number | Buffer>): Promise<unknown> {
  return ((redis as unknown as Record<string, Command>)[command]).apply(redis, args);
}

export function defineScripts(redis: Redis | Cluster): void {
  const dir = path.join(packageRoot(), 'src/storage/redis/lua');
  const define = (command: string, numberOfKeys: number, lua: string) => {
    if ((redis as unknown as Record<string, unknown>)[command]) return;
    redis.defineCommand(command, { numberOfKeys, lua });
  };
  for (const [name, numberOfKeys] of Object.entries(LOG_SCRIPTS) as Array<[LogScript, number]>) {
    define(commandName(name), numberOfKeys, fs.readFileSync(path.join(dir, `${name}.lua`), 'utf8'));
  }
  const lib = fs.readFileSync(path.join(dir, 'share/lib.lua'), 'utf8');
  for (const name of SHARE_SCRIPTS) {
    define(commandName(name, true), SHARE_PARTITION_KEY_COUNT + (EXTRA_SHARE_KEYS[name] ?? 0), `${lib}\n${fs.readFileSync(path.join(dir, `share/${name}.lua`), 'utf8')}`);
  }
}
