import type { RecordState } from './record-state.js';

export type AckType = 'ACCEPT' | 'RELEASE' | 'REJECT' | 'RENEW';

export type AckErrorCode = 'INVALID_RECORD_STATE' | 'STALE_LEASE_TOKEN' | 'INVALID_ARGUMENT';

/** How an attempt (one acquisition of a record) ended. */
export type AttemptOutcome = 'ACCEPTED' | 'RELEASED' | 'REJECTED' | 'EXPIRED' | 'MEMBER_LEFT' | 'IN_PROGRESS';

/** The outcomes after which a record is delivered again. */
export type FailureOutcome = 'RELEASED' | 'EXPIRED' | 'MEMBER_LEFT';

/** Why the previous attempt of a record did not finish it; handed out with the next delivery. */
export interface PreviousFailure {
  memberId: string;
  /** The consumer's reason on RELEASE ('' when none, and for expiry or a member leaving). */
  reason: string;
  failedAt: number;
  outcome: FailureOutcome;
}

/** A contiguous range acquired by one acquire call; all its records share count, token and previous failure. */
export interface AcquiredBatch {
  firstOffset: number;
  lastOffset: number;
  deliveryCount: number;
  leaseToken: number;
  lockExpiresAt: number;
  previousFailure?: PreviousFailure;
}

export interface AckRange {
  firstOffset: number;
  /** Inclusive. */
  lastOffset: number;
  type: AckType;
  /** RELEASE only: the record becomes available again this many ms from now. */
  releaseDelayMs?: number;
  /** RELEASE and REJECT: kept as the record's last failure (truncated to 256 characters). */
  reason?: string;
  /** When given, every record of the range must carry exactly this token. */
  leaseToken?: number;
}

export interface AckResult {
  error: AckErrorCode | null;
  message?: string;
  /** Records this range archived (REJECT, or RELEASE at the delivery limit): for the dead-letter topic. */
  archived?: ArchivedRecord[];
  /** RENEW: the new lock deadline of the range's records. */
  lockExpiresAt?: number;
}

export interface ArchivedRecord {
  offset: number;
  deliveryCount: number;
  /** 'rejected' or 'delivery limit reached'. */
  reason: string;
  cause: 'REJECTED' | 'DELIVERY_LIMIT';
  /** The consumer's last failure message for this record, if it ever gave one. */
  lastFailureReason?: string;
  /** The member that held the record last. */
  memberId?: string;
}

export interface Attempt {
  memberId: string;
  acquiredAt: number;
  finishedAt: number | null;
  outcome: AttemptOutcome;
  reason: string;
}

export interface InspectedRecord {
  offset: number;
  state: RecordState;
  deliveryCount: number;
  memberId: string | null;
  lockExpiresAt: number | null;
  leaseToken: number | null;
  /** Set while the record is AVAILABLE but delayed (release delay or backoff). */
  availableAt: number | null;
  /** Oldest first; shared with neighbouring records, do not mutate. */
  attempts: readonly Attempt[];
}

/** Record counts over [startOffset, endOffset). `delayed` records are also counted in `available`. */
export interface ShareCounts {
  available: number;
  acquired: number;
  acknowledged: number;
  archived: number;
  delayed: number;
}

export interface ReleaseResult {
  /** Records made AVAILABLE again. */
  released: number;
  /** Records archived because they had reached the delivery limit. */
  archived: ArchivedRecord[];
}
