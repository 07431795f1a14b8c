/** One Redis connection for the whole backend: a single server, or a Cluster when several seeds are given. */
import { Cluster, Redis } from 'ioredis';

export function connectRedis(url: string): Redis | Cluster {
  const seeds = url
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (seeds.length > 1) {
    return new Cluster(
      seeds.map((seed) => {
        const { hostname, port } = new URL(seed.includes('://') ? seed : `redis://${seed}`);
        return { host: hostname, port: Number(port || 6379) };
      }),
    );
  }
  return new Redis(seeds[0].includes('://') ? seeds[0] : `redis://${seeds[0]}`, { maxRetriesPerRequest: 3 });
}
