// Original file: sharelog/v1/admin.proto

import type { Long } from '@grpc/proto-loader';

/**
 * Request of AdminService.CreateTopic.
 */
export interface CreateTopicRequest {
  /**
   * Topic name: `[a-zA-Z0-9._-]{1,249}`, not "." or "..". Required.
   */
  'name'?: (string);
  /**
   * Number of partitions, 1..10000. 0 means 1.
   */
  'partitions'?: (number);
  /**
   * Time retention in ms: 0 means the server's default, -1 means unlimited, otherwise > 0.
   */
  'retentionMs'?: (number | string | Long);
  /**
   * Size retention per partition in bytes: 0 means the server's default, -1 means unlimited, otherwise > 0.
   */
  'retentionBytes'?: (number | string | Long);
}

/**
 * Request of AdminService.CreateTopic.
 */
export interface CreateTopicRequest__Output {
  /**
   * Topic name: `[a-zA-Z0-9._-]{1,249}`, not "." or "..". Required.
   */
  'name': (string);
  /**
   * Number of partitions, 1..10000. 0 means 1.
   */
  'partitions': (number);
  /**
   * Time retention in ms: 0 means the server's default, -1 means unlimited, otherwise > 0.
   */
  'retentionMs': (number);
  /**
   * Size retention per partition in bytes: 0 means the server's default, -1 means unlimited, otherwise > 0.
   */
  'retentionBytes': (number);
}
