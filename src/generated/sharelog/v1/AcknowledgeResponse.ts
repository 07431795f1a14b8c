// Original file: sharelog/v1/share_consumer.proto

import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from '../../sharelog/v1/AcknowledgementResult';

/**
 * Response of ShareConsumerService.Acknowledge.
 */
export interface AcknowledgeResponse {
  /**
   * One result per request acknowledgement, in request order.
   */
  'results'?: (_sharelog_v1_AcknowledgementResult)[];
}

/**
 * Response of ShareConsumerService.Acknowledge.
 */
export interface AcknowledgeResponse__Output {
  /**
   * One result per request acknowledgement, in request order.
   */
  'results': (_sharelog_v1_AcknowledgementResult__Output)[];
}
