// Original file: sharelog/v1/producer.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { ProduceRequest as _sharelog_v1_ProduceRequest, ProduceRequest__Output as _sharelog_v1_ProduceRequest__Output } from '../../sharelog/v1/ProduceRequest';
import type { ProduceResponse as _sharelog_v1_ProduceResponse, ProduceResponse__Output as _sharelog_v1_ProduceResponse__Output } from '../../sharelog/v1/ProduceResponse';

/**
 * Appends records to topics.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface ProducerServiceClient extends grpc.Client {
  /**
   * Appends records to one topic and returns the position of each one.
   * 
   * Records bound for the same partition are appended as one batch with consecutive offsets, atomically, in
   * request order. A request whose records go to several partitions is not atomic across them: when it fails,
   * some partitions may have been appended and others not; retrying it with the same producer_id and sequence
   * completes it without duplicates. The call returns once the records are stored as the server's --fsync policy
   * requires (by default: written and fsynced).
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty topic, no records, a negative partition or timestamp_ms,
   * producer_id longer than 64 characters, a negative sequence with a producer_id.
   * - NOT_FOUND (TOPIC_NOT_FOUND): the topic does not exist (topics are never created by Produce).
   * - NOT_FOUND (PARTITION_NOT_FOUND): `partition` is not below the topic's partition count.
   * - FAILED_PRECONDITION (OUT_OF_ORDER_SEQUENCE): `sequence` is lower than one this producer already used on a
   * partition this request writes to, and is no longer remembered there; nothing was appended to that
   * partition.
   * - RESOURCE_EXHAUSTED (no sharelog-error-code): the request is larger than the server's message size limit.
   */
  Produce(argument: _sharelog_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _sharelog_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _sharelog_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  Produce(argument: _sharelog_v1_ProduceRequest, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Appends records to one topic and returns the position of each one.
   * 
   * Records bound for the same partition are appended as one batch with consecutive offsets, atomically, in
   * request order. A request whose records go to several partitions is not atomic across them: when it fails,
   * some partitions may have been appended and others not; retrying it with the same producer_id and sequence
   * completes it without duplicates. The call returns once the records are stored as the server's --fsync policy
   * requires (by default: written and fsynced).
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty topic, no records, a negative partition or timestamp_ms,
   * producer_id longer than 64 characters, a negative sequence with a producer_id.
   * - NOT_FOUND (TOPIC_NOT_FOUND): the topic does not exist (topics are never created by Produce).
   * - NOT_FOUND (PARTITION_NOT_FOUND): `partition` is not below the topic's partition count.
   * - FAILED_PRECONDITION (OUT_OF_ORDER_SEQUENCE): `sequence` is lower than one this producer already used on a
   * partition this request writes to, and is no longer remembered there; nothing was appended to that
   * partition.
   * - RESOURCE_EXHAUSTED (no sharelog-error-code): the request is larger than the server's message size limit.
   */
  produce(argument: _sharelog_v1_ProduceRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _sharelog_v1_ProduceRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _sharelog_v1_ProduceRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  produce(argument: _sharelog_v1_ProduceRequest, callback: grpc.requestCallback<_sharelog_v1_ProduceResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Appends records to topics.
 * 
 * Every RPC may also end with UNAVAILABLE (SHUTTING_DOWN, BACKEND_UNAVAILABLE), INTERNAL (STORAGE_FAILED),
 * DATA_LOSS (CORRUPT_DATA) and the statuses gRPC produces itself; see common.proto.
 */
export interface ProducerServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Appends records to one topic and returns the position of each one.
   * 
   * Records bound for the same partition are appended as one batch with consecutive offsets, atomically, in
   * request order. A request whose records go to several partitions is not atomic across them: when it fails,
   * some partitions may have been appended and others not; retrying it with the same producer_id and sequence
   * completes it without duplicates. The call returns once the records are stored as the server's --fsync policy
   * requires (by default: written and fsynced).
   * 
   * Errors:
   * - INVALID_ARGUMENT (INVALID_ARGUMENT): empty topic, no records, a negative partition or timestamp_ms,
   * producer_id longer than 64 characters, a negative sequence with a producer_id.
   * - NOT_FOUND (TOPIC_NOT_FOUND): the topic does not exist (topics are never created by Produce).
   * - NOT_FOUND (PARTITION_NOT_FOUND): `partition` is not below the topic's partition count.
   * - FAILED_PRECONDITION (OUT_OF_ORDER_SEQUENCE): `sequence` is lower than one this producer already used on a
   * partition this request writes to, and is no longer remembered there; nothing was appended to that
   * partition.
   * - RESOURCE_EXHAUSTED (no sharelog-error-code): the request is larger than the server's message size limit.
   */
  Produce: grpc.handleUnaryCall<_sharelog_v1_ProduceRequest__Output, _sharelog_v1_ProduceResponse>;
  
}

export interface ProducerServiceDefinition extends grpc.ServiceDefinition {
  Produce: MethodDefinition<_sharelog_v1_ProduceRequest, _sharelog_v1_ProduceResponse, _sharelog_v1_ProduceRequest__Output, _sharelog_v1_ProduceResponse__Output>
}
