/**
 * The console's JSON API (under /api/): reads of topics and groups, the record inspector, and the admin actions
 * (reset offsets, delete an empty group, update a share group's config). Errors are `{ error, code }` with an
 * HTTP status derived from the SharelogError code. Actions are POSTs with a JSON body and must say
 * `content-type: application/json`, which a cross-site HTML form cannot send without a CORS preflight.
 */
import type http from 'node:http';
import type { ConsumerAdmin, ConsumerOffsetSpec } from '../consumer-group/consumer-admin.js';
import type { ConsumerCoordinator } from '../consumer-group/consumer-coordinator.js';
import { ErrorCode, SharelogError, invalidArgument } from '../errors.js';
import type { ShareGroupConfig } from '../share-group/config.js';
import type { ShareAdmin, ShareOffsetSpec } from '../share-group/share-admin.js';
import type { LogStore } from '../storage/types.js';
import { describeConsumerGroups, describeShareGroups, describeTopics } from './snapshot.js';

export const PREVIEW_BYTES = 200;
export const INSPECT_MAX = 500;
const MAX_BODY_BYTES = 64 * 1024;

export interface ApiSources {
  logStore: LogStore;
  shareAdmin: ShareAdmin;
  consumerAdmin: ConsumerAdmin;
  consumerCoordinator: ConsumerCoordinator;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** By SharelogError code; codes not listed are 500. */
const STATUS_BY_CODE: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  INVALID_ARGUMENT: 400,
  OFFSET_OUT_OF_RANGE: 400,
  TOPIC_NOT_FOUND: 404,
  PARTITION_NOT_FOUND: 404,
  GROUP_NOT_FOUND: 404,
  UNKNOWN_MEMBER: 404,
  TOPIC_EXISTS: 409,
  GROUP_NOT_EMPTY: 409,
  GROUP_TYPE_MISMATCH: 409,
  FENCED_EPOCH: 409,
  NOT_ASSIGNED: 409,
  OUT_OF_ORDER_SEQUENCE: 409,
  LIMIT_EXCEEDED: 429,
  SHUTTING_DOWN: 503,
  BACKEND_UNAVAILABLE: 503,
  CORRUPT_DATA: 500,
  STORAGE_FAILED: 500,
};

