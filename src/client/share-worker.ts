/**
 * ShareWorker: the work-queue helper. It reads a share group with explicit acknowledgement and runs `handler`
 * for each record, at most `concurrency` at a time (p-queue):
 * - the handler returns: the record is accepted;
 * - it throws a NonRetriableError: the record is rejected (archived, dead-lettered if configured), with the
 *   error's message as the reason;
 * - it throws anything else: the record is released with an exponential backoff delay by delivery count
 *   (min(maxMs, initialMs × 2^(deliveryCount-1))) and the error message as reason, for another attempt;
 * - while it runs, the record's lock is renewed each time about half of it has passed, so a slow handler keeps
 *   its record; if a renewal fails the lock is lost and the handler's `signal` aborts.
 * A handler may also acknowledge the delivery itself; the worker then leaves it alone.
 *
 * `stop()` drains: no new records are taken, running handlers finish and are acknowledged, then the worker leaves
 * the group (records acquired but not started are released by leaving).
 */
import PQueue from 'p-queue';
import type { SharelogClient } from './client.js';
import type { Delivery } from './delivery.js';
import { NonRetriableError, closedError } from './errors.js';
import { ShareConsumer, type ShareConsumerOptions } from './share-consumer.js';
import { Waiters } from './share-transport.js';

export interface ShareWorkerHandlerContext {
  /** Aborts when the record's lock is lost (a renewal failed): stop working on it, another member may get it. */
  signal: AbortSignal;
}

export interface ShareWorkerOptions<T = void> {
  group: string;
  topics: string[];
  handler: (delivery: Delivery, context: ShareWorkerHandlerContext) => Promise<T> | T;
  /** Handlers running at once. Default 1. */
  concurrency?: number;
  /** Release delay after a failure. Default { initialMs: 1000, maxMs: 60000 }. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Renew locks of running handlers. Default true. */
  autoRenew?: boolean;
  /** How long one poll waits for records, in ms. Default 5000. */
  maxWaitMs?: number;
  transport?: ShareConsumerOptions['transport'];
  /** Failed acknowledgements and renewals, and errors of background work. */
  onError?: (err: Error, delivery?: Delivery) => void;
}

export interface ShareWorkerStats {
  /** Handled successfully and accepted. */
  processed: number;
  /** Handler failed; released for another attempt. */
  failed: number;
  /** Handler threw NonRetriableError; rejected. */
  rejected: number;
  /** Successful lock renewals. */
  renewed: number;
  /** Acknowledgements or renewals the server refused or did not confirm. */
  ackErrors: number;
  /** Handlers running now. */
  running: number;
}

const MAX_RELEASE_DELAY_MS = 3_600_000;

export class ShareWorker<T = void> {
  private readonly client: SharelogClient;
  private readonly options: ShareWorkerOptions<T>;
  private readonly concurrency: number;
  private readonly queue: PQueue;
  private consumer: ShareConsumer | undefined;
  private loop: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private readonly slotFreed = new Waiters();
  private stopped: Promise<void> | undefined;
  private readonly untrack: () => void;
  private readonly counters: ShareWorkerStats = { processed: 0, failed: 0, rejected: 0, renewed: 0, ackErrors: 0, running: 0 };

  constructor(options: ShareWorkerOptions<T> & { client: SharelogClient });
  constructor(client: SharelogClient, options: ShareWorkerOptions<T>);
  constructor(a: SharelogClient | (ShareWorkerOptions<T> & { client: SharelogClient }), b?: ShareWorkerOptions<T>) {
    const [client, options] = b === undefined ? [(a as { client: SharelogClient }).client, a as ShareWorkerOptions<T>] : [a as SharelogClient, b];
    this.client = client;
    this.options = options;
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.queue = new PQueue({ concurrency: this.concurrency });
    this.untrack = client.track({ close: () => this.stop() });
  }

  get stats(): Readonly<ShareWorkerStats> {
    return { ...this.counters };
  }

  get memberId(): string {
    return this.consumer?.memberId ?? '';
  }

