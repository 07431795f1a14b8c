/**
 * The benchmark NATS: a real nats-server (Debian's, 2.9) with JetStream on, its store in a temp dir. JetStream
 * writes to the file store without an fsync per message (its default sync_interval is 2 minutes); Sharelog is
 * measured with --fsync always, Redis with appendfsync everysec: the README says so beside the figures.
 */
import { ensureDebianPackage, startPeer, type PeerProcess } from './peer-process.js';

export interface BenchNats extends PeerProcess {
  servers: string;
}

export async function startNats(): Promise<BenchNats> {
  ensureDebianPackage('nats-server');
  const peer = await startPeer({
    name: 'nats-server',
    command: 'nats-server',
    args: (port, dir) => ['-js', '-sd', dir, '-p', String(port), '-a', '127.0.0.1'],
    ready: 'Server is ready',
  });
  return { ...peer, servers: `127.0.0.1:${peer.port}` };
}
