// A consumer-group member: partitions assigned by the server, offsets committed automatically.
import { connect } from '../../src/index.js';

const client = connect(process.env.SHARELOG_ADDRESS ?? '127.0.0.1:50051');
const consumer = client.consumer({ autoOffsetReset: 'earliest' });
await consumer.subscribe('billing', ['orders']);
let seen = 0;
for await (const record of consumer) {
  console.log(`${record.topic}/${record.partition}@${record.offset}: ${record.value.toString()}`);
  if (++seen === 3) break; // leaving the loop counts the record as processed
}
await client.close(); // commits the positions and leaves the group
