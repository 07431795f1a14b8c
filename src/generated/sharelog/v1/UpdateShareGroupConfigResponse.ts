// Original file: sharelog/v1/admin.proto

import type { ShareGroupConfig as _sharelog_v1_ShareGroupConfig, ShareGroupConfig__Output as _sharelog_v1_ShareGroupConfig__Output } from '../../sharelog/v1/ShareGroupConfig';

/**
 * Response of AdminService.UpdateShareGroupConfig.
 */
export interface UpdateShareGroupConfigResponse {
  /**
   * The complete configuration in effect after the update.
   */
  'config'?: (_sharelog_v1_ShareGroupConfig | null);
}

/**
 * Response of AdminService.UpdateShareGroupConfig.
 */
export interface UpdateShareGroupConfigResponse__Output {
  /**
   * The complete configuration in effect after the update.
   */
  'config': (_sharelog_v1_ShareGroupConfig__Output | null);
}
