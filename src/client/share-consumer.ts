/**
 * ShareConsumer: a member of a share group (KIP-932). Records come from a Subscribe stream (or, with
 * `transport: 'unary'` or a server without Subscribe, from Heartbeat + Fetch polling), each as a Delivery the
 * application accepts, releases, rejects or renews.
 *
 * Acknowledgement modes, as in Kafka:
 * - 'explicit': the application acknowledges every delivery; one it forgets comes back when its lock expires.
 * - 'implicit' (default): on the next poll (and on commit/close), every delivery of the previous poll not yet
 *   acknowledged is accepted. For the async iterator, "the previous poll" is what it has yielded.
 *
 * Acknowledgements are collected for `ackLingerMs` and sent as ranges (AckBatcher): on the stream with a
 * correlation id, or with Acknowledge in unary mode, where the implicit acceptances ride on the next Fetch.
 */
import { status } from '@grpc/grpc-js';
import { AckBatcher, type AckBatch, type AckType } from './ack-batcher.js';
import type { SharelogClient } from './client.js';
import { Delivery } from './delivery.js';
import { closedError, toClientError } from './errors.js';
import { PollSignal } from './poll-signal.js';
import type { TopicPartition } from './records.js';
import { StreamTransport } from './share-stream.js';
import type { ShareTransport } from './share-transport.js';
import { UnaryTransport } from './share-unary.js';

export interface ShareConsumerOptions {
  /** Default 'implicit' (Kafka's default). */
  acknowledgementMode?: 'explicit' | 'implicit';
  /** Default 'stream'; falls back to 'unary' when the server answers Subscribe with UNIMPLEMENTED. */
  transport?: 'stream' | 'unary';
  /** Deliveries per poll / iterator refill, at most. Default 100. */
  maxRecords?: number;
  /** How long a poll waits for the first record, in ms. Default 5000. */
  maxWaitMs?: number;
  /** Records acquired ahead of the application (stream credits). Default 2 × maxRecords. */
  window?: number;
  /** How long acknowledgements are collected before they are sent, in ms. Default 5. */
  ackLingerMs?: number;
  /** Unary transport: heartbeat at least this often (the group's interval applies when shorter). */
  heartbeatIntervalMs?: number;
  /** Unary transport: session timeout asked for on join. */
  sessionTimeoutMs?: number;
  /** Errors of background work the consumer recovers from (reconnects, heartbeats, implicit acceptances). */
  onError?: (err: Error) => void;
}

export interface PollOptions {
  maxRecords?: number;
  maxWaitMs?: number;
  signal?: AbortSignal;
}

export class ShareConsumer implements AsyncIterable<Delivery> {
  private readonly client: SharelogClient;
  private readonly mode: 'explicit' | 'implicit';
  private readonly maxRecords: number;
  private readonly maxWaitMs: number;
  private readonly ackLingerMs: number;
  private readonly options: ShareConsumerOptions;
  private readonly onError: (err: Error) => void;
  private transport: ShareTransport | undefined;
  private kind: 'stream' | 'unary';
  private groupId = '';
  private readonly batcher = new AckBatcher();
  private flushTimer: NodeJS.Timeout | undefined;
  /** Batches of acknowledgements sent and not yet settled. */
  private readonly unsettled = new Set<Promise<void>>();
  /** Deliveries of the last poll (implicit mode accepts the unacknowledged ones on the next poll). */
  private lastPoll: Delivery[] = [];
  private readonly stopPolling = new AbortController();
  private closing: Promise<void> | undefined;
  /** Set once the membership is gone: acknowledgements can no longer apply. */
  private acksClosed = false;
  private readonly untrack: () => void;

  constructor(client: SharelogClient, options: ShareConsumerOptions = {}) {
    this.client = client;
    this.options = options;
    this.mode = options.acknowledgementMode ?? 'implicit';
    this.kind = options.transport ?? 'stream';
    this.maxRecords = Math.max(1, options.maxRecords ?? 100);
    this.maxWaitMs = options.maxWaitMs ?? 5_000;
    this.ackLingerMs = options.ackLingerMs ?? 5;
    this.onError = options.onError ?? (() => undefined);
    this.untrack = client.track(this);
  }

  /** The member id given by the server (empty before subscribe). */
  get memberId(): string {
    return this.transport?.memberId ?? '';
  }

  /** The transport in use ('unary' after a fallback). */
  get transportKind(): 'stream' | 'unary' {
    return this.kind;
  }

  /** Partitions this member fetches from (shared with other members of the group). */
  assignment(): TopicPartition[] {
    return this.transport?.assignment() ?? [];
  }

