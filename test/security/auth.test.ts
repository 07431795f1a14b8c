/** Bearer tokens (tokens file and JWT), UNAUTHENTICATED answers, open health, and the metrics endpoint's rules. */
import * as grpc from '@grpc/grpc-js';
import { status } from '@grpc/grpc-js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharelogClientError } from '../../src/client/errors.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { quickClient, signJwt, writeJson } from './pki.js';

const ADMIN_TOKEN = 'admin-token-0123456789abcdef';
const APP_TOKEN = 'app-token-0123456789abcdef';
const SCRAPER_TOKEN = 'scraper-token-0123456789abcdef';

let dir: string;
let t: TestServer;
let rsa: crypto.KeyPairKeyObjectResult;

beforeAll(async () => {
  dir = tempDir('sharelog-auth-');
  rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKey = path.join(dir, 'jwt.pem');
  fs.writeFileSync(publicKey, rsa.publicKey.export({ type: 'spki', format: 'pem' }));
  const tokens = writeJson(dir, 'tokens.json', { tokens: { [ADMIN_TOKEN]: 'admin', [APP_TOKEN]: 'app', [SCRAPER_TOKEN]: 'scraper' } });
  const permissions = writeJson(dir, 'permissions.json', {
    principals: {
      admin: [{ resource: '*', actions: ['*'] }],
      app: [{ resource: 'topic:orders', actions: ['produce', 'consume'] }],
      'jwt-user': [{ resource: 'topic:orders', actions: ['consume'] }],
      scraper: [{ resource: 'cluster', actions: ['metrics'] }],
    },
  });
  t = await startTestServer({ authTokensFile: tokens, authJwtPublicKey: publicKey, authPermissionsFile: permissions, metricsListen: '127.0.0.1:0' });
  const admin = quickClient(t.server.address, { token: ADMIN_TOKEN });
  await admin.call('admin', 'CreateTopic', { name: 'orders', partitions: 1 });
  await admin.close();
});
afterAll(async () => {
  await t.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function failure(promise: Promise<unknown>): Promise<SharelogClientError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SharelogClientError);
  return err as SharelogClientError;
}

async function fetchAs(token: string | undefined) {
  const client = quickClient(t.server.address, token === undefined ? {} : { token });
  try {
    return await client.call('consumer', 'Fetch', { topic: 'orders', partition: 0, offset: '0' });
  } finally {
    await client.close();
  }
}

