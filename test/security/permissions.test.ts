/** The permission model, and a matrix of RPC x resource x action through a live server. */
import { status } from '@grpc/grpc-js';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSharelogProto } from '../../src/api/proto.js';
import type { SharelogClient } from '../../src/client/client.js';
import { SharelogClientError } from '../../src/client/errors.js';
import { PROTECTED_METHODS, Permissions } from '../../src/security/index.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { quickClient, writeJson } from './pki.js';

describe('Permissions', () => {
  const permissions = Permissions.parse({
    principals: {
      app: [
        { resource: 'topic:orders', actions: ['produce'] },
        { resource: 'topic:logs.*', actions: ['consume'] },
      ],
      '*': [{ resource: 'cluster', actions: ['metrics'] }],
      root: [{ resource: '*', actions: ['*'] }],
    },
  });

  it('matches exact names, prefixes, the principal * and the resource *', () => {
    expect(permissions.allows('app', 'produce', { kind: 'topic', name: 'orders' })).toBe(true);
    expect(permissions.allows('app', 'produce', { kind: 'topic', name: 'orders2' })).toBe(false);
    expect(permissions.allows('app', 'consume', { kind: 'topic', name: 'orders' })).toBe(false);
    expect(permissions.allows('app', 'consume', { kind: 'topic', name: 'logs.app' })).toBe(true);
    expect(permissions.allows('app', 'consume', { kind: 'topic', name: 'logs' })).toBe(false);
    expect(permissions.allows('app', 'consume', { kind: 'consumer-group', name: 'logs.app' })).toBe(false);
    expect(permissions.allows('app', 'metrics', { kind: 'cluster' })).toBe(true);
    expect(permissions.allows('nobody', 'metrics', { kind: 'cluster' })).toBe(true);
    expect(permissions.allows('nobody', 'admin', { kind: 'cluster' })).toBe(false);
    expect(permissions.allows('root', 'admin', { kind: 'share-group', name: 'x' })).toBe(true);
    expect(permissions.allows('root', 'admin', { kind: 'cluster' })).toBe(true);
  });

  it.each([
    [{}, /expected \{"principals"/],
    [{ principals: { a: {} } }, /expected a list/],
    [{ principals: { a: [{ resource: 'queue:x', actions: ['consume'] }] } }, /must be \*, cluster, or topic:/],
    [{ principals: { a: [{ resource: 'topic:x', actions: ['write'] }] } }, /unknown action "write"/],
    [{ principals: { a: [{ resource: 'topic:a*b', actions: ['consume'] }] } }, /only at the end/],
    [{ principals: { a: [{ resource: 'topic:', actions: ['consume'] }] } }, /has no name/],
    [{ principals: { a: [{ resource: 'topic:x', actions: [] }] } }, /non-empty list/],
  ])('refuses a malformed file %j', (json, message) => {
    expect(() => Permissions.parse(json)).toThrow(message);
  });

  it('covers every sharelog.v1 RPC (a new RPC without a rule would be refused to everyone)', () => {
    const v1 = loadSharelogProto().proto.sharelog.v1 as unknown as Record<string, { service: Record<string, { path: string }> }>;
    const paths = ['ProducerService', 'ConsumerService', 'ShareConsumerService', 'AdminService'].flatMap((name) =>
      Object.values(v1[name].service).map((m) => m.path),
    );
    expect([...paths].sort()).toEqual([...PROTECTED_METHODS].sort());
  });
});

const TOKENS = {
  producer: 'tok-producer-0123456789',
  reader: 'tok-reader-0123456789ab',
  worker: 'tok-worker-0123456789ab',
  owner: 'tok-owner-0123456789abc',
  ops: 'tok-ops-0123456789abcdef',
} as const;
type Who = keyof typeof TOKENS;

describe('permission matrix through gRPC', () => {
  let dir: string;
  let t: TestServer;
  const clients = new Map<Who, SharelogClient>();

  beforeAll(async () => {
    dir = tempDir('sharelog-perm-');
    const tokens = writeJson(dir, 'tokens.json', { tokens: Object.fromEntries(Object.entries(TOKENS).map(([who, token]) => [token, who])) });
    const permissions = writeJson(dir, 'permissions.json', {
      principals: {
        producer: [{ resource: 'topic:orders', actions: ['produce'] }],
        reader: [
          { resource: 'topic:logs.*', actions: ['consume'] },
          { resource: 'consumer-group:analytics-*', actions: ['consume'] },
        ],
        worker: [
          { resource: 'topic:jobs', actions: ['consume'] },
          { resource: 'share-group:workers*', actions: ['consume'] },
        ],
        owner: [
          { resource: 'topic:orders', actions: ['admin'] },
          { resource: 'consumer-group:analytics-1', actions: ['admin'] },
          { resource: 'share-group:workers-1', actions: ['admin'] },
        ],
        ops: [{ resource: '*', actions: ['*'] }],
      },
    });
    t = await startTestServer({ authTokensFile: tokens, authPermissionsFile: permissions });
    for (const who of Object.keys(TOKENS) as Who[]) clients.set(who, quickClient(t.server.address, { token: TOKENS[who] }));
    const ops = clients.get('ops')!;
    for (const name of ['orders', 'payments', 'logs.app', 'jobs', 'secrets']) await ops.call('admin', 'CreateTopic', { name, partitions: 1 });
  });
  afterAll(async () => {
    for (const c of clients.values()) await c.close();
    await t.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const produce = (topic: string) => ['producer', 'Produce', { topic, records: [{ value: Buffer.from('x') }] }] as const;
  const fetch = (topic: string) => ['consumer', 'Fetch', { topic, partition: 0, offset: '0' }] as const;
  const cgHeartbeat = (groupId: string, topics: string[]) => ['consumer', 'Heartbeat', { groupId, memberId: '', memberEpoch: 0, topics }] as const;
  const commit = (groupId: string, topic: string) => ['consumer', 'CommitOffsets', { groupId, memberId: '', memberEpoch: -1, offsets: [{ topic, partition: 0, offset: '0' }] }] as const;
  const shHeartbeat = (groupId: string, topics: string[]) => ['share', 'Heartbeat', { groupId, memberId: '', memberEpoch: 0, topics }] as const;
  const shLeave = (groupId: string) => ['share', 'LeaveGroup', { groupId, memberId: 'nobody' }] as const;
  const admin = (method: string, request: object) => ['admin', method, request] as const;

  // [who, call, expected]: 'ok' = not refused by auth (the call itself may still fail, e.g. NOT_FOUND);
  // otherwise the resource named in the PERMISSION_DENIED message.
  const MATRIX: Array<[Who, readonly [string, string, object], 'ok' | string]> = [
    ['producer', produce('orders'), 'ok'],
    ['producer', produce('payments'), 'produce on topic:payments'],
    ['producer', fetch('orders'), 'consume on topic:orders'],
    ['producer', admin('CreateTopic', { name: 'orders-new', partitions: 1 }), 'admin on topic:orders-new'],
    ['reader', fetch('logs.app'), 'ok'],
    ['reader', fetch('secrets'), 'consume on topic:secrets'],
    ['reader', produce('logs.app'), 'produce on topic:logs.app'],
    ['reader', cgHeartbeat('analytics-1', ['logs.app']), 'ok'],
    ['reader', cgHeartbeat('analytics-1', ['logs.app', 'secrets']), 'consume on topic:secrets'],
    ['reader', cgHeartbeat('billing', ['logs.app']), 'consume on consumer-group:billing'],
    ['reader', commit('analytics-2', 'logs.app'), 'ok'],
    ['reader', commit('analytics-2', 'orders'), 'consume on topic:orders'],
    ['reader', ['consumer', 'GetCommittedOffsets', { groupId: 'analytics-2', topic: '' }], 'ok'],
    ['reader', shHeartbeat('analytics-1', ['logs.app']), 'consume on share-group:analytics-1'],
    ['worker', shHeartbeat('workers-1', ['jobs']), 'ok'],
    ['worker', shHeartbeat('workers-1', ['jobs', 'orders']), 'consume on topic:orders'],
    ['worker', shHeartbeat('other', ['jobs']), 'consume on share-group:other'],
    ['worker', shLeave('workers-9'), 'ok'],
    ['worker', ['share', 'Acknowledge', { groupId: 'workers-1', memberId: 'm', acknowledgements: [{ topic: 'orders', partition: 0, firstOffset: '0', lastOffset: '0' }] }], 'consume on topic:orders'],
    ['worker', cgHeartbeat('workers-1', ['jobs']), 'consume on consumer-group:workers-1'],
    ['owner', admin('DescribeTopic', { name: 'orders' }), 'ok'],
    ['owner', admin('CreatePartitions', { name: 'payments', partitions: 2 }), 'admin on topic:payments'],
    ['owner', admin('DescribeConsumerGroup', { groupId: 'analytics-1' }), 'ok'],
    ['owner', admin('DescribeConsumerGroup', { groupId: 'analytics-2' }), 'admin on consumer-group:analytics-2'],
    ['owner', admin('DescribeShareGroup', { groupId: 'workers-1' }), 'ok'],
    ['owner', admin('UpdateShareGroupConfig', { groupId: 'workers-2' }), 'admin on share-group:workers-2'],
    ['owner', admin('DeleteGroup', { groupId: 'analytics-2' }), 'admin on consumer-group:analytics-2'],
    ['owner', produce('orders'), 'produce on topic:orders'],
    ['ops', admin('ListTopics', {}), 'ok'],
    ['ops', produce('secrets'), 'ok'],
    ['ops', admin('DescribeShareGroup', { groupId: 'anything' }), 'ok'],
  ];

  it.each(MATRIX)('%s: %j -> %s', async (who, [service, method, request], expected) => {
    const client = clients.get(who)!;
    const outcome = await (client.call as (s: string, m: string, r: object) => Promise<unknown>)(service, method, request).then(
      () => undefined,
      (err: unknown) => err as SharelogClientError,
    );
    if (expected === 'ok') {
      expect(outcome?.status, outcome?.message).not.toBe(status.PERMISSION_DENIED);
      expect(outcome?.status).not.toBe(status.UNAUTHENTICATED);
    } else {
      expect(outcome, `${who} ${method} should be denied`).toBeInstanceOf(SharelogClientError);
      expect(outcome!.status).toBe(status.PERMISSION_DENIED);
      expect(outcome!.code).toBe('PERMISSION_DENIED');
      expect(outcome!.message).toContain(`principal "${who}" may not ${expected}`);
    }
  });

  it('filters ListTopics and ListGroups to what the principal may see', async () => {
    const names = async (who: Who) => (await clients.get(who)!.call('admin', 'ListTopics', {})).topics.map((x) => x.name).sort();
    expect(await names('ops')).toEqual(['jobs', 'logs.app', 'orders', 'payments', 'secrets']);
    expect(await names('producer')).toEqual(['orders']);
    expect(await names('reader')).toEqual(['logs.app']);
    await clients.get('worker')!.call('share', 'Heartbeat', { groupId: 'workers-7', memberId: '', memberEpoch: 0, topics: ['jobs'] } as never);
    await clients.get('reader')!.call('consumer', 'Heartbeat', { groupId: 'analytics-7', memberId: '', memberEpoch: 0, topics: ['logs.app'] } as never);
    const groups = async (who: Who) => (await clients.get(who)!.call('admin', 'ListGroups', {})).groups.map((g) => g.groupId);
    expect(await groups('worker')).toContain('workers-7');
    expect(await groups('worker')).not.toContain('analytics-7');
    expect(await groups('reader')).toContain('analytics-7');
    expect(await groups('reader')).not.toContain('workers-7');
    expect(await groups('ops')).toEqual(expect.arrayContaining(['workers-7', 'analytics-7']));
  });

  it('DeleteGroup needs admin on the kind of group the id names', async () => {
    // analytics-1 exists as a consumer group after the heartbeat above; the owner has admin on it.
    await clients.get('reader')!.call('consumer', 'Heartbeat', { groupId: 'analytics-1', memberId: '', memberEpoch: 0, topics: ['logs.app'] } as never);
    const ownerDelete = await clients
      .get('owner')!
      .call('admin', 'DeleteGroup', { groupId: 'analytics-1' })
      .then(
        () => undefined,
        (e: SharelogClientError) => e,
      );
    expect(ownerDelete?.status).not.toBe(status.PERMISSION_DENIED);
  });

  it('checks Subscribe on its start message', async () => {
    const subscribe = async (who: Who, groupId: string, topics: string[]) => {
      const call = clients.get(who)!.openSubscribe();
      const result = new Promise<{ code: number; details: string } | 'joined'>((resolve) => {
        call.on('data', (msg: { response?: string }) => {
          if (msg.response === 'joined') {
            resolve('joined');
            call.cancel();
          }
        });
        call.on('error', (err: { code: number; details: string }) => resolve(err));
      });
      call.write({ start: { groupId, topics } });
      return result;
    };
    expect(await subscribe('worker', 'workers-5', ['jobs'])).toBe('joined');
    const denied = await subscribe('worker', 'workers-5', ['secrets']);
    expect(denied).toMatchObject({ code: status.PERMISSION_DENIED });
    expect((denied as { details: string }).details).toContain('principal "worker" may not consume on topic:secrets');
    const otherGroup = await subscribe('reader', 'workers-5', ['logs.app']);
    expect(otherGroup).toMatchObject({ code: status.PERMISSION_DENIED });
  });
});
