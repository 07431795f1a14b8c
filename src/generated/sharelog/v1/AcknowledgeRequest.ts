// Original file: sharelog/v1/share_consumer.proto

import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from '../../sharelog/v1/Acknowledgement';

/**
 * Request of ShareConsumerService.Acknowledge.
 */
export interface AcknowledgeRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * The member's id, from Heartbeat or Subscribe. Required.
   */
  'memberId'?: (string);
  /**
   * Acknowledgements to apply, at least one, in order.
   */
  'acknowledgements'?: (_sharelog_v1_Acknowledgement)[];
}

/**
 * Request of ShareConsumerService.Acknowledge.
 */
export interface AcknowledgeRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * The member's id, from Heartbeat or Subscribe. Required.
   */
  'memberId': (string);
  /**
   * Acknowledgements to apply, at least one, in order.
   */
  'acknowledgements': (_sharelog_v1_Acknowledgement__Output)[];
}
