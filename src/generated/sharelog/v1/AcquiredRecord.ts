// Original file: sharelog/v1/common.proto

import type { ConsumedRecord as _sharelog_v1_ConsumedRecord, ConsumedRecord__Output as _sharelog_v1_ConsumedRecord__Output } from '../../sharelog/v1/ConsumedRecord';
import type { DeliveryFailure as _sharelog_v1_DeliveryFailure, DeliveryFailure__Output as _sharelog_v1_DeliveryFailure__Output } from '../../sharelog/v1/DeliveryFailure';
import type { Long } from '@grpc/proto-loader';

/**
 * A record handed out by a share group: it is ACQUIRED by the receiving member until it is acknowledged or its
 * lock expires.
 */
export interface AcquiredRecord {
  /**
   * The record itself.
   */
  'record'?: (_sharelog_v1_ConsumedRecord | null);
  /**
   * How many times this record has been handed out, this delivery included: 1 on the first delivery. The record
   * is never delivered more than the group's delivery_count_limit times.
   */
  'deliveryCount'?: (number);
  /**
   * When the lock on this record expires, ms since the Unix epoch. Acknowledge it (or RENEW the lock) before
   * then; after it the record becomes available to other members and acknowledgements of this delivery fail with
   * ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE.
   */
  'lockExpiresAtMs'?: (number | string | Long);
  /**
   * Lease token of this acquisition (always > 0). All records acquired from one partition by one Fetch (or one
   * Subscribe push) share a token, and every later acquisition in the same share-partition gets a larger one,
   * also across server restarts. Pass it back in Acknowledgement.lease_token to make an acknowledgement apply only
   * to this delivery, and to your own stores to fence writes of a worker whose lock has expired.
   */
  'leaseToken'?: (number | string | Long);
  /**
   * Why the previous attempt failed. Unset on the first delivery; may also be unset when the history was lost
   * in a server restart.
   */
  'previousFailure'?: (_sharelog_v1_DeliveryFailure | null);
}

/**
 * A record handed out by a share group: it is ACQUIRED by the receiving member until it is acknowledged or its
 * lock expires.
 */
export interface AcquiredRecord__Output {
  /**
   * The record itself.
   */
  'record': (_sharelog_v1_ConsumedRecord__Output | null);
  /**
   * How many times this record has been handed out, this delivery included: 1 on the first delivery. The record
   * is never delivered more than the group's delivery_count_limit times.
   */
  'deliveryCount': (number);
  /**
   * When the lock on this record expires, ms since the Unix epoch. Acknowledge it (or RENEW the lock) before
   * then; after it the record becomes available to other members and acknowledgements of this delivery fail with
   * ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE.
   */
  'lockExpiresAtMs': (number);
  /**
   * Lease token of this acquisition (always > 0). All records acquired from one partition by one Fetch (or one
   * Subscribe push) share a token, and every later acquisition in the same share-partition gets a larger one,
   * also across server restarts. Pass it back in Acknowledgement.lease_token to make an acknowledgement apply only
   * to this delivery, and to your own stores to fence writes of a worker whose lock has expired.
   */
  'leaseToken': (number);
  /**
   * Why the previous attempt failed. Unset on the first delivery; may also be unset when the history was lost
   * in a server restart.
   */
  'previousFailure': (_sharelog_v1_DeliveryFailure__Output | null);
}
