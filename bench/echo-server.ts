/**
 * The ceiling for Produce: a bare grpc-js server with the same proto, loader options and message limits as
 * Sharelog, whose Produce decodes the request (grpc-js does, before the handler runs) and answers an empty
 * ProduceResponse. Whatever Sharelog is slower than this is Sharelog's own cost.
 *
 *   node --import tsx bench/echo-server.ts   -> prints {"msg":"echo serving","address":"127.0.0.1:PORT"}
 */
import * as grpc from '@grpc/grpc-js';
import { loadSharelogProto } from '../src/api/proto.js';
import type { ProducerServiceHandlers } from '../src/generated/sharelog/v1/ProducerService.js';

// Sharelog's default --max-message-bytes.
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

const { proto } = loadSharelogProto();
const server = new grpc.Server({
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
});
const handlers: Pick<ProducerServiceHandlers, 'Produce'> = {
  Produce: (_call, callback) => callback(null, {}),
};
server.addService(proto.sharelog.v1.ProducerService.service, handlers);

server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    console.error(JSON.stringify({ msg: 'echo failed to bind', error: err.message }));
    process.exit(1);
  }
  console.log(JSON.stringify({ msg: 'echo serving', address: `127.0.0.1:${port}`, pid: process.pid }));
});

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  server.tryShutdown(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref(); // a client that never closes must not keep us alive
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
