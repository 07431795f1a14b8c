// Original file: sharelog/v1/share_consumer.proto

import type { AcquiredRecord as _sharelog_v1_AcquiredRecord, AcquiredRecord__Output as _sharelog_v1_AcquiredRecord__Output } from '../../sharelog/v1/AcquiredRecord';
import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from '../../sharelog/v1/AcknowledgementResult';

/**
 * Response of ShareConsumerService.Fetch.
 */
export interface ShareConsumerServiceFetchResponse {
  /**
   * Records acquired by the member, locked until each one's lock_expires_at_ms. Records of one partition come in
   * increasing offset order; there is no order across partitions, nor across deliveries.
   */
  'records'?: (_sharelog_v1_AcquiredRecord)[];
  /**
   * One result per request acknowledgement, in request order.
   */
  'acknowledgementResults'?: (_sharelog_v1_AcknowledgementResult)[];
}

/**
 * Response of ShareConsumerService.Fetch.
 */
export interface ShareConsumerServiceFetchResponse__Output {
  /**
   * Records acquired by the member, locked until each one's lock_expires_at_ms. Records of one partition come in
   * increasing offset order; there is no order across partitions, nor across deliveries.
   */
  'records': (_sharelog_v1_AcquiredRecord__Output)[];
  /**
   * One result per request acknowledgement, in request order.
   */
  'acknowledgementResults': (_sharelog_v1_AcknowledgementResult__Output)[];
}
