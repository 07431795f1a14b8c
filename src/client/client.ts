/**
 * SharelogClient: one gRPC channel to a Sharelog server, shared by every component made from it (Producer,
 * Consumer, ShareConsumer, ShareWorker, Admin). It turns callback calls into promises with a deadline per attempt,
 * retries the calls that are safe to send again, and closes its components before the channel.
 */
import * as grpc from '@grpc/grpc-js';
import fs from 'node:fs';
import { loadSharelogProto } from '../api/proto.js';
import { withClientCodecs } from '../api/wire/index.js';
import type { AdminServiceClient } from '../generated/sharelog/v1/AdminService.js';
import type { ConsumerServiceClient } from '../generated/sharelog/v1/ConsumerService.js';
import type { ProducerServiceClient } from '../generated/sharelog/v1/ProducerService.js';
import type { ShareConsumerServiceClient } from '../generated/sharelog/v1/ShareConsumerService.js';
import type { SubscribeRequest } from '../generated/sharelog/v1/SubscribeRequest.js';
import type { SubscribeResponse__Output } from '../generated/sharelog/v1/SubscribeResponse.js';
import { Admin } from './admin.js';
import { Consumer, type ConsumerOptions } from './consumer.js';
import { closedError, toClientError } from './errors.js';
import { Producer, type ProducerOptions } from './producer.js';
import { DEFAULT_RETRY_POLICY, withRetry, type RetryPolicy } from './retry.js';
import { ShareConsumer, type ShareConsumerOptions } from './share-consumer.js';
import { ShareWorker, type ShareWorkerOptions } from './share-worker.js';

/** PEM material for TLS: a string is a file path, a Buffer the PEM itself. */
export interface TlsOptions {
  /** CA that signed the server certificate; the system roots when unset. */
  ca?: string | Buffer;
  /** Client certificate (chain) and its key, for mutual TLS. */
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface ClientOptions {
  /** Channel credentials; insecure by default. Pass grpc.credentials.createSsl(...) for TLS, or use `tls`. */
  credentials?: grpc.ChannelCredentials;
  /** TLS (and mutual TLS) from PEM files or buffers; ignored when `credentials` is set. */
  tls?: TlsOptions;
  /** Bearer token (tokens file entry or JWT), sent as `authorization: Bearer <token>` on every call. */
  token?: string;
  /** Deadline of one attempt of a call, in ms (long-polls add their wait to it). Default 30000. */
  deadlineMs?: number;
  /** Retry policy for calls that are safe to send again. */
  retry?: Partial<RetryPolicy>;
  /** Extra grpc-js channel options (keepalive, message sizes, ...). */
  channelOptions?: grpc.ChannelOptions;
}

export interface CallOptions {
  /** Deadline of each attempt, in ms; the client's default when unset. */
  deadlineMs?: number;
  /**
   * Whether to retry retriable failures: true uses the client's policy. Only for calls that cannot duplicate
   * an effect when sent twice (reads, heartbeats, commits, idempotent produces resending the same sequence).
   */
  retry?: boolean | RetryPolicy;
  /** Cancels the call (and any pending retry). */
  signal?: AbortSignal;
}

interface Services {
  producer: ProducerServiceClient;
  consumer: ConsumerServiceClient;
  share: ShareConsumerServiceClient;
  admin: AdminServiceClient;
}

/** Unary methods of a service client, typed from the generated `Method(argument, callback)` overload. */
type UnaryMethods<C> = {
  [K in keyof C as K extends Capitalize<string & K> ? K : never]: C[K] extends (
    argument: infer Req,
    callback: grpc.requestCallback<infer Res>,
  ) => grpc.ClientUnaryCall
    ? // Streaming methods also match structurally; they take fewer parameters.
      C[K] extends (...args: infer P) => unknown
      ? P['length'] extends 2
        ? { request: Req; response: Res }
        : never
      : never
    : never;
};
type MethodName<S extends keyof Services> = {
  [K in keyof UnaryMethods<Services[S]>]: UnaryMethods<Services[S]>[K] extends never ? never : K;
}[keyof UnaryMethods<Services[S]>] &
  string;
type RequestOf<S extends keyof Services, M extends MethodName<S>> = UnaryMethods<Services[S]>[M] extends { request: infer R } ? R : never;
type ResponseOf<S extends keyof Services, M extends MethodName<S>> = UnaryMethods<Services[S]>[M] extends { response: infer R } ? R : never;

export type SubscribeCall = grpc.ClientDuplexStream<SubscribeRequest, SubscribeResponse__Output>;

/** Something the client closes before its channel. */
interface Closeable {
  close(): Promise<void>;
}

const DEFAULT_CHANNEL_OPTIONS: grpc.ChannelOptions = {
  // Reconnect quickly after a server restart; grpc's default first backoff is a full second.
  'grpc.initial_reconnect_backoff_ms': 200,
  'grpc.max_reconnect_backoff_ms': 5_000,
};

type V1 = ReturnType<typeof loadSharelogProto>['proto']['sharelog']['v1'];
let fastClients: { producer: V1['ProducerService']; share: V1['ShareConsumerService'] } | undefined;

/** The client classes whose hot messages go through the hand-written codecs (src/api/wire). */
function fastServiceClients() {
  const v1 = loadSharelogProto().proto.sharelog.v1;
  fastClients ??= {
    producer: grpc.makeClientConstructor(withClientCodecs(v1.ProducerService.service), 'ProducerService') as unknown as V1['ProducerService'],
    share: grpc.makeClientConstructor(withClientCodecs(v1.ShareConsumerService.service), 'ShareConsumerService') as unknown as V1['ShareConsumerService'],
  };
  return fastClients;
}

export class SharelogClient {
  readonly address: string;
  readonly deadlineMs: number;
  readonly retryPolicy: RetryPolicy;
  private readonly channel: grpc.Channel;
  private readonly token: string | undefined;
  private readonly services: Services;
  private readonly components = new Set<Closeable>();
  private adminClient: Admin | undefined;
  private closing: Promise<void> | undefined;
  /** Set once the channel is closed; components may still call while the client closes them. */
  private channelClosed = false;

