import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from './sharelog/v1/Acknowledgement';
import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from './sharelog/v1/AcknowledgementResult';
import type { AcquiredRecord as _sharelog_v1_AcquiredRecord, AcquiredRecord__Output as _sharelog_v1_AcquiredRecord__Output } from './sharelog/v1/AcquiredRecord';
import type { CommitOffsetsRequest as _sharelog_v1_CommitOffsetsRequest, CommitOffsetsRequest__Output as _sharelog_v1_CommitOffsetsRequest__Output } from './sharelog/v1/CommitOffsetsRequest';
import type { CommitOffsetsResponse as _sharelog_v1_CommitOffsetsResponse, CommitOffsetsResponse__Output as _sharelog_v1_CommitOffsetsResponse__Output } from './sharelog/v1/CommitOffsetsResponse';
import type { CommittedOffset as _sharelog_v1_CommittedOffset, CommittedOffset__Output as _sharelog_v1_CommittedOffset__Output } from './sharelog/v1/CommittedOffset';
import type { ConsumedRecord as _sharelog_v1_ConsumedRecord, ConsumedRecord__Output as _sharelog_v1_ConsumedRecord__Output } from './sharelog/v1/ConsumedRecord';
import type { ConsumerServiceClient as _sharelog_v1_ConsumerServiceClient, ConsumerServiceDefinition as _sharelog_v1_ConsumerServiceDefinition } from './sharelog/v1/ConsumerService';
import type { DeliveryFailure as _sharelog_v1_DeliveryFailure, DeliveryFailure__Output as _sharelog_v1_DeliveryFailure__Output } from './sharelog/v1/DeliveryFailure';
import type { FetchRequest as _sharelog_v1_FetchRequest, FetchRequest__Output as _sharelog_v1_FetchRequest__Output } from './sharelog/v1/FetchRequest';
import type { FetchResponse as _sharelog_v1_FetchResponse, FetchResponse__Output as _sharelog_v1_FetchResponse__Output } from './sharelog/v1/FetchResponse';
import type { GetCommittedOffsetsRequest as _sharelog_v1_GetCommittedOffsetsRequest, GetCommittedOffsetsRequest__Output as _sharelog_v1_GetCommittedOffsetsRequest__Output } from './sharelog/v1/GetCommittedOffsetsRequest';
import type { GetCommittedOffsetsResponse as _sharelog_v1_GetCommittedOffsetsResponse, GetCommittedOffsetsResponse__Output as _sharelog_v1_GetCommittedOffsetsResponse__Output } from './sharelog/v1/GetCommittedOffsetsResponse';
import type { Header as _sharelog_v1_Header, Header__Output as _sharelog_v1_Header__Output } from './sharelog/v1/Header';
import type { HeartbeatRequest as _sharelog_v1_HeartbeatRequest, HeartbeatRequest__Output as _sharelog_v1_HeartbeatRequest__Output } from './sharelog/v1/HeartbeatRequest';
import type { HeartbeatResponse as _sharelog_v1_HeartbeatResponse, HeartbeatResponse__Output as _sharelog_v1_HeartbeatResponse__Output } from './sharelog/v1/HeartbeatResponse';
import type { LeaveGroupRequest as _sharelog_v1_LeaveGroupRequest, LeaveGroupRequest__Output as _sharelog_v1_LeaveGroupRequest__Output } from './sharelog/v1/LeaveGroupRequest';
import type { LeaveGroupResponse as _sharelog_v1_LeaveGroupResponse, LeaveGroupResponse__Output as _sharelog_v1_LeaveGroupResponse__Output } from './sharelog/v1/LeaveGroupResponse';
import type { Record as _sharelog_v1_Record, Record__Output as _sharelog_v1_Record__Output } from './sharelog/v1/Record';
import type { TopicPartitions as _sharelog_v1_TopicPartitions, TopicPartitions__Output as _sharelog_v1_TopicPartitions__Output } from './sharelog/v1/TopicPartitions';

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
      AttemptOutcome: EnumTypeDefinition
      CommitOffsetsRequest: MessageTypeDefinition<_sharelog_v1_CommitOffsetsRequest, _sharelog_v1_CommitOffsetsRequest__Output>
      CommitOffsetsResponse: MessageTypeDefinition<_sharelog_v1_CommitOffsetsResponse, _sharelog_v1_CommitOffsetsResponse__Output>
      CommittedOffset: MessageTypeDefinition<_sharelog_v1_CommittedOffset, _sharelog_v1_CommittedOffset__Output>
      ConsumedRecord: MessageTypeDefinition<_sharelog_v1_ConsumedRecord, _sharelog_v1_ConsumedRecord__Output>
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
      ConsumerService: SubtypeConstructor<typeof grpc.Client, _sharelog_v1_ConsumerServiceClient> & { service: _sharelog_v1_ConsumerServiceDefinition }
      DeliveryFailure: MessageTypeDefinition<_sharelog_v1_DeliveryFailure, _sharelog_v1_DeliveryFailure__Output>
      FetchRequest: MessageTypeDefinition<_sharelog_v1_FetchRequest, _sharelog_v1_FetchRequest__Output>
      FetchResponse: MessageTypeDefinition<_sharelog_v1_FetchResponse, _sharelog_v1_FetchResponse__Output>
      GetCommittedOffsetsRequest: MessageTypeDefinition<_sharelog_v1_GetCommittedOffsetsRequest, _sharelog_v1_GetCommittedOffsetsRequest__Output>
      GetCommittedOffsetsResponse: MessageTypeDefinition<_sharelog_v1_GetCommittedOffsetsResponse, _sharelog_v1_GetCommittedOffsetsResponse__Output>
      Header: MessageTypeDefinition<_sharelog_v1_Header, _sharelog_v1_Header__Output>
      HeartbeatRequest: MessageTypeDefinition<_sharelog_v1_HeartbeatRequest, _sharelog_v1_HeartbeatRequest__Output>
      HeartbeatResponse: MessageTypeDefinition<_sharelog_v1_HeartbeatResponse, _sharelog_v1_HeartbeatResponse__Output>
      LeaveGroupRequest: MessageTypeDefinition<_sharelog_v1_LeaveGroupRequest, _sharelog_v1_LeaveGroupRequest__Output>
      LeaveGroupResponse: MessageTypeDefinition<_sharelog_v1_LeaveGroupResponse, _sharelog_v1_LeaveGroupResponse__Output>
      Record: MessageTypeDefinition<_sharelog_v1_Record, _sharelog_v1_Record__Output>
      TopicPartitions: MessageTypeDefinition<_sharelog_v1_TopicPartitions, _sharelog_v1_TopicPartitions__Output>
    }
  }
}

