// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of AdminService.InspectShareRecords.
 */
export interface InspectShareRecordsRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * Topic name. Required.
   */
  'topic'?: (string);
  /**
   * Partition number.
   */
  'partition'?: (number);
  /**
   * First offset to show (inclusive), >= 0.
   */
  'firstOffset'?: (number | string | Long);
  /**
   * Last offset to show (inclusive), >= first_offset; at most 1000 offsets per call.
   */
  'lastOffset'?: (number | string | Long);
}

/**
 * Request of AdminService.InspectShareRecords.
 */
export interface InspectShareRecordsRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * Topic name. Required.
   */
  'topic': (string);
  /**
   * Partition number.
   */
  'partition': (number);
  /**
   * First offset to show (inclusive), >= 0.
   */
  'firstOffset': (number);
  /**
   * Last offset to show (inclusive), >= first_offset; at most 1000 offsets per call.
   */
  'lastOffset': (number);
}
