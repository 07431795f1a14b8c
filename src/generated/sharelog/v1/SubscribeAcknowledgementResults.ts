// Original file: sharelog/v1/share_consumer.proto

import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from '../../sharelog/v1/AcknowledgementResult';
import type { Long } from '@grpc/proto-loader';

/**
 * The answer to one SubscribeAcknowledgements message.
 */
export interface SubscribeAcknowledgementResults {
  /**
   * The correlation_id of the SubscribeAcknowledgements answered.
   */
  'correlationId'?: (number | string | Long);
  /**
   * One result per acknowledgement of that message, in its order.
   */
  'results'?: (_sharelog_v1_AcknowledgementResult)[];
}

/**
 * The answer to one SubscribeAcknowledgements message.
 */
export interface SubscribeAcknowledgementResults__Output {
  /**
   * The correlation_id of the SubscribeAcknowledgements answered.
   */
  'correlationId': (number);
  /**
   * One result per acknowledgement of that message, in its order.
   */
  'results': (_sharelog_v1_AcknowledgementResult__Output)[];
}
