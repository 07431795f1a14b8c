// The work-queue helper: concurrency, accept on success, release with backoff on error, reject on
// NonRetriableError, automatic lock renewal for long handlers, and a drain on stop.
import { NonRetriableError, connect } from '../../src/index.js';

const client = connect(process.env.SHARELOG_ADDRESS ?? '127.0.0.1:50051');
await client.admin.updateShareGroupConfig('mailers', { autoOffsetReset: 'earliest' });
let done = 0;
const worker = client.shareWorker({
  group: 'mailers',
  topics: ['orders'],
  concurrency: 8,
  backoff: { initialMs: 500, maxMs: 30_000 },
  handler: async (delivery) => {
    const order = delivery.record.value.toString();
    if (order === '') throw new NonRetriableError('empty order'); // archived, never retried
    console.log(`mailing about ${order} (delivery ${delivery.deliveryCount})`);
    done++;
  },
});
await worker.start();
while (done < 3) await new Promise((resolve) => setTimeout(resolve, 50));
await worker.stop(); // waits for running handlers, acknowledges them, leaves the group
await client.close();
