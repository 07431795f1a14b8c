/**
 * ConsumerService.Fetch: reads one partition by offset, long-polling when the offset is at the high watermark.
 */
import type { FetchRequest__Output } from '../generated/sharelog/v1/FetchRequest.js';
import type { FetchResponse } from '../generated/sharelog/v1/FetchResponse.js';
import type { LogStore } from '../storage/types.js';
import { int32, int64, requireText, toConsumedRecord } from './codec.js';
import type { CallContext, HandlerContext } from './handler.js';
import { DEFAULT_LIMITS, principalOf, recordBytes, type Limits } from '../limits.js';

const DEFAULT_MAX_RECORDS = 500;
const MAX_RECORDS = 10_000;
const DEFAULT_MAX_BYTES = 1024 * 1024;
const MAX_BYTES = 3 * 1024 * 1024;

export async function fetchRecords(
  store: LogStore,
  ctx: HandlerContext,
  request: FetchRequest__Output,
  call: CallContext,
  limits: Pick<Limits, 'fetchQuota'> = DEFAULT_LIMITS,
): Promise<FetchResponse> {
  const topic = requireText(request.topic, 'topic', 249);
  const partition = int32(request.partition, 'partition', 0, 2 ** 31 - 1);
  const offset = int64(request.offset, 'offset');
  const maxRecords = Math.min(int32(request.maxRecords, 'max_records', 0, 2 ** 31 - 1) || DEFAULT_MAX_RECORDS, MAX_RECORDS);
  const maxBytes = Math.min(int32(request.maxBytes, 'max_bytes', 0, 2 ** 31 - 1) || DEFAULT_MAX_BYTES, MAX_BYTES);
  const maxWaitMs = Math.min(int32(request.maxWaitMs, 'max_wait_ms', 0, 2 ** 31 - 1), ctx.maxWaitMs);

  // Per-principal fetch byte-rate quota (src/limits.ts): refused while in debt, charged with what is returned.
  const quota = limits.fetchQuota;
  const principal = quota ? principalOf(call) : '';
  quota?.check(principal);

  let result = await store.read(topic, partition, offset, maxRecords, maxBytes);
  if (result.records.length === 0 && maxWaitMs > 0 && offset === result.highWatermark) {
    await store.waitForData(topic, partition, offset, maxWaitMs, call.signal);
    result = await store.read(topic, partition, offset, maxRecords, maxBytes);
  }
  if (quota) quota.charge(principal, result.records.reduce((n, r) => n + recordBytes(r), 0));
  return {
    records: result.records.map((r) => toConsumedRecord(topic, partition, r)),
    highWatermark: result.highWatermark,
    logStartOffset: result.logStartOffset,
  };
}