  /** Joins the group and starts handling records; resolves once joined. */
  async start(): Promise<void> {
    if (this.stopped) throw closedError('the worker');
    if (this.consumer) throw new Error('the worker is already started');
    this.consumer = new ShareConsumer(this.client, {
      acknowledgementMode: 'explicit',
      transport: this.options.transport,
      maxRecords: this.concurrency,
      // Acquire no more ahead than can run: records waiting here would spend their lock idle.
      window: this.concurrency,
      maxWaitMs: this.options.maxWaitMs,
      onError: (err) => this.report(err),
    });
    await this.consumer.subscribe(this.options.group, this.options.topics);
    this.loop = this.run(this.consumer);
  }

  /** Stops taking records, waits for running handlers and their acknowledgements, then leaves the group. */
  stop(): Promise<void> {
    return (this.stopped ??= (async () => {
      this.stopping.abort();
      this.slotFreed.wake();
      try {
        await this.loop;
        await this.queue.onIdle();
        await this.consumer?.close();
      } finally {
        this.untrack();
      }
    })());
  }

  private async run(consumer: ShareConsumer): Promise<void> {
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const free = this.concurrency - this.queue.pending - this.queue.size;
      if (free <= 0) {
        await this.slotFreed.wait(1_000, signal);
        continue;
      }
      let deliveries: Delivery[];
      try {
        deliveries = await consumer.poll({ maxRecords: free, signal });
      } catch (err) {
        this.report(err as Error);
        continue;
      }
      for (const delivery of deliveries) {
        if (signal.aborted) {
          delivery.release().catch(() => undefined); // taken but never started: give it straight back
          continue;
        }
        void this.queue.add(() => this.process(delivery)).finally(() => this.slotFreed.wake());
      }
    }
  }

  private async process(delivery: Delivery): Promise<void> {
    const lockLost = new AbortController();
    const stopRenewing = this.options.autoRenew === false ? () => undefined : this.renewWhileRunning(delivery, lockLost);
    this.counters.running++;
    try {
      let failure: unknown;
      let ok = false;
      try {
        await this.options.handler(delivery, { signal: lockLost.signal });
        ok = true;
      } catch (err) {
        failure = err;
      } finally {
        stopRenewing();
      }
      if (delivery.outcome) return; // the handler acknowledged it itself
      if (ok) {
        await delivery.accept();
        this.counters.processed++;
      } else if (failure instanceof NonRetriableError) {
        await delivery.reject(failure.message);
        this.counters.rejected++;
      } else {
        const reason = failure instanceof Error ? failure.message : String(failure);
        await delivery.release(this.backoffMs(delivery.deliveryCount), reason);
        this.counters.failed++;
      }
    } catch (ackErr) {
      this.counters.ackErrors++;
      this.report(ackErr as Error, delivery);
    } finally {
      this.counters.running--;
    }
  }

  /** Renews the lock each time about half of what is left has passed; returns the function that stops it. */
  private renewWhileRunning(delivery: Delivery, lockLost: AbortController): () => void {
    let timer: NodeJS.Timeout | undefined;
    let active = true;
    const schedule = () => {
      const remaining = delivery.lockExpiresAt - Date.now();
      timer = setTimeout(renew, Math.max(10, remaining / 2));
    };
    const renew = () => {
      delivery.renew().then(
        () => {
          this.counters.renewed++;
          if (active) schedule();
        },
        (err: Error) => {
          if (!active) return;
          this.counters.ackErrors++;
          this.report(err, delivery);
          lockLost.abort(err);
        },
      );
    };
    schedule();
    return () => {
      active = false;
      clearTimeout(timer);
    };
  }

  private backoffMs(deliveryCount: number): number {
    const initial = this.options.backoff?.initialMs ?? 1_000;
    const max = Math.min(MAX_RELEASE_DELAY_MS, this.options.backoff?.maxMs ?? 60_000);
    return Math.round(Math.min(max, initial * 2 ** Math.max(0, deliveryCount - 1)));
  }

  private report(err: Error, delivery?: Delivery): void {
    this.options.onError?.(err, delivery);
  }
}
