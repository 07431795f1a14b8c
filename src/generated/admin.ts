import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from './sharelog/v1/Acknowledgement';
import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from './sharelog/v1/AcknowledgementResult';
import type { AcquiredRecord as _sharelog_v1_AcquiredRecord, AcquiredRecord__Output as _sharelog_v1_AcquiredRecord__Output } from './sharelog/v1/AcquiredRecord';
import type { AdminServiceClient as _sharelog_v1_AdminServiceClient, AdminServiceDefinition as _sharelog_v1_AdminServiceDefinition } from './sharelog/v1/AdminService';
import type { ConsumedRecord as _sharelog_v1_ConsumedRecord, ConsumedRecord__Output as _sharelog_v1_ConsumedRecord__Output } from './sharelog/v1/ConsumedRecord';
import type { ConsumerGroupMember as _sharelog_v1_ConsumerGroupMember, ConsumerGroupMember__Output as _sharelog_v1_ConsumerGroupMember__Output } from './sharelog/v1/ConsumerGroupMember';
import type { ConsumerGroupOffsetReset as _sharelog_v1_ConsumerGroupOffsetReset, ConsumerGroupOffsetReset__Output as _sharelog_v1_ConsumerGroupOffsetReset__Output } from './sharelog/v1/ConsumerGroupOffsetReset';
import type { ConsumerGroupPartition as _sharelog_v1_ConsumerGroupPartition, ConsumerGroupPartition__Output as _sharelog_v1_ConsumerGroupPartition__Output } from './sharelog/v1/ConsumerGroupPartition';
import type { CreatePartitionsRequest as _sharelog_v1_CreatePartitionsRequest, CreatePartitionsRequest__Output as _sharelog_v1_CreatePartitionsRequest__Output } from './sharelog/v1/CreatePartitionsRequest';
import type { CreatePartitionsResponse as _sharelog_v1_CreatePartitionsResponse, CreatePartitionsResponse__Output as _sharelog_v1_CreatePartitionsResponse__Output } from './sharelog/v1/CreatePartitionsResponse';
import type { CreateTopicRequest as _sharelog_v1_CreateTopicRequest, CreateTopicRequest__Output as _sharelog_v1_CreateTopicRequest__Output } from './sharelog/v1/CreateTopicRequest';
import type { CreateTopicResponse as _sharelog_v1_CreateTopicResponse, CreateTopicResponse__Output as _sharelog_v1_CreateTopicResponse__Output } from './sharelog/v1/CreateTopicResponse';
import type { DeleteGroupRequest as _sharelog_v1_DeleteGroupRequest, DeleteGroupRequest__Output as _sharelog_v1_DeleteGroupRequest__Output } from './sharelog/v1/DeleteGroupRequest';
import type { DeleteGroupResponse as _sharelog_v1_DeleteGroupResponse, DeleteGroupResponse__Output as _sharelog_v1_DeleteGroupResponse__Output } from './sharelog/v1/DeleteGroupResponse';
import type { DeleteTopicRequest as _sharelog_v1_DeleteTopicRequest, DeleteTopicRequest__Output as _sharelog_v1_DeleteTopicRequest__Output } from './sharelog/v1/DeleteTopicRequest';
import type { DeleteTopicResponse as _sharelog_v1_DeleteTopicResponse, DeleteTopicResponse__Output as _sharelog_v1_DeleteTopicResponse__Output } from './sharelog/v1/DeleteTopicResponse';
import type { DeliveryAttempt as _sharelog_v1_DeliveryAttempt, DeliveryAttempt__Output as _sharelog_v1_DeliveryAttempt__Output } from './sharelog/v1/DeliveryAttempt';
import type { DeliveryFailure as _sharelog_v1_DeliveryFailure, DeliveryFailure__Output as _sharelog_v1_DeliveryFailure__Output } from './sharelog/v1/DeliveryFailure';
import type { DescribeConsumerGroupRequest as _sharelog_v1_DescribeConsumerGroupRequest, DescribeConsumerGroupRequest__Output as _sharelog_v1_DescribeConsumerGroupRequest__Output } from './sharelog/v1/DescribeConsumerGroupRequest';
import type { DescribeConsumerGroupResponse as _sharelog_v1_DescribeConsumerGroupResponse, DescribeConsumerGroupResponse__Output as _sharelog_v1_DescribeConsumerGroupResponse__Output } from './sharelog/v1/DescribeConsumerGroupResponse';
import type { DescribeShareGroupRequest as _sharelog_v1_DescribeShareGroupRequest, DescribeShareGroupRequest__Output as _sharelog_v1_DescribeShareGroupRequest__Output } from './sharelog/v1/DescribeShareGroupRequest';
import type { DescribeShareGroupResponse as _sharelog_v1_DescribeShareGroupResponse, DescribeShareGroupResponse__Output as _sharelog_v1_DescribeShareGroupResponse__Output } from './sharelog/v1/DescribeShareGroupResponse';
import type { DescribeTopicRequest as _sharelog_v1_DescribeTopicRequest, DescribeTopicRequest__Output as _sharelog_v1_DescribeTopicRequest__Output } from './sharelog/v1/DescribeTopicRequest';
import type { DescribeTopicResponse as _sharelog_v1_DescribeTopicResponse, DescribeTopicResponse__Output as _sharelog_v1_DescribeTopicResponse__Output } from './sharelog/v1/DescribeTopicResponse';
import type { GroupListing as _sharelog_v1_GroupListing, GroupListing__Output as _sharelog_v1_GroupListing__Output } from './sharelog/v1/GroupListing';
import type { Header as _sharelog_v1_Header, Header__Output as _sharelog_v1_Header__Output } from './sharelog/v1/Header';
import type { InspectShareRecordsRequest as _sharelog_v1_InspectShareRecordsRequest, InspectShareRecordsRequest__Output as _sharelog_v1_InspectShareRecordsRequest__Output } from './sharelog/v1/InspectShareRecordsRequest';
import type { InspectShareRecordsResponse as _sharelog_v1_InspectShareRecordsResponse, InspectShareRecordsResponse__Output as _sharelog_v1_InspectShareRecordsResponse__Output } from './sharelog/v1/InspectShareRecordsResponse';
import type { ListGroupsRequest as _sharelog_v1_ListGroupsRequest, ListGroupsRequest__Output as _sharelog_v1_ListGroupsRequest__Output } from './sharelog/v1/ListGroupsRequest';
import type { ListGroupsResponse as _sharelog_v1_ListGroupsResponse, ListGroupsResponse__Output as _sharelog_v1_ListGroupsResponse__Output } from './sharelog/v1/ListGroupsResponse';
import type { ListTopicsRequest as _sharelog_v1_ListTopicsRequest, ListTopicsRequest__Output as _sharelog_v1_ListTopicsRequest__Output } from './sharelog/v1/ListTopicsRequest';
import type { ListTopicsResponse as _sharelog_v1_ListTopicsResponse, ListTopicsResponse__Output as _sharelog_v1_ListTopicsResponse__Output } from './sharelog/v1/ListTopicsResponse';
import type { PartitionDescription as _sharelog_v1_PartitionDescription, PartitionDescription__Output as _sharelog_v1_PartitionDescription__Output } from './sharelog/v1/PartitionDescription';
import type { Record as _sharelog_v1_Record, Record__Output as _sharelog_v1_Record__Output } from './sharelog/v1/Record';
import type { ResetConsumerGroupOffsetsRequest as _sharelog_v1_ResetConsumerGroupOffsetsRequest, ResetConsumerGroupOffsetsRequest__Output as _sharelog_v1_ResetConsumerGroupOffsetsRequest__Output } from './sharelog/v1/ResetConsumerGroupOffsetsRequest';
import type { ResetConsumerGroupOffsetsResponse as _sharelog_v1_ResetConsumerGroupOffsetsResponse, ResetConsumerGroupOffsetsResponse__Output as _sharelog_v1_ResetConsumerGroupOffsetsResponse__Output } from './sharelog/v1/ResetConsumerGroupOffsetsResponse';
import type { ResetShareGroupOffsetsRequest as _sharelog_v1_ResetShareGroupOffsetsRequest, ResetShareGroupOffsetsRequest__Output as _sharelog_v1_ResetShareGroupOffsetsRequest__Output } from './sharelog/v1/ResetShareGroupOffsetsRequest';
import type { ResetShareGroupOffsetsResponse as _sharelog_v1_ResetShareGroupOffsetsResponse, ResetShareGroupOffsetsResponse__Output as _sharelog_v1_ResetShareGroupOffsetsResponse__Output } from './sharelog/v1/ResetShareGroupOffsetsResponse';
import type { ShareGroupConfig as _sharelog_v1_ShareGroupConfig, ShareGroupConfig__Output as _sharelog_v1_ShareGroupConfig__Output } from './sharelog/v1/ShareGroupConfig';
import type { ShareGroupMember as _sharelog_v1_ShareGroupMember, ShareGroupMember__Output as _sharelog_v1_ShareGroupMember__Output } from './sharelog/v1/ShareGroupMember';
import type { ShareGroupOffsetReset as _sharelog_v1_ShareGroupOffsetReset, ShareGroupOffsetReset__Output as _sharelog_v1_ShareGroupOffsetReset__Output } from './sharelog/v1/ShareGroupOffsetReset';
import type { ShareGroupPartition as _sharelog_v1_ShareGroupPartition, ShareGroupPartition__Output as _sharelog_v1_ShareGroupPartition__Output } from './sharelog/v1/ShareGroupPartition';
import type { ShareRecordInfo as _sharelog_v1_ShareRecordInfo, ShareRecordInfo__Output as _sharelog_v1_ShareRecordInfo__Output } from './sharelog/v1/ShareRecordInfo';
import type { TopicConfig as _sharelog_v1_TopicConfig, TopicConfig__Output as _sharelog_v1_TopicConfig__Output } from './sharelog/v1/TopicConfig';
import type { TopicDescription as _sharelog_v1_TopicDescription, TopicDescription__Output as _sharelog_v1_TopicDescription__Output } from './sharelog/v1/TopicDescription';
import type { TopicListing as _sharelog_v1_TopicListing, TopicListing__Output as _sharelog_v1_TopicListing__Output } from './sharelog/v1/TopicListing';
import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from './sharelog/v1/TopicPartitions';
import type { UpdateShareGroupConfigRequest as _sharelog_v1_UpdateShareGroupConfigRequest, UpdateShareGroupConfigRequest__Output as _sharelog_v1_UpdateShareGroupConfigRequest__Output } from './sharelog/v1/UpdateShareGroupConfigRequest';
import type { UpdateShareGroupConfigResponse as _sharelog_v1_UpdateShareGroupConfigResponse, UpdateShareGroupConfigResponse__Output as _sharelog_v1_UpdateShareGroupConfigResponse__Output } from './sharelog/v1/UpdateShareGroupConfigResponse';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  sharelog: {
    v1: {
      AcknowledgeError: EnumTypeDefinition
      AcknowledgeType: EnumTypeDefinition
      Acknowledgement: MessageTypeDefinition<_sharelog_v1_Acknowledgement, _sharelog_v1_Acknowledgement__Output>
      AcknowledgementResult: MessageTypeDefinition<_sharelog_v1_AcknowledgementResult, _sharelog_v1_AcknowledgementResult__Output>
      AcquiredRecord: MessageTypeDefinition<_sharelog_v1_AcquiredRecord, _sharelog_v1_AcquiredRecord__Output>
      /**
       * Manages topics, consumer groups and share groups.
       * 
       * Groups come into being on first use (a Heartbeat, a Subscribe, a standalone commit, or the admin calls that say
       * so) and stay, with their offsets, state and configuration, until DeleteGroup, also when they have no members.
       * 
       * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
       * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
       */
      AdminService: SubtypeConstructor<typeof grpc.Client, _sharelog_v1_AdminServiceClient> & { service: _sharelog_v1_AdminServiceDefinition }
      AttemptOutcome: EnumTypeDefinition
      ConsumedRecord: MessageTypeDefinition<_sharelog_v1_ConsumedRecord, _sharelog_v1_ConsumedRecord__Output>
      ConsumerGroupMember: MessageTypeDefinition<_sharelog_v1_ConsumerGroupMember, _sharelog_v1_ConsumerGroupMember__Output>
      ConsumerGroupOffsetReset: MessageTypeDefinition<_sharelog_v1_ConsumerGroupOffsetReset, _sharelog_v1_ConsumerGroupOffsetReset__Output>
      ConsumerGroupPartition: MessageTypeDefinition<_sharelog_v1_ConsumerGroupPartition, _sharelog_v1_ConsumerGroupPartition__Output>
      CreatePartitionsRequest: MessageTypeDefinition<_sharelog_v1_CreatePartitionsRequest, _sharelog_v1_CreatePartitionsRequest__Output>
      CreatePartitionsResponse: MessageTypeDefinition<_sharelog_v1_CreatePartitionsResponse, _sharelog_v1_CreatePartitionsResponse__Output>
      CreateTopicRequest: MessageTypeDefinition<_sharelog_v1_CreateTopicRequest, _sharelog_v1_CreateTopicRequest__Output>
      CreateTopicResponse: MessageTypeDefinition<_sharelog_v1_CreateTopicResponse, _sharelog_v1_CreateTopicResponse__Output>
      DeleteGroupRequest: MessageTypeDefinition<_sharelog_v1_DeleteGroupRequest, _sharelog_v1_DeleteGroupRequest__Output>
      DeleteGroupResponse: MessageTypeDefinition<_sharelog_v1_DeleteGroupResponse, _sharelog_v1_DeleteGroupResponse__Output>
      DeleteTopicRequest: MessageTypeDefinition<_sharelog_v1_DeleteTopicRequest, _sharelog_v1_DeleteTopicRequest__Output>
      DeleteTopicResponse: MessageTypeDefinition<_sharelog_v1_DeleteTopicResponse, _sharelog_v1_DeleteTopicResponse__Output>
      DeliveryAttempt: MessageTypeDefinition<_sharelog_v1_DeliveryAttempt, _sharelog_v1_DeliveryAttempt__Output>
      DeliveryFailure: MessageTypeDefinition<_sharelog_v1_DeliveryFailure, _sharelog_v1_DeliveryFailure__Output>
      DescribeConsumerGroupRequest: MessageTypeDefinition<_sharelog_v1_DescribeConsumerGroupRequest, _sharelog_v1_DescribeConsumerGroupRequest__Output>
      DescribeConsumerGroupResponse: MessageTypeDefinition<_sharelog_v1_DescribeConsumerGroupResponse, _sharelog_v1_DescribeConsumerGroupResponse__Output>
      DescribeShareGroupRequest: MessageTypeDefinition<_sharelog_v1_DescribeShareGroupRequest, _sharelog_v1_DescribeShareGroupRequest__Output>
      DescribeShareGroupResponse: MessageTypeDefinition<_sharelog_v1_DescribeShareGroupResponse, _sharelog_v1_DescribeShareGroupResponse__Output>
      DescribeTopicRequest: MessageTypeDefinition<_sharelog_v1_DescribeTopicRequest, _sharelog_v1_DescribeTopicRequest__Output>
      DescribeTopicResponse: MessageTypeDefinition<_sharelog_v1_DescribeTopicResponse, _sharelog_v1_DescribeTopicResponse__Output>
      GroupListing: MessageTypeDefinition<_sharelog_v1_GroupListing, _sharelog_v1_GroupListing__Output>
      GroupState: EnumTypeDefinition
      GroupType: EnumTypeDefinition
      Header: MessageTypeDefinition<_sharelog_v1_Header, _sharelog_v1_Header__Output>
      InspectShareRecordsRequest: MessageTypeDefinition<_sharelog_v1_InspectShareRecordsRequest, _sharelog_v1_InspectShareRecordsRequest__Output>
      InspectShareRecordsResponse: MessageTypeDefinition<_sharelog_v1_InspectShareRecordsResponse, _sharelog_v1_InspectShareRecordsResponse__Output>
      ListGroupsRequest: MessageTypeDefinition<_sharelog_v1_ListGroupsRequest, _sharelog_v1_ListGroupsRequest__Output>
      ListGroupsResponse: MessageTypeDefinition<_sharelog_v1_ListGroupsResponse, _sharelog_v1_ListGroupsResponse__Output>
      ListTopicsRequest: MessageTypeDefinition<_sharelog_v1_ListTopicsRequest, _sharelog_v1_ListTopicsRequest__Output>
      ListTopicsResponse: MessageTypeDefinition<_sharelog_v1_ListTopicsResponse, _sharelog_v1_ListTopicsResponse__Output>
      OffsetReset: EnumTypeDefinition
      PartitionDescription: MessageTypeDefinition<_sharelog_v1_PartitionDescription, _sharelog_v1_PartitionDescription__Output>
      Record: MessageTypeDefinition<_sharelog_v1_Record, _sharelog_v1_Record__Output>
      RecordState: EnumTypeDefinition
      ResetConsumerGroupOffsetsRequest: MessageTypeDefinition<_sharelog_v1_ResetConsumerGroupOffsetsRequest, _sharelog_v1_ResetConsumerGroupOffsetsRequest__Output>
      ResetConsumerGroupOffsetsResponse: MessageTypeDefinition<_sharelog_v1_ResetConsumerGroupOffsetsResponse, _sharelog_v1_ResetConsumerGroupOffsetsResponse__Output>
      ResetShareGroupOffsetsRequest: MessageTypeDefinition<_sharelog_v1_ResetShareGroupOffsetsRequest, _sharelog_v1_ResetShareGroupOffsetsRequest__Output>
      ResetShareGroupOffsetsResponse: MessageTypeDefinition<_sharelog_v1_ResetShareGroupOffsetsResponse, _sharelog_v1_ResetShareGroupOffsetsResponse__Output>
      ShareGroupConfig: MessageTypeDefinition<_sharelog_v1_ShareGroupConfig, _sharelog_v1_ShareGroupConfig__Output>
      ShareGroupMember: MessageTypeDefinition<_sharelog_v1_ShareGroupMember, _sharelog_v1_ShareGroupMember__Output>
      ShareGroupOffsetReset: MessageTypeDefinition<_sharelog_v1_ShareGroupOffsetReset, _sharelog_v1_ShareGroupOffsetReset__Output>
      ShareGroupPartition: MessageTypeDefinition<_sharelog_v1_ShareGroupPartition, _sharelog_v1_ShareGroupPartition__Output>
      ShareRecordInfo: MessageTypeDefinition<_sharelog_v1_ShareRecordInfo, _sharelog_v1_ShareRecordInfo__Output>
      TopicConfig: MessageTypeDefinition<_sharelog_v1_TopicConfig, _sharelog_v1_TopicConfig__Output>
      TopicDescription: MessageTypeDefinition<_sharelog_v1_TopicDescription, _sharelog_v1_TopicDescription__Output>
      TopicListing: MessageTypeDefinition<_sharelog_v1_TopicListing, _sharelog_v1_TopicListing__Output>
      TopicPartitions: MessageTypeDefinition<_sharelog_v1_TopicPartitions, _sharelog_v1_TopicPartitions__Output>
      UpdateShareGroupConfigRequest: MessageTypeDefinition<_sharelog_v1_UpdateShareGroupConfigRequest, _sharelog_v1_UpdateShareGroupConfigRequest__Output>
      UpdateShareGroupConfigResponse: MessageTypeDefinition<_sharelog_v1_UpdateShareGroupConfigResponse, _sharelog_v1_UpdateShareGroupConfigResponse__Output>
    }
  }
}

