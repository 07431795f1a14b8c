/**
 * The one error type of the domain. Domain code throws it with a string code; the API layer maps each code to a
 * gRPC status (src/api/errors.ts) and sends the code in trailing metadata `sharelog-error-code`.
 * It never carries a numeric `.code`: grpc-js would send any integer code straight out as the status.
 */
export const ErrorCode = {
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  TOPIC_NOT_FOUND: 'TOPIC_NOT_FOUND',
  TOPIC_EXISTS: 'TOPIC_EXISTS',
  PARTITION_NOT_FOUND: 'PARTITION_NOT_FOUND',
  OFFSET_OUT_OF_RANGE: 'OFFSET_OUT_OF_RANGE',
  GROUP_NOT_FOUND: 'GROUP_NOT_FOUND',
  GROUP_NOT_EMPTY: 'GROUP_NOT_EMPTY',
  GROUP_TYPE_MISMATCH: 'GROUP_TYPE_MISMATCH',
  UNKNOWN_MEMBER: 'UNKNOWN_MEMBER',
  FENCED_EPOCH: 'FENCED_EPOCH',
  NOT_ASSIGNED: 'NOT_ASSIGNED',
  OUT_OF_ORDER_SEQUENCE: 'OUT_OF_ORDER_SEQUENCE',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  CORRUPT_DATA: 'CORRUPT_DATA',
  STORAGE_FAILED: 'STORAGE_FAILED',
  SHUTTING_DOWN: 'SHUTTING_DOWN',
  BACKEND_UNAVAILABLE: 'BACKEND_UNAVAILABLE',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  PERMISSION_DENIED: 'PERMISSION_DENIED',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class SharelogError extends Error {
  readonly code: ErrorCode;
  /** True when the same request may succeed if sent again later. */
  readonly retriable: boolean;

  constructor(code: ErrorCode, message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SharelogError';
    this.code = code;
    this.retriable = options.retriable ?? false;
  }
}

export function invalidArgument(message: string): SharelogError {
  return new SharelogError(ErrorCode.INVALID_ARGUMENT, message);
}
