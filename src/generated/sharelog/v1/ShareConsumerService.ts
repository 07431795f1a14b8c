// Original file: sharelog/v1/share_consumer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AcknowledgeRequest as _sharelog_v1_AcknowledgeRequest, AcknowledgeRequest__Output as _sharelog_v1_AcknowledgeRequest__Output } from '../../sharelog/v1/AcknowledgeRequest';
import type { AcknowledgeResponse as _sharelog_v1_AcknowledgeResponse, AcknowledgeResponse__Output as _sharelog_v1_AcknowledgeResponse__Output } from '../../sharelog/v1/AcknowledgeResponse';
import type { ShareConsumerServiceFetchRequest as _sharelog_v1_ShareConsumerServiceFetchRequest, ShareConsumerServiceFetchRequest__Output as _sharelog_v1_ShareConsumerServiceFetchRequest__Output } from '../../sharelog/v1/ShareConsumerServiceFetchRequest';
import type { ShareConsumerServiceFetchResponse as _sharelog_v1_ShareConsumerServiceFetchResponse, ShareConsumerServiceFetchResponse__Output as _sharelog_v1_ShareConsumerServiceFetchResponse__Output } from '../../sharelog/v1/ShareConsumerServiceFetchResponse';
import type { ShareConsumerServiceHeartbeatRequest as _sharelog_v1_ShareConsumerServiceHeartbeatRequest, ShareConsumerServiceHeartbeatRequest__Output as _sharelog_v1_ShareConsumerServiceHeartbeatRequest__Output } from '../../sharelog/v1/ShareConsumerServiceHeartbeatRequest';
import type { ShareConsumerServiceHeartbeatResponse as _sharelog_v1_ShareConsumerServiceHeartbeatResponse, ShareConsumerServiceHeartbeatResponse__Output as _sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output } from '../../sharelog/v1/ShareConsumerServiceHeartbeatResponse';
import type { ShareConsumerServiceLeaveGroupRequest as _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, ShareConsumerServiceLeaveGroupRequest__Output as _sharelog_v1_ShareConsumerServiceLeaveGroupRequest__Output } from '../../sharelog/v1/ShareConsumerServiceLeaveGroupRequest';
import type { ShareConsumerServiceLeaveGroupResponse as _sharelog_v1_ShareConsumerServiceLeaveGroupResponse, ShareConsumerServiceLeaveGroupResponse__Output as _sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output } from '../../sharelog/v1/ShareConsumerServiceLeaveGroupResponse';
import type { SubscribeRequest as _sharelog_v1_SubscribeRequest, SubscribeRequest__Output as _sharelog_v1_SubscribeRequest__Output } from '../../sharelog/v1/SubscribeRequest';
import type { SubscribeResponse as _sharelog_v1_SubscribeResponse, SubscribeResponse__Output as _sharelog_v1_SubscribeResponse__Output } from '../../sharelog/v1/SubscribeResponse';

