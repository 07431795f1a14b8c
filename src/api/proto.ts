/**
 * Loads the sharelog.v1 protos once. Options match the generated types in src/generated
 * (camelCase fields, int64 as numbers, enums as strings, defaults filled in, oneof discriminators).
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import type { ProtoGrpcType as AdminProto } from '../generated/admin.js';
import type { ProtoGrpcType as ConsumerProto } from '../generated/consumer.js';
import type { ProtoGrpcType as ProducerProto } from '../generated/producer.js';
import type { ProtoGrpcType as ShareConsumerProto } from '../generated/share_consumer.js';
import { packageRoot } from '../paths.js';

export const PROTO_FILES = [
  'sharelog/v1/producer.proto',
  'sharelog/v1/consumer.proto',
  'sharelog/v1/share_consumer.proto',
  'sharelog/v1/admin.proto',
];

export const LOADER_OPTIONS: protoLoader.Options = {
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [path.join(packageRoot(), 'proto')],
};

type SharelogProto = ProducerProto & ConsumerProto & ShareConsumerProto & AdminProto;

let cached: { definition: protoLoader.PackageDefinition; proto: SharelogProto } | undefined;

export function loadSharelogProto(): { definition: protoLoader.PackageDefinition; proto: SharelogProto } {
  if (!cached) {
    const definition = protoLoader.loadSync(PROTO_FILES, LOADER_OPTIONS);
    const proto = grpc.loadPackageDefinition(definition) as unknown as SharelogProto;
    cached = { definition, proto };
  }
  return cached;
}
