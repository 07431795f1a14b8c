// Original file: sharelog/v1/share_consumer.proto

import type { AcquiredRecord as _sharelog_v1_AcquiredRecord, AcquiredRecord__Output as _sharelog_v1_AcquiredRecord__Output } from '../../sharelog/v1/AcquiredRecord';

/**
 * Records pushed on a Subscribe stream.
 */
export interface SubscribeRecords {
  /**
   * Records acquired by the member, at least one, never more than the member's outstanding credit. Records of one
   * partition come in increasing offset order.
   */
  'records'?: (_sharelog_v1_AcquiredRecord)[];
}

/**
 * Records pushed on a Subscribe stream.
 */
export interface SubscribeRecords__Output {
  /**
   * Records acquired by the member, at least one, never more than the member's outstanding credit. Records of one
   * partition come in increasing offset order.
   */
  'records': (_sharelog_v1_AcquiredRecord__Output)[];
}
