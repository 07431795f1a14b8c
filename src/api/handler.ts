/**
 * Wraps domain functions as grpc-js handlers: one place that turns thrown errors into statuses, and hands each
 * call an AbortSignal that fires when the client cancels or the server shuts down (long-polls end early).
 */
import type { handleUnaryCall, sendUnaryData, ServerUnaryCall, ServiceError } from '@grpc/grpc-js';
import type { Logger } from '../logger.js';
import { toServiceError } from './errors.js';

export interface HandlerContext {
  logger: Logger;
  /** Aborted when the server starts shutting down. */
  shutdown: AbortSignal;
  /** Upper bound for any long-poll wait. */
  maxWaitMs: number;
}

export interface CallContext {
  signal: AbortSignal;
  peer: string;
}

export function callSignal(call: { on(event: 'cancelled', listener: () => void): unknown }, shutdown: AbortSignal): AbortSignal {
  const controller = new AbortController();
  call.on('cancelled', () => controller.abort());
  if (shutdown.aborted) controller.abort();
  else shutdown.addEventListener('abort', () => controller.abort(), { once: true, signal: controller.signal });
  return controller.signal;
}

export function unary<Req, Res>(
  ctx: HandlerContext,
  rpc: string,
  fn: (request: Req, call: CallContext) => Promise<Res>,
): handleUnaryCall<Req, Res> {
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    let signal: AbortSignal | undefined;
    const context: CallContext = {
      get signal() {
        return (signal ??= callSignal(call, ctx.shutdown));
      },
      peer: call.getPeer(),
    };
    fn(call.request, context).then(
      (response) => callback(null, response),
      (err: unknown) => callback(toServiceError(err, rpc, ctx.logger) as ServiceError),
    );
  };
}
