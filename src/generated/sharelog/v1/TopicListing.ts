// Original file: sharelog/v1/admin.proto


/**
 * A topic in a listing.
 */
export interface TopicListing {
  /**
   * Topic name.
   */
  'name'?: (string);
  /**
   * Number of partitions.
   */
  'partitions'?: (number);
}

/**
 * A topic in a listing.
 */
export interface TopicListing__Output {
  /**
   * Topic name.
   */
  'name': (string);
  /**
   * Number of partitions.
   */
  'partitions': (number);
}
