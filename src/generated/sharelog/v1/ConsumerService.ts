// Original file: sharelog/v1/consumer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CommitOffsetsRequest as _sharelog_v1_CommitOffsetsRequest, CommitOffsetsRequest__Output as _sharelog_v1_CommitOffsetsRequest__Output } from '../../sharelog/v1/CommitOffsetsRequest';
import type { CommitOffsetsResponse as _sharelog_v1_CommitOffsetsResponse, CommitOffsetsResponse__Output as _sharelog_v1_CommitOffsetsResponse__Output } from '../../sharelog/v1/CommitOffsetsResponse';
import type { FetchRequest as _sharelog_v1_FetchRequest, FetchRequest__Output as _sharelog_v1_FetchRequest__Output } from '../../sharelog/v1/FetchRequest';
import type { FetchResponse as _sharelog_v1_FetchResponse, FetchResponse__Output as _sharelog_v1_FetchResponse__Output } from '../../sharelog/v1/FetchResponse';
import type { GetCommittedOffsetsRequest as _sharelog_v1_GetCommittedOffsetsRequest, GetCommittedOffsetsRequest__Output as _sharelog_v1_GetCommittedOffsetsRequest__Output } from '../../sharelog/v1/GetCommittedOffsetsRequest';
import type { GetCommittedOffsetsResponse as _sharelog_v1_GetCommittedOffsetsResponse, GetCommittedOffsetsResponse__Output as _sharelog_v1_GetCommittedOffsetsResponse__Output } from '../../sharelog/v1/GetCommittedOffsetsResponse';
import type { HeartbeatRequest as _sharelog_v1_HeartbeatRequest, HeartbeatRequest__Output as _sharelog_v1_HeartbeatRequest__Output } from '../../sharelog/v1/HeartbeatRequest';
import type { HeartbeatResponse as _sharelog_v1_HeartbeatResponse, HeartbeatResponse__Output as _sharelog_v1_HeartbeatResponse__Output } from '../../sharelog/v1/HeartbeatResponse';
import type { LeaveGroupRequest as _sharelog_v1_LeaveGroupRequest, LeaveGroupRequest__Output as _sharelog_v1_LeaveGroupRequest__Output } from '../../sharelog/v1/LeaveGroupRequest';
import type { LeaveGroupResponse as _sharelog_v1_LeaveGroupResponse, LeaveGroupResponse__Output as _sharelog_v1_LeaveGroupResponse__Output } from '../../sharelog/v1/LeaveGroupResponse';