  constructor(address: string, options: ClientOptions = {}) {
    this.address = address;
    this.deadlineMs = options.deadlineMs ?? 30_000;
    this.retryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    const credentials = options.credentials ?? (options.tls ? tlsCredentials(options.tls) : grpc.credentials.createInsecure());
    this.token = options.token;
    const channelOptions = { ...DEFAULT_CHANNEL_OPTIONS, ...options.channelOptions };
    this.channel = new grpc.Channel(address, credentials, channelOptions);
    const v1 = loadSharelogProto().proto.sharelog.v1;
    const shared = { ...channelOptions, channelOverride: this.channel };
    this.services = {
      producer: new (fastServiceClients().producer)(address, credentials, shared),
      consumer: new v1.ConsumerService(address, credentials, shared),
      share: new (fastServiceClients().share)(address, credentials, shared),
      admin: new v1.AdminService(address, credentials, shared),
    };
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  /** Administration of topics and groups. */
  get admin(): Admin {
    return (this.adminClient ??= new Admin(this));
  }

  producer(options: ProducerOptions = {}): Producer {
    return new Producer(this, options);
  }

  consumer(options: ConsumerOptions = {}): Consumer {
    return new Consumer(this, options);
  }

  shareConsumer(options: ShareConsumerOptions = {}): ShareConsumer {
    return new ShareConsumer(this, options);
  }

  shareWorker<T = void>(options: ShareWorkerOptions<T>): ShareWorker<T> {
    return new ShareWorker(this, options);
  }

  /**
   * Calls a unary RPC and resolves with its response, or rejects with a SharelogClientError. Used by the
   * components; exposed for RPCs the components do not wrap.
   */
  async call<S extends keyof Services, M extends MethodName<S>>(
    service: S,
    method: M,
    request: RequestOf<S, M>,
    options: CallOptions = {},
  ): Promise<ResponseOf<S, M>> {
    if (this.channelClosed) throw closedError('the client');
    const once = () => this.callOnce<ResponseOf<S, M>>(service, method, request, options);
    if (!options.retry) return once();
    const policy = options.retry === true ? this.retryPolicy : options.retry;
    return withRetry(once, policy, { signal: options.signal });
  }

  private callOnce<R>(service: keyof Services, method: string, request: unknown, options: CallOptions): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (options.signal?.aborted) return reject(closedError('the operation'));
      const client = this.services[service] as unknown as Record<string, Function>;
      const deadline = Date.now() + (options.deadlineMs ?? this.deadlineMs);
      const onAbort = () => call.cancel();
      const call: grpc.ClientUnaryCall = client[method].call(
        client,
        request,
        this.metadata(),
        { deadline },
        (err: grpc.ServiceError | null, response: R) => {
          options.signal?.removeEventListener('abort', onAbort);
          if (err) reject(toClientError(err));
          else resolve(response);
        },
      );
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Opens a ShareConsumerService.Subscribe stream (no deadline: it lives as long as the membership). */
  openSubscribe(): SubscribeCall {
    if (this.channelClosed) throw closedError('the client');
    return this.services.share.Subscribe(this.metadata());
  }

  /** Metadata of every call: the bearer token when there is one. */
  private metadata(): grpc.Metadata {
    const metadata = new grpc.Metadata();
    if (this.token !== undefined) metadata.set('authorization', `Bearer ${this.token}`);
    return metadata;
  }

  /** Registers a component so that `close()` closes it first; returns the function that unregisters it. */
  track(component: Closeable): () => void {
    this.components.add(component);
    return () => this.components.delete(component);
  }

  /**
   * Closes every component made from this client (producers flush, consumers commit and leave), then the
   * channel. Components close one at a time in the order they were made, so a ShareWorker drains its handlers
   * before the ShareConsumer it made is closed.
   */
  close(): Promise<void> {
    return (this.closing ??= (async () => {
      for (const component of [...this.components]) await component.close().catch(() => undefined);
      this.channelClosed = true;
      for (const client of Object.values(this.services)) (client as grpc.Client).close();
      this.channel.close();
    })());
  }
}

/** Channel credentials for TLS from PEM paths or buffers (cert and key together for mutual TLS). */
export function tlsCredentials(tls: TlsOptions): grpc.ChannelCredentials {
  const pem = (value: string | Buffer | undefined, what: string) => {
    if (value === undefined || Buffer.isBuffer(value)) return value ?? null;
    try {
      return fs.readFileSync(value);
    } catch (err) {
      throw new Error(`TLS ${what} ${value}: ${(err as Error).message}`);
    }
  };
  if ((tls.cert === undefined) !== (tls.key === undefined)) throw new Error('TLS cert and key must be given together');
  return grpc.credentials.createSsl(pem(tls.ca, 'CA'), pem(tls.key, 'key'), pem(tls.cert, 'certificate'));
}

/** Connects to a Sharelog server. The channel connects lazily, on the first call. */
export function connect(address: string, options: ClientOptions = {}): SharelogClient {
  return new SharelogClient(address, options);
}
