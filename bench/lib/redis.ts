/**
 * The benchmark Redis: a real redis-server (Debian's) with the durability a queue would run with in production,
 * AOF fsynced every second and no RDB snapshots (they would fork in the middle of a measurement).
 */
import { execFileSync } from 'node:child_process';
import { ensureDebianPackage, startPeer, type PeerProcess } from './peer-process.js';

export interface BenchRedis extends PeerProcess {
  url: string;
}

export async function startRedis(extraArgs: string[] = []): Promise<BenchRedis> {
  ensureDebianPackage('redis-server');
  const peer = await startPeer({
    name: 'redis-server',
    command: 'redis-server',
    args: (port, dir) => [
      '--port', String(port), '--bind', '127.0.0.1', '--dir', dir,
      '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '',
      ...extraArgs,
    ],
    ready: 'Ready to accept connections',
  });
  return { ...peer, url: `redis://127.0.0.1:${peer.port}` };
}

/** A Redis Cluster of three masters (same persistence), built with `redis-cli --cluster create`. */
export async function startRedisCluster(): Promise<BenchRedis> {
  const nodes: BenchRedis[] = [];
  try {
    for (let i = 0; i < 3; i++) nodes.push(await startRedis(['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf']));
    const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
    execFileSync('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { stdio: 'pipe' });
    for (const n of nodes) {
      for (let i = 0; !execFileSync('redis-cli', ['-p', String(n.port), 'cluster', 'info']).toString().includes('cluster_state:ok'); i++) {
        if (i > 200) throw new Error(`redis cluster node ${n.port} never became ready`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    return {
      name: 'redis cluster',
      pid: nodes[0].pid,
      port: nodes[0].port,
      url: addresses.join(','),
      // Every node's CPU: the cluster is one system under test.
      cpuMs: () => nodes.reduce<number | null>((sum, n) => (sum === null || n.cpuMs() === null ? null : sum + n.cpuMs()!), 0),
      stop: async () => {
        await Promise.all(nodes.map((n) => n.stop()));
      },
    };
  } catch (err) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw err;
  }
}
