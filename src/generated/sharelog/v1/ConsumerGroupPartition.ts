// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Progress of a consumer group in one partition.
 */
export interface ConsumerGroupPartition {
  /**
   * Topic name.
   */
  'topic'?: (string);
  /**
   * Partition number.
   */
  'partition'?: (number);
  /**
   * Committed offset (the next offset to consume), or -1 when nothing is committed.
   */
  'committedOffset'?: (number | string | Long);
  /**
   * The partition's high watermark (offset the next append will get).
   */
  'endOffset'?: (number | string | Long);
  /**
   * end_offset - committed_offset (never negative), or -1 when nothing is committed.
   */
  'lag'?: (number | string | Long);
  /**
   * Metadata stored with the committed offset; empty when none.
   */
  'metadata'?: (string);
  /**
   * Member that owns the partition now; empty when it is not assigned.
   */
  'ownerMemberId'?: (string);
}

/**
 * Progress of a consumer group in one partition.
 */
export interface ConsumerGroupPartition__Output {
  /**
   * Topic name.
   */
  'topic': (string);
  /**
   * Partition number.
   */
  'partition': (number);
  /**
   * Committed offset (the next offset to consume), or -1 when nothing is committed.
   */
  'committedOffset': (number);
  /**
   * The partition's high watermark (offset the next append will get).
   */
  'endOffset': (number);
  /**
   * end_offset - committed_offset (never negative), or -1 when nothing is committed.
   */
  'lag': (number);
  /**
   * Metadata stored with the committed offset; empty when none.
   */
  'metadata': (string);
  /**
   * Member that owns the partition now; empty when it is not assigned.
   */
  'ownerMemberId': (string);
}
