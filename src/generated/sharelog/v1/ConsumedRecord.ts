// Original file: sharelog/v1/common.proto

import type { Header as _sharelog_v1_Header, Header__Output as _sharelog_v1_Header__Output } from '../../sharelog/v1/Header';
import type { Long } from '@grpc/proto-loader';

/**
 * A record as it is read back from a partition.
 */
export interface ConsumedRecord {
  /**
   * Topic the record belongs to.
   */
  'topic'?: (string);
  /**
   * Partition the record belongs to (0-based).
   */
  'partition'?: (number);
  /**
   * Offset of the record in its partition (0-based, dense).
   */
  'offset'?: (number | string | Long);
  /**
   * Record key; unset when the record has no key (which is distinct from an empty key).
   */
  'key'?: (Buffer | Uint8Array | string);
  /**
   * Record payload.
   */
  'value'?: (Buffer | Uint8Array | string);
  /**
   * Headers, in the order the producer sent them.
   */
  'headers'?: (_sharelog_v1_Header)[];
  /**
   * The producer's timestamp, or the broker's append time when the producer sent 0. Ms since the Unix epoch;
   * never 0.
   */
  'timestampMs'?: (number | string | Long);
  '_key'?: "key";
}

/**
 * A record as it is read back from a partition.
 */
export interface ConsumedRecord__Output {
  /**
   * Topic the record belongs to.
   */
  'topic': (string);
  /**
   * Partition the record belongs to (0-based).
   */
  'partition': (number);
  /**
   * Offset of the record in its partition (0-based, dense).
   */
  'offset': (number);
  /**
   * Record key; unset when the record has no key (which is distinct from an empty key).
   */
  'key'?: (Buffer);
  /**
   * Record payload.
   */
  'value': (Buffer);
  /**
   * Headers, in the order the producer sent them.
   */
  'headers': (_sharelog_v1_Header__Output)[];
  /**
   * The producer's timestamp, or the broker's append time when the producer sent 0. Ms since the Unix epoch;
   * never 0.
   */
  'timestampMs': (number);
  '_key'?: "key";
}
