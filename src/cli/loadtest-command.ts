/** `sharelog loadtest`: see src/loadtest/run.ts. Prints a live progress bar and a report (or JSON). */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { runLoadtest, type LoadtestOptions, type LoadtestResult } from '../loadtest/run.js';
import { CliError, UsageError, parseIntOption, withClient } from './common.js';

function parseRate(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 1) throw new UsageError(`${name} must be a number from 0 to 1, got ${value}`);
    return n;
  };
}

function formatReport(r: LoadtestResult): string {
  const lines = [
    `${r.mode}: ${r.options.consumers} consumers on ${r.options.partitions} partitions, ${r.options.workMs} ms work, ${r.options.failureRate * 100}% failures`,
    `  produced        ${r.produced} records, ${r.producedPerSecond} records/s`,
    `  consumed        ${r.accepted - r.duplicates.length} records, ${r.consumedPerSecond} records/s in ${(r.elapsedMs / 1000).toFixed(1)} s (from when all ${r.options.consumers} had joined, which took ${r.joinMs} ms; first delivery after ${r.firstDeliveryMs} ms)`,
    `  latency         produce to delivery p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms, p99.9 ${r.latencyMs.p999} ms, max ${r.latencyMs.max} ms`,
    `  deliveries      ${r.deliveries} (${r.redeliveries} redeliveries, ${r.failuresInjected} injected failures)`,
    `  duplicates      ${r.duplicates.length}${r.duplicates.length > 0 ? ` (e.g. ${r.duplicates.slice(0, 10).join(', ')})` : ''}`,
    `  lost            ${r.lost.length}${r.lost.length > 0 ? ` (e.g. ${r.lost.slice(0, 10).join(', ')})` : ''}`,
    r.duplicates.length === 0 && r.lost.length === 0
      ? `  verdict         every record accepted exactly once`
      : `  verdict         NOT exactly once`,
  ];
  return lines.join('\n') + '\n';
}

export function registerLoadtestCommand(program: Command): void {
  program
    .command('loadtest')
    .description('produce records and consume them with many share-group workers; prove each was accepted exactly once')
    .option('--partitions <n>', 'partitions of the test topic', parseIntOption('--partitions', 1, 10_000), 1)
    .option('--records <n>', 'records to produce', parseIntOption('--records', 1, 100_000_000), 10_000)
    .option('--rate <n>', 'records per second; 0 = flat out', parseIntOption('--rate', 0), 0)
    .option('--consumers <n>', 'consumers (may far exceed partitions)', parseIntOption('--consumers', 1, 10_000), 16)
    .option('--work-ms <ms>', 'simulated work per record', parseIntOption('--work-ms', 0, 600_000), 0)
    .option('--failure-rate <r>', 'share of deliveries that fail and are released (0..1)', parseRate('--failure-rate'), 0)
    .option('--value-bytes <n>', 'record value size', parseIntOption('--value-bytes', 12, 1024 * 1024), 100)
    .option('--timeout-ms <ms>', 'stop waiting after this long', parseIntOption('--timeout-ms', 1000), 300_000)
    .option('--prefill', 'produce every record before the consumers join (measures consumption on a backlog alone)')
    .option('--compare-consumer-group', 'run the same load through a consumer group too')
    .option('--no-progress', 'no progress bar')
    .action((opts: LoadtestOptions & { compareConsumerGroup?: boolean; progress: boolean }, command: Command) =>
      withClient(command, async (client, options) => {
        const settings: LoadtestOptions = {
          partitions: opts.partitions,
          records: opts.records,
          rate: opts.rate,
          consumers: opts.consumers,
          workMs: opts.workMs,
          failureRate: opts.failureRate,
          valueBytes: opts.valueBytes,
          timeoutMs: opts.timeoutMs,
          prefill: opts.prefill === true,
        };
        const modes: Array<'share-group' | 'consumer-group'> = opts.compareConsumerGroup ? ['share-group', 'consumer-group'] : ['share-group'];
        const results: LoadtestResult[] = [];
        for (const mode of modes) {
          const showBar = opts.progress && options.output === 'table' && process.stderr.isTTY;
          const bar = showBar
            ? new cliProgress.SingleBar(
                { format: `${mode} [{bar}] {percentage}% | {value}/{total} accepted | produced {produced} | redeliveries {redeliveries}`, stream: process.stderr },
                cliProgress.Presets.shades_classic,
              )
            : undefined;
          bar?.start(settings.records, 0, { produced: 0, redeliveries: 0 });
          const result = await runLoadtest(client, settings, mode, (t) => bar?.update(t.done, { produced: t.produced, redeliveries: t.redeliveries }));
          bar?.stop();
          results.push(result);
          if (options.output === 'table') process.stdout.write(formatReport(result));
        }
        if (options.output === 'json') {
          process.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
        }
        const share = results[0];
        if (share.lost.length > 0 || share.duplicates.length > 0) {
          throw new CliError(`share-group load test: ${share.lost.length} lost, ${share.duplicates.length} duplicates`);
        }
      }),
    );
}
