// Original file: sharelog/v1/admin.proto


/**
 * Request of AdminService.CreatePartitions.
 */
export interface CreatePartitionsRequest {
  /**
   * Topic name. Required.
   */
  'name'?: (string);
  /**
   * The new total number of partitions: at least the current count, at most 10000.
   */
  'partitions'?: (number);
}

/**
 * Request of AdminService.CreatePartitions.
 */
export interface CreatePartitionsRequest__Output {
  /**
   * Topic name. Required.
   */
  'name': (string);
  /**
   * The new total number of partitions: at least the current count, at most 10000.
   */
  'partitions': (number);
}
