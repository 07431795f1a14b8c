// Original file: sharelog/v1/admin.proto

import type { ShareRecordInfo as _sharelog_v1_ShareRecordInfo, ShareRecordInfo__Output as _sharelog_v1_ShareRecordInfo__Output } from '../../sharelog/v1/ShareRecordInfo';
import type { Long } from '@grpc/proto-loader';

/**
 * Response of AdminService.InspectShareRecords.
 */
export interface InspectShareRecordsResponse {
  /**
   * The share-partition start offset (SPSO), or -1 when the group has no state for the partition yet.
   */
  'startOffset'?: (number | string | Long);
  /**
   * The share-partition end offset (SPEO), or -1 when the group has no state for the partition yet.
   */
  'endOffset'?: (number | string | Long);
  /**
   * One entry per offset of the requested range that is at or above start_offset and below the partition's high
   * watermark, in offset order (offsets at or above end_offset show as AVAILABLE, never delivered). Records below
   * start_offset are done and their individual state is no longer kept. Empty when the group has no state for the
   * partition.
   */
  'records'?: (_sharelog_v1_ShareRecordInfo)[];
}

/**
 * Response of AdminService.InspectShareRecords.
 */
export interface InspectShareRecordsResponse__Output {
  /**
   * The share-partition start offset (SPSO), or -1 when the group has no state for the partition yet.
   */
  'startOffset': (number);
  /**
   * The share-partition end offset (SPEO), or -1 when the group has no state for the partition yet.
   */
  'endOffset': (number);
  /**
   * One entry per offset of the requested range that is at or above start_offset and below the partition's high
   * watermark, in offset order (offsets at or above end_offset show as AVAILABLE, never delivered). Records below
   * start_offset are done and their individual state is no longer kept. Empty when the group has no state for the
   * partition.
   */
  'records': (_sharelog_v1_ShareRecordInfo__Output)[];
}
