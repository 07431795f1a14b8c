/**
 * How a ShareConsumer talks to its share group: over one Subscribe stream (StreamTransport) or with unary
 * Heartbeat / Fetch / Acknowledge calls (UnaryTransport). Both hand out acquired records and settle
 * acknowledgement batches; the ShareConsumer on top does the rest.
 */
import type { SharelogClientError } from './errors.js';
import type { AckBatch } from './ack-batcher.js';
import type { PollSignal } from './poll-signal.js';
import type { AcquiredRecordInfo, TopicPartition } from './records.js';

export interface ShareTransport {
  /** The member id (known once started). */
  readonly memberId: string;
  /** The member's assignment as last told by the server. */
  assignment(): TopicPartition[];
  /** Joins the group. */
  start(): Promise<void>;
  /**
   * Acquired records, up to `max`, waiting up to `waitMs` for the first one. `acks` are applied first (they ride
   * on the Fetch in unary mode).
   */
  receive(max: number, waitMs: number, acks: AckBatch | undefined, stop: PollSignal): Promise<AcquiredRecordInfo[]>;
  /** Sends acknowledgements now; settles the batch (never rejects). */
  acknowledge(batch: AckBatch): Promise<void>;
  /** Leaves the group: every record the member still holds is released. */
  close(): Promise<void>;
}

export interface TransportOptions {
  groupId: string;
  topics: string[];
  /** Records acquired ahead of the application, at most (stream credits). */
  window: number;
  heartbeatIntervalMs?: number;
  sessionTimeoutMs?: number;
  onError: (err: SharelogClientError) => void;
}

/** Resolves after `ms` or when woken, whichever is first. */
export class Waiters {
  private waiters = new Set<() => void>();

  wait(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0 || signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  wake(): void {
    for (const done of [...this.waiters]) done();
  }
}
