// Original file: sharelog/v1/common.proto

import type { AcknowledgeType as _sharelog_v1_AcknowledgeType, AcknowledgeType__Output as _sharelog_v1_AcknowledgeType__Output } from '../../sharelog/v1/AcknowledgeType';
import type { Long } from '@grpc/proto-loader';

/**
 * An acknowledgement of a contiguous range of records of one partition, all held by the calling member.
 * Each range is applied atomically: either every record in it changes state, or none does and the result names
 * the error. Ranges in one request are applied in order and independently of each other, so one bad range does
 * not fail the others.
 */
export interface Acknowledgement {
  /**
   * Topic of the records. Empty fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  'topic'?: (string);
  /**
   * Partition of the records.
   */
  'partition'?: (number);
  /**
   * First offset of the range (inclusive). Must be >= 0.
   */
  'firstOffset'?: (number | string | Long);
  /**
   * Last offset of the range (inclusive). Must be >= first_offset. Use first_offset == last_offset for one record.
   * Every offset in the range must be ACQUIRED by the caller (with `lease_token`, if given), otherwise the whole
   * range fails with ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE.
   */
  'lastOffset'?: (number | string | Long);
  /**
   * What to do with the records. ACKNOWLEDGE_TYPE_UNSPECIFIED fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  'type'?: (_sharelog_v1_AcknowledgeType);
  /**
   * Only with ACKNOWLEDGE_TYPE_RELEASE: keep the released records out of delivery for this long, in ms
   * (0..3600000). 0 means the group's backoff policy decides (by default: available again at once). A delayed
   * record does not count against the group's max_in_flight_records. A non-zero value with another type, or a
   * value out of range, fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  'releaseDelayMs'?: (number);
  /**
   * Only with ACKNOWLEDGE_TYPE_RELEASE or ACKNOWLEDGE_TYPE_REJECT: a short human-readable reason for the failure
   * (e.g. an exception message). It is handed to the next delivery of the record (AcquiredRecord.previous_failure),
   * shown by AdminService.InspectShareRecords, and written to the dead-letter header on REJECT. At most 1024
   * characters are kept; longer reasons are truncated. Ignored for other types.
   */
  'reason'?: (string);
  /**
   * When set, every record in the range must currently be held under this lease token (see
   * AcquiredRecord.lease_token), otherwise the range fails with ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN. This makes a
   * retried acknowledgement safe: it cannot touch a later delivery of the same record. Records from different
   * acquisitions have different tokens, so a range spanning two Fetch results must be split or sent without token.
   */
  'leaseToken'?: (number | string | Long);
  '_leaseToken'?: "leaseToken";
}

/**
 * An acknowledgement of a contiguous range of records of one partition, all held by the calling member.
 * Each range is applied atomically: either every record in it changes state, or none does and the result names
 * the error. Ranges in one request are applied in order and independently of each other, so one bad range does
 * not fail the others.
 */
export interface Acknowledgement__Output {
  /**
   * Topic of the records. Empty fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  'topic': (string);
  /**
   * Partition of the records.
   */
  'partition': (number);
  /**
   * First offset of the range (inclusive). Must be >= 0.
   */
  'firstOffset': (number);
  /**
   * Last offset of the range (inclusive). Must be >= first_offset. Use first_offset == last_offset for one record.
   * Every offset in the range must be ACQUIRED by the caller (with `lease_token`, if given), otherwise the whole
   * range fails with ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE.
   */
  'lastOffset': (number);
  /**
   * What to do with the records. ACKNOWLEDGE_TYPE_UNSPECIFIED fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  'type': (_sharelog_v1_AcknowledgeType__Output);
  /**
   * Only with ACKNOWLEDGE_TYPE_RELEASE: keep the released records out of delivery for this long, in ms
   * (0..3600000). 0 means the group's backoff policy decides (by default: available again at once). A delayed
   * record does not count against the group's max_in_flight_records. A non-zero value with another type, or a
   * value out of range, fails with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.
   */
  'releaseDelayMs': (number);
  /**
   * Only with ACKNOWLEDGE_TYPE_RELEASE or ACKNOWLEDGE_TYPE_REJECT: a short human-readable reason for the failure
   * (e.g. an exception message). It is handed to the next delivery of the record (AcquiredRecord.previous_failure),
   * shown by AdminService.InspectShareRecords, and written to the dead-letter header on REJECT. At most 1024
   * characters are kept; longer reasons are truncated. Ignored for other types.
   */
  'reason': (string);
  /**
   * When set, every record in the range must currently be held under this lease token (see
   * AcquiredRecord.lease_token), otherwise the range fails with ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN. This makes a
   * retried acknowledgement safe: it cannot touch a later delivery of the same record. Records from different
   * acquisitions have different tokens, so a range spanning two Fetch results must be split or sent without token.
   */
  'leaseToken'?: (number);
  '_leaseToken'?: "leaseToken";
}
