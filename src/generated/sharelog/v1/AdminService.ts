// Original file: sharelog/v1/admin.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreatePartitionsRequest as _sharelog_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _sharelog_v1_CreatePartitionsRequest__Output } from '../../sharelog/v1/CreatePartitionsRequest';
import type { CreatePartitionsResponse as _sharelog_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _sharelog_v1_CreatePartitionsResponse__Output } from '../../sharelog/v1/CreatePartitionsResponse';
import type { CreateTopicRequest as _sharelog_v1_CreateTopicRequest, CreateTopicRequest__Output as _sharelog_v1_CreateTopicRequest__Output } from '../../sharelog/v1/CreateTopicRequest';
import type { CreateTopicResponse as _sharelog_v1_CreateTopicResponse, CreateTopicResponse__Output as _sharelog_v1_CreateTopicResponse__Output } from '../../sharelog/v1/CreateTopicResponse';
import type { DeleteGroupRequest as _sharelog_v1_DeleteGroupRequest, DeleteGroupRequest__Output as _sharelog_v1_DeleteGroupRequest__Output } from '../../sharelog/v1/DeleteGroupRequest';
import type { DeleteGroupResponse as _sharelog_v1_DeleteGroupResponse, DeleteGroupResponse__Output as _sharelog_v1_DeleteGroupResponse__Output } from '../../sharelog/v1/DeleteGroupResponse';
import type { DeleteTopicRequest as _sharelog_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _sharelog_v1_DeleteTopicRequest__Output } from '../../sharelog/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _sharelog_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _sharelog_v1_DeleteTopicResponse__Output } from '../../sharelog/v1/DeleteTopicResponse';
import type { DescribeConsumerGroupRequest as _sharelog_v1_DescribeConsumerGroupRequest, DescribeConsumerGroupRequest__Output as _sharelog_v1_DescribeConsumerGroupRequest__Output } from '../../sharelog/v1/DescribeConsumerGroupRequest';
import type { DescribeConsumerGroupResponse as _sharelog_v1_DescribeConsumerGroupResponse, DescribeConsumerGroupResponse__Output as _sharelog_v1_DescribeConsumerGroupResponse__Output } from '../../sharelog/v1/DescribeConsumerGroupResponse';
import type { DescribeShareGroupRequest as _sharelog_v1_DescribeShareGroupRequest, DescribeShareGroupRequest__Output as _sharelog_v1_DescribeShareGroupRequest__Output } from '../../sharelog/v1/DescribeShareGroupRequest';
import type { DescribeShareGroupResponse as _sharelog_v1_DescribeShareGroupResponse, DescribeShareGroupResponse__Output as _sharelog_v1_DescribeShareGroupResponse__Output } from '../../sharelog/v1/DescribeShareGroupResponse';
import type { DescribeTopicRequest as _sharelog_v1_DescribeTopicRequest, DescribeTopicRequest__Output as _sharelog_v1_DescribeTopicRequest__Output } from '../../sharelog/v1/DescribeTopicRequest';
import type { DescribeTopicResponse as _sharelog_v1_DescribeTopicResponse, DescribeTopicResponse__Output as _sharelog_v1_DescribeTopicResponse__Output } from '../../sharelog/v1/DescribeTopicResponse';
import type { InspectShareRecordsRequest as _sharelog_v1_InspectShareRecordsRequest, InspectShareRecordsRequest__Output as _sharelog_v1_InspectShareRecordsRequest__Output } from '../../sharelog/v1/InspectShareRecordsRequest';
import type { InspectShareRecordsResponse as _sharelog_v1_InspectShareRecordsResponse, InspectShareRecordsResponse__Output as _sharelog_v1_InspectShareRecordsResponse__Output } from '../../sharelog/v1/InspectShareRecordsResponse';
import type { ListGroupsRequest as _sharelog_v1_ListGroupsRequest, ListGroupsRequest__Output as _sharelog_v1_ListGroupsRequest__Output } from '../../sharelog/v1/ListGroupsRequest';
import type { ListGroupsResponse as _sharelog_v1_ListGroupsResponse, ListGroupsResponse__Output as _sharelog_v1_ListGroupsResponse__Output } from '../../sharelog/v1/ListGroupsResponse';
import type { ListTopicsRequest as _sharelog_v1_ListTopicsRequest, ListTopicsRequest__Output as _sharelog_v1_ListTopicsRequest__Output } from '../../sharelog/v1/ListTopicsRequest';
import type { ListTopicsResponse as _sharelog_v1_ListTopicsResponse, ListTopicsResponse__Output as _sharelog_v1_ListTopicsResponse__Output } from '../../sharelog/v1/ListTopicsResponse';
import type { ResetConsumerGroupOffsetsRequest as _sharelog_v1_ResetConsumerGroupOffsetsRequest, ResetConsumerGroupOffsetsRequest__Output as _sharelog_v1_ResetConsumerGroupOffsetsRequest__Output } from '../../sharelog/v1/ResetConsumerGroupOffsetsRequest';
import type { ResetConsumerGroupOffsetsResponse as _sharelog_v1_ResetConsumerGroupOffsetsResponse, ResetConsumerGroupOffsetsResponse__Output as _sharelog_v1_ResetConsumerGroupOffsetsResponse__Output } from '../../sharelog/v1/ResetConsumerGroupOffsetsResponse';
import type { ResetShareGroupOffsetsRequest as _sharelog_v1_ResetShareGroupOffsetsRequest, ResetShareGroupOffsetsRequest__Output as _sharelog_v1_ResetShareGroupOffsetsRequest__Output } from '../../sharelog/v1/ResetShareGroupOffsetsRequest';
import type { ResetShareGroupOffsetsResponse as _sharelog_v1_ResetShareGroupOffsetsResponse, ResetShareGroupOffsetsResponse__Output as _sharelog_v1_ResetShareGroupOffsetsResponse__Output } from '../../sharelog/v1/ResetShareGroupOffsetsResponse';
import type { UpdateShareGroupConfigRequest as _sharelog_v1_UpdateShareGroupConfigRequest, UpdateShareGroupConfigRequest__Output as _sharelog_v1_UpdateShareGroupConfigRequest__Output } from '../../sharelog/v1/UpdateShareGroupConfigRequest';
import type { UpdateShareGroupConfigResponse as _sharelog_v1_UpdateShareGroupConfigResponse, UpdateShareGroupConfigResponse__Output as _sharelog_v1_UpdateShareGroupConfigResponse__Output } from '../../sharelog/v1/UpdateShareGroupConfigResponse';

