// Original file: sharelog/v1/consumer.proto

import type { ConsumedRecord as _sharelog_v1_ConsumedRecord, ConsumedRecord__Output as _sharelog_v1_ConsumedRecord__Output } from '../../sharelog/v1/ConsumedRecord';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of ConsumerService.Fetch.
 */
export interface FetchResponse {
  /**
   * Records starting at the requested offset, consecutive, in offset order. Empty when none arrived in time.
   */
  'records'?: (_sharelog_v1_ConsumedRecord)[];
  /**
   * Offset one past the last readable record of the partition (the offset the next append will get), at the time
   * of the response. The consumer is caught up when its next offset equals this.
   */
  'highWatermark'?: (number | string | Long);
  /**
   * Lowest offset still stored in the partition (retention moves it up), at the time of the response.
   */
  'logStartOffset'?: (number | string | Long);
}

/**
 * Response of ConsumerService.Fetch.
 */
export interface FetchResponse__Output {
  /**
   * Records starting at the requested offset, consecutive, in offset order. Empty when none arrived in time.
   */
  'records': (_sharelog_v1_ConsumedRecord__Output)[];
  /**
   * Offset one past the last readable record of the partition (the offset the next append will get), at the time
   * of the response. The consumer is caught up when its next offset equals this.
   */
  'highWatermark': (number);
  /**
   * Lowest offset still stored in the partition (retention moves it up), at the time of the response.
   */
  'logStartOffset': (number);
}
