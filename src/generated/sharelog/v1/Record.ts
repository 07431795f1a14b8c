// Original file: sharelog/v1/common.proto

import type { Header as _sharelog_v1_Header, Header__Output as _sharelog_v1_Header__Output } from '../../sharelog/v1/Header';
import type { Long } from '@grpc/proto-loader';

/**
 * A record as a producer sends it.
 */
export interface Record {
  /**
   * Optional record key. When set (even to zero bytes), the record is keyed: without an explicit partition it is
   * routed by Kafka's default partitioner (murmur2 of the key), and it takes part in per-key ordering of share
   * groups. Unset means the record has no key.
   */
  'key'?: (Buffer | Uint8Array | string);
  /**
   * Record payload. May be empty.
   */
  'value'?: (Buffer | Uint8Array | string);
  /**
   * Headers, kept in the order given.
   */
  'headers'?: (_sharelog_v1_Header)[];
  /**
   * Producer's timestamp, ms since the Unix epoch. 0 means "use the broker's append time". Negative values are
   * refused with INVALID_ARGUMENT.
   */
  'timestampMs'?: (number | string | Long);
  '_key'?: "key";
}

/**
 * A record as a producer sends it.
 */
export interface Record__Output {
  /**
   * Optional record key. When set (even to zero bytes), the record is keyed: without an explicit partition it is
   * routed by Kafka's default partitioner (murmur2 of the key), and it takes part in per-key ordering of share
   * groups. Unset means the record has no key.
   */
  'key'?: (Buffer);
  /**
   * Record payload. May be empty.
   */
  'value': (Buffer);
  /**
   * Headers, kept in the order given.
   */
  'headers': (_sharelog_v1_Header__Output)[];
  /**
   * Producer's timestamp, ms since the Unix epoch. 0 means "use the broker's append time". Negative values are
   * refused with INVALID_ARGUMENT.
   */
  'timestampMs': (number);
  '_key'?: "key";
}
