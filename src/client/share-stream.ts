/**
 * A share-group membership over one ShareConsumerService.Subscribe stream. The stream is the membership: no
 * heartbeats. Credits let the server push up to `window` records ahead of the application (buffered plus
 * outstanding credit never exceed it); they are granted at join and topped up each time the application polls.
 * Acknowledgements go out with a correlation id and are settled by the matching result message.
 *
 * When the stream breaks (server restart, network), the membership ends and the server releases what the member
 * held: records buffered here are dropped, acknowledgements awaiting results fail (outcome unknown), and the
 * transport joins again under the same member id, with backoff.
 */
import { status as grpcStatus, type StatusObject } from '@grpc/grpc-js';
import type { SubscribeResponse__Output } from '../generated/sharelog/v1/SubscribeResponse.js';
import type { SharelogClient, SubscribeCall } from './client.js';
import { SharelogClientError, closedError, toClientError } from './errors.js';
import { failBatch, settleBatch, type AckBatch } from './ack-batcher.js';
import type { PollSignal } from './poll-signal.js';
import { fromAcquiredRecord, fromAssignment, type AcquiredRecordInfo, type TopicPartition } from './records.js';
import { backoffMs, sleep } from './retry.js';
import { Waiters, type ShareTransport, type TransportOptions } from './share-transport.js';

export class StreamTransport implements ShareTransport {
  memberId = '';
  private currentAssignment: TopicPartition[] = [];
  private call: SubscribeCall | undefined;
  private buffer: AcquiredRecordInfo[] = [];
  /** Credits granted on the current stream and not yet used by a pushed record. */
  private outstanding = 0;
  private readonly inFlightAcks = new Map<number, AckBatch>();
  private nextCorrelationId = 1;
  private readonly arrivals = new Waiters();
  private closing = false;
  private readonly stopped = new AbortController();
  private reconnecting: Promise<void> | undefined;

  constructor(
    private readonly client: SharelogClient,
    private readonly options: TransportOptions,
  ) {}

  assignment(): TopicPartition[] {
    return this.currentAssignment;
  }

  start(): Promise<void> {
    return this.open();
  }

  async receive(max: number, waitMs: number, acks: AckBatch | undefined, stop: PollSignal): Promise<AcquiredRecordInfo[]> {
    if (acks) void this.acknowledge(acks);
    // Credits are granted when the application asks for records, never between polls: a record pushed to an
    // application that has stopped polling would sit here until its lock expires, and each push of it again
    // would use up one of its deliveries.
    this.topUpCredits();
    const deadline = Date.now() + waitMs;
    while (this.buffer.length === 0 && !this.closing && !stop.aborted) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      await this.arrivals.wait(remaining, stop.signal);
    }
    return this.buffer.splice(0, max);
  }

  async acknowledge(batch: AckBatch): Promise<void> {
    const call = this.call;
    if (!call || !this.memberId) {
      failBatch(batch, new SharelogClientError('the Subscribe stream is down; the records were released', { status: grpcStatus.UNAVAILABLE }));
      return;
    }
    const correlationId = this.nextCorrelationId++;
    this.inFlightAcks.set(correlationId, batch);
    call.write({ acknowledgements: { correlationId, acknowledgements: batch.acknowledgements } });
    await batch.settled;
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    this.stopped.abort();
    this.arrivals.wake();
    await this.reconnecting?.catch(() => undefined);
    const call = this.call;
    if (!call) return;
    // On a half-close the server answers the acknowledgements it has received, then ends the stream (and the
    // membership, releasing what is still held).
    let timer: NodeJS.Timeout | undefined;
    const ended = new Promise<void>((resolve) => {
      call.once('status', () => resolve());
      timer = setTimeout(resolve, 5_000);
    });
    call.end();
    await ended;
    clearTimeout(timer);
    if (this.call === call) call.cancel();
  }

  /** Keeps buffered records plus outstanding credits at the window. */
  private topUpCredits(): void {
    const call = this.call;
    if (!call || !this.memberId) return;
    const grant = this.options.window - this.outstanding - this.buffer.length;
    if (grant <= 0 || this.closing) return;
    this.outstanding += grant;
    call.write({ credits: grant });
  }

  /** Opens a stream and resolves once the server has confirmed the membership (`joined`). */
  private open(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const call = this.client.openSubscribe();
      this.call = call;
      let joined = false;
      let ended = false;
      let finalStatus: StatusObject | undefined;
      const finish = () => {
        if (!ended || !finalStatus || this.call !== call) return;
        const status = finalStatus;
        this.call = undefined;
        const err =
          status.code === grpcStatus.OK
            ? new SharelogClientError('the server ended the Subscribe stream', { status: grpcStatus.UNAVAILABLE })
            : toClientError({ code: status.code, details: status.details, metadata: status.metadata });
        this.broken(err, joined);
        if (!joined) reject(err);
      };
      call.on('data', (message: SubscribeResponse__Output) => {
        if (this.call !== call) return;
        if (message.response === 'joined') {
          joined = true;
          this.memberId = message.joined!.memberId;
          this.currentAssignment = fromAssignment(message.joined!.assignment);
          this.outstanding = 0;
          this.topUpCredits();
          resolve();
        } else this.handle(message);
      });
      // 'error' carries the same status as 'status'; listening keeps it from being thrown.
      call.on('error', () => undefined);
      call.on('status', (status: StatusObject) => {
        finalStatus = status;
        finish();
      });
      call.on('end', () => {
        ended = true;
        finish();
      });
      const start: { groupId: string; topics: string[]; memberId?: string } = { groupId: this.options.groupId, topics: this.options.topics };
      if (this.memberId) start.memberId = this.memberId; // keep one identity across reconnects
      call.write({ start });
    });
  }

  private handle(message: SubscribeResponse__Output): void {
    switch (message.response) {
      case 'records': {
        const records = message.records!.records;
        this.outstanding = Math.max(0, this.outstanding - records.length);
        for (const r of records) this.buffer.push(fromAcquiredRecord(r));
        this.arrivals.wake();
        return;
      }
      case 'acknowledgementResults': {
        const { correlationId, results } = message.acknowledgementResults!;
        const batch = this.inFlightAcks.get(Number(correlationId));
        if (!batch) return;
        this.inFlightAcks.delete(Number(correlationId));
        settleBatch(batch, results);
        return;
      }
      case 'assignmentChanged':
        this.currentAssignment = fromAssignment(message.assignmentChanged!.assignment);
        return;
    }
  }

  /** The membership ended with the stream: forget its records, fail its acknowledgements, join again. */
  private broken(err: SharelogClientError, wasJoined: boolean): void {
    this.buffer = [];
    this.outstanding = 0;
    for (const batch of this.inFlightAcks.values()) failBatch(batch, err);
    this.inFlightAcks.clear();
    this.arrivals.wake();
    if (this.closing || !wasJoined) return; // a stream that never joined: its opener reports the error
    this.options.onError(err);
    this.reconnecting ??= this.reconnect().finally(() => (this.reconnecting = undefined));
  }

  private async reconnect(): Promise<void> {
    for (let attempt = 1; !this.closing; attempt++) {
      try {
        await sleep(backoffMs(this.client.retryPolicy, attempt), this.stopped.signal);
        if (this.client.closed) throw closedError('the client');
        await this.open();
        return;
      } catch (err) {
        if (this.closing) return;
        this.options.onError(toClientError(err));
      }
    }
  }
}
