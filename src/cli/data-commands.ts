/** `sharelog produce`, `consume` and `share-consume`: records in and out, one per line. */
import fs from 'node:fs';
import readline from 'node:readline';
import type { Command } from 'commander';
import type { Delivery } from '../client/delivery.js';
import type { ConsumerRecord } from '../client/records.js';
import { UsageError, parseIntOption, withClient, type GlobalOptions } from './common.js';

function recordLine(r: ConsumerRecord, options: GlobalOptions, extra: Record<string, unknown> = {}): string {
  if (options.output === 'json') {
    return JSON.stringify({
      topic: r.topic,
      partition: r.partition,
      offset: r.offset.toString(),
      key: r.key?.toString('utf8') ?? null,
      value: r.value.toString('utf8'),
      timestampMs: r.timestampMs,
      headers: Object.fromEntries(r.headers.map((h) => [h.key, h.value.toString('utf8')])),
      ...extra,
    });
  }
  const key = r.key === null ? '' : `${r.key.toString('utf8')}\t`;
  const meta = Object.entries(extra).map(([k, v]) => ` ${k}=${v}`).join('');
  return `${r.topic}/${r.partition}@${r.offset}${meta}\t${key}${r.value.toString('utf8')}`;
}

export function registerDataCommands(program: Command): void {
  program
    .command('produce <topic>')
    .description('produce one record per input line (stdin, or --file)')
    .option('--file <path>', 'read lines from this file instead of stdin')
    .option('--key-separator <sep>', 'split each line at the first <sep> into key and value')
    .option('--partition <n>', 'send every record to this partition', parseIntOption('--partition', 0, 9_999))
    .action((topic: string, opts: { file?: string; keySeparator?: string; partition?: number }, command: Command) =>
      withClient(command, async (client, options) => {
        const input = opts.file ? fs.createReadStream(opts.file) : process.stdin;
        const producer = client.producer();
        const sends: Array<Promise<{ partition: number; offset: bigint }>> = [];
        for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
          let key: string | undefined;
          let value = line;
          if (opts.keySeparator !== undefined) {
            const at = line.indexOf(opts.keySeparator);
            if (at >= 0) {
              key = line.slice(0, at);
              value = line.slice(at + opts.keySeparator.length);
            }
          }
          sends.push(producer.send(topic, { value: Buffer.from(value), key: key === undefined ? undefined : Buffer.from(key) }, { partition: opts.partition }));
        }
        const positions = await Promise.all(sends);
        await producer.close();
        if (options.output === 'json') {
          process.stdout.write(JSON.stringify({ produced: positions.length, positions: positions.map((p) => ({ partition: p.partition, offset: p.offset.toString() })) }) + '\n');
        } else {
          process.stderr.write(`produced ${positions.length} records to ${topic}\n`);
        }
      }),
    );

  program
    .command('consume <topic>')
    .description('read records: with --group as a consumer-group member (commits as it goes), else from --partition/--offset')
    .option('--group <group>', 'consumer group to join')
    .option('--partition <n>', 'partition to read (without --group)', parseIntOption('--partition', 0, 9_999), 0)
    .option('--offset <offset>', 'first offset (without --group); default the log start', parseIntOption('--offset', 0))
    .option('--from-beginning', 'with --group: start partitions without a committed offset at the earliest record')
    .option('--max-records <n>', 'stop after this many records', parseIntOption('--max-records', 1))
    .option('--idle-timeout-ms <ms>', 'stop when nothing arrives for this long; 0 waits forever', parseIntOption('--idle-timeout-ms', 0), 5000)
    .action(
      (
        topic: string,
        opts: { group?: string; partition: number; offset?: number; fromBeginning?: boolean; maxRecords?: number; idleTimeoutMs: number },
        command: Command,
      ) =>
        withClient(command, async (client, options) => {
          const limit = opts.maxRecords ?? Infinity;
          let count = 0;
          const idle = opts.idleTimeoutMs || 2 ** 31 - 1;
          if (opts.group) {
            const consumer = client.consumer({ autoOffsetReset: opts.fromBeginning ? 'earliest' : 'latest', maxWaitMs: Math.min(idle, 5000) });
            await consumer.subscribe(opts.group, [topic]);
            let lastRecordAt = Date.now();
            try {
              while (count < limit && Date.now() - lastRecordAt < idle) {
                for (const r of await consumer.poll({ maxRecords: Math.min(500, limit - count), maxWaitMs: Math.min(idle, 1000) })) {
                  process.stdout.write(recordLine(r, options) + '\n');
                  count++;
                  lastRecordAt = Date.now();
                }
              }
            } finally {
              await consumer.close(); // commits what was printed, leaves the group
            }
          } else {
            let offset = BigInt(opts.offset ?? (await client.admin.describeTopic(topic)).partitions[opts.partition]?.startOffset ?? 0);
            while (count < limit) {
              const res = await client.call('consumer', 'Fetch', { topic, partition: opts.partition, offset: offset.toString(), maxRecords: Math.min(500, limit - count), maxWaitMs: Math.min(idle, 30_000) });
              if (res.records.length === 0) break;
              for (const r of res.records) {
                const record: ConsumerRecord = { topic, partition: opts.partition, offset: BigInt(r.offset), key: r.key ?? null, value: r.value, headers: r.headers, timestampMs: Number(r.timestampMs) };
                process.stdout.write(recordLine(record, options) + '\n');
                count++;
                offset = record.offset + 1n;
              }
            }
          }
          if (options.output === 'table') process.stderr.write(`consumed ${count} records\n`);
        }),
    );

  program
    .command('share-consume <topic>')
    .description('take records as a share-group member, print them with their delivery counts, and acknowledge them')
    .requiredOption('--group <group>', 'share group to join')
    .option('--ack <type>', 'accept, release, reject, or none (leave them to expire)', 'accept')
    .option('--from-beginning', 'a new group starts at the earliest record (default: the latest, as Kafka)')
    .option('--max-records <n>', 'stop after this many records', parseIntOption('--max-records', 1))
    .option('--idle-timeout-ms <ms>', 'stop when nothing arrives for this long; 0 waits forever', parseIntOption('--idle-timeout-ms', 0), 5000)
    .action((topic: string, opts: { group: string; ack: string; fromBeginning?: boolean; maxRecords?: number; idleTimeoutMs: number }, command: Command) =>
      withClient(command, async (client, options) => {
        if (!['accept', 'release', 'reject', 'none'].includes(opts.ack)) throw new UsageError('--ack must be accept, release, reject or none');
        if (opts.fromBeginning) {
          const exists = (await client.admin.listGroups('share')).some((g) => g.groupId === opts.group);
          if (!exists) await client.admin.updateShareGroupConfig(opts.group, { autoOffsetReset: 'earliest' });
        }
        const consumer = client.shareConsumer({ acknowledgementMode: 'explicit' });
        await consumer.subscribe(opts.group, [topic]);
        const limit = opts.maxRecords ?? Infinity;
        const idle = opts.idleTimeoutMs || 2 ** 31 - 1;
        let count = 0;
        let lastRecordAt = Date.now();
        try {
          while (count < limit && Date.now() - lastRecordAt < idle) {
            // Records beyond --max-records are not printed nor acknowledged: leaving the group gives them back.
            const printed: Delivery[] = (await consumer.poll({ maxRecords: Math.min(100, limit - count), maxWaitMs: Math.min(idle, 1000) })).slice(
              0,
              limit - count,
            );
            for (const d of printed) process.stdout.write(recordLine(d.record, options, { deliveryCount: d.deliveryCount }) + '\n');
            if (printed.length > 0) lastRecordAt = Date.now();
            count += printed.length;
            if (opts.ack === 'accept') await Promise.all(printed.map((d) => d.accept()));
            else if (opts.ack === 'release') await Promise.all(printed.map((d) => d.release()));
            else if (opts.ack === 'reject') await Promise.all(printed.map((d) => d.reject('rejected by sharelog share-consume')));
          }
        } finally {
          await consumer.close();
        }
        if (options.output === 'table') process.stderr.write(`consumed ${count} records\n`);
      }),
    );
}
