/**
 * The single table from domain error codes to gRPC statuses. Handlers never build statuses themselves: they throw
 * SharelogError (or let an unexpected error escape) and `toServiceError` turns it into a status with a precise
 * message and the string code in trailing metadata `sharelog-error-code`.
 */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { ErrorCode, SharelogError } from '../errors.js';

export const ERROR_CODE_METADATA_KEY = 'sharelog-error-code';

const STATUS_BY_CODE: Record<ErrorCode, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  TOPIC_NOT_FOUND: status.NOT_FOUND,
  TOPIC_EXISTS: status.ALREADY_EXISTS,
  PARTITION_NOT_FOUND: status.NOT_FOUND,
  OFFSET_OUT_OF_RANGE: status.OUT_OF_RANGE,
  GROUP_NOT_FOUND: status.NOT_FOUND,
  GROUP_NOT_EMPTY: status.FAILED_PRECONDITION,
  GROUP_TYPE_MISMATCH: status.FAILED_PRECONDITION,
  UNKNOWN_MEMBER: status.NOT_FOUND,
  FENCED_EPOCH: status.ABORTED,
  NOT_ASSIGNED: status.FAILED_PRECONDITION,
  OUT_OF_ORDER_SEQUENCE: status.FAILED_PRECONDITION,
  LIMIT_EXCEEDED: status.RESOURCE_EXHAUSTED,
  CORRUPT_DATA: status.DATA_LOSS,
  STORAGE_FAILED: status.INTERNAL,
  SHUTTING_DOWN: status.UNAVAILABLE,
  BACKEND_UNAVAILABLE: status.UNAVAILABLE,
  UNAUTHENTICATED: status.UNAUTHENTICATED,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
};

export function statusFor(code: ErrorCode): status {
  return STATUS_BY_CODE[code];
}

export interface ErrorLogger {
  error(details: object, message: string): void;
}

/** Converts anything thrown by a handler into a ServiceError; unexpected errors are logged, not leaked. */
export function toServiceError(err: unknown, rpc: string, logger?: ErrorLogger): Partial<ServiceError> {
  const metadata = new Metadata();
  if (err instanceof SharelogError) {
    metadata.set(ERROR_CODE_METADATA_KEY, err.code);
    return { code: STATUS_BY_CODE[err.code], details: err.message, metadata };
  }
  logger?.error({ err, rpc }, 'unexpected error in RPC handler');
  metadata.set(ERROR_CODE_METADATA_KEY, 'INTERNAL');
  return { code: status.INTERNAL, details: `internal error in ${rpc}; see the server log`, metadata };
}

export function unimplemented(rpc: string): Partial<ServiceError> {
  return { code: status.UNIMPLEMENTED, details: `${rpc} is not implemented yet in this Sharelog version` };
}
