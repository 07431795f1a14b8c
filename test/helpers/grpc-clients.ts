/** Typed gRPC clients for tests, with promise-returning unary calls that reject with the grpc ServiceError. */
import * as grpc from '@grpc/grpc-js';
import { loadSharelogProto } from '../../src/api/proto.js';

type Unary<Req, Res> = (request: Req, metadata?: grpc.Metadata) => Promise<Res>;

function promisify<C extends grpc.Client>(client: C) {
  return new Proxy({} as Record<string, Unary<unknown, unknown>>, {
    get(_target, method: string) {
      return (request: unknown, metadata = new grpc.Metadata()) =>
        new Promise((resolve, reject) => {
          const fn = (client as unknown as Record<string, Function>)[method];
          if (typeof fn !== 'function') throw new Error(`no method ${method}`);
          fn.call(client, request, metadata, { deadline: Date.now() + 30_000 }, (err: grpc.ServiceError | null, res: unknown) =>
            err ? reject(err) : resolve(res),
          );
        });
    },
  });
}

export interface TestClients {
  producer: Record<string, Unary<any, any>>;
  consumer: Record<string, Unary<any, any>>;
  share: Record<string, Unary<any, any>>;
  admin: Record<string, Unary<any, any>>;
  raw: { share: grpc.Client & Record<string, Function> };
  close(): void;
}

export function connect(address: string): TestClients {
  const { proto } = loadSharelogProto();
  const v1 = proto.sharelog.v1;
  const creds = grpc.credentials.createInsecure();
  const producer = new v1.ProducerService(address, creds);
  const consumer = new v1.ConsumerService(address, creds);
  const share = new v1.ShareConsumerService(address, creds);
  const admin = new v1.AdminService(address, creds);
  return {
    producer: promisify(producer),
    consumer: promisify(consumer),
    share: promisify(share),
    admin: promisify(admin),
    raw: { share: share as never },
    close() {
      for (const c of [producer, consumer, share, admin]) c.close();
    },
  };
}

/** The `sharelog-error-code` trailer of a failed call. */
export function errorCode(err: unknown): string | undefined {
  const md = (err as grpc.ServiceError).metadata;
  return md?.get('sharelog-error-code')[0] as string | undefined;
}
