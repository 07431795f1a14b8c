/**
 * The web console's HTTP side without a browser: every console path goes through the metrics authorizer, the
 * JSON API answers errors as { error, code } with the HTTP status of the SharelogError code, the record
 * inspector previews values, the event stream sends snapshots, and the page and Chart.js are served.
 */
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchRecords, join, produce, setupGroup } from '../helpers/share-helpers.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const TOKEN = 'Bearer console-secret';

describe('web console HTTP API', () => {
  let t: TestServer;
  let base: string;
  let member: string;
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, { ...init, headers: { authorization: TOKEN, ...(init.headers as Record<string, string>) } });
  const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    t = await startTestServer(
      { metricsListen: '127.0.0.1:0' },
      {
        metricsAuthorizer: (req: http.IncomingMessage) =>
          req.headers.authorization === TOKEN ? { allowed: true } : { allowed: false, status: 401, message: 'token required', headers: { 'www-authenticate': 'Bearer' } },
      },
    );
    base = `http://${t.server.metricsAddress}`;
    await setupGroup(t.clients, { topic: 'orders', group: 'workers', records: 3 });
    // A value that is not UTF-8 and one longer than the 200-byte preview.
    await produce(t.clients, 'orders', [{ value: Buffer.from([0x61, 0xff, 0x62]) }, { value: Buffer.alloc(300, 'x') }]);
    member = (await join(t.clients, 'workers', ['orders'])).memberId;
    expect(await fetchRecords(t.clients, 'workers', member, 1)).toHaveLength(1);
  });

  afterAll(async () => {
    await t?.stop();
  });

  it('puts every console path behind the authorizer', async () => {
    for (const path of ['/', '/static/app.js', '/vendor/chart.umd.min.js', '/api/topics', '/api/events', '/api/snapshot']) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status, res.headers.get('www-authenticate')]).toEqual([path, 401, 'Bearer']);
    }
    const denied = await fetch(`${base}/api/share-groups/workers/delete`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(denied.status).toBe(401);
    expect((await call('/metrics')).status).toBe(200);
  });

  it('serves the page, its modules and Chart.js from node_modules', async () => {
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('/vendor/chart.umd.min.js');
    for (const file of ['app.js', 'bars.js', 'actions.js', 'inspector.js', 'util.js']) {
      const res = await call(`/static/${file}`);
      expect([file, res.status, res.headers.get('content-type')]).toEqual([file, 200, 'text/javascript; charset=utf-8']);
    }
    const chart = await call('/vendor/chart.umd.min.js');
    expect(chart.status).toBe(200);
    expect((await chart.text()).length).toBeGreaterThan(100_000);
    for (const bad of ['/static/../../package.json', '/static/%2e%2e%2fpackage.json', '/static/missing.js', '/vendor/other.js']) {
      expect([bad, (await call(bad)).status]).toEqual([bad, 404]);
    }
    expect((await call('/nothing-here')).status).toBe(404);
  });

  it('describes topics and groups', async () => {
    const topics = await (await call('/api/topics')).json() as any;
    expect(topics.topics).toEqual([expect.objectContaining({ name: 'orders', partitions: [expect.objectContaining({ partition: 0, startOffset: 0, endOffset: 5 })] })]);
    const share = await (await call('/api/share-groups')).json() as any;
    expect(share.groups[0]).toMatchObject({
      groupId: 'workers',
      state: 'STABLE',
      members: [{ memberId: member, assignment: [{ topic: 'orders', partitions: [0] }], acquired: 1 }],
      partitions: [{ topic: 'orders', partition: 0, acquired: 1, lag: 5 }],
    });
    expect((await (await call('/api/consumer-groups')).json() as any).groups).toEqual([]);
  });

  it('inspects records with value previews (200 bytes, UTF-8 with replacement)', async () => {
    const res = await call('/api/share-groups/workers/records?topic=orders&partition=0&from=0&count=10');
    expect(res.status).toBe(200);
    const body = await res.json() as any;
    expect(body.records.map((r: { offset: number; state: string }) => [r.offset, r.state])).toEqual([
      [0, 'ACQUIRED'],
      [1, 'AVAILABLE'],
      [2, 'AVAILABLE'],
      [3, 'AVAILABLE'],
      [4, 'AVAILABLE'],
    ]);
    expect(body.records[0]).toMatchObject({ deliveryCount: 1, memberId: member, value: { text: 'v0', truncated: false, bytes: 2 }, key: null });
    expect(body.records[0].lockExpiresAt).toBeGreaterThan(Date.now());
    expect(body.records[3].value).toEqual({ text: 'a\uFFFDb', truncated: false, bytes: 3 });
    expect(body.records[4].value).toEqual({ text: 'x'.repeat(200), truncated: true, bytes: 300 });
  });

  it('answers errors as { error, code } with the matching HTTP status', async () => {
    const cases: Array<[Promise<Response>, number, string]> = [
      [call('/api/share-groups/nobody/records?topic=orders'), 404, 'GROUP_NOT_FOUND'],
      [call('/api/share-groups/workers/records?topic=orders&count=x'), 400, 'INVALID_ARGUMENT'],
      [post('/api/share-groups/workers/reset-offsets', { topic: 'orders', spec: { kind: 'earliest' } }), 409, 'GROUP_NOT_EMPTY'],
      [post('/api/share-groups/workers/reset-offsets', { topic: 'orders', spec: { kind: 'sideways' } }), 400, 'INVALID_ARGUMENT'],
      [post('/api/share-groups/workers/reset-offsets', { topic: 'missing', spec: { kind: 'earliest' } }), 404, 'TOPIC_NOT_FOUND'],
      [post('/api/share-groups/workers/delete', {}), 409, 'GROUP_NOT_EMPTY'],
      [post('/api/consumer-groups/nobody/delete', {}), 404, 'GROUP_NOT_FOUND'],
      [post('/api/share-groups/workers/config', { deliveryCountLimit: 99 }), 400, 'INVALID_ARGUMENT'],
      [post('/api/share-groups/workers/config', { colour: 'blue' }), 400, 'INVALID_ARGUMENT'],
      [post('/api/share-groups/workers/config', { perKeyOrdering: 'yes' }), 400, 'INVALID_ARGUMENT'],
      [call('/api/share-groups/workers/delete', { method: 'POST', body: '{}' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [call('/api/share-groups/workers/delete', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }), 400, 'INVALID_ARGUMENT'],
      [call('/api/share-groups/workers/delete'), 405, 'METHOD_NOT_ALLOWED'],
      [call('/api/nothing'), 404, 'NOT_FOUND'],
    ];
    for (const [pending, status, code] of cases) {
      const res = await pending;
      const body = await res.json() as any;
      expect({ status: res.status, code: body.code, type: res.headers.get('content-type') }).toEqual({ status, code, type: 'application/json; charset=utf-8' });
      expect(typeof body.error).toBe('string');
    }
  });

  it('updates a share group config, dry-runs and performs resets, and deletes empty groups', async () => {
    const updated = await post('/api/share-groups/workers/config', { recordLockDurationMs: 15_000, deadLetterTopic: '' });
    expect(updated.status).toBe(200);
    expect((await updated.json() as any).config).toMatchObject({ recordLockDurationMs: 15_000, deliveryCountLimit: 5 });

    await t.clients.share.Heartbeat({ groupId: 'workers', memberId: member, memberEpoch: -1 });
    const dry = await (await post('/api/share-groups/workers/reset-offsets', { topic: 'orders', spec: { kind: 'offset', offset: 3 }, dryRun: true })).json() as any;
    expect(dry).toEqual({ groupId: 'workers', dryRun: true, partitions: [{ partition: 0, previousOffset: 0, newOffset: 3 }] });
    const described = await (await call('/api/share-groups')).json() as any;
    expect(described.groups[0].partitions[0].startOffset).toBe(0);
    const done = await (await post('/api/share-groups/workers/reset-offsets', { topic: 'orders', spec: { kind: 'latest' } })).json() as any;
    expect(done.partitions).toEqual([{ partition: 0, previousOffset: 0, newOffset: 5 }]);

    // A consumer group created by a reset, then deleted.
    const created = await (await post('/api/consumer-groups/readers/reset-offsets', { topic: 'orders', partitions: [0], spec: { kind: 'shift', by: 2 } })).json() as any;
    expect(created.partitions).toEqual([{ partition: 0, previousOffset: -1, newOffset: 2 }]);
    expect((await (await call('/api/consumer-groups')).json() as any).groups[0]).toMatchObject({ groupId: 'readers', partitions: [{ committedOffset: 2, lag: 3 }] });
    expect(await (await post('/api/consumer-groups/readers/delete', {})).json() as any).toEqual({ groupId: 'readers', deleted: true });
    expect(await (await post('/api/share-groups/workers/delete', {})).json() as any).toEqual({ groupId: 'workers', deleted: true });
    expect((await (await call('/api/share-groups')).json() as any).groups).toEqual([]);
  });

  it('streams snapshots as server-sent events', async () => {
    const ac = new AbortController();
    const res = await call('/api/events', { signal: ac.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const deadline = Date.now() + 10_000;
    while ((text.match(/event: snapshot\n/g) ?? []).length < 2 && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    ac.abort();
    const frames = [...text.matchAll(/event: snapshot\ndata: (.*)\n\n/g)].map((m) => JSON.parse(m[1]));
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(frames[1].time - frames[0].time).toBeGreaterThanOrEqual(500);
    expect(frames[1]).toMatchObject({ metricsEnabled: true, topics: [{ name: 'orders' }], consumerGroups: [], truncated: false });
  });
});