/** The HTTP status and JSON body of an error thrown by a route. */
export function errorResponse(err: unknown): { status: number; body: { error: string; code: string } } {
  if (err instanceof HttpError) return { status: err.status, body: { error: err.message, code: err.code } };
  if (err instanceof SharelogError) return { status: STATUS_BY_CODE[err.code] ?? 500, body: { error: err.message, code: err.code } };
  return { status: 500, body: { error: 'internal error', code: 'INTERNAL' } };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'actions take a JSON body (content-type: application/json)');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'BODY_TOO_LARGE', `request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch {
    throw invalidArgument('request body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidArgument('request body must be a JSON object');
  return body as Record<string, unknown>;
}

function int(value: unknown, name: string, min = 0): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min) throw invalidArgument(`${name} must be an integer of at least ${min}`);
  return n;
}

function text(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw invalidArgument(`${name} is required`);
  return value;
}

/** `{ kind, offset?, timestampMs?, by? }` of a reset request. */
function offsetSpec(value: unknown, allowShift: boolean): ConsumerOffsetSpec {
  const s = (value ?? {}) as Record<string, unknown>;
  switch (s.kind) {
    case 'earliest':
    case 'latest':
      return { kind: s.kind };
    case 'offset':
      return { kind: 'offset', offset: int(s.offset, 'spec.offset') };
    case 'timestamp':
      return { kind: 'timestamp', timestampMs: int(s.timestampMs, 'spec.timestampMs') };
    case 'shift':
      if (allowShift) return { kind: 'shift', by: int(s.by, 'spec.by', Number.MIN_SAFE_INTEGER) };
  }
  throw invalidArgument(`spec.kind must be one of earliest, latest, offset, timestamp${allowShift ? ', shift' : ''}`);
}

const CONFIG_TYPES: Record<keyof ShareGroupConfig, 'number' | 'string' | 'boolean'> = {
  recordLockDurationMs: 'number',
  deliveryCountLimit: 'number',
  maxInFlightRecords: 'number',
  autoOffsetReset: 'string',
  deadLetterTopic: 'string',
  perKeyOrdering: 'boolean',
  backoffInitialMs: 'number',
  backoffMaxMs: 'number',
  sessionTimeoutMs: 'number',
  heartbeatIntervalMs: 'number',
  maxMembers: 'number',
};

function configChange(body: Record<string, unknown>): Partial<ShareGroupConfig> {
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const type = CONFIG_TYPES[key as keyof ShareGroupConfig];
    if (!type) throw invalidArgument(`unknown share group setting "${key}"`);
    if (typeof value !== type) throw invalidArgument(`${key} must be a ${type}`);
    change[key] = value;
  }
  return change as Partial<ShareGroupConfig>;
}

/** First PREVIEW_BYTES bytes as UTF-8 (invalid sequences become U+FFFD), and whether it was cut. */
export function preview(buf: Buffer | null): { text: string; truncated: boolean; bytes: number } | null {
  if (buf === null) return null;
  return { text: buf.subarray(0, PREVIEW_BYTES).toString('utf8'), truncated: buf.length > PREVIEW_BYTES, bytes: buf.length };
}

type Route = { method: 'GET' | 'POST'; pattern: RegExp; run: (m: string[], q: URLSearchParams, req: http.IncomingMessage) => Promise<unknown> };

export function apiRoutes(s: ApiSources): Route[] {
  const inspect = async (groupId: string, q: URLSearchParams) => {
    const topic = text(q.get('topic'), 'topic');
    const partition = int(q.get('partition') ?? 0, 'partition');
    const count = Math.min(int(q.get('count') ?? 50, 'count', 1), INSPECT_MAX);
    let from = q.get('from');
    if (from === null || from === '') {
      const d = await s.shareAdmin.describe(groupId);
      from = String(d.partitions.find((p) => p.topic === topic && p.partition === partition)?.startOffset ?? 0);
    }
    const first = int(from, 'from');
    const result = await s.shareAdmin.inspect(groupId, topic, partition, first, first + count - 1);
    const values = new Map<number, { key: Buffer | null; value: Buffer; timestampMs: number }>();
    if (result.records.length > 0) {
      const lo = result.records[0].offset;
      const n = result.records[result.records.length - 1].offset - lo + 1;
      try {
        for (const r of (await s.logStore.read(topic, partition, lo, n, 4 * 1024 * 1024)).records) values.set(r.offset, r);
      } catch {
        /* trimmed or deleted: states without previews */
      }
    }
    return {
      groupId,
      topic,
      partition,
      startOffset: result.startOffset,
      endOffset: result.endOffset,
      records: result.records.map((r) => {
        const stored = values.get(r.offset);
        return {
          offset: r.offset,
          state: r.state,
          deliveryCount: r.deliveryCount,
          memberId: r.memberId,
          lockExpiresAt: r.lockExpiresAt,
          availableAt: r.availableAt,
          lastFailure: r.attempts.length > 0 ? r.attempts[r.attempts.length - 1] : null,
          timestampMs: stored?.timestampMs ?? null,
          key: stored ? preview(stored.key) : null,
          value: stored ? preview(stored.value) : null,
        };
      }),
    };
  };

  return [
    { method: 'GET', pattern: /^\/api\/topics$/, run: async () => describeTopics(s.logStore) },
    { method: 'GET', pattern: /^\/api\/consumer-groups$/, run: async () => describeConsumerGroups(s.consumerAdmin) },
    { method: 'GET', pattern: /^\/api\/share-groups$/, run: async () => describeShareGroups(s.shareAdmin) },
    { method: 'GET', pattern: /^\/api\/share-groups\/([^/]+)\/records$/, run: async ([id], q) => inspect(id, q) },
    {
      method: 'POST',
      pattern: /^\/api\/consumer-groups\/([^/]+)\/reset-offsets$/,
      run: async ([id], _q, req) => {
        const body = await readJson(req);
        const partitions = body.partitions === undefined ? [] : body.partitions;
        if (!Array.isArray(partitions)) throw invalidArgument('partitions must be an array of partition numbers');
        const dryRun = body.dryRun === true;
        const plan = await s.consumerAdmin.resetOffsets(
          id,
          text(body.topic, 'topic'),
          partitions.map((p) => int(p, 'partitions[]')),
          offsetSpec(body.spec, true),
          dryRun,
        );
        return { groupId: id, dryRun, partitions: plan };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/share-groups\/([^/]+)\/reset-offsets$/,
      run: async ([id], _q, req) => {
        const body = await readJson(req);
        if (s.consumerCoordinator.has(id)) throw new SharelogError(ErrorCode.GROUP_TYPE_MISMATCH, `"${id}" is a consumer group`);
        const dryRun = body.dryRun === true;
        const plan = await s.shareAdmin.resetOffsets(id, text(body.topic, 'topic'), offsetSpec(body.spec, false) as ShareOffsetSpec, dryRun);
        return { groupId: id, dryRun, partitions: plan };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/share-groups\/([^/]+)\/config$/,
      run: async ([id], _q, req) => {
        const change = configChange(await readJson(req));
        if (s.consumerCoordinator.has(id)) throw new SharelogError(ErrorCode.GROUP_TYPE_MISMATCH, `"${id}" is a consumer group`);
        return { groupId: id, config: await s.shareAdmin.updateConfig(id, change) };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/consumer-groups\/([^/]+)\/delete$/,
      run: async ([id], _q, req) => {
        await readJson(req);
        await s.consumerCoordinator.deleteGroup(id);
        return { groupId: id, deleted: true };
      },
    },
    {
      method: 'POST',
      pattern: /^\/api\/share-groups\/([^/]+)\/delete$/,
      run: async ([id], _q, req) => {
        await readJson(req);
        await s.shareAdmin.delete(id);
        return { groupId: id, deleted: true };
      },
    },
  ];
}

/** Runs the route for `path`; answers 404 or 405 when none fits. Unexpected failures also go to `onError`. */
export async function handleApi(
  routes: Route[],
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  onError?: (err: unknown) => void,
): Promise<void> {
  try {
    let allowed: string[] = [];
    for (const route of routes) {
      const m = route.pattern.exec(url.pathname);
      if (!m) continue;
      if (route.method !== req.method && !(route.method === 'GET' && req.method === 'HEAD')) {
        allowed.push(route.method);
        continue;
      }
      let params: string[];
      try {
        params = m.slice(1).map((p) => decodeURIComponent(p));
      } catch {
        throw invalidArgument('bad percent-encoding in the path');
      }
      return sendJson(res, 200, await route.run(params, url.searchParams, req));
    }
    allowed = [...new Set(allowed)];
    if (allowed.length > 0) {
      res.setHeader('allow', allowed.join(', '));
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `use ${allowed.join(' or ')}`);
    }
    throw new HttpError(404, 'NOT_FOUND', `no API route ${url.pathname}`);
  } catch (err) {
    const { status, body } = errorResponse(err);
    if (status >= 500 && !(err instanceof HttpError)) onError?.(err);
    if (!res.headersSent) sendJson(res, status, body);
    else res.destroy();
  }
}