/**
 * Reads partitions by offset, and runs Kafka-style consumer groups (KIP-848: assignment computed on the server).
 * 
 * Consumer group protocol: a member joins by calling Heartbeat with member_epoch 0 and its topics, then keeps
 * calling Heartbeat every heartbeat_interval_ms, always sending the member_epoch of the latest response. Each
 * response carries the member's complete assignment. A partition is owned by one member at a time: it is added
 * to a member's assignment only after its previous owner has given it up. When a partition disappears from a
 * member's assignment, the member must stop fetching it and commit its offset, then send its next Heartbeat
 * (at once, without waiting for the interval): that heartbeat confirms the release. The member reads its
 * partitions with Fetch and records progress with CommitOffsets. A member that sends no Heartbeat within its
 * session timeout is removed and its partitions are reassigned. A member that gets ABORTED (FENCED_EPOCH) or
 * NOT_FOUND (UNKNOWN_MEMBER) has lost its partitions and must join again with member_epoch 0.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface ConsumerServiceClient extends grpc.Client {
  /**
   * Commits offsets for partitions the member owns. All or nothing: on error, no offset of the request is
   * stored. A consumer outside the membership (reading with Fetch only) may commit with an empty member_id and
   * member_epoch -1 while the group has no members; such a commit creates the group if needed.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id, no offsets, empty topic, negative partition or
   * offset, metadata longer than 4096 bytes, the same partition twice.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group (and the commit is not a standalone one).
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group. Join again.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition.
   * - ABORTED (FENCED_EPOCH): member_epoch is not the member's current epoch. Join again.
   * - FAILED_PRECONDITION (NOT_ASSIGNED): a partition is neither assigned to the member nor being released by it.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): a standalone commit (empty member_id) to a group with members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  CommitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  CommitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Commits offsets for partitions the member owns. All or nothing: on error, no offset of the request is
   * stored. A consumer outside the membership (reading with Fetch only) may commit with an empty member_id and
   * member_epoch -1 while the group has no members; such a commit creates the group if needed.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id, no offsets, empty topic, negative partition or
   * offset, metadata longer than 4096 bytes, the same partition twice.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group (and the commit is not a standalone one).
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group. Join again.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition.
   * - ABORTED (FENCED_EPOCH): member_epoch is not the member's current epoch. Join again.
   * - FAILED_PRECONDITION (NOT_ASSIGNED): a partition is neither assigned to the member nor being released by it.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): a standalone commit (empty member_id) to a group with members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  commitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  commitOffsets(argument: _sharelog_v1_CommitOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_CommitOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Reads records of one partition from a given offset, in offset order. Needs no group membership.
   * 
   * Long-poll: when no record is available at `offset` and max_wait_ms > 0, the call waits until a record is
   * appended or max_wait_ms passes, whichever comes first; an empty result is not an error.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty topic, negative partition, offset, max_records, max_bytes or
   * max_wait_ms.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition (also when the topic is
   * deleted while the call waits).
   * - OUT_OF_RANGE (OFFSET_OUT_OF_RANGE): `offset` is below the log start offset (removed by retention) or above
   * the high watermark. AdminService.DescribeTopic tells the current bounds.
   */
  Fetch(argument: _sharelog_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _sharelog_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _sharelog_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  Fetch(argument: _sharelog_v1_FetchRequest, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Reads records of one partition from a given offset, in offset order. Needs no group membership.
   * 
   * Long-poll: when no record is available at `offset` and max_wait_ms > 0, the call waits until a record is
   * appended or max_wait_ms passes, whichever comes first; an empty result is not an error.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty topic, negative partition, offset, max_records, max_bytes or
   * max_wait_ms.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition (also when the topic is
   * deleted while the call waits).
   * - OUT_OF_RANGE (OFFSET_OUT_OF_RANGE): `offset` is below the log start offset (removed by retention) or above
   * the high watermark. AdminService.DescribeTopic tells the current bounds.
   */
  fetch(argument: _sharelog_v1_FetchRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _sharelog_v1_FetchRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _sharelog_v1_FetchRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  fetch(argument: _sharelog_v1_FetchRequest, callback: grpc.requestCallback<_sharelog_v1_FetchResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Returns the group's committed offsets. Needs no membership.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  GetCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  GetCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  GetCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  GetCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Returns the group's committed offsets. Needs no membership.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  getCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  getCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  getCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  getCommittedOffsets(argument: _sharelog_v1_GetCommittedOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_GetCommittedOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Joins a consumer group, keeps the membership alive, changes the subscription or leaves (member_epoch -1),
   * and returns the member's current assignment. The group is created on the first join.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; member_epoch below -1; a join without topics; a
   * non-zero member_epoch without member_id; member_id longer than 64 characters; session_timeout_ms out of
   * range.
   * - NOT_FOUND (UNKNOWN_MEMBER): a non-zero member_epoch for a member the group does not know (e.g. removed
   * after its session timed out). Join again with member_epoch 0.
   * - ABORTED (FENCED_EPOCH): member_epoch is neither the member's current epoch nor the one before it. Join
   * again with member_epoch 0.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): a join to a group that has reached the server's member limit.
   */
  Heartbeat(argument: _sharelog_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _sharelog_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _sharelog_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  Heartbeat(argument: _sharelog_v1_HeartbeatRequest, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Joins a consumer group, keeps the membership alive, changes the subscription or leaves (member_epoch -1),
   * and returns the member's current assignment. The group is created on the first join.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; member_epoch below -1; a join without topics; a
   * non-zero member_epoch without member_id; member_id longer than 64 characters; session_timeout_ms out of
   * range.
   * - NOT_FOUND (UNKNOWN_MEMBER): a non-zero member_epoch for a member the group does not know (e.g. removed
   * after its session timed out). Join again with member_epoch 0.
   * - ABORTED (FENCED_EPOCH): member_epoch is neither the member's current epoch nor the one before it. Join
   * again with member_epoch 0.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): a join to a group that has reached the server's member limit.
   */
  heartbeat(argument: _sharelog_v1_HeartbeatRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _sharelog_v1_HeartbeatRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _sharelog_v1_HeartbeatRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  heartbeat(argument: _sharelog_v1_HeartbeatRequest, callback: grpc.requestCallback<_sharelog_v1_HeartbeatResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Leaves a consumer group at once, making the member's partitions available to the others. Succeeds also
   * when the member is no longer in the group. Same as Heartbeat with member_epoch -1.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - ABORTED (FENCED_EPOCH): member_epoch is not the member's current epoch (a newer incarnation of the member
   * joined since); the member is not removed.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  LeaveGroup(argument: _sharelog_v1_LeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _sharelog_v1_LeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _sharelog_v1_LeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  LeaveGroup(argument: _sharelog_v1_LeaveGroupRequest, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Leaves a consumer group at once, making the member's partitions available to the others. Succeeds also
   * when the member is no longer in the group. Same as Heartbeat with member_epoch -1.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - ABORTED (FENCED_EPOCH): member_epoch is not the member's current epoch (a newer incarnation of the member
   * joined since); the member is not removed.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  leaveGroup(argument: _sharelog_v1_LeaveGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _sharelog_v1_LeaveGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _sharelog_v1_LeaveGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  leaveGroup(argument: _sharelog_v1_LeaveGroupRequest, callback: grpc.requestCallback<_sharelog_v1_LeaveGroupResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Reads partitions by offset, and runs Kafka-style consumer groups (KIP-848: assignment computed on the server).
 * 
 * Consumer group protocol: a member joins by calling Heartbeat with member_epoch 0 and its topics, then keeps
 * calling Heartbeat every heartbeat_interval_ms, always sending the member_epoch of the latest response. Each
 * response carries the member's complete assignment. A partition is owned by one member at a time: it is added
 * to a member's assignment only after its previous owner has given it up. When a partition disappears from a
 * member's assignment, the member must stop fetching it and commit its offset, then send its next Heartbeat
 * (at once, without waiting for the interval): that heartbeat confirms the release. The member reads its
 * partitions with Fetch and records progress with CommitOffsets. A member that sends no Heartbeat within its
 * session timeout is removed and its partitions are reassigned. A member that gets ABORTED (FENCED_EPOCH) or
 * NOT_FOUND (UNKNOWN_MEMBER) has lost its partitions and must join again with member_epoch 0.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface ConsumerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Commits offsets for partitions the member owns. All or nothing: on error, no offset of the request is
   * stored. A consumer outside the membership (reading with Fetch only) may commit with an empty member_id and
   * member_epoch -1 while the group has no members; such a commit creates the group if needed.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id, no offsets, empty topic, negative partition or
   * offset, metadata longer than 4096 bytes, the same partition twice.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group (and the commit is not a standalone one).
   * - NOT_FOUND (UNKNOWN_MEMBER): the member is not in the group. Join again.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition.
   * - ABORTED (FENCED_EPOCH): member_epoch is not the member's current epoch. Join again.
   * - FAILED_PRECONDITION (NOT_ASSIGNED): a partition is neither assigned to the member nor being released by it.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): a standalone commit (empty member_id) to a group with members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  CommitOffsets: grpc.handleUnaryCall<_sharelog_v1_CommitOffsetsRequest__Output, _sharelog_v1_CommitOffsetsResponse>;
  
  /**
   * Reads records of one partition from a given offset, in offset order. Needs no group membership.
   * 
   * Long-poll: when no record is available at `offset` and max_wait_ms > 0, the call waits until a record is
   * appended or max_wait_ms passes, whichever comes first; an empty result is not an error.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty topic, negative partition, offset, max_records, max_bytes or
   * max_wait_ms.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition (also when the topic is
   * deleted while the call waits).
   * - OUT_OF_RANGE (OFFSET_OUT_OF_RANGE): `offset` is below the log start offset (removed by retention) or above
   * the high watermark. AdminService.DescribeTopic tells the current bounds.
   */
  Fetch: grpc.handleUnaryCall<_sharelog_v1_FetchRequest__Output, _sharelog_v1_FetchResponse>;
  
  /**
   * Returns the group's committed offsets. Needs no membership.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  GetCommittedOffsets: grpc.handleUnaryCall<_sharelog_v1_GetCommittedOffsetsRequest__Output, _sharelog_v1_GetCommittedOffsetsResponse>;
  
  /**
   * Joins a consumer group, keeps the membership alive, changes the subscription or leaves (member_epoch -1),
   * and returns the member's current assignment. The group is created on the first join.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; member_epoch below -1; a join without topics; a
   * non-zero member_epoch without member_id; member_id longer than 64 characters; session_timeout_ms out of
   * range.
   * - NOT_FOUND (UNKNOWN_MEMBER): a non-zero member_epoch for a member the group does not know (e.g. removed
   * after its session timed out). Join again with member_epoch 0.
   * - ABORTED (FENCED_EPOCH): member_epoch is neither the member's current epoch nor the one before it. Join
   * again with member_epoch 0.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   * - RESOURCE_EXHAUSTED (LIMIT_EXCEEDED): a join to a group that has reached the server's member limit.
   */
  Heartbeat: grpc.handleUnaryCall<_sharelog_v1_HeartbeatRequest__Output, _sharelog_v1_HeartbeatResponse>;
  
  /**
   * Leaves a consumer group at once, making the member's partitions available to the others. Succeeds also
   * when the member is no longer in the group. Same as Heartbeat with member_epoch -1.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or member_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - ABORTED (FENCED_EPOCH): member_epoch is not the member's current epoch (a newer incarnation of the member
   * joined since); the member is not removed.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  LeaveGroup: grpc.handleUnaryCall<_sharelog_v1_LeaveGroupRequest__Output, _sharelog_v1_LeaveGroupResponse>;
  
}

export interface ConsumerServiceDefinition extends grpc.ServiceDefinition {
  CommitOffsets: MethodDefinition<_sharelog_v1_CommitOffsetsRequest, _sharelog_v1_CommitOffsetsResponse, _sharelog_v1_CommitOffsetsRequest__Output, _sharelog_v1_CommitOffsetsResponse__Output>
  Fetch: MethodDefinition<_sharelog_v1_FetchRequest, _sharelog_v1_FetchResponse, _sharelog_v1_FetchRequest__Output, _sharelog_v1_FetchResponse__Output>
  GetCommittedOffsets: MethodDefinition<_sharelog_v1_GetCommittedOffsetsRequest, _sharelog_v1_GetCommittedOffsetsResponse, _sharelog_v1_GetCommittedOffsetsRequest__Output, _sharelog_v1_GetCommittedOffsetsResponse__Output>
  Heartbeat: MethodDefinition<_sharelog_v1_HeartbeatRequest, _sharelog_v1_HeartbeatResponse, _sharelog_v1_HeartbeatRequest__Output, _sharelog_v1_HeartbeatResponse__Output>
  LeaveGroup: MethodDefinition<_sharelog_v1_LeaveGroupRequest, _sharelog_v1_LeaveGroupResponse, _sharelog_v1_LeaveGroupRequest__Output, _sharelog_v1_LeaveGroupResponse__Output>
}
