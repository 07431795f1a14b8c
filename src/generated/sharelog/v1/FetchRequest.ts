// Original file: sharelog/v1/consumer.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of ConsumerService.Fetch.
 */
export interface FetchRequest {
  /**
   * Topic to read. Required.
   */
  'topic'?: (string);
  /**
   * Partition to read (0-based).
   */
  'partition'?: (number);
  /**
   * Offset of the first record wanted. Must lie in [log_start_offset, high_watermark]; equal to the high
   * watermark means "the next record to be appended" (the call then long-polls).
   */
  'offset'?: (number | string | Long);
  /**
   * Maximum number of records to return. 0 means 500; values above 10000 are treated as 10000.
   */
  'maxRecords'?: (number);
  /**
   * Soft limit, in bytes, on the total size of keys, values and headers returned. 0 means 1 MiB (1048576);
   * values above 3 MiB (3145728) are treated as 3 MiB, so responses fit gRPC's default 4 MiB message limit.
   * When at least one record is available, the first record is returned even if it alone exceeds the limit.
   */
  'maxBytes'?: (number);
  /**
   * How long to wait, in ms, for a record to arrive when none is available at `offset`. 0 returns at once;
   * values above 30000 are treated as 30000.
   */
  'maxWaitMs'?: (number);
}

/**
 * Request of ConsumerService.Fetch.
 */
export interface FetchRequest__Output {
  /**
   * Topic to read. Required.
   */
  'topic': (string);
  /**
   * Partition to read (0-based).
   */
  'partition': (number);
  /**
   * Offset of the first record wanted. Must lie in [log_start_offset, high_watermark]; equal to the high
   * watermark means "the next record to be appended" (the call then long-polls).
   */
  'offset': (number);
  /**
   * Maximum number of records to return. 0 means 500; values above 10000 are treated as 10000.
   */
  'maxRecords': (number);
  /**
   * Soft limit, in bytes, on the total size of keys, values and headers returned. 0 means 1 MiB (1048576);
   * values above 3 MiB (3145728) are treated as 3 MiB, so responses fit gRPC's default 4 MiB message limit.
   * When at least one record is available, the first record is returned even if it alone exceeds the limit.
   */
  'maxBytes': (number);
  /**
   * How long to wait, in ms, for a record to arrive when none is available at `offset`. 0 returns at once;
   * values above 30000 are treated as 30000.
   */
  'maxWaitMs': (number);
}
