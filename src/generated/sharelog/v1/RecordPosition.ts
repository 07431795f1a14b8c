// Original file: sharelog/v1/producer.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Where one record was stored.
 */
export interface RecordPosition {
  /**
   * Partition the record was appended to.
   */
  'partition'?: (number);
  /**
   * Offset of the record in that partition.
   */
  'offset'?: (number | string | Long);
}

/**
 * Where one record was stored.
 */
export interface RecordPosition__Output {
  /**
   * Partition the record was appended to.
   */
  'partition': (number);
  /**
   * Offset of the record in that partition.
   */
  'offset': (number);
}
