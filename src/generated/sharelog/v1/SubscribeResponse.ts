// Original file: sharelog/v1/share_consumer.proto

import type { SubscribeJoined as _sharelog_v1_SubscribeJoined, SubscribeJoined__Output as _sharelog_v1_SubscribeJoined__Output } from '../../sharelog/v1/SubscribeJoined';
import type { SubscribeRecords as _sharelog_v1_SubscribeRecords, SubscribeRecords__Output as _sharelog_v1_SubscribeRecords__Output } from '../../sharelog/v1/SubscribeRecords';
import type { SubscribeAcknowledgementResults as _sharelog_v1_SubscribeAcknowledgementResults, SubscribeAcknowledgementResults__Output as _sharelog_v1_SubscribeAcknowledgementResults__Output } from '../../sharelog/v1/SubscribeAcknowledgementResults';
import type { SubscribeAssignmentChanged as _sharelog_v1_SubscribeAssignmentChanged, SubscribeAssignmentChanged__Output as _sharelog_v1_SubscribeAssignmentChanged__Output } from '../../sharelog/v1/SubscribeAssignmentChanged';

/**
 * A message from the server on a Subscribe stream. Exactly one field of `response` is set.
 */
export interface SubscribeResponse {
  /**
   * The membership is established; always the first message.
   */
  'joined'?: (_sharelog_v1_SubscribeJoined | null);
  /**
   * Records acquired for the member.
   */
  'records'?: (_sharelog_v1_SubscribeRecords | null);
  /**
   * Results of one `acknowledgements` message.
   */
  'acknowledgementResults'?: (_sharelog_v1_SubscribeAcknowledgementResults | null);
  /**
   * The member's assignment changed.
   */
  'assignmentChanged'?: (_sharelog_v1_SubscribeAssignmentChanged | null);
  /**
   * What this message carries.
   */
  'response'?: "joined"|"records"|"acknowledgementResults"|"assignmentChanged";
}

/**
 * A message from the server on a Subscribe stream. Exactly one field of `response` is set.
 */
export interface SubscribeResponse__Output {
  /**
   * The membership is established; always the first message.
   */
  'joined'?: (_sharelog_v1_SubscribeJoined__Output | null);
  /**
   * Records acquired for the member.
   */
  'records'?: (_sharelog_v1_SubscribeRecords__Output | null);
  /**
   * Results of one `acknowledgements` message.
   */
  'acknowledgementResults'?: (_sharelog_v1_SubscribeAcknowledgementResults__Output | null);
  /**
   * The member's assignment changed.
   */
  'assignmentChanged'?: (_sharelog_v1_SubscribeAssignmentChanged__Output | null);
  /**
   * What this message carries.
   */
  'response'?: "joined"|"records"|"acknowledgementResults"|"assignmentChanged";
}