describe('tokens file', () => {
  it('authenticates a known token', async () => {
    const response = await fetchAs(APP_TOKEN);
    expect(response.records).toEqual([]);
  });

  it('answers UNAUTHENTICATED without a token and with an unknown one', async () => {
    const none = await failure(fetchAs(undefined));
    expect(none.status).toBe(status.UNAUTHENTICATED);
    expect(none.code).toBe('UNAUTHENTICATED');
    expect(none.message).toMatch(/no credentials/);
    const wrong = await failure(fetchAs('not-a-known-token-at-all'));
    expect(wrong.status).toBe(status.UNAUTHENTICATED);
    expect(wrong.message).toMatch(/bearer token is not valid/);
  });

  it('answers UNAUTHENTICATED for an authorization header that is not Bearer', async () => {
    const { proto } = await import('../../src/api/proto.js').then((m) => m.loadSharelogProto());
    const admin = new proto.sharelog.v1.AdminService(t.server.address, grpc.credentials.createInsecure());
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Basic ${Buffer.from('a:b').toString('base64')}`);
    const err = await new Promise<grpc.ServiceError>((resolve) => admin.ListTopics({}, metadata, (e) => resolve(e!)));
    expect(err.code).toBe(status.UNAUTHENTICATED);
    expect(err.metadata.get('sharelog-error-code')).toEqual(['UNAUTHENTICATED']);
    admin.close();
  });

  it('reloads the tokens file', async () => {
    const tokensFile = t.config.authTokensFile;
    const saved = fs.readFileSync(tokensFile);
    writeJson(dir, 'tokens.json', { tokens: { [ADMIN_TOKEN]: 'admin', 'fresh-token-0123456789abcdef': 'app' } });
    expect(t.server.reloadAuth()).toBe(true);
    await fetchAs('fresh-token-0123456789abcdef');
    expect((await failure(fetchAs(APP_TOKEN))).status).toBe(status.UNAUTHENTICATED);
    fs.writeFileSync(tokensFile, '{ broken');
    expect(t.server.reloadAuth()).toBe(false);
    await fetchAs('fresh-token-0123456789abcdef');
    fs.writeFileSync(tokensFile, saved);
    expect(t.server.reloadAuth()).toBe(true);
  });
});

describe('JWT', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it('takes sub as the principal of a valid RS256 token', async () => {
    const token = signJwt({ sub: 'jwt-user', exp: now() + 60 }, rsa.privateKey);
    await fetchAs(token);
    const client = quickClient(t.server.address, { token });
    const denied = await failure(client.call('producer', 'Produce', { topic: 'orders', records: [{ value: Buffer.from('x') }] }));
    expect(denied.status).toBe(status.PERMISSION_DENIED);
    expect(denied.message).toContain('principal "jwt-user" may not produce on topic:orders');
    await client.close();
  });

  it.each([
    ['expired', () => signJwt({ sub: 'jwt-user', exp: now() - 10 }, rsa.privateKey), /JWT expired at/],
    ['not yet valid', () => signJwt({ sub: 'jwt-user', nbf: now() + 600 }, rsa.privateKey), /not valid before/],
    ['signed by another key', () => signJwt({ sub: 'jwt-user' }, crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey), /signature is invalid/],
    ['tampered', () => signJwt({ sub: 'someone' }, rsa.privateKey).replace(/^([^.]+)\.[^.]+/, (_m, h: string) => `${h}.${Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url')}`), /signature is invalid/],
    ['alg none', () => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"admin"}').toString('base64url')}.x`, /alg "none" is not accepted/],
    ['without sub', () => signJwt({ exp: now() + 60 }, rsa.privateKey), /no sub claim/],
  ])('refuses a token %s with UNAUTHENTICATED', async (_name, make, message) => {
    const err = await failure(fetchAs(make()));
    expect(err.status).toBe(status.UNAUTHENTICATED);
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toMatch(message);
  });
});

describe('streams', () => {
  it('ends a Subscribe stream without credentials with UNAUTHENTICATED', async () => {
    const client = quickClient(t.server.address);
    const call = client.openSubscribe();
    const err = await new Promise<{ code: number; details: string }>((resolve) => {
      call.on('error', resolve);
      call.on('data', () => undefined);
      call.write({ start: { groupId: 'g', topics: ['orders'] } });
    });
    expect(err.code).toBe(status.UNAUTHENTICATED);
    expect(err.details).toMatch(/no credentials/);
    await client.close();
  });
});

describe('open services', () => {
  it('leaves health checks open', async () => {
    const { HealthClient } = await healthClient();
    const health = new HealthClient(t.server.address, grpc.credentials.createInsecure());
    const response = await new Promise<{ status: string }>((resolve, reject) =>
      health.check({ service: '' }, (err: Error | null, res: { status: string }) => (err ? reject(err) : resolve(res))),
    );
    expect(response.status).toBe('SERVING');
    health.close();
  });
});

async function healthClient() {
  const protoLoader = await import('@grpc/proto-loader');
  const { protoPath } = await import('grpc-health-check');
  const definition = protoLoader.loadSync(protoPath, { keepCase: true, enums: String });
  const pkg = grpc.loadPackageDefinition(definition) as any;
  return { HealthClient: pkg.grpc.health.v1.Health as typeof grpc.Client & (new (...args: any[]) => any) };
}

describe('metrics endpoint', () => {
  const get = (pathname: string, token?: string) =>
    fetch(`http://${t.server.metricsAddress}${pathname}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('refuses a scrape without a token (401) and a principal without the metrics permission (403)', async () => {
    const none = await get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    const app = await get('/metrics', APP_TOKEN);
    expect(app.status).toBe(403);
    expect(await app.text()).toContain('principal "app"');
  });

  it('serves principals with metrics or admin on cluster, JWTs included; /healthz stays open', async () => {
    expect((await get('/metrics', SCRAPER_TOKEN)).status).toBe(200);
    expect((await get('/metrics', ADMIN_TOKEN)).status).toBe(200);
    const jwt = signJwt({ sub: 'admin', exp: Math.floor(Date.now() / 1000) + 60 }, rsa.privateKey);
    const body = await (await get('/metrics', jwt)).text();
    expect(body).toContain('sharelog_rpc_requests_total');
    expect(body).toMatch(/sharelog_rpc_requests_total\{[^}]*code="UNAUTHENTICATED"/);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('opens the console page and its assets, but not its data, without a token', async () => {
    expect((await get('/')).status).toBe(200);
    expect((await get('/static/app.js')).status).toBe(200);
    expect((await get('/api/topics')).status).toBe(401);
    expect((await get('/api/topics', APP_TOKEN)).status).toBe(403);
    expect((await get('/api/topics', ADMIN_TOKEN)).status).toBe(200);
  });
});
