// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * State of a share group in one partition (a share-partition). The counts cover the in-flight window
 * [start_offset, end_offset) and add up to end_offset - start_offset.
 */
export interface ShareGroupPartition {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition number.
   */
  'partition'?: (number);
  /**
   * Share-partition start offset (SPSO): every record below it is done (acknowledged or archived).
   */
  'startOffset'?: (number | string | Long);
  /**
   * Share-partition end offset (SPEO): no record at or above it has been delivered yet.
   */
  'endOffset'?: (number | string | Long);
  /**
   * Records in the window that are AVAILABLE for delivery now (delayed ones not included).
   */
  'available'?: (number);
  /**
   * Records in the window that are ACQUIRED by a member.
   */
  'acquired'?: (number);
  /**
   * Records in the window that are ACKNOWLEDGED.
   */
  'acknowledged'?: (number);
  /**
   * Records in the window that are ARCHIVED.
   */
  'archived'?: (number);
  /**
   * Records still to be finished: every stored record at or above start_offset that is neither ACKNOWLEDGED nor
   * ARCHIVED, including those not delivered yet (up to the partition's high watermark).
   */
  'lag'?: (number | string | Long);
  /**
   * Records in the window that are AVAILABLE but wait for a release delay or backoff to pass.
   */
  'delayed'?: (number);
}

/**
 * State of a share group in one partition (a share-partition). The counts cover the in-flight window
 * [start_offset, end_offset) and add up to end_offset - start_offset.
 */
export interface ShareGroupPartition__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition number.
   */
  'partition': (number);
  /**
   * Share-partition start offset (SPSO): every record below it is done (acknowledged or archived).
   */
  'startOffset': (number);
  /**
   * Share-partition end offset (SPEO): no record at or above it has been delivered yet.
   */
  'endOffset': (number);
  /**
   * Records in the window that are AVAILABLE for delivery now (delayed ones not included).
   */
  'available': (number);
  /**
   * Records in the window that are ACQUIRED by a member.
   */
  'acquired': (number);
  /**
   * Records in the window that are ACKNOWLEDGED.
   */
  'acknowledged': (number);
  /**
   * Records in the window that are ARCHIVED.
   */
  'archived': (number);
  /**
   * Records still to be finished: every stored record at or above start_offset that is neither ACKNOWLEDGED nor
   * ARCHIVED, including those not delivered yet (up to the partition's high watermark).
   */
  'lag': (number);
  /**
   * Records in the window that are AVAILABLE but wait for a release delay or backoff to pass.
   */
  'delayed': (number);
}
