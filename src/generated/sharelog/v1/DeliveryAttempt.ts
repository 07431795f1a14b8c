// Original file: sharelog/v1/admin.proto

import type { AttemptOutcome as _sharelog_v1_AttemptOutcome, AttemptOutcome__Output as _sharelog_v1_AttemptOutcome__Output } from '../../sharelog/v1/AttemptOutcome';
import type { Long } from '@grpc/proto-loader';

/**
 * One delivery attempt of a record.
 */
export interface DeliveryAttempt {
  /**
   * Member the record was delivered to.
   */
  'memberId'?: (string);
  /**
   * When the record was acquired, ms since the Unix epoch.
   */
  'acquiredAtMs'?: (number | string | Long);
  /**
   * When the attempt ended, ms since the Unix epoch; 0 while it is in progress.
   */
  'finishedAtMs'?: (number | string | Long);
  /**
   * How the attempt ended (ATTEMPT_OUTCOME_IN_PROGRESS while the record is still held by it).
   */
  'outcome'?: (_sharelog_v1_AttemptOutcome);
  /**
   * Reason given with RELEASE or REJECT; empty when none.
   */
  'reason'?: (string);
}

/**
 * One delivery attempt of a record.
 */
export interface DeliveryAttempt__Output {
  /**
   * Member the record was delivered to.
   */
  'memberId': (string);
  /**
   * When the record was acquired, ms since the Unix epoch.
   */
  'acquiredAtMs': (number);
  /**
   * When the attempt ended, ms since the Unix epoch; 0 while it is in progress.
   */
  'finishedAtMs': (number);
  /**
   * How the attempt ended (ATTEMPT_OUTCOME_IN_PROGRESS while the record is still held by it).
   */
  'outcome': (_sharelog_v1_AttemptOutcome__Output);
  /**
   * Reason given with RELEASE or REJECT; empty when none.
   */
  'reason': (string);
}