/**
 * Consumes topics through share groups: the members of a group read the same partitions together, and the server
 * hands out individual records, each ACQUIRED by one member at a time under a lock.
 * 
 * Records: every record of a share-partition is AVAILABLE, ACQUIRED (held by one member until a deadline),
 * ACKNOWLEDGED or ARCHIVED. A fetch acquires AVAILABLE records, lowest offsets first (so redeliveries go out
 * before new records), adds one to each one's delivery count and locks it for the group's
 * record_lock_duration_ms. The holder then acknowledges it (see AcknowledgeType). A lock that expires, and a
 * member that leaves, make the held records AVAILABLE again with unchanged delivery counts; but a record that has
 * reached the group's delivery_count_limit is archived instead (and dead-lettered if the group has a dead-letter
 * topic), so no record is delivered more than delivery_count_limit times. Delivery is at-least-once: locks do not
 * survive a server restart, so records ACQUIRED at a crash are delivered again.
 * 
 * Two ways to be a member:
 * - Polling: Heartbeat to join (member_epoch 0) and stay alive (every heartbeat_interval_ms; Fetch and
 * Acknowledge also count as signs of life), Fetch to acquire (and acknowledge), Acknowledge, LeaveGroup.
 * - Streaming: one Subscribe stream whose lifetime is the membership; no heartbeats needed.
 * Assignment is computed by the server and only says which partitions a member fetches from. When there are more
 * members than partitions, each partition is shared by several members; otherwise each member gets several
 * partitions. There is no revocation handshake: locks, not assignment, keep records apart. A member keeps the
 * records it holds when its assignment changes and can still acknowledge them.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface ShareConsumerServiceClient extends grpc.Client {
  /**
   * Acknowledges records the member holds, without acquiring new ones. Per-range failures come back in the
   * results, not as a status.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id, no acknowledgements.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group (its records were already released).
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  Acknowledge(argument: _sharelog_v1_AcknowledgeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  Acknowledge(argument: _sharelog_v1_AcknowledgeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  Acknowledge(argument: _sharelog_v1_AcknowledgeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  Acknowledge(argument: _sharelog_v1_AcknowledgeRequest, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Acknowledges records the member holds, without acquiring new ones. Per-range failures come back in the
   * results, not as a status.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id, no acknowledgements.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group (its records were already released).
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  acknowledge(argument: _sharelog_v1_AcknowledgeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  acknowledge(argument: _sharelog_v1_AcknowledgeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  acknowledge(argument: _sharelog_v1_AcknowledgeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  acknowledge(argument: _sharelog_v1_AcknowledgeRequest, callback: grpc.requestCallback<_sharelog_v1_AcknowledgeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Applies the given acknowledgements first, then acquires up to max_records AVAILABLE records from the member's
   * assigned partitions and returns them locked to the member.
   * 
   * Long-poll: when nothing can be acquired and max_wait_ms > 0, the call waits until records can be acquired
   * or max_wait_ms passes, whichever comes first; an empty result is not an error. It returns as soon as at least
   * one record is acquired, so it may return fewer than max_records. The acknowledgement results are returned
   * with the response in any case.
   * 
   * If the call fails with a status, no record was acquired. Whether its acknowledgements were applied is then
   * unknown for UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED and CANCELLED (resend them with lease tokens to be safe)
   * and known to be "none" for the other statuses.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id, negative max_records or max_wait_ms.
   * (A malformed acknowledgement fails only its own range, with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.)
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group (never joined, left, or its session timed out;
   * the records it held were released). Join again.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  Fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Applies the given acknowledgements first, then acquires up to max_records AVAILABLE records from the member's
   * assigned partitions and returns them locked to the member.
   * 
   * Long-poll: when nothing can be acquired and max_wait_ms > 0, the call waits until records can be acquired
   * or max_wait_ms passes, whichever comes first; an empty result is not an error. It returns as soon as at least
   * one record is acquired, so it may return fewer than max_records. The acknowledgement results are returned
   * with the response in any case.
   * 
   * If the call fails with a status, no record was acquired. Whether its acknowledgements were applied is then
   * unknown for UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED and CANCELLED (resend them with lease tokens to be safe)
   * and known to be "none" for the other statuses.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id, negative max_records or max_wait_ms.
   * (A malformed acknowledgement fails only its own range, with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.)
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group (never joined, left, or its session timed out;
   * the records it held were released). Join again.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _sharelog_v1_ShareConsumerServiceFetchRequest, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceFetchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Joins a share group, keeps the membership alive, changes the subscription or leaves (member_epoch -1, which
   * releases every record the member holds), and returns the member's current assignment. The group is created
   * with the default configuration on the first join.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; member_epoch below -1; a join without topics; a
   * non-zero member_epoch without member_id; member_id longer than 64 characters; session_timeout_ms out of
   * range.
   * - NOT_FOUND (UNKNOWN_MEMBER): a non-zero member_epoch for a member the group does not know (e.g. removed
   * after its session timed out). Join again with member_epoch 0.
   * - ABORTED (FENCED_EPOCH): member_epoch is neither the member's current epoch nor the one before it. Join
   * again with member_epoch 0.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): a join to a group that already has max_members members (200 by
   * default).
   */
  Heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Joins a share group, keeps the membership alive, changes the subscription or leaves (member_epoch -1, which
   * releases every record the member holds), and returns the member's current assignment. The group is created
   * with the default configuration on the first join.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; member_epoch below -1; a join without topics; a
   * non-zero member_epoch without member_id; member_id longer than 64 characters; session_timeout_ms out of
   * range.
   * - NOT_FOUND (UNKNOWN_MEMBER): a non-zero member_epoch for a member the group does not know (e.g. removed
   * after its session timed out). Join again with member_epoch 0.
   * - ABORTED (FENCED_EPOCH): member_epoch is neither the member's current epoch nor the one before it. Join
   * again with member_epoch 0.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): a join to a group that already has max_members members (200 by
   * default).
   */
  heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _sharelog_v1_ShareConsumerServiceHeartbeatRequest, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Leaves a share group at once. Every record the member holds is released as if by its lock expiring: it
   * becomes AVAILABLE with its delivery count unchanged, or ARCHIVED if it has reached delivery_count_limit.
   * Succeeds also when the member is no longer in the group.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  LeaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Leaves a share group at once. Every record the member holds is released as if by its lock expiring: it
   * becomes AVAILABLE with its delivery count unchanged, or ARCHIVED if it has reached delivery_count_limit.
   * Succeeds also when the member is no longer in the group.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  leaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, callback: grpc.requestCallback<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A membership as a bidirectional stream: the server pushes acquired records as the client grants credits.
   * 
   * Protocol:
   * 1. The client's first message is `start`. The server answers with `joined` (member id, epoch, assignment)
   * before anything else.
   * 2. The client sends `credits` (any number of times) to allow more records: the server pushes records
   * (`records` messages) while the member has credit left, each pushed record using one credit. Credits add
   * up; acknowledging records does not return credit. With no credit, nothing is pushed.
   * 3. The client sends `acknowledgements` with a correlation id; the server answers each with one
   * `acknowledgement_results` message carrying the same correlation id.
   * 4. The server sends `assignment_changed` whenever the member's assignment changes.
   * The stream is the membership: no heartbeats are needed, and the member is removed when the stream ends for
   * any reason (client half-close, cancellation, connection loss detected by gRPC keepalive, server error). On a
   * client half-close, the server answers the acknowledgements already received, removes the member and ends the
   * stream with OK. Ending the membership releases every record the member holds (see LeaveGroup).
   * 
   * Errors (they end the stream, and the membership with it):
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): the first message is not `start`; a second `start`; empty group_id,
   * no topics, member_id longer than 64 characters; credits <= 0 or total outstanding credit above 100000;
   * a message with no field of the oneof set.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): the group already has max_members members.
   * - UNAVAILABLE (SHUTTING_DOWN): the server is draining; reconnect, possibly to another server.
   */
  Subscribe(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_sharelog_v1_SubscribeRequest, _sharelog_v1_SubscribeResponse__Output>;
  Subscribe(options?: grpc.CallOptions): grpc.ClientDuplexStream<_sharelog_v1_SubscribeRequest, _sharelog_v1_SubscribeResponse__Output>;
  /**
   * A membership as a bidirectional stream: the server pushes acquired records as the client grants credits.
   * 
   * Protocol:
   * 1. The client's first message is `start`. The server answers with `joined` (member id, epoch, assignment)
   * before anything else.
   * 2. The client sends `credits` (any number of times) to allow more records: the server pushes records
   * (`records` messages) while the member has credit left, each pushed record using one credit. Credits add
   * up; acknowledging records does not return credit. With no credit, nothing is pushed.
   * 3. The client sends `acknowledgements` with a correlation id; the server answers each with one
   * `acknowledgement_results` message carrying the same correlation id.
   * 4. The server sends `assignment_changed` whenever the member's assignment changes.
   * The stream is the membership: no heartbeats are needed, and the member is removed when the stream ends for
   * any reason (client half-close, cancellation, connection loss detected by gRPC keepalive, server error). On a
   * client half-close, the server answers the acknowledgements already received, removes the member and ends the
   * stream with OK. Ending the membership releases every record the member holds (see LeaveGroup).
   * 
   * Errors (they end the stream, and the membership with it):
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): the first message is not `start`; a second `start`; empty group_id,
   * no topics, member_id longer than 64 characters; credits <= 0 or total outstanding credit above 100000;
   * a message with no field of the oneof set.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): the group already has max_members members.
   * - UNAVAILABLE (SHUTTING_DOWN): the server is draining; reconnect, possibly to another server.
   */
  subscribe(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_sharelog_v1_SubscribeRequest, _sharelog_v1_SubscribeResponse__Output>;
  subscribe(options?: grpc.CallOptions): grpc.ClientDuplexStream<_sharelog_v1_SubscribeRequest, _sharelog_v1_SubscribeResponse__Output>;
  
}

/**
 * Consumes topics through share groups: the members of a group read the same partitions together, and the server
 * hands out individual records, each ACQUIRED by one member at a time under a lock.
 * 
 * Records: every record of a share-partition is AVAILABLE, ACQUIRED (held by one member until a deadline),
 * ACKNOWLEDGED or ARCHIVED. A fetch acquires AVAILABLE records, lowest offsets first (so redeliveries go out
 * before new records), adds one to each one's delivery count and locks it for the group's
 * record_lock_duration_ms. The holder then acknowledges it (see AcknowledgeType). A lock that expires, and a
 * member that leaves, make the held records AVAILABLE again with unchanged delivery counts; but a record that has
 * reached the group's delivery_count_limit is archived instead (and dead-lettered if the group has a dead-letter
 * topic), so no record is delivered more than delivery_count_limit times. Delivery is at-least-once: locks do not
 * survive a server restart, so records ACQUIRED at a crash are delivered again.
 * 
 * Two ways to be a member:
 * - Polling: Heartbeat to join (member_epoch 0) and stay alive (every heartbeat_interval_ms; Fetch and
 * Acknowledge also count as signs of life), Fetch to acquire (and acknowledge), Acknowledge, LeaveGroup.
 * - Streaming: one Subscribe stream whose lifetime is the membership; no heartbeats needed.
 * Assignment is computed by the server and only says which partitions a member fetches from. When there are more
 * members than partitions, each partition is shared by several members; otherwise each member gets several
 * partitions. There is no revocation handshake: locks, not assignment, keep records apart. A member keeps the
 * records it holds when its assignment changes and can still acknowledge them.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface ShareConsumerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Acknowledges records the member holds, without acquiring new ones. Per-range failures come back in the
   * results, not as a status.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id, no acknowledgements.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group (its records were already released).
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  Acknowledge: grpc.handleUnaryCall<_sharelog_v1_AcknowledgeRequest__Output, _sharelog_v1_AcknowledgeResponse>;
  
  /**
   * Applies the given acknowledgements first, then acquires up to max_records AVAILABLE records from the member's
   * assigned partitions and returns them locked to the member.
   * 
   * Long-poll: when nothing can be acquired and max_wait_ms > 0, the call waits until records can be acquired
   * or max_wait_ms passes, whichever comes first; an empty result is not an error. It returns as soon as at least
   * one record is acquired, so it may return fewer than max_records. The acknowledgement results are returned
   * with the response in any case.
   * 
   * If the call fails with a status, no record was acquired. Whether its acknowledgements were applied is then
   * unknown for UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED and CANCELLED (resend them with lease tokens to be safe)
   * and known to be "none" for the other statuses.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id, negative max_records or max_wait_ms.
   * (A malformed acknowledgement fails only its own range, with ACKNOWLEDGE_ERROR_INVALID_ARGUMENT.)
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group (never joined, left, or its session timed out;
   * the records it held were released). Join again.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  Fetch: grpc.handleUnaryCall<_sharelog_v1_ShareConsumerServiceFetchRequest__Output, _sharelog_v1_ShareConsumerServiceFetchResponse>;
  
  /**
   * Joins a share group, keeps the membership alive, changes the subscription or leaves (member_epoch -1, which
   * releases every record the member holds), and returns the member's current assignment. The group is created
   * with the default configuration on the first join.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; member_epoch below -1; a join without topics; a
   * non-zero member_epoch without member_id; member_id longer than 64 characters; session_timeout_ms out of
   * range.
   * - NOT_FOUND (UNKNOWN_MEMBER): a non-zero member_epoch for a member the group does not know (e.g. removed
   * after its session timed out). Join again with member_epoch 0.
   * - ABORTED (FENCED_EPOCH): member_epoch is neither the member's current epoch nor the one before it. Join
   * again with member_epoch 0.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): a join to a group that already has max_members members (200 by
   * default).
   */
  Heartbeat: grpc.handleUnaryCall<_sharelog_v1_ShareConsumerServiceHeartbeatRequest__Output, _sharelog_v1_ShareConsumerServiceHeartbeatResponse>;
  
  /**
   * Leaves a share group at once. Every record the member holds is released as if by its lock expiring: it
   * becomes AVAILABLE with its delivery count unchanged, or ARCHIVED if it has reached delivery_count_limit.
   * Succeeds also when the member is no longer in the group.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  LeaveGroup: grpc.handleUnaryCall<_sharelog_v1_ShareConsumerServiceLeaveGroupRequest__Output, _sharelog_v1_ShareConsumerServiceLeaveGroupResponse>;
  
  /**
   * A membership as a bidirectional stream: the server pushes acquired records as the client grants credits.
   * 
   * Protocol:
   * 1. The client's first message is `start`. The server answers with `joined` (member id, epoch, assignment)
   * before anything else.
   * 2. The client sends `credits` (any number of times) to allow more records: the server pushes records
   * (`records` messages) while the member has credit left, each pushed record using one credit. Credits add
   * up; acknowledging records does not return credit. With no credit, nothing is pushed.
   * 3. The client sends `acknowledgements` with a correlation id; the server answers each with one
   * `acknowledgement_results` message carrying the same correlation id.
   * 4. The server sends `assignment_changed` whenever the member's assignment changes.
   * The stream is the membership: no heartbeats are needed, and the member is removed when the stream ends for
   * any reason (client half-close, cancellation, connection loss detected by gRPC keepalive, server error). On a
   * client half-close, the server answers the acknowledgements already received, removes the member and ends the
   * stream with OK. Ending the membership releases every record the member holds (see LeaveGroup).
   * 
   * Errors (they end the stream, and the membership with it):
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): the first message is not `start`; a second `start`; empty group_id,
   * no topics, member_id longer than 64 characters; credits <= 0 or total outstanding credit above 100000;
   * a message with no field of the oneof set.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): the group already has max_members members.
   * - UNAVAILABLE (SHUTTING_DOWN): the server is draining; reconnect, possibly to another server.
   */
  Subscribe: grpc.handleBidiStreamingCall<_sharelog_v1_SubscribeRequest__Output, _sharelog_v1_SubscribeResponse>;
  
}