/**
 * Manages topics, consumer groups and share groups.
 * 
 * Groups come into being on first use (a Heartbeat, a Subscribe, a standalone commit, or the admin calls that say
 * so) and stay, with their offsets, state and configuration, until DeleteGroup, also when they have no members.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface AdminServiceClient extends grpc.Client {
  /**
   * Raises a topic's partition count. Existing partitions keep their records; new ones start empty at offset 0,
   * and groups that read the topic get them assigned. Keyed records may map to other partitions afterwards.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name; a count below the current one or above 10000. (A count
   * equal to the current one succeeds and changes nothing, so a retry is safe.)
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  CreatePartitions(argument: _sharelog_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _sharelog_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _sharelog_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  CreatePartitions(argument: _sharelog_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Raises a topic's partition count. Existing partitions keep their records; new ones start empty at offset 0,
   * and groups that read the topic get them assigned. Keyed records may map to other partitions afterwards.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name; a count below the current one or above 10000. (A count
   * equal to the current one succeeds and changes nothing, so a retry is safe.)
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  createPartitions(argument: _sharelog_v1_CreatePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _sharelog_v1_CreatePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _sharelog_v1_CreatePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  createPartitions(argument: _sharelog_v1_CreatePartitionsRequest, callback: grpc.requestCallback<_sharelog_v1_CreatePartitionsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Creates a topic.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): a name that breaks the topic name rules; partitions outside 0..10000;
   * retention_ms or retention_bytes below -1.
   * - ALREADY_EXISTS (TOPIC_EXISTS): a topic of that name exists.
   */
  CreateTopic(argument: _sharelog_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _sharelog_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _sharelog_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  CreateTopic(argument: _sharelog_v1_CreateTopicRequest, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Creates a topic.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): a name that breaks the topic name rules; partitions outside 0..10000;
   * retention_ms or retention_bytes below -1.
   * - ALREADY_EXISTS (TOPIC_EXISTS): a topic of that name exists.
   */
  createTopic(argument: _sharelog_v1_CreateTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _sharelog_v1_CreateTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _sharelog_v1_CreateTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  createTopic(argument: _sharelog_v1_CreateTopicRequest, callback: grpc.requestCallback<_sharelog_v1_CreateTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a group of either type with its committed offsets or share-partition state and its configuration.
   * Only a group without members can be deleted.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   */
  DeleteGroup(argument: _sharelog_v1_DeleteGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroup(argument: _sharelog_v1_DeleteGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroup(argument: _sharelog_v1_DeleteGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  DeleteGroup(argument: _sharelog_v1_DeleteGroupRequest, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a group of either type with its committed offsets or share-partition state and its configuration.
   * Only a group without members can be deleted.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   */
  deleteGroup(argument: _sharelog_v1_DeleteGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteGroup(argument: _sharelog_v1_DeleteGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteGroup(argument: _sharelog_v1_DeleteGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  deleteGroup(argument: _sharelog_v1_DeleteGroupRequest, callback: grpc.requestCallback<_sharelog_v1_DeleteGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Deletes a topic and all its records, together with every group's committed offsets and share-partition state
   * for it. Members subscribed to it stay in their groups and are no longer assigned its partitions.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  DeleteTopic(argument: _sharelog_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _sharelog_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _sharelog_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  DeleteTopic(argument: _sharelog_v1_DeleteTopicRequest, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Deletes a topic and all its records, together with every group's committed offsets and share-partition state
   * for it. Members subscribed to it stay in their groups and are no longer assigned its partitions.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  deleteTopic(argument: _sharelog_v1_DeleteTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _sharelog_v1_DeleteTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _sharelog_v1_DeleteTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  deleteTopic(argument: _sharelog_v1_DeleteTopicRequest, callback: grpc.requestCallback<_sharelog_v1_DeleteTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes a consumer group: its members with their assignments, and per partition the committed offset and
   * lag.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  DescribeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes a consumer group: its members with their assignments, and per partition the committed offset and
   * lag.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  describeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  describeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  describeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  describeConsumerGroup(argument: _sharelog_v1_DescribeConsumerGroupRequest, callback: grpc.requestCallback<_sharelog_v1_DescribeConsumerGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes a share group: configuration, members with their assignments, and per share-partition the start
   * and end offsets, the records in each state and the lag.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  DescribeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  DescribeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes a share group: configuration, members with their assignments, and per share-partition the start
   * and end offsets, the records in each state and the lag.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  describeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  describeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  describeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  describeShareGroup(argument: _sharelog_v1_DescribeShareGroupRequest, callback: grpc.requestCallback<_sharelog_v1_DescribeShareGroupResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Describes a topic: its configuration and, per partition, the offset bounds and stored size.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  DescribeTopic(argument: _sharelog_v1_DescribeTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopic(argument: _sharelog_v1_DescribeTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopic(argument: _sharelog_v1_DescribeTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  DescribeTopic(argument: _sharelog_v1_DescribeTopicRequest, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Describes a topic: its configuration and, per partition, the offset bounds and stored size.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  describeTopic(argument: _sharelog_v1_DescribeTopicRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  describeTopic(argument: _sharelog_v1_DescribeTopicRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  describeTopic(argument: _sharelog_v1_DescribeTopicRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  describeTopic(argument: _sharelog_v1_DescribeTopicRequest, callback: grpc.requestCallback<_sharelog_v1_DescribeTopicResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Shows, for an offset range of one share-partition, each record's state, delivery count, holder, lock
   * deadline, lease token and its recent delivery attempts.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; a negative partition or first_offset;
   * last_offset below first_offset; more than 1000 offsets in the range.
   * - NOT_FOUND (GROUP_NOT_FOUND, TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such group, topic or partition.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  InspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  InspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  InspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  InspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Shows, for an offset range of one share-partition, each record's state, delivery count, holder, lock
   * deadline, lease token and its recent delivery attempts.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; a negative partition or first_offset;
   * last_offset below first_offset; more than 1000 offsets in the range.
   * - NOT_FOUND (GROUP_NOT_FOUND, TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such group, topic or partition.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  inspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  inspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  inspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  inspectShareRecords(argument: _sharelog_v1_InspectShareRecordsRequest, callback: grpc.requestCallback<_sharelog_v1_InspectShareRecordsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists groups of both types, or of one type, ordered by group id.
   * 
   * Errors: none specific.
   */
  ListGroups(argument: _sharelog_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _sharelog_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _sharelog_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  ListGroups(argument: _sharelog_v1_ListGroupsRequest, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists groups of both types, or of one type, ordered by group id.
   * 
   * Errors: none specific.
   */
  listGroups(argument: _sharelog_v1_ListGroupsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _sharelog_v1_ListGroupsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _sharelog_v1_ListGroupsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  listGroups(argument: _sharelog_v1_ListGroupsRequest, callback: grpc.requestCallback<_sharelog_v1_ListGroupsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Lists all topics, ordered by name.
   */
  ListTopics(argument: _sharelog_v1_ListTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _sharelog_v1_ListTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _sharelog_v1_ListTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  ListTopics(argument: _sharelog_v1_ListTopicsRequest, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Lists all topics, ordered by name.
   */
  listTopics(argument: _sharelog_v1_ListTopicsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _sharelog_v1_ListTopicsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _sharelog_v1_ListTopicsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  listTopics(argument: _sharelog_v1_ListTopicsRequest, callback: grpc.requestCallback<_sharelog_v1_ListTopicsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Sets the committed offsets of a consumer group for partitions of one topic. Only while the group has no
   * members; creates the group if it does not exist. New offsets are clamped to [log start offset, high
   * watermark] of each partition. With dry_run, nothing is changed and the response shows what would be done.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; no `spec` set; to_earliest or to_latest set
   * to false; a negative to_offset or to_timestamp_ms; a duplicate or negative partition.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  ResetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ResetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ResetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ResetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Sets the committed offsets of a consumer group for partitions of one topic. Only while the group has no
   * members; creates the group if it does not exist. New offsets are clamped to [log start offset, high
   * watermark] of each partition. With dry_run, nothing is changed and the response shows what would be done.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; no `spec` set; to_earliest or to_latest set
   * to false; a negative to_offset or to_timestamp_ms; a duplicate or negative partition.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  resetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  resetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  resetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  resetConsumerGroupOffsets(argument: _sharelog_v1_ResetConsumerGroupOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Moves the start offset of a share group in every partition of one topic. Only while the group has no
   * members; creates the group (with the default configuration) if it does not exist. The share-partition's
   * in-flight state is dropped: every record from the new start offset on is AVAILABLE, never delivered
   * (delivery count 0). New offsets are clamped to [log start offset, high watermark] of each partition. With
   * dry_run, nothing is changed and the response shows what would be done.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; no `spec` set; earliest or latest set to
   * false; a negative offset or timestamp_ms.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  ResetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ResetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ResetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  ResetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Moves the start offset of a share group in every partition of one topic. Only while the group has no
   * members; creates the group (with the default configuration) if it does not exist. The share-partition's
   * in-flight state is dropped: every record from the new start offset on is AVAILABLE, never delivered
   * (delivery count 0). New offsets are clamped to [log start offset, high watermark] of each partition. With
   * dry_run, nothing is changed and the response shows what would be done.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; no `spec` set; earliest or latest set to
   * false; a negative offset or timestamp_ms.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  resetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  resetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  resetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  resetShareGroupOffsets(argument: _sharelog_v1_ResetShareGroupOffsetsRequest, callback: grpc.requestCallback<_sharelog_v1_ResetShareGroupOffsetsResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Changes a share group's configuration at runtime; fields left unset keep their values. Creates the group
   * (with the default configuration plus the given changes) if it does not exist. All or nothing: one invalid
   * field and nothing changes. Changes apply from the next operation they affect (e.g. a new lock duration to
   * records acquired afterwards; a lower delivery_count_limit archives records at their next release or expiry).
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; a value outside its bounds (see ShareGroupConfig; the
   * message names the bounds); OFFSET_RESET_UNSPECIFIED; backoff_max_ms below backoff_initial_ms;
   * heartbeat_interval_ms not below session_timeout_ms (as they are after the change); a dead_letter_topic
   * that breaks the topic name rules.
   * - NOT_FOUND (TOPIC_NOT_FOUND): dead_letter_topic names a topic that does not exist.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  UpdateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  UpdateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Changes a share group's configuration at runtime; fields left unset keep their values. Creates the group
   * (with the default configuration plus the given changes) if it does not exist. All or nothing: one invalid
   * field and nothing changes. Changes apply from the next operation they affect (e.g. a new lock duration to
   * records acquired afterwards; a lower delivery_count_limit archives records at their next release or expiry).
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; a value outside its bounds (see ShareGroupConfig; the
   * message names the bounds); OFFSET_RESET_UNSPECIFIED; backoff_max_ms below backoff_initial_ms;
   * heartbeat_interval_ms not below session_timeout_ms (as they are after the change); a dead_letter_topic
   * that breaks the topic name rules.
   * - NOT_FOUND (TOPIC_NOT_FOUND): dead_letter_topic names a topic that does not exist.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  updateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  updateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  updateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  updateShareGroupConfig(argument: _sharelog_v1_UpdateShareGroupConfigRequest, callback: grpc.requestCallback<_sharelog_v1_UpdateShareGroupConfigResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Manages topics, consumer groups and share groups.
 * 
 * Groups come into being on first use (a Heartbeat, a Subscribe, a standalone commit, or the admin calls that say
 * so) and stay, with their offsets, state and configuration, until DeleteGroup, also when they have no members.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface AdminServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Raises a topic's partition count. Existing partitions keep their records; new ones start empty at offset 0,
   * and groups that read the topic get them assigned. Keyed records may map to other partitions afterwards.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name; a count below the current one or above 10000. (A count
   * equal to the current one succeeds and changes nothing, so a retry is safe.)
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  CreatePartitions: grpc.handleUnaryCall<_sharelog_v1_CreatePartitionsRequest__Output, _sharelog_v1_CreatePartitionsResponse>;
  
  /**
   * Creates a topic.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): a name that breaks the topic name rules; partitions outside 0..10000;
   * retention_ms or retention_bytes below -1.
   * - ALREADY_EXISTS (TOPIC_EXISTS): a topic of that name exists.
   */
  CreateTopic: grpc.handleUnaryCall<_sharelog_v1_CreateTopicRequest__Output, _sharelog_v1_CreateTopicResponse>;
  
  /**
   * Deletes a group of either type with its committed offsets or share-partition state and its configuration.
   * Only a group without members can be deleted.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   */
  DeleteGroup: grpc.handleUnaryCall<_sharelog_v1_DeleteGroupRequest__Output, _sharelog_v1_DeleteGroupResponse>;
  
  /**
   * Deletes a topic and all its records, together with every group's committed offsets and share-partition state
   * for it. Members subscribed to it stay in their groups and are no longer assigned its partitions.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  DeleteTopic: grpc.handleUnaryCall<_sharelog_v1_DeleteTopicRequest__Output, _sharelog_v1_DeleteTopicResponse>;
  
  /**
   * Describes a consumer group: its members with their assignments, and per partition the committed offset and
   * lag.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  DescribeConsumerGroup: grpc.handleUnaryCall<_sharelog_v1_DescribeConsumerGroupRequest__Output, _sharelog_v1_DescribeConsumerGroupResponse>;
  
  /**
   * Describes a share group: configuration, members with their assignments, and per share-partition the start
   * and end offsets, the records in each state and the lag.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id.
   * - NOT_FOUND (GROUP_NOT_FOUND): no such group.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  DescribeShareGroup: grpc.handleUnaryCall<_sharelog_v1_DescribeShareGroupRequest__Output, _sharelog_v1_DescribeShareGroupResponse>;
  
  /**
   * Describes a topic: its configuration and, per partition, the offset bounds and stored size.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty name.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   */
  DescribeTopic: grpc.handleUnaryCall<_sharelog_v1_DescribeTopicRequest__Output, _sharelog_v1_DescribeTopicResponse>;
  
  /**
   * Shows, for an offset range of one share-partition, each record's state, delivery count, holder, lock
   * deadline, lease token and its recent delivery attempts.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; a negative partition or first_offset;
   * last_offset below first_offset; more than 1000 offsets in the range.
   * - NOT_FOUND (GROUP_NOT_FOUND, TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such group, topic or partition.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  InspectShareRecords: grpc.handleUnaryCall<_sharelog_v1_InspectShareRecordsRequest__Output, _sharelog_v1_InspectShareRecordsResponse>;
  
  /**
   * Lists groups of both types, or of one type, ordered by group id.
   * 
   * Errors: none specific.
   */
  ListGroups: grpc.handleUnaryCall<_sharelog_v1_ListGroupsRequest__Output, _sharelog_v1_ListGroupsResponse>;
  
  /**
   * Lists all topics, ordered by name.
   */
  ListTopics: grpc.handleUnaryCall<_sharelog_v1_ListTopicsRequest__Output, _sharelog_v1_ListTopicsResponse>;
  
  /**
   * Sets the committed offsets of a consumer group for partitions of one topic. Only while the group has no
   * members; creates the group if it does not exist. New offsets are clamped to [log start offset, high
   * watermark] of each partition. With dry_run, nothing is changed and the response shows what would be done.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; no `spec` set; to_earliest or to_latest set
   * to false; a negative to_offset or to_timestamp_ms; a duplicate or negative partition.
   * - NOT_FOUND (TOPIC_NOT_FOUND, PARTITION_NOT_FOUND): no such topic or partition.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a share group.
   */
  ResetConsumerGroupOffsets: grpc.handleUnaryCall<_sharelog_v1_ResetConsumerGroupOffsetsRequest__Output, _sharelog_v1_ResetConsumerGroupOffsetsResponse>;
  
  /**
   * Moves the start offset of a share group in every partition of one topic. Only while the group has no
   * members; creates the group (with the default configuration) if it does not exist. The share-partition's
   * in-flight state is dropped: every record from the new start offset on is AVAILABLE, never delivered
   * (delivery count 0). New offsets are clamped to [log start offset, high watermark] of each partition. With
   * dry_run, nothing is changed and the response shows what would be done.
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id or topic; no `spec` set; earliest or latest set to
   * false; a negative offset or timestamp_ms.
   * - NOT_FOUND (TOPIC_NOT_FOUND): no such topic.
   * - FAILED_PRECONDITION (GROUP_NOT_EMPTY): the group has members.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  ResetShareGroupOffsets: grpc.handleUnaryCall<_sharelog_v1_ResetShareGroupOffsetsRequest__Output, _sharelog_v1_ResetShareGroupOffsetsResponse>;
  
  /**
   * Changes a share group's configuration at runtime; fields left unset keep their values. Creates the group
   * (with the default configuration plus the given changes) if it does not exist. All or nothing: one invalid
   * field and nothing changes. Changes apply from the next operation they affect (e.g. a new lock duration to
   * records acquired afterwards; a lower delivery_count_limit archives records at their next release or expiry).
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty group_id; a value outside its bounds (see ShareGroupConfig; the
   * message names the bounds); OFFSET_RESET_UNSPECIFIED; backoff_max_ms below backoff_initial_ms;
   * heartbeat_interval_ms not below session_timeout_ms (as they are after the change); a dead_letter_topic
   * that breaks the topic name rules.
   * - NOT_FOUND (TOPIC_NOT_FOUND): dead_letter_topic names a topic that does not exist.
   * - FAILED_PRECONDITION (GROUP_TYPE_MISMATCH): group_id names a consumer group.
   */
  UpdateShareGroupConfig: grpc.handleUnaryCall<_sharelog_v1_UpdateShareGroupConfigRequest__Output, _sharelog_v1_UpdateShareGroupConfigResponse>;
  
}

export interface AdminServiceDefinition extends grpc.ServiceDefinition {
  CreatePartitions: MethodDefinition<_sharelog_v1_CreatePartitionsRequest, _sharelog_v1_CreatePartitionsResponse, _sharelog_v1_CreatePartitionsRequest__Output, _sharelog_v1_CreatePartitionsResponse__Output>
  CreateTopic: MethodDefinition<_sharelog_v1_CreateTopicRequest, _sharelog_v1_CreateTopicResponse, _sharelog_v1_CreateTopicRequest__Output, _sharelog_v1_CreateTopicResponse__Output>
  DeleteGroup: MethodDefinition<_sharelog_v1_DeleteGroupRequest, _sharelog_v1_DeleteGroupResponse, _sharelog_v1_DeleteGroupRequest__Output, _sharelog_v1_DeleteGroupResponse__Output>
  DeleteTopic: MethodDefinition<_sharelog_v1_DeleteTopicRequest, _sharelog_v1_DeleteTopicResponse, _sharelog_v1_DeleteTopicRequest__Output, _sharelog_v1_DeleteTopicResponse__Output>
  DescribeConsumerGroup: MethodDefinition<_sharelog_v1_DescribeConsumerGroupRequest, _sharelog_v1_DescribeConsumerGroupResponse, _sharelog_v1_DescribeConsumerGroupRequest__Output, _sharelog_v1_DescribeConsumerGroupResponse__Output>
  DescribeShareGroup: MethodDefinition<_sharelog_v1_DescribeShareGroupRequest, _sharelog_v1_DescribeShareGroupResponse, _sharelog_v1_DescribeShareGroupRequest__Output, _sharelog_v1_DescribeShareGroupResponse__Output>
  DescribeTopic: MethodDefinition<_sharelog_v1_DescribeTopicRequest, _sharelog_v1_DescribeTopicResponse, _sharelog_v1_DescribeTopicRequest__Output, _sharelog_v1_DescribeTopicResponse__Output>
  InspectShareRecords: MethodDefinition<_sharelog_v1_InspectShareRecordsRequest, _sharelog_v1_InspectShareRecordsResponse, _sharelog_v1_InspectShareRecordsRequest__Output, _sharelog_v1_InspectShareRecordsResponse__Output>
  ListGroups: MethodDefinition<_sharelog_v1_ListGroupsRequest, _sharelog_v1_ListGroupsResponse, _sharelog_v1_ListGroupsRequest__Output, _sharelog_v1_ListGroupsResponse__Output>
  ListTopics: MethodDefinition<_sharelog_v1_ListTopicsRequest, _sharelog_v1_ListTopicsResponse, _sharelog_v1_ListTopicsRequest__Output, _sharelog_v1_ListTopicsResponse__Output>
  ResetConsumerGroupOffsets: MethodDefinition<_sharelog_v1_ResetConsumerGroupOffsetsRequest, _sharelog_v1_ResetConsumerGroupOffsetsResponse, _sharelog_v1_ResetConsumerGroupOffsetsRequest__Output, _sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>
  ResetShareGroupOffsets: MethodDefinition<_sharelog_v1_ResetShareGroupOffsetsRequest, _sharelog_v1_ResetShareGroupOffsetsResponse, _sharelog_v1_ResetShareGroupOffsetsRequest__Output, _sharelog_v1_ResetShareGroupOffsetsResponse__Output>
  UpdateShareGroupConfig: MethodDefinition<_sharelog_v1_UpdateShareGroupConfigRequest, _sharelog_v1_UpdateShareGroupConfigResponse, _sharelog_v1_UpdateShareGroupConfigRequest__Output, _sharelog_v1_UpdateShareGroupConfigResponse__Output>
}
