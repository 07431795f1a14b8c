/** `npm run soak -- --duration 120`: runs the chaos soak and prints its figures; exits 1 when a promise broke. */
import { Command } from 'commander';
import { runSoak } from './soak.js';

const program = new Command('soak')
  .option('--duration <s>', 'seconds of load and faults', '120')
  .option('--kill-every <s>', 'seconds between server kills (jittered)', '8')
  .option('--producers <n>', 'producers', '2')
  .option('--workers <n>', 'share-group workers', '6')
  .option('--partitions <n>', 'partitions', '3')
  .option('--failure-rate <r>', 'share of deliveries released by workers', '0.1')
  .option('--keep-data', 'keep the server data directory afterwards')
  .parse();
const o = program.opts<Record<string, string | boolean>>();
const report = await runSoak({
  durationMs: Number(o.duration) * 1000,
  killEveryMs: Number(o.killEvery) * 1000,
  producers: Number(o.producers),
  workers: Number(o.workers),
  partitions: Number(o.partitions),
  failureRate: Number(o.failureRate),
  keepData: o.keepData === true,
  log: (line) => console.error(line),
});
const sample = (list: Array<number | string>) => (list.length === 0 ? '0' : `${list.length} (e.g. ${list.slice(0, 5).join(', ')})`);
console.log(`server kills (SIGKILL)            ${report.kills}
produce requests made / acknowledged  ${report.produced} / ${report.acknowledgedProduces}
acknowledged records missing from log ${sample(report.missingFromLog)}
records accepted (confirmed)          ${report.accepted}
records dead-lettered                 ${report.deadLettered}
records never finished                ${sample(report.unfinished)}
records accepted twice                ${sample(report.acceptedTwice)}
delivered after a confirmed accept    ${sample(report.deliveredAfterAccept)}
deliveries / redeliveries             ${report.deliveries} / ${report.redeliveries}
delivery counts that went backwards   ${sample(report.countWentBack)}
consumer-group records read           ${report.consumerRecords}
committed offsets that went backwards ${sample(report.commitsWentBack)}
verdict                               ${report.ok ? 'every promise kept' : 'PROMISE BROKEN'}`);
process.exit(report.ok ? 0 : 1);