export interface ShareConsumerServiceDefinition extends grpc.ServiceDefinition {
  Acknowledge: MethodDefinition<_sharelog_v1_AcknowledgeRequest, _sharelog_v1_AcknowledgeResponse, _sharelog_v1_AcknowledgeRequest__Output, _sharelog_v1_AcknowledgeResponse__Output>
  Fetch: MethodDefinition<_sharelog_v1_ShareConsumerServiceFetchRequest, _sharelog_v1_ShareConsumerServiceFetchResponse, _sharelog_v1_ShareConsumerServiceFetchRequest__Output, _sharelog_v1_ShareConsumerServiceFetchResponse__Output>
  Heartbeat: MethodDefinition<_sharelog_v1_ShareConsumerServiceHeartbeatRequest, _sharelog_v1_ShareConsumerServiceHeartbeatResponse, _sharelog_v1_ShareConsumerServiceHeartbeatRequest__Output, _sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>
  LeaveGroup: MethodDefinition<_sharelog_v1_ShareConsumerServiceLeaveGroupRequest, _sharelog_v1_ShareConsumerServiceLeaveGroupResponse, _sharelog_v1_ShareConsumerServiceLeaveGroupRequest__Output, _sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>
  Subscribe: MethodDefinition<_sharelog_v1_SubscribeRequest, _sharelog_v1_SubscribeResponse, _sharelog_v1_SubscribeRequest__Output, _sharelog_v1_SubscribeResponse__Output>
}
