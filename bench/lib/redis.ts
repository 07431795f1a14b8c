/**
 * The benchmark Redis: a real redis-server (Debian's) with the durability a queue would run with in production,
 * AOF fsynced every second and no RDB snapshots (they would fork in the middle of a measurement).
 */
import { ensureDebianPackage, startPeer, type PeerProcess } from './peer-process.js';

export interface BenchRedis extends PeerProcess {
  url: string;
}

export async function startRedis(): Promise<BenchRedis> {
  ensureDebianPackage('redis-server');
  const peer = await startPeer({
    name: 'redis-server',
    command: 'redis-server',
    args: (port, dir) => [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
      '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '',
    ],
    ready: 'Ready to accept connections',
  });
  return { ...peer, url: `redis://127.0.0.1:${peer.port}` };
}
