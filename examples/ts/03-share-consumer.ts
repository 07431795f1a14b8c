// A share-group member with explicit acknowledgements: accept, release (retry later) or reject each record.
import { connect } from '../../src/index.js';

const client = connect(process.env.SHARELOG_ADDRESS ?? '127.0.0.1:50051');
await client.admin.updateShareGroupConfig('workers', { autoOffsetReset: 'earliest' }); // a new group starts at the end
const consumer = client.shareConsumer({ acknowledgementMode: 'explicit' });
await consumer.subscribe('workers', ['orders']);
let handled = 0;
while (handled < 3) {
  for (const delivery of await consumer.poll({ maxRecords: 10, maxWaitMs: 5000 })) {
    const text = delivery.record.value.toString();
    console.log(`${text} (delivery ${delivery.deliveryCount})`);
    if (text.startsWith('order')) await delivery.accept();
    else await delivery.reject('not an order');
    handled++;
  }
}
await client.close(); // leaves the group; anything still held goes back at once
