// Original file: sharelog/v1/consumer.proto


/**
 * Response of ConsumerService.CommitOffsets. Empty: success means every offset of the request is stored durably.
 */
export interface CommitOffsetsResponse {
}

/**
 * Response of ConsumerService.CommitOffsets. Empty: success means every offset of the request is stored durably.
 */
export interface CommitOffsetsResponse__Output {
}
