/** The environment a result was measured in, printed first and stored with every result file. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface MachineInfo {
  date: string;
  node: string;
  v8: string;
  os: string;
  arch: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  loadAvg1m: number;
  gitSha: string;
  /** Uncommitted changes (tracked or untracked) in the working tree: the sha alone does not describe the code. */
  gitDirty: boolean;
  /** Where data dirs go and its file system: fsync on tmpfs is free, so results are not comparable across them. */
  tmpDir: string;
  tmpFs: string;
}

// statfs f_type magic numbers of the file systems we are likely to meet.
const FS_TYPES: Record<number, string> = {
  0xef53: 'ext2/3/4',
  0x58465342: 'xfs',
  0x9123683e: 'btrfs',
  0x01021994: 'tmpfs',
  0x794c7630: 'overlayfs',
  0x2fc12fc1: 'zfs',
  0x6969: 'nfs',
};

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(tmpDir: string): MachineInfo {
  const cpus = os.cpus();
  let tmpFs = 'unknown';
  try {
    const type = fs.statfsSync(tmpDir).type;
    tmpFs = FS_TYPES[type] ?? `0x${type.toString(16)}`;
  } catch {
    /* statfs unsupported here */
  }
  const status = git(['status', '--porcelain']);
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAvg1m: Math.round(os.loadavg()[0] * 100) / 100,
    gitSha: git(['rev-parse', 'HEAD']),
    gitDirty: status !== '' && status !== 'unknown',
    tmpDir,
    tmpFs,
  };
}

export function formatMachine(m: MachineInfo, params: Record<string, unknown>): string {
  const rows: [string, string][] = [
    ['date', m.date],
    ['git', `${m.gitSha}${m.gitDirty ? ' (dirty working tree)' : ''}`],
    ['node', `${m.node} (v8 ${m.v8})`],
    ['os', `${m.os} ${m.arch}`],
    ['cpu', `${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAvg1m}`],
    ['data dirs', `${m.tmpDir} (${m.tmpFs})`],
    ['params', Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ')],
  ];
  return rows.map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n');
}
