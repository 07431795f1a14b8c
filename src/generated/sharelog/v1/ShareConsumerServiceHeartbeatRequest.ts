// Original file: sharelog/v1/share_consumer.proto


/**
 * Request of ShareConsumerService.Heartbeat.
 */
export interface ShareConsumerServiceHeartbeatRequest {
  /**
   * Share group id. Required.
   */
  'groupId'?: (string);
  /**
   * The member's id. Empty to join with an id chosen by the server; a client-chosen id (at most 64 characters)
   * may be sent with member_epoch 0 to join or rejoin under that id, replacing any earlier incarnation (whose
   * records are released). Required when member_epoch is not 0.
   */
  'memberId'?: (string);
  /**
   * 0 to join; -1 to leave (the response then has member_epoch -1 and no assignment); otherwise the member epoch
   * of the latest response. The epoch before it is also accepted (its response may have been lost); anything else
   * is refused with ABORTED (FENCED_EPOCH).
   */
  'memberEpoch'?: (number);
  /**
   * Topics the member subscribes to. Required when joining. On later heartbeats an empty list means "unchanged";
   * a non-empty list replaces the subscription. Topics that do not exist yet are allowed; their partitions are
   * assigned once they are created.
   */
  'topics'?: (string)[];
  /**
   * Session timeout for this member, in ms: if no Heartbeat, Fetch or Acknowledge arrives for this long, the member is removed and its
   * records are released. Unset means the group's session_timeout_ms (45000 by default). Range 1000..3600000,
   * else INVALID_ARGUMENT. Sent on join; later values replace it.
   */
  'sessionTimeoutMs'?: (number);
  '_sessionTimeoutMs'?: "sessionTimeoutMs";
}

/**
 * Request of ShareConsumerService.Heartbeat.
 */
export interface ShareConsumerServiceHeartbeatRequest__Output {
  /**
   * Share group id. Required.
   */
  'groupId': (string);
  /**
   * The member's id. Empty to join with an id chosen by the server; a client-chosen id (at most 64 characters)
   * may be sent with member_epoch 0 to join or rejoin under that id, replacing any earlier incarnation (whose
   * records are released). Required when member_epoch is not 0.
   */
  'memberId': (string);
  /**
   * 0 to join; -1 to leave (the response then has member_epoch -1 and no assignment); otherwise the member epoch
   * of the latest response. The epoch before it is also accepted (its response may have been lost); anything else
   * is refused with ABORTED (FENCED_EPOCH).
   */
  'memberEpoch': (number);
  /**
   * Topics the member subscribes to. Required when joining. On later heartbeats an empty list means "unchanged";
   * a non-empty list replaces the subscription. Topics that do not exist yet are allowed; their partitions are
   * assigned once they are created.
   */
  'topics': (string)[];
  /**
   * Session timeout for this member, in ms: if no Heartbeat, Fetch or Acknowledge arrives for this long, the member is removed and its
   * records are released. Unset means the group's session_timeout_ms (45000 by default). Range 1000..3600000,
   * else INVALID_ARGUMENT. Sent on join; later values replace it.
   */
  'sessionTimeoutMs'?: (number);
  '_sessionTimeoutMs'?: "sessionTimeoutMs";
}
