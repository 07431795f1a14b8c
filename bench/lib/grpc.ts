/**
 * gRPC plumbing for load clients. Requests are serialized once and sent as raw bytes, and answers are kept raw:
 * the client process shares the machine with the server, so per-request client encode/decode work would be
 * measured as server slowness.
 */
import * as grpc from '@grpc/grpc-js';
import { loadSharelogProto } from '../../src/api/proto.js';

export const REQUEST_TIMEOUT_MS = 10_000;

/** Each load client gets its own channel and HTTP/2 connection, never a shared subchannel. */
export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.use_local_subchannel_pool': 1,
  'grpc.max_receive_message_length': 64 * 1024 * 1024,
  'grpc.max_send_message_length': 64 * 1024 * 1024,
};

const identity = (b: Buffer) => b;

export class RawUnaryClient {
  private readonly client: grpc.Client;

  constructor(address: string) {
    this.client = new grpc.Client(address, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  }

  ready(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())),
    );
  }

  call(method: string, payload: Buffer): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      this.client.makeUnaryRequest(method, identity, identity, payload, { deadline: Date.now() + REQUEST_TIMEOUT_MS }, (err, res) =>
        err ? reject(err) : resolve(res!),
      );
    });
  }

  close(): void {
    this.client.close();
  }
}

/** Creates a topic through AdminService (one short-lived channel). */
export async function createTopic(address: string, name: string, partitions: number): Promise<void> {
  const { proto } = loadSharelogProto();
  const admin = new proto.sharelog.v1.AdminService(address, grpc.credentials.createInsecure());
  try {
    await new Promise<void>((resolve, reject) =>
      admin.CreateTopic({ name, partitions }, { deadline: Date.now() + REQUEST_TIMEOUT_MS }, (err) => (err ? reject(err) : resolve())),
    );
  } finally {
    admin.close();
  }
}

export const produceMethod = () => loadSharelogProto().proto.sharelog.v1.ProducerService.service.Produce;

/** One Produce request of `batch` keyless values of `valueBytes`, a fixed pattern so every run sends the same bytes. */
export function encodeProduceRequest(topic: string, partition: number, batch: number, valueBytes = 100): Buffer {
  const value = Buffer.alloc(valueBytes);
  for (let i = 0; i < valueBytes; i++) value[i] = (i * 31 + partition) & 0xff;
  const timestampMs = Date.now();
  return produceMethod().requestSerialize({
    topic,
    partition,
    records: Array.from({ length: batch }, () => ({ value, headers: [], timestampMs })),
    producerId: '',
    sequence: 0,
  });
}
