import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { Acknowledgement as _sharelog_v1_Acknowledgement, Acknowledgement__Output as _sharelog_v1_Acknowledgement__Output } from './sharelog/v1/Acknowledgement';
import type { AcknowledgementResult as _sharelog_v1_AcknowledgementResult, AcknowledgementResult__Output as _sharelog_v1_AcknowledgementResult__Output } from './sharelog/v1/AcknowledgementResult';
import type { AcquiredRecord as _sharelog_v1_AcquiredRecord, AcquiredRecord__Output as _sharelog_v1_AcquiredRecord__Output } from './sharelog/v1/AcquiredRecord';
import type { ConsumedRecord as _sharelog_v1_ConsumedRecord, ConsumedRecord__Output as _sharelog_v1_ConsumedRecord__Output } from './sharelog/v1/ConsumedRecord';
import type { DeliveryFailure as _sharelog_v1_DeliveryFailure, DeliveryFailure__Output as _sharelog_v1_DeliveryFailure__Output } from './sharelog/v1/DeliveryFailure';
import type { Header as _sharelog_v1_Header, Header__Output as _sharelog_v1_Header__Output } from './sharelog/v1/Header';
import type { ProduceRequest as _sharelog_v1_ProduceRequest, ProduceRequest__Output as _sharelog_v1_ProduceRequest__Output } from './sharelog/v1/ProduceRequest';
import type { ProduceResponse as _sharelog_v1_ProduceResponse, ProduceResponse__Output as _sharelog_v1_ProduceResponse__Output } from './sharelog/v1/ProduceResponse';
import type { ProducerServiceClient as _sharelog_v1_ProducerServiceClient, ProducerServiceDefinition as _sharelog_v1_ProducerServiceDefinition } from './sharelog/v1/ProducerService';
import type { Record as _sharelog_v1_Record, Record__Output as _sharelog_v1_Record__Output } from './sharelog/v1/Record';
import type { RecordPosition as _sharelog_v1_RecordPosition, RecordPosition__Output as _sharelog_v1_RecordPosition__Output } from './sharelog/v1/RecordPosition';
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
      ConsumedRecord: MessageTypeDefinition<_sharelog_v1_ConsumedRecord, _sharelog_v1_ConsumedRecord__Output>
      DeliveryFailure: MessageTypeDefinition<_sharelog_v1_DeliveryFailure, _sharelog_v1_DeliveryFailure__Output>
      Header: MessageTypeDefinition<_sharelog_v1_Header, _sharelog_v1_Header__Output>
      ProduceRequest: MessageTypeDefinition<_sharelog_v1_ProduceRequest, _sharelog_v1_ProduceRequest__Output>
      ProduceResponse: MessageTypeDefinition<_sharelog_v1_ProduceResponse, _sharelog_v1_ProduceResponse__Output>
      /**
       * Appends records to topics.
       * 
       * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
       * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
       */
      ProducerService: SubtypeConstructor<typeof grpc.Client, _sharelog_v1_ProducerServiceClient> & { service: _sharelog_v1_ProducerServiceDefinition }
      Record: MessageTypeDefinition<_sharelog_v1_Record, _sharelog_v1_Record__Output>
      RecordPosition: MessageTypeDefinition<_sharelog_v1_RecordPosition, _sharelog_v1_RecordPosition__Output>
      TopicPartitions: MessageTypeDefinition<_sharelog_v1_TopicPartitions, _sharelog_v1_TopicPartitions__Output>
    }
  }
}

