// Original file: sharelog/v1/common.proto

import type { AcknowledgeError as _sharelog_v1_AcknowledgeError, AcknowledgeError__Output as _sharelog_v1_AcknowledgeError__Output } from '../../sharelog/v1/AcknowledgeError';
import type { Long } from '@grpc/proto-loader';

/**
 * The outcome of one Acknowledgement. Results come in the order of the acknowledgements they answer, one each.
 */
export interface AcknowledgementResult {
  /**
   * Topic of the acknowledged range, as sent.
   */
  'topic'?: (string);
  /**
   * Partition of the acknowledged range, as sent.
   */
  'partition'?: (number);
  /**
   * First offset of the range, as sent.
   */
  'firstOffset'?: (number | string | Long);
  /**
   * Last offset of the range, as sent.
   */
  'lastOffset'?: (number | string | Long);
  /**
   * ACKNOWLEDGE_ERROR_UNSPECIFIED on success; otherwise why nothing in the range was changed.
   */
  'error'?: (_sharelog_v1_AcknowledgeError);
  /**
   * Human-readable detail when `error` is set (e.g. the first offending offset and its state); empty on success.
   */
  'message'?: (string);
  /**
   * For a successful ACKNOWLEDGE_TYPE_RENEW: the new lock deadline of the records, ms since the Unix epoch.
   * 0 otherwise.
   */
  'lockExpiresAtMs'?: (number | string | Long);
}

/**
 * The outcome of one Acknowledgement. Results come in the order of the acknowledgements they answer, one each.
 */
export interface AcknowledgementResult__Output {
  /**
   * Topic of the acknowledged range, as sent.
   */
  'topic': (string);
  /**
   * Partition of the acknowledged range, as sent.
   */
  'partition': (number);
  /**
   * First offset of the range, as sent.
   */
  'firstOffset': (number);
  /**
   * Last offset of the range, as sent.
   */
  'lastOffset': (number);
  /**
   * ACKNOWLEDGE_ERROR_UNSPECIFIED on success; otherwise why nothing in the range was changed.
   */
  'error': (_sharelog_v1_AcknowledgeError__Output);
  /**
   * Human-readable detail when `error` is set (e.g. the first offending offset and its state); empty on success.
   */
  'message': (string);
  /**
   * For a successful ACKNOWLEDGE_TYPE_RENEW: the new lock deadline of the records, ms since the Unix epoch.
   * 0 otherwise.
   */
  'lockExpiresAtMs': (number);
}
