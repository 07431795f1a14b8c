/**
 * Hand-written protobuf codecs for the messages on the hot paths: ProduceRequest and ProduceResponse (both ends),
 * and SubscribeResponse records (encoded by the server, decoded by the TypeScript client).
 *
 * Why: proto-loader's codecs go through protobufjs `fromObject`/`toObject`, which copy every record into an
 * intermediate object, fill defaults with a fresh empty Buffer per bytes field, and convert int64 through long.js.
 * In the produce and share-drain profiles that was the largest single cost after the work itself (issue 7). These
 * codecs write the same wire format (any protobuf decoder reads it) and produce the same objects proto-loader
 * does, so handlers and clients do not change; what they do not handle (other response kinds, values outside
 * their range) goes to proto-loader's codec. test/unit/api/wire.test.ts checks them against protobufjs.
 */
import type * as grpc from '@grpc/grpc-js';
import { decodeProduceRequest, decodeProduceResponse, encodeProduceRequest, encodeProduceResponse } from './produce-wire.js';
import { decodeSubscribeRecords, encodeSubscribeRecords } from './subscribe-wire.js';

export { decodeProduceRequest, decodeProduceResponse, encodeProduceRequest, encodeProduceResponse } from './produce-wire.js';
export { decodeSubscribeRecords, encodeSubscribeRecords } from './subscribe-wire.js';
export { WireError } from './proto-wire.js';

type Method = grpc.MethodDefinition<unknown, unknown>;

function serverOverrides(name: string, method: Method): Partial<Method> {
  switch (name) {
    case 'Produce': {
      const generic = method.responseSerialize;
      return {
        requestDeserialize: decodeProduceRequest as Method['requestDeserialize'],
        responseSerialize: (value) => encodeProduceResponse(value as never) ?? generic(value),
      };
    }
    case 'Subscribe': {
      const generic = method.responseSerialize;
      return { responseSerialize: (value) => encodeSubscribeRecords(value as never) ?? generic(value) };
    }
    default:
      return {};
  }
}

function clientOverrides(name: string, method: Method): Partial<Method> {
  switch (name) {
    case 'Produce': {
      const generic = method.requestSerialize;
      return {
        requestSerialize: (value) => encodeProduceRequest(value as never) ?? generic(value),
        responseDeserialize: decodeProduceResponse as Method['responseDeserialize'],
      };
    }
    case 'Subscribe': {
      const generic = method.responseDeserialize;
      return { responseDeserialize: (buf) => decodeSubscribeRecords(buf) ?? generic(buf) };
    }
    default:
      return {};
  }
}

function withOverrides<S extends grpc.ServiceDefinition>(service: S, overrides: (name: string, method: Method) => Partial<Method>): S {
  const out: Record<string, Method> = {};
  for (const [name, method] of Object.entries(service) as Array<[string, Method]>) {
    out[name] = { ...method, ...overrides(name, method) };
  }
  return out as S;
}

/** The service definition with the server side of the fast codecs (request decoders, response encoders). */
export function withServerCodecs<S extends grpc.ServiceDefinition>(service: S): S {
  return withOverrides(service, serverOverrides);
}

/** The service definition with the client side of the fast codecs (request encoders, response decoders). */
export function withClientCodecs<S extends grpc.ServiceDefinition>(service: S): S {
  return withOverrides(service, clientOverrides);
}