  /** Joins `group` reading `topics`. Resolves once the server confirmed the membership. */
  async subscribe(group: string, topics: string[]): Promise<void> {
    if (this.closing) throw closedError('the share consumer');
    if (this.transport) throw new Error(`this share consumer already subscribed to group "${this.groupId}"`);
    this.groupId = group;
    const transportOptions = {
      groupId: group,
      topics: [...topics],
      // The server refuses more than 100000 outstanding credits.
      window: Math.min(100_000, Math.max(1, this.options.window ?? 2 * this.maxRecords)),
      heartbeatIntervalMs: this.options.heartbeatIntervalMs,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
      onError: this.onError,
    };
    if (this.kind === 'stream') {
      const stream = new StreamTransport(this.client, transportOptions);
      this.transport = stream;
      try {
        await stream.start();
        return;
      } catch (raw) {
        const err = toClientError(raw);
        if (err.status !== status.UNIMPLEMENTED) {
          this.transport = undefined;
          throw err;
        }
        this.kind = 'unary';
      }
    }
    const unary = new UnaryTransport(this.client, transportOptions);
    this.transport = unary;
    await unary.start();
  }

  /**
   * Deliveries, up to `maxRecords`, waiting up to `maxWaitMs` for the first one. In implicit mode, the
   * unacknowledged deliveries of the previous poll are accepted first.
   */
  async poll(options: PollOptions = {}): Promise<Delivery[]> {
    const transport = this.transport;
    if (!transport) throw new Error('subscribe() first');
    if (this.closing) return [];
    this.acceptImplicitly();
    const stop = new PollSignal([this.stopPolling.signal, options.signal]);
    // Unary: implicit acceptances ride on the Fetch; explicit ones are already on their way with Acknowledge.
    const riding = this.kind === 'unary' && this.mode === 'implicit' ? this.takeAcks() : (this.flush(), undefined);
    const infos = await transport.receive(options.maxRecords ?? this.maxRecords, options.maxWaitMs ?? this.maxWaitMs, riding, stop);
    const now = Date.now();
    // A record that waited here past its lock is no longer ours (another member may have it): do not hand it out.
    const deliveries = infos.filter((i) => i.lockExpiresAt > now).map((i) => new Delivery(i, this.sendAck));
    this.lastPoll = deliveries;
    return deliveries;
  }

  /** Deliveries one at a time until the consumer is closed. */
  async *[Symbol.asyncIterator](): AsyncGenerator<Delivery, void, undefined> {
    while (!this.closing) {
      const batch = await this.poll();
      // What implicit mode accepts is what was yielded: records still unyielded when the loop ends go back.
      this.lastPoll = [];
      for (let i = 0; i < batch.length; i++) {
        if (this.closing) {
          this.giveBack(batch.slice(i));
          return;
        }
        this.lastPoll.push(batch[i]);
        let resumed = false;
        try {
          yield batch[i];
          resumed = true;
        } finally {
          if (!resumed) this.giveBack(batch.slice(i + 1));
        }
      }
    }
  }

  /** Sends every pending acknowledgement now (implicit mode: accepting the last poll) and waits for the results. */
  async commit(): Promise<void> {
    this.acceptImplicitly();
    this.flush();
    await Promise.allSettled([...this.unsettled]);
  }

  /** Stops polling, settles acknowledgements (implicit mode: accepts the last poll), and leaves the group. */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      this.stopPolling.abort();
      try {
        if (this.transport) {
          this.acceptImplicitly();
          this.flush();
          let timer: NodeJS.Timeout | undefined;
          const timeout = new Promise((resolve) => (timer = setTimeout(resolve, 10_000)));
          await Promise.race([Promise.allSettled([...this.unsettled]), timeout]);
          clearTimeout(timer);
          this.acksClosed = true;
          await this.transport.close();
        }
      } finally {
        clearTimeout(this.flushTimer);
        this.untrack();
      }
    })());
  }

  // ------------------------------------------------------------------------------------ acknowledgements

  private readonly sendAck = (delivery: Delivery, type: AckType, releaseDelayMs: number, reason: string): Promise<number> => {
    if (!this.transport || this.acksClosed) return Promise.reject(closedError('the share consumer'));
    const { topic, partition, offset } = delivery.record;
    // One promise per acknowledgement, settled by its batch's result; commit() and close() wait for batches.
    return new Promise<number>((resolve, reject) => {
      this.batcher.add({ topic, partition, offset: Number(offset), leaseToken: Number(delivery.leaseToken), type, releaseDelayMs, reason, resolve, reject });
      this.flushTimer ??= setTimeout(() => this.flush(), this.ackLingerMs);
    });
  };

  /** Takes what the batcher holds as one batch, tracked until the server has answered for it. */
  private takeAcks(): AckBatch | undefined {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = this.batcher.drain();
    if (batch) {
      const settled = batch.settled;
      this.unsettled.add(settled);
      void settled.then(() => this.unsettled.delete(settled));
    }
    return batch;
  }

  /** Sends what the batcher holds. */
  private flush(): void {
    const batch = this.takeAcks();
    if (batch) void this.transport!.acknowledge(batch);
  }

  private acceptImplicitly(): void {
    if (this.mode !== 'implicit') return;
    for (const delivery of this.lastPoll) {
      if (!delivery.outcome) delivery.accept().catch((err: Error) => this.onError(err));
    }
    this.lastPoll = [];
  }

  /** Releases deliveries the application never saw. */
  private giveBack(deliveries: Delivery[]): void {
    for (const delivery of deliveries) {
      if (!delivery.outcome) delivery.release().catch(() => undefined);
    }
  }
}
