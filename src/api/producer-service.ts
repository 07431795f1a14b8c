/**
 * ProducerService: validates a Produce request, routes each record to a partition, appends one batch per
 * partition (in parallel), and answers with one position per record in request order.
 */
import type { ProducerServiceHandlers } from '../generated/sharelog/v1/ProducerService.js';
import type { ProduceRequest__Output } from '../generated/sharelog/v1/ProduceRequest.js';
import type { ProduceResponse } from '../generated/sharelog/v1/ProduceResponse.js';
import { invalidArgument } from '../errors.js';
import { MAX_PRODUCER_ID_LENGTH } from '../log/record-batch.js';
import { StickyPartitioner, murmur2, partitionForKey } from '../log/partitioner.js';
import type { RecordInput } from '../log/record.js';
import type { LogStore } from '../storage/types.js';
import { DEFAULT_LIMITS, limitExceeded, principalOf, recordBytes, type Limits } from '../limits.js';
import { int32, int64, requireText, toRecordInput } from './codec.js';
import { unary, type HandlerContext } from './handler.js';

export function producerService(store: LogStore, ctx: HandlerContext, limits: Limits = DEFAULT_LIMITS): ProducerServiceHandlers {
  const sticky = new Map<string, StickyPartitioner>();

  /** Keyless records of one request go to one partition; with a producer id the choice is a pure function of
   *  (producer id, sequence) so that a retry lands where the original went. */
  function keylessPartition(request: ProduceRequest__Output, sequence: number, partitions: number): number {
    if (request.producerId !== '') {
      return (murmur2(Buffer.from(`${request.producerId}/${sequence}`)) & 0x7fffffff) % partitions;
    }
    let partitioner = sticky.get(request.topic);
    if (!partitioner) sticky.set(request.topic, (partitioner = new StickyPartitioner()));
    return partitioner.nextPartition(partitions);
  }

  return {
    Produce: unary(ctx, 'Produce', async (request, call): Promise<ProduceResponse> => {
      const topicName = requireText(request.topic, 'topic', 249);
      if (request.records.length === 0) throw invalidArgument('records must hold at least one record');
      // ---- limits (src/limits.ts): records per request, bytes per record, per-principal byte rate
      if (request.records.length > limits.maxRecordsPerProduce) {
        throw limitExceeded('max_records_per_produce', limits.maxRecordsPerProduce, `the request holds ${request.records.length} records`);
      }
      let requestBytes = 0;
      for (let i = 0; i < request.records.length; i++) {
        const r = request.records[i];
        const bytes = recordBytes({ key: r.key ?? null, value: r.value ?? Buffer.alloc(0), headers: r.headers ?? [] });
        if (bytes > limits.maxRecordBytes) {
          throw limitExceeded('max_record_bytes', limits.maxRecordBytes, `records[${i}] is ${bytes} bytes (key + value + headers)`);
        }
        requestBytes += bytes;
      }
      limits.produceQuota?.take(principalOf(call), requestBytes);
      // ---- end of limits
      if (Buffer.byteLength(request.producerId) > MAX_PRODUCER_ID_LENGTH) {
        throw invalidArgument(`producer_id must be at most ${MAX_PRODUCER_ID_LENGTH} bytes`);
      }
      const sequence = request.producerId === '' ? -1 : int64(request.sequence, 'sequence');
      const records = request.records.map(toRecordInput);
      const topic = await store.getTopic(topicName);

      const partitionOf = new Array<number>(records.length);
      if (request.partition !== undefined && request.partition !== null) {
        const p = int32(request.partition, 'partition', 0, topic.partitions - 1);
        partitionOf.fill(p);
      } else {
        let keyless = -1;
        for (let i = 0; i < records.length; i++) {
          const key = records[i].key;
          if (key !== null) {
            partitionOf[i] = partitionForKey(key, topic.partitions);
          } else {
            if (keyless < 0) keyless = keylessPartition(request, sequence, topic.partitions);
            partitionOf[i] = keyless;
          }
        }
      }

      const groups = new Map<number, { records: RecordInput[]; indexes: number[] }>();
      for (let i = 0; i < records.length; i++) {
        let group = groups.get(partitionOf[i]);
        if (!group) groups.set(partitionOf[i], (group = { records: [], indexes: [] }));
        group.records.push(records[i]);
        group.indexes.push(i);
      }

      const options = request.producerId === '' ? {} : { producerId: request.producerId, sequence };
      const positions = new Array<{ partition: number; offset: number }>(records.length);
      // A duplicate only when nothing of this request was appended now (every partition's part was a retry).
      let duplicate = true;
      await Promise.all(
        [...groups].map(async ([partition, group]) => {
          const result = await store.append(topicName, partition, group.records, options);
          duplicate &&= result.duplicate;
          for (let j = 0; j < group.indexes.length; j++) {
            positions[group.indexes[j]] = { partition, offset: result.baseOffset + j };
          }
        }),
      );
      return { positions, duplicate };
    }),
  };
}
