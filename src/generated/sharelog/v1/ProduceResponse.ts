// Original file: sharelog/v1/producer.proto

import type { RecordPosition as _sharelog_v1_RecordPosition, RecordPosition__Output as _sharelog_v1_RecordPosition__Output } from '../../sharelog/v1/RecordPosition';

/**
 * Response of ProducerService.Produce.
 */
export interface ProduceResponse {
  /**
   * One position per request record, in request order.
   */
  'positions'?: (_sharelog_v1_RecordPosition)[];
  /**
   * True when nothing was appended by this call because an earlier request with the same producer_id and
   * sequence had already appended every record; `positions` then are the original ones. False when this call
   * appended records (including the case where it completed a partly appended earlier attempt).
   */
  'duplicate'?: (boolean);
}

/**
 * Response of ProducerService.Produce.
 */
export interface ProduceResponse__Output {
  /**
   * One position per request record, in request order.
   */
  'positions': (_sharelog_v1_RecordPosition__Output)[];
  /**
   * True when nothing was appended by this call because an earlier request with the same producer_id and
   * sequence had already appended every record; `positions` then are the original ones. False when this call
   * appended records (including the case where it completed a partly appended earlier attempt).
   */
  'duplicate': (boolean);
}
