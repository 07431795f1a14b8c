// Original file: sharelog/v1/share_consumer.proto

import type { SubscribeStart as _sharelog_v1_SubscribeStart, SubscribeStart__Output as _sharelog_v1_SubscribeStart__Output } from '../../sharelog/v1/SubscribeStart';
import type { SubscribeAcknowledgements as _sharelog_v1_SubscribeAcknowledgements, SubscribeAcknowledgements__Output as _sharelog_v1_SubscribeAcknowledgements__Output } from '../../sharelog/v1/SubscribeAcknowledgements';

/**
 * A message from the client on a Subscribe stream. Exactly one field of `request` must be set.
 */
export interface SubscribeRequest {
  /**
   * Join the group. Must be the first message, and only the first.
   */
  'start'?: (_sharelog_v1_SubscribeStart | null);
  /**
   * Allow this many more records to be pushed (> 0). Credits add up; the total outstanding credit may not
   * exceed 100000.
   */
  'credits'?: (number);
  /**
   * Acknowledge records held by this member.
   */
  'acknowledgements'?: (_sharelog_v1_SubscribeAcknowledgements | null);
  /**
   * What this message carries.
   */
  'request'?: "start"|"credits"|"acknowledgements";
}

/**
 * A message from the client on a Subscribe stream. Exactly one field of `request` must be set.
 */
export interface SubscribeRequest__Output {
  /**
   * Join the group. Must be the first message, and only the first.
   */
  'start'?: (_sharelog_v1_SubscribeStart__Output | null);
  /**
   * Allow this many more records to be pushed (> 0). Credits add up; the total outstanding credit may not
   * exceed 100000.
   */
  'credits'?: (number);
  /**
   * Acknowledge records held by this member.
   */
  'acknowledgements'?: (_sharelog_v1_SubscribeAcknowledgements__Output | null);
  /**
   * What this message carries.
   */
  'request'?: "start"|"credits"|"acknowledgements";
}
