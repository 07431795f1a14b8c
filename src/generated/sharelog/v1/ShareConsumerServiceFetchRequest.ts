// Original file: sharelog/v1/share_consumer.proto

import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from '../../sharelog/v1/Acknowledgement';

/**
 * Request of ShareConsumerService.Fetch.
 */
export interface ShareConsumerServiceFetchRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * The member's id, from Heartbeat. Required.
   */
  'memberId'?: (string);
  /**
   * Maximum number of records to acquire. 0 means 500; values above 10000 are treated as 10000. The server may
   * return fewer, e.g. to respect the group's max_in_flight_records or to keep the response below 3 MiB.
   */
  'maxRecords'?: (number);
  /**
   * How long to wait, in ms, for records to become available when none can be acquired. 0 returns at once;
   * values above 30000 are treated as 30000.
   */
  'maxWaitMs'?: (number);
  /**
   * Acknowledgements to apply before acquiring, each answered in acknowledgement_results. May be empty.
   */
  'acknowledgements'?: (_sharelog_v1_Acknowledgement)[];
}

/**
 * Request of ShareConsumerService.Fetch.
 */
export interface ShareConsumerServiceFetchRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * The member's id, from Heartbeat. Required.
   */
  'memberId': (string);
  /**
   * Maximum number of records to acquire. 0 means 500; values above 10000 are treated as 10000. The server may
   * return fewer, e.g. to respect the group's max_in_flight_records or to keep the response below 3 MiB.
   */
  'maxRecords': (number);
  /**
   * How long to wait, in ms, for records to become available when none can be acquired. 0 returns at once;
   * values above 30000 are treated as 30000.
   */
  'maxWaitMs': (number);
  /**
   * Acknowledgements to apply before acquiring, each answered in acknowledgement_results. May be empty.
   */
  'acknowledgements': (_sharelog_v1_Acknowledgement__Output)[];
}
