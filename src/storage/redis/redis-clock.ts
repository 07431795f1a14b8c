/**
 * A clock that agrees with Redis's: the local clock plus an offset measured against Redis TIME (at the midpoint
 * of the round trip) and re-measured periodically. Lock deadlines are computed inside the scripts from TIME
 * itself; this clock is for what the coordinators time in TypeScript (member sessions, append timestamps), so
 * servers whose own clocks are skewed still agree on when a member's session ran out.
 */
import type { Cluster, Redis } from 'ioredis';
import type { Clock } from '../../clock.js';

export class RedisClock implements Clock {
  private offset = 0;
  private readonly timer: NodeJS.Timeout;

  private constructor(private readonly redis: Redis | Cluster, intervalMs: number) {
    this.timer = setInterval(() => void this.measure().catch(() => undefined), intervalMs);
    this.timer.unref();
  }

  static async start(redis: Redis | Cluster, intervalMs = 30_000): Promise<RedisClock> {
    const clock = new RedisClock(redis, intervalMs);
    await clock.measure();
    return clock;
  }

  now(): number {
    return Date.now() + this.offset;
  }

  private async measure(): Promise<void> {
    const before = Date.now();
    const [seconds, micros] = await this.redis.time();
    const after = Date.now();
    this.offset = Math.round(Number(seconds) * 1000 + Number(micros) / 1000 - (before + after) / 2);
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
