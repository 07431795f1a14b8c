// Original file: sharelog/v1/admin.proto

import type { RecordState as _sharelog_v1_RecordState, RecordState__Output as _sharelog_v1_RecordState__Output } from '../../sharelog/v1/RecordState';
import type { DeliveryAttempt as _sharelog_v1_DeliveryAttempt, DeliveryAttempt__Output as _sharelog_v1_DeliveryAttempt__Output } from '../../sharelog/v1/DeliveryAttempt';
import type { Long } from '@grpc/proto-loader';

/**
 * The share-group view of one record.
 */
export interface ShareRecordInfo {
  /**
   * Offset of the record.
   */
  'offset'?: (number | string | Long);
  /**
   * Current state.
   */
  'state'?: (_sharelog_v1_RecordState);
  /**
   * Number of times the record has been delivered (0 if never).
   */
  'deliveryCount'?: (number);
  /**
   * Member holding the record; empty unless state is RECORD_STATE_ACQUIRED.
   */
  'memberId'?: (string);
  /**
   * When the lock expires, ms since the Unix epoch; 0 unless state is RECORD_STATE_ACQUIRED.
   */
  'lockExpiresAtMs'?: (number | string | Long);
  /**
   * Lease token of the current acquisition; 0 unless state is RECORD_STATE_ACQUIRED.
   */
  'leaseToken'?: (number | string | Long);
  /**
   * For an AVAILABLE record held back by a release delay or backoff: when it becomes deliverable, ms since the
   * Unix epoch. 0 when it is deliverable now or not AVAILABLE.
   */
  'availableAtMs'?: (number | string | Long);
  /**
   * The most recent delivery attempts, oldest first (at most 10). Best effort: history may be lost in a server
   * restart.
   */
  'attempts'?: (_sharelog_v1_DeliveryAttempt)[];
}

/**
 * The share-group view of one record.
 */
export interface ShareRecordInfo__Output {
  /**
   * Offset of the record.
   */
  'offset': (number);
  /**
   * Current state.
   */
  'state': (_sharelog_v1_RecordState__Output);
  /**
   * Number of times the record has been delivered (0 if never).
   */
  'deliveryCount': (number);
  /**
   * Member holding the record; empty unless state is RECORD_STATE_ACQUIRED.
   */
  'memberId': (string);
  /**
   * When the lock expires, ms since the Unix epoch; 0 unless state is RECORD_STATE_ACQUIRED.
   */
  'lockExpiresAtMs': (number);
  /**
   * Lease token of the current acquisition; 0 unless state is RECORD_STATE_ACQUIRED.
   */
  'leaseToken': (number);
  /**
   * For an AVAILABLE record held back by a release delay or backoff: when it becomes deliverable, ms since the
   * Unix epoch. 0 when it is deliverable now or not AVAILABLE.
   */
  'availableAtMs': (number);
  /**
   * The most recent delivery attempts, oldest first (at most 10). Best effort: history may be lost in a server
   * restart.
   */
  'attempts': (_sharelog_v1_DeliveryAttempt__Output)[];
}
