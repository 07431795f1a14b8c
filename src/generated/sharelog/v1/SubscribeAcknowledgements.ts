// Original file: sharelog/v1/share_consumer.proto

import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from '../../sharelog/v1/Acknowledgement';
import type { Long } from '@grpc/proto-loader';

/**
 * Acknowledgements sent on a Subscribe stream.
 */
export interface SubscribeAcknowledgements {
  /**
   * Client-chosen id echoed back in the matching SubscribeAcknowledgementResults, so results can be matched to
   * requests. The server does not interpret it; unique ids are recommended.
   */
  'correlationId'?: (number | string | Long);
  /**
   * Acknowledgements to apply, in order. May be empty (the results then are empty too).
   */
  'acknowledgements'?: (_sharelog_v1_Acknowledgement)[];
}

/**
 * Acknowledgements sent on a Subscribe stream.
 */
export interface SubscribeAcknowledgements__Output {
  /**
   * Client-chosen id echoed back in the matching SubscribeAcknowledgementResults, so results can be matched to
   * requests. The server does not interpret it; unique ids are recommended.
   */
  'correlationId': (number);
  /**
   * Acknowledgements to apply, in order. May be empty (the results then are empty too).
   */
  'acknowledgements': (_sharelog_v1_Acknowledgement__Output)[];
}
