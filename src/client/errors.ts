/**
 * Errors of the client SDK. Every failed call surfaces as a SharelogClientError carrying the gRPC status, the
 * string code the server put in the `sharelog-error-code` trailer, and whether sending the same request again
 * may succeed (the retry policy keys off `retriable`, as KafkaJS does).
 */
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { ErrorCode } from '../errors.js';

export const ERROR_CODE_TRAILER = 'sharelog-error-code';

/** Codes the server marks as transient; the others describe a request that will fail again the same way. */
const RETRIABLE_CODES: ReadonlySet<string> = new Set(['SHUTTING_DOWN', 'BACKEND_UNAVAILABLE']);
/** Statuses of gRPC itself that say nothing about the request, only about the way to the server. */
const RETRIABLE_STATUSES: ReadonlySet<number> = new Set([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]);

export class SharelogClientError extends Error {
  /** gRPC status code of the failed call. */
  readonly status: status;
  /** The server's `sharelog-error-code` (e.g. TOPIC_NOT_FOUND); undefined for statuses gRPC produced itself. */
  readonly code: ErrorCode | 'INTERNAL' | undefined;
  /** True when the same request may succeed if sent again later. */
  readonly retriable: boolean;

  constructor(message: string, options: { status: status; code?: string; retriable?: boolean; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SharelogClientError';
    this.status = options.status;
    this.code = options.code as SharelogClientError['code'];
    this.retriable =
      options.retriable ?? (RETRIABLE_STATUSES.has(options.status) || (options.code !== undefined && RETRIABLE_CODES.has(options.code)));
  }
}

/** Turns whatever a grpc-js call failed with into a SharelogClientError (idempotent on those). */
export function toClientError(err: unknown): SharelogClientError {
  if (err instanceof SharelogClientError) return err;
  const service = err as Partial<ServiceError>;
  if (typeof service?.code === 'number') {
    const trailer = service.metadata instanceof Metadata ? service.metadata.get(ERROR_CODE_TRAILER)[0] : undefined;
    const code = typeof trailer === 'string' ? trailer : undefined;
    const name = status[service.code] ?? String(service.code);
    return new SharelogClientError(`${name}${code ? ` (${code})` : ''}: ${service.details ?? service.message ?? ''}`, {
      status: service.code,
      code,
      cause: err,
    });
  }
  return new SharelogClientError(err instanceof Error ? err.message : String(err), { status: status.UNKNOWN, cause: err, retriable: false });
}

/** The client (or one of its components) was closed while the operation waited. */
export function closedError(what: string): SharelogClientError {
  return new SharelogClientError(`${what} is closed`, { status: status.CANCELLED, retriable: false });
}

/** The per-range outcome of a share-group acknowledgement, when the server refused the range. */
export type AcknowledgeErrorCode =
  | 'ACKNOWLEDGE_ERROR_INVALID_RECORD_STATE'
  | 'ACKNOWLEDGE_ERROR_STALE_LEASE_TOKEN'
  | 'ACKNOWLEDGE_ERROR_INVALID_ARGUMENT'
  | 'ACKNOWLEDGE_ERROR_UNKNOWN_TOPIC_OR_PARTITION'
  | 'ACKNOWLEDGE_ERROR_NOT_ASSIGNED';

/**
 * An acknowledgement (accept, release, reject, renew) that was not applied. `error` is the proto's
 * AcknowledgeError enum when the server refused the range; undefined when the request itself failed (then the
 * cause is a SharelogClientError, and whether the acknowledgement was applied is unknown).
 */
export class AcknowledgementError extends Error {
  readonly error: AcknowledgeErrorCode | undefined;
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;

  constructor(
    message: string,
    details: { error?: AcknowledgeErrorCode; topic: string; partition: number; offset: bigint; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AcknowledgementError';
    this.error = details.error;
    this.topic = details.topic;
    this.partition = details.partition;
    this.offset = details.offset;
  }
}

/**
 * Thrown by a ShareWorker handler for a record that can never be processed: the worker rejects the record (it is
 * archived, and dead-lettered when the group has a dead-letter topic) with this error's message as the reason,
 * instead of releasing it for another attempt.
 */
export class NonRetriableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'NonRetriableError';
  }
}
