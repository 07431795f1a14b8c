// Original file: sharelog/v1/common.proto

import type { AttemptOutcome as _sharelog_v1_AttemptOutcome, AttemptOutcome__Output as _sharelog_v1_AttemptOutcome__Output } from '../../sharelog/v1/AttemptOutcome';
import type { Long } from '@grpc/proto-loader';

/**
 * Why the previous delivery attempt of a record failed. Sent with a redelivery so that a worker knows why it is
 * seeing a retry.
 */
export interface DeliveryFailure {
  /**
   * The member that held the record in the previous attempt.
   */
  'memberId'?: (string);
  /**
   * The reason that member gave with its RELEASE (see Acknowledgement.reason); empty when none was given or when
   * the lock expired or the member left.
   */
  'reason'?: (string);
  /**
   * When the previous attempt ended, ms since the Unix epoch.
   */
  'failedAtMs'?: (number | string | Long);
  /**
   * How the previous attempt ended: ATTEMPT_OUTCOME_RELEASED, ATTEMPT_OUTCOME_EXPIRED or
   * ATTEMPT_OUTCOME_MEMBER_LEFT (the other outcomes never lead to a redelivery).
   */
  'outcome'?: (_sharelog_v1_AttemptOutcome);
}

/**
 * Why the previous delivery attempt of a record failed. Sent with a redelivery so that a worker knows why it is
 * seeing a retry.
 */
export interface DeliveryFailure__Output {
  /**
   * The member that held the record in the previous attempt.
   */
  'memberId': (string);
  /**
   * The reason that member gave with its RELEASE (see Acknowledgement.reason); empty when none was given or when
   * the lock expired or the member left.
   */
  'reason': (string);
  /**
   * When the previous attempt ended, ms since the Unix epoch.
   */
  'failedAtMs': (number);
  /**
   * How the previous attempt ended: ATTEMPT_OUTCOME_RELEASED, ATTEMPT_OUTCOME_EXPIRED or
   * ATTEMPT_OUTCOME_MEMBER_LEFT (the other outcomes never lead to a redelivery).
   */
  'outcome': (_sharelog_v1_AttemptOutcome__Output);
}
