/**
 * Builds the grpc-js server: sharelog.v1 services, grpc.health.v1 and server reflection (so grpcurl and other
 * generic tools work without the .proto files), message size limits and the interceptor chain.
 */
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import { LOADER_OPTIONS, PROTO_FILES, loadSharelogProto } from './proto.js';
import { withServerCodecs } from './wire/index.js';

export const SERVICE_NAMES = [
  'sharelog.v1.ProducerService',
  'sharelog.v1.ConsumerService',
  'sharelog.v1.ShareConsumerService',
  'sharelog.v1.AdminService',
] as const;

export interface ServiceImplementations {
  producer: grpc.UntypedServiceImplementation;
  consumer: grpc.UntypedServiceImplementation;
  shareConsumer: grpc.UntypedServiceImplementation;
  admin: grpc.UntypedServiceImplementation;
}

export interface GrpcServerOptions {
  maxMessageBytes: number;
  interceptors?: grpc.ServerInterceptor[];
}

export function buildGrpcServer(
  impl: ServiceImplementations,
  options: GrpcServerOptions,
): { server: grpc.Server; health: HealthImplementation } {
  const server = new grpc.Server({
    'grpc.max_receive_message_length': options.maxMessageBytes,
    'grpc.max_send_message_length': options.maxMessageBytes,
    interceptors: options.interceptors ?? [],
  });
  const { proto } = loadSharelogProto();
  const v1 = proto.sharelog.v1;
  server.addService(withServerCodecs(v1.ProducerService.service), impl.producer);
  server.addService(v1.ConsumerService.service, impl.consumer);
  server.addService(withServerCodecs(v1.ShareConsumerService.service), impl.shareConsumer);
  server.addService(v1.AdminService.service, impl.admin);

  const health = new HealthImplementation(
    Object.fromEntries([['', 'NOT_SERVING'], ...SERVICE_NAMES.map((name) => [name, 'NOT_SERVING'])]),
  );
  health.addToServer(server);

  const reflectionDefinition = protoLoader.loadSync([...PROTO_FILES, healthProtoPath], LOADER_OPTIONS);
  new ReflectionService(reflectionDefinition).addToServer(server);
  return { server, health };
}

export function setServing(health: HealthImplementation, serving: boolean): void {
  const status = serving ? 'SERVING' : 'NOT_SERVING';
  health.setStatus('', status);
  for (const name of SERVICE_NAMES) health.setStatus(name, status);
}

/** Binds `address` with `credentials` (plaintext when omitted; TLS from src/security). */
export function bind(server: grpc.Server, address: string, credentials: grpc.ServerCredentials = grpc.ServerCredentials.createInsecure()): Promise<number> {
  return new Promise((resolve, reject) => server.bindAsync(address, credentials, (err, port) => (err ? reject(err) : resolve(port))));
}
