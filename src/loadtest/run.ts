/**
 * The load test: a topic of P partitions, R records produced at a rate (or flat out), and C consumers with a
 * simulated work time and failure rate. Share-group consumers accept explicitly and count a record only when the
 * server confirmed the accept, so the report proves exactly-once acceptance or lists the exceptions. The same load
 * can run through a consumer group for contrast: it can use at most P consumers.
 */
import { randomUUID } from 'node:crypto';
import type { SharelogClient } from '../client/client.js';
import { LoadTracker, type LoadReport } from './tracker.js';

export interface LoadtestOptions {
  partitions: number;
  records: number;
  /** Records per second to produce; 0 produces flat out. */
  rate: number;
  consumers: number;
  /** Simulated processing time per record, ms. */
  workMs: number;
  /** Share of deliveries that fail (released and redelivered), 0..1. */
  failureRate: number;
  valueBytes: number;
  /** Give up waiting for the consumers after this long, ms (what is missing is then reported as lost). */
  timeoutMs: number;
  /**
   * Produce every record before the consumers join, so consumption is measured on a backlog alone (as the
   * benchmarks' drains are); otherwise producing runs beside consuming and shares the CPU with it.
   */
  prefill?: boolean;
}

export interface LoadtestResult extends LoadReport {
  mode: 'share-group' | 'consumer-group';
  topic: string;
  group: string;
  options: LoadtestOptions;
  /** How long the consumers took to join, before the clock started, in ms. */
  joinMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function produceAll(client: SharelogClient, topic: string, options: LoadtestOptions, tracker: LoadTracker, stop: AbortSignal): Promise<void> {
  const producer = client.producer({ lingerMs: options.rate > 0 ? 1 : 5 });
  const padding = Buffer.alloc(Math.max(0, options.valueBytes - 12), 'x');
  const started = performance.now();
  const pending: Array<Promise<unknown>> = [];
  for (let seq = 0; seq < options.records && !stop.aborted; seq++) {
    if (options.rate > 0) {
      const due = started + (seq * 1000) / options.rate;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
    }
    const sentAt = performance.now();
    const key = Buffer.from(String(seq));
    pending.push(producer.send(topic, { key, value: Buffer.concat([Buffer.from(String(seq).padStart(12, '0')), padding]) }).then(() => tracker.onProduced(seq, sentAt)));
    if (pending.length >= 5000) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  await producer.close();
}

function seqOf(key: Buffer | null): number {
  return key === null ? -1 : Number(key.toString());
}

/**
 * Records a worker with real work has acquired beyond the one in hand. One would do if every acquisition came back
 * within the work time, but with fsync=always each acquisition waits for its journal fsync, and on a busy small
 * VM about one in twenty took 20-200 ms (fsync stalls queue every acquisition and acknowledgement behind them):
 * with one in reserve, 100 workers x 20 ms reached 0.81-0.92 of the ideal, with three 0.92-0.97.
 */
const WORK_PREFETCH = 3;

type ConsumerLoop = (
  client: SharelogClient,
  group: string,
  topic: string,
  options: LoadtestOptions,
  tracker: LoadTracker,
  stop: AbortSignal,
  onJoined: () => void,
) => Promise<void>;

const shareConsumerLoop: ConsumerLoop = async (client, group, topic, options, tracker, stop, onJoined) => {
  // With real work, each worker takes one record at a time and has the next ones acquired while it works on this
  // one (a prefetch of WORK_PREFETCH, as RabbitMQ's prefetch count), so no worker waits for a round trip between
  // two records.
  const maxRecords = options.workMs > 0 ? 1 : 100;
  const window = options.workMs > 0 ? 1 + WORK_PREFETCH : 2 * maxRecords;
  const consumer = client.shareConsumer({ acknowledgementMode: 'explicit', maxRecords, window, maxWaitMs: 500 });
  await consumer.subscribe(group, [topic]);
  onJoined();
  // Acknowledgements travel while the worker goes on to its next record, as a real worker's would; a record counts
  // as accepted only when the server confirms it.
  const acks = new Set<Promise<unknown>>();
  const track = (ack: Promise<unknown>) => {
    acks.add(ack);
    void ack.finally(() => acks.delete(ack));
  };
  try {
    while (!stop.aborted) {
      for (const d of await consumer.poll({ maxRecords, maxWaitMs: 500 })) {
        const seq = seqOf(d.record.key);
        tracker.onDelivered(seq, d.deliveryCount);
        if (options.workMs > 0) await sleep(options.workMs);
        if (Math.random() < options.failureRate) {
          tracker.failuresInjected++;
          track(d.release(0, 'injected failure').catch(() => undefined));
        } else {
          track(d.accept().then(() => tracker.onAccepted(seq), () => undefined));
        }
      }
      if (acks.size > 1000) await Promise.race(acks);
    }
    await Promise.allSettled([...acks]);
  } finally {
    await consumer.close().catch(() => undefined);
  }
};

const consumerGroupLoop: ConsumerLoop = async (client, group, topic, options, tracker, stop, onJoined) => {
  const consumer = client.consumer({ autoOffsetReset: 'earliest', maxWaitMs: 500 });
  await consumer.subscribe(group, [topic]);
  onJoined();
  try {
    while (!stop.aborted) {
      for (const r of await consumer.poll({ maxRecords: options.workMs > 0 ? 1 : 500, maxWaitMs: 500 })) {
        const seq = seqOf(r.key);
        tracker.onDelivered(seq, 1);
        if (options.workMs > 0) await sleep(options.workMs);
        // A consumer group has no per-record failure: a failed record would be retried in place, so it counts once.
        tracker.onAccepted(seq);
      }
    }
  } finally {
    await consumer.close().catch(() => undefined);
  }
};

export async function runLoadtest(
  client: SharelogClient,
  options: LoadtestOptions,
  mode: 'share-group' | 'consumer-group',
  onProgress?: (tracker: LoadTracker) => void,
): Promise<LoadtestResult> {
  const id = randomUUID().slice(0, 8);
  const topic = `loadtest-${id}`;
  const group = `loadtest-${mode === 'share-group' ? 'share' : 'consumer'}-${id}`;
  await client.admin.createTopic(topic, { partitions: options.partitions });
  if (mode === 'share-group') {
    await client.admin.updateShareGroupConfig(group, {
      autoOffsetReset: 'earliest',
      // Locks comfortably longer than the work, so a slow record is not redelivered by expiry.
      recordLockDurationMs: Math.min(3_600_000, Math.max(30_000, options.workMs * 20)),
      deliveryCountLimit: 10,
    });
  }
  const tracker = new LoadTracker(options.records);
  const stop = new AbortController();
  let producing: Promise<void> = Promise.resolve();
  if (options.prefill) {
    tracker.startProducing();
    await produceAll(client, topic, options, tracker, stop.signal);
  }
  const loop = mode === 'share-group' ? shareConsumerLoop : consumerGroupLoop;
  // Consumers join, then the consumption clock starts when the last one did: joining is a one-off cost, reported apart
  // from the consumption rate. A consumer whose loop fails (it could not join) counts as done joining.
  const joinStarted = performance.now();
  let joined = 0;
  let allJoined!: () => void;
  const everyoneJoined = new Promise<void>((resolve) => (allJoined = resolve));
  const onJoined = () => {
    if (++joined === options.consumers) allJoined();
  };
  const failures: unknown[] = [];
  const consumers = Array.from({ length: options.consumers }, () => {
    let hasJoined = false;
    const joinedOnce = () => {
      if (hasJoined) return;
      hasJoined = true;
      onJoined();
    };
    return loop(client, group, topic, options, tracker, stop.signal, joinedOnce).catch((err: unknown) => {
      failures.push(err);
      joinedOnce();
    });
  });
  await everyoneJoined;
  if (failures.length === options.consumers) throw failures[0];
  const joinMs = Math.round(performance.now() - joinStarted);
  tracker.startConsuming();
  const deadline = Date.now() + options.timeoutMs;
  if (!options.prefill) {
    tracker.startProducing();
    producing = produceAll(client, topic, options, tracker, stop.signal);
  }
  const progress = setInterval(() => onProgress?.(tracker), 250);
  try {
    while (tracker.done < options.records && Date.now() < deadline) await sleep(50);
  } finally {
    clearInterval(progress);
    onProgress?.(tracker);
    stop.abort();
    await Promise.allSettled([producing, ...consumers]);
  }
  const result: LoadtestResult = { mode, topic, group, options, ...tracker.report(), joinMs };
  await client.admin.deleteGroup(group).catch(() => undefined);
  await client.admin.deleteTopic(topic).catch(() => undefined);
  return result;
}
