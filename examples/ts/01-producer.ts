// Produce records: batched, idempotent (a retry never duplicates), one promise per record.
import { connect } from '../../src/index.js';

const client = connect(process.env.SHARELOG_ADDRESS ?? '127.0.0.1:50051');
await client.admin.createTopic('orders', { partitions: 3 }).catch(() => undefined); // may exist already
const producer = client.producer({ lingerMs: 5 });
const positions = await Promise.all(
  ['order 1', 'order 2', 'order 3'].map((value, i) => producer.send('orders', { key: `customer-${i % 2}`, value })),
);
for (const p of positions) console.log(`stored at partition ${p.partition}, offset ${p.offset}`);
await client.close(); // flushes the producer first
