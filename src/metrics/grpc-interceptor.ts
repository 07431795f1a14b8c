/**
 * A grpc-js server interceptor that times every call from its start to its status and counts it by service,
 * method and status code. Only registered methods reach interceptors (unknown paths are answered UNIMPLEMENTED
 * before), so the labels are bounded by the services this server offers.
 */
import * as grpc from '@grpc/grpc-js';

export interface RpcRecorder {
  rpcFinished(service: string, method: string, code: string, seconds: number): void;
}

/** '/sharelog.v1.ProducerService/Produce' -> service 'sharelog.v1.ProducerService', method 'Produce'. */
export function splitMethodPath(path: string): { service: string; method: string } {
  const slash = path.lastIndexOf('/');
  if (slash <= 0) return { service: 'unknown', method: path.replace(/^\//, '') || 'unknown' };
  return { service: path.slice(1, slash), method: path.slice(slash + 1) };
}

const STATUS_NAMES = new Map<number, string>(
  Object.entries(grpc.status)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, code]) => [code, name]),
);

export function statusName(code: number): string {
  return STATUS_NAMES.get(code) ?? String(code);
}

export function rpcMetricsInterceptor(recorder: RpcRecorder): grpc.ServerInterceptor {
  return (methodDescriptor, call) => {
    const { service, method } = splitMethodPath(methodDescriptor.path);
    const started = performance.now();
    let finished = false;
    const finish = (code: number) => {
      if (finished) return;
      finished = true;
      recorder.rpcFinished(service, method, statusName(code), (performance.now() - started) / 1000);
    };
    const responder: grpc.Responder = {
      start: (next) =>
        next({
          // grpc-js also calls onCancel after a status it sent itself (a deadline that passed, a response too
          // large) and after every normal end; a status that went through sendStatus below was counted already.
          onCancel: () => {
            const deadline = call.getDeadline();
            const at = deadline instanceof Date ? deadline.getTime() : deadline;
            finish(Number.isFinite(at) && Date.now() >= at ? grpc.status.DEADLINE_EXCEEDED : grpc.status.CANCELLED);
          },
        }),
      sendStatus: (status, next) => {
        finish(status.code ?? grpc.status.UNKNOWN);
        next(status);
      },
    };
    return new grpc.ServerInterceptingCall(call, responder);
  };
}
