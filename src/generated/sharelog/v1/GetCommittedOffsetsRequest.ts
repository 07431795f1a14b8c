// Original file: sharelog/v1/consumer.proto


/**
 * Request of ConsumerService.GetCommittedOffsets.
 */
export interface GetCommittedOffsetsRequest {
  /**
   * Consumer group id. Required.
   */
  'groupId'?: (string);
  /**
   * When not empty, only offsets of this topic are returned.
   */
  'topic'?: (string);
}

/**
 * Request of ConsumerService.GetCommittedOffsets.
 */
export interface GetCommittedOffsetsRequest__Output {
  /**
   * Consumer group id. Required.
   */
  'groupId': (string);
  /**
   * When not empty, only offsets of this topic are returned.
   */
  'topic': (string);
}
