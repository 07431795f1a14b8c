// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Retention settings of a topic, as in effect (server defaults already substituted).
 */
export interface TopicConfig {
  /**
   * Records older than this, in ms, are deleted (whole segments at a time, so some may live a little longer).
   * -1 means no time limit.
   */
  'retentionMs'?: (number | string | Long);
  /**
   * Maximum stored size of each partition, in bytes; the oldest segments are deleted beyond it. -1 means no size
   * limit.
   */
  'retentionBytes'?: (number | string | Long);
}

/**
 * Retention settings of a topic, as in effect (server defaults already substituted).
 */
export interface TopicConfig__Output {
  /**
   * Records older than this, in ms, are deleted (whole segments at a time, so some may live a little longer).
   * -1 means no time limit.
   */
  'retentionMs': (number);
  /**
   * Maximum stored size of each partition, in bytes; the oldest segments are deleted beyond it. -1 means no size
   * limit.
   */
  'retentionBytes': (number);
}
