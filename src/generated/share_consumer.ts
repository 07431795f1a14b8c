import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AcknowledgeRequest as _sharelog_v1_AcknowledgeRequest, AcknowledgeRequest__Output as _sharelog_v1_AcknowledgeRequest__Output } from './sharelog/v1/AcknowledgeRequest';
import type { AcknowledgeResponse as _sharelog_v1_AcknowledgeResponse, AcknowledgeResponse__Output as _sharelog_v1_AcknowledgeResponse__Output } from './sharelog/v1/AcknowledgeResponse';
import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from './sharelog/v1/Acknowledgement';
import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from './sharelog/v1/AcknowledgementResult';
import type { AcquiredRecord as _sharelog_v1_AcquiredRecord, AcquiredRecord__Output as _sharelog_v1_AcquiredRecord__Output } from './sharelog/v1/AcquiredRecord';
import type { ConsumedRecord as _sharelog_v1_ConsumedRecord, ConsumedRecord__Output as _sharelog_v1_ConsumedRecord__Output } from './sharelog/v1/ConsumedRecord';
import type { DeliveryFailure as _sharelog_v1_DeliveryFailure, DeliveryFailure__Output as _sharelog_v1_DeliveryFailure__Output } from './sharelog/v1/DeliveryFailure';
import type { Header as _sharelog_v1_Header, Header__Output as _sharelog_v1_Header__Output } from './sharelog/v1/Header';
import type { Record as _sharelog_v1_Record, Record__Output as _sharelog_v1_Record__Output } from './sharelog/v1/Record';
import type { ShareConsumerServiceClient as _sharelog_v1_ShareConsumerServiceClient, ShareConsumerServiceDefinition as _sharelog_v1_ShareConsumerServiceDefinition } from './sharelog/v1/ShareConsumerService';
import type { ShareConsumerServiceFetchRequest as _sharelog_v1_ShareConsumerServiceFetchRequest, ShareConsumerServiceFetchRequest__Output as _sharelog_v1_ShareConsumerServiceFetchRequest__Output } from './sharelog/v1/ShareConsumerServiceFetchRequest';
import type { ShareConsumerServiceFetchResponse as _sharelog_v1_ShareConsumerServiceFetchResponse, ShareConsumerServiceFetchResponse__Output as _sharelog_v1_ShareConsumerServiceFetchResponse__Output } from './sharelog/v1/ShareConsumerServiceFetchResponse';
import type { ShareConsumerServiceHeartbeatRequest as _sharelog_v1_ShareConsumerServiceHeartbeatRequest, ShareConsumerServiceHeartbeatRequest__Output as _sharelog_v1_ShareConsumerServiceHeartbeatRequest__Output } from './sharelog/v1/ShareConsumerServiceHeartbeatRequest';
import type { ShareConsumerServiceHeartbeatResponse as _sharelog_v1_ShareConsumerServiceHeartbeatResponse, ShareConsumerServiceHeartbeatResponse__Output as _sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output } from './sharelog/v1/ShareConsumerServiceHeartbeatResponse';
import type { ShareConsumerServiceLeaveGroupRequest as _sharelog_v1_ShareConsumerServiceLeaveGroupRequest, ShareConsumerServiceLeaveGroupRequest__Output as _sharelog_v1_ShareConsumerServiceLeaveGroupRequest__Output } from './sharelog/v1/ShareConsumerServiceLeaveGroupRequest';
import type { ShareConsumerServiceLeaveGroupResponse as _sharelog_v1_ShareConsumerServiceLeaveGroupResponse, ShareConsumerServiceLeaveGroupResponse__Output as _sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output } from './sharelog/v1/ShareConsumerServiceLeaveGroupResponse';
import type { SubscribeAcknowledgementResults as _sharelog_v1_SubscribeAcknowledgementResults, SubscribeAcknowledgementResults__Output as _sharelog_v1_SubscribeAcknowledgementResults__Output } from './sharelog/v1/SubscribeAcknowledgementResults';
import type { SubscribeAcknowledgements as _sharelog_v1_SubscribeAcknowledgements, SubscribeAcknowledgements__Output as _sharelog_v1_SubscribeAcknowledgements__Output } from './sharelog/v1/SubscribeAcknowledgements';
import type { SubscribeAssignmentChanged as _sharelog_v1_SubscribeAssignmentChanged, SubscribeAssignmentChanged__Output as _sharelog_v1_SubscribeAssignmentChanged__Output } from './sharelog/v1/SubscribeAssignmentChanged';
import type { SubscribeJoined as _sharelog_v1_SubscribeJoined, SubscribeJoined__Output as _sharelog_v1_SubscribeJoined__Output } from './sharelog/v1/SubscribeJoined';
import type { SubscribeRecords as _sharelog_v1_SubscribeRecords, SubscribeRecords__Output as _sharelog_v1_SubscribeRecords__Output } from './sharelog/v1/SubscribeRecords';
import type { SubscribeRequest as _sharelog_v1_SubscribeRequest, SubscribeRequest__Output as _sharelog_v1_SubscribeRequest__Output } from './sharelog/v1/SubscribeRequest';
import type { SubscribeResponse as _sharelog_v1_SubscribeResponse, SubscribeResponse__Output as _sharelog_v1_SubscribeResponse__Output } from './sharelog/v1/SubscribeResponse';
import type { SubscribeStart as _sharelog_v1_SubscribeStart, SubscribeStart__Output as _sharelog_v1_SubscribeStart__Output } from './sharelog/v1/SubscribeStart';
import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from './sharelog/v1/TopicPartitions';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  sharelog: {
    v1: {
      AcknowledgeError: EnumTypeDefinition
      AcknowledgeRequest: MessageTypeDefinition<_sharelog_v1_AcknowledgeRequest, _sharelog_v1_AcknowledgeRequest__Output>
      AcknowledgeResponse: MessageTypeDefinition<_sharelog_v1_AcknowledgeResponse, _sharelog_v1_AcknowledgeResponse__Output>
      AcknowledgeType: EnumTypeDefinition
      Acknowledgement: MessageTypeDefinition<_sharelog_v1_Acknowledgement, _sharelog_v1_Acknowledgement__Output>
      AcknowledgementResult: MessageTypeDefinition<_sharelog_v1_AcknowledgementResult, _sharelog_v1_AcknowledgementResult__Output>
      AcquiredRecord: MessageTypeDefinition<_sharelog_v1_AcquiredRecord, _sharelog_v1_AcquiredRecord__Output>
      AttemptOutcome: EnumTypeDefinition
      ConsumedRecord: MessageTypeDefinition<_sharelog_v1_ConsumedRecord, _sharelog_v1_ConsumedRecord__Output>
      DeliveryFailure: MessageTypeDefinition<_sharelog_v1_DeliveryFailure, _sharelog_v1_DeliveryFailure__Output>
      Header: MessageTypeDefinition<_sharelog_v1_Header, _sharelog_v1_Header__Output>
      Record: MessageTypeDefinition<_sharelog_v1_Record, _sharelog_v1_Record__Output>
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
      ShareConsumerService: SubtypeConstructor<typeof grpc.Client, _sharelog_v1_ShareConsumerServiceClient> & { service: _sharelog_v1_ShareConsumerServiceDefinition }
      ShareConsumerServiceFetchRequest: MessageTypeDefinition<_sharelog_v1_ShareConsumerServiceFetchRequest, _sharelog_v1_ShareConsumerServiceFetchRequest__Output>
      ShareConsumerServiceFetchResponse: MessageTypeDefinition<_sharelog_v1_ShareConsumerServiceFetchResponse, _sharelog_v1_ShareConsumerServiceFetchResponse__Output>
      ShareConsumerServiceHeartbeatRequest: MessageTypeDefinition<_sharelog_v1_ShareConsumerServiceHeartbeatRequest, _sharelog_v1_ShareConsumerServiceHeartbeatRequest__Output>
      ShareConsumerServiceHeartbeatResponse: MessageTypeDefinition<_sharelog_v1_ShareConsumerServiceHeartbeatResponse, _sharelog_v1_ShareConsumerServiceHeartbeatResponse__Output>
      ShareConsumerServiceLeaveGroupRequest: MessageTypeDefinition<_sharelog_v1_ShareConsumerServiceLeaveGroupRequest, _sharelog_v1_ShareConsumerServiceLeaveGroupRequest__Output>
      ShareConsumerServiceLeaveGroupResponse: MessageTypeDefinition<_sharelog_v1_ShareConsumerServiceLeaveGroupResponse, _sharelog_v1_ShareConsumerServiceLeaveGroupResponse__Output>
      SubscribeAcknowledgementResults: MessageTypeDefinition<_sharelog_v1_SubscribeAcknowledgementResults, _sharelog_v1_SubscribeAcknowledgementResults__Output>
      SubscribeAcknowledgements: MessageTypeDefinition<_sharelog_v1_SubscribeAcknowledgements, _sharelog_v1_SubscribeAcknowledgements__Output>
      SubscribeAssignmentChanged: MessageTypeDefinition<_sharelog_v1_SubscribeAssignmentChanged, _sharelog_v1_SubscribeAssignmentChanged__Output>
      SubscribeJoined: MessageTypeDefinition<_sharelog_v1_SubscribeJoined, _sharelog_v1_SubscribeJoined__Output>
      SubscribeRecords: MessageTypeDefinition<_sharelog_v1_SubscribeRecords, _sharelog_v1_SubscribeRecords__Output>
      SubscribeRequest: MessageTypeDefinition<_sharelog_v1_SubscribeRequest, _sharelog_v1_SubscribeRequest__Output>
      SubscribeResponse: MessageTypeDefinition<_sharelog_v1_SubscribeResponse, _sharelog_v1_SubscribeResponse__Output>
      SubscribeStart: MessageTypeDefinition<_sharelog_v1_SubscribeStart, _sharelog_v1_SubscribeStart__Output>
      TopicPartitions: MessageTypeDefinition<_sharelog_v1_TopicPartitions, _sharelog_v1_TopicPartitions__Output>
    }
  }
}

