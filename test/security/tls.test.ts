/** TLS and mutual TLS on the gRPC port, with certificates made by the test; reload without dropping the server. */
import { status } from '@grpc/grpc-js';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharelogClientError } from '../../src/client/errors.js';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { Pki, quickClient, writeJson, type Ca, type KeyPair } from './pki.js';

let dir: string;
let pki: Pki;
let ca: Ca;
let serverPair: KeyPair;

beforeAll(() => {
  dir = tempDir('sharelog-tls-');
  pki = new Pki(dir);
  ca = pki.ca('test-ca');
  serverPair = pki.issue(ca, 'localhost', 'server');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function failure(promise: Promise<unknown>): Promise<SharelogClientError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SharelogClientError);
  return err as SharelogClientError;
}

describe('TLS', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ tlsCert: serverPair.cert, tlsKey: serverPair.key });
  });
  afterAll(async () => t.stop());

  it('serves a client that trusts the CA', async () => {
    const client = quickClient(t.server.address, { tls: { ca: ca.cert } });
    await client.call('admin', 'CreateTopic', { name: 'tls-topic', partitions: 1 });
    const topics = await client.call('admin', 'ListTopics', {});
    expect(topics.topics.map((x) => x.name)).toContain('tls-topic');
    await client.close();
  });

  it('accepts the CA as a buffer too', async () => {
    const client = quickClient(t.server.address, { tls: { ca: fs.readFileSync(ca.cert) } });
    await client.call('admin', 'ListTopics', {});
    await client.close();
  });

  it('refuses plaintext clients and clients that do not trust the CA', async () => {
    const plain = quickClient(t.server.address);
    expect((await failure(plain.call('admin', 'ListTopics', {}))).status).toBe(status.UNAVAILABLE);
    await plain.close();
    const other = pki.ca('other-ca');
    const stranger = quickClient(t.server.address, { tls: { ca: other.cert } });
    expect((await failure(stranger.call('admin', 'ListTopics', {}))).status).toBe(status.UNAVAILABLE);
    await stranger.close();
  });
});

describe('mutual TLS', () => {
  let t: TestServer;
  beforeAll(async () => {
    const permissions = writeJson(dir, 'mtls-permissions.json', {
      principals: { 'orders-app': [{ resource: 'topic:orders', actions: ['produce'] }], ops: [{ resource: '*', actions: ['*'] }] },
    });
    t = await startTestServer({ tlsCert: serverPair.cert, tlsKey: serverPair.key, tlsClientCa: ca.cert, authMtls: 'true', authPermissionsFile: permissions });
  });
  afterAll(async () => t.stop());

  it('refuses a client without a certificate', async () => {
    const client = quickClient(t.server.address, { tls: { ca: ca.cert } });
    expect((await failure(client.call('admin', 'ListTopics', {}))).status).toBe(status.UNAVAILABLE);
    await client.close();
  });

  it('refuses a certificate signed by another CA', async () => {
    const rogue = pki.ca('rogue-ca');
    const pair = pki.issue(rogue, 'ops', 'client');
    const client = quickClient(t.server.address, { tls: { ca: ca.cert, ...pair } });
    expect((await failure(client.call('admin', 'ListTopics', {}))).status).toBe(status.UNAVAILABLE);
    await client.close();
  });

  it('takes the certificate CN as the principal', async () => {
    const ops = quickClient(t.server.address, { tls: { ca: ca.cert, ...pki.issue(ca, 'ops', 'client') } });
    await ops.call('admin', 'CreateTopic', { name: 'orders', partitions: 1 });
    await ops.call('admin', 'CreateTopic', { name: 'payments', partitions: 1 });
    const app = quickClient(t.server.address, { tls: { ca: ca.cert, ...pki.issue(ca, 'orders-app', 'client') } });
    const produced = await app.call('producer', 'Produce', { topic: 'orders', records: [{ value: Buffer.from('x') }] });
    expect(produced.positions).toHaveLength(1);
    const denied = await failure(app.call('producer', 'Produce', { topic: 'payments', records: [{ value: Buffer.from('x') }] }));
    expect(denied.status).toBe(status.PERMISSION_DENIED);
    expect(denied.code).toBe('PERMISSION_DENIED');
    expect(denied.message).toContain('principal "orders-app" may not produce on topic:payments');
    await ops.close();
    await app.close();
  });
});

describe('reloading certificates', () => {
  it('switches to new certificates while the server keeps serving, and keeps the old ones when the new files are broken', async () => {
    const certFile = `${dir}/reload.crt`;
    const keyFile = `${dir}/reload.key`;
    fs.copyFileSync(serverPair.cert, certFile);
    fs.copyFileSync(serverPair.key, keyFile);
    const t = await startTestServer({ tlsCert: certFile, tlsKey: keyFile });
    try {
      const before = quickClient(t.server.address, { tls: { ca: ca.cert } });
      await before.call('admin', 'CreateTopic', { name: 'reload', partitions: 1 });

      const ca2 = pki.ca('second-ca');
      const pair2 = pki.issue(ca2, 'localhost', 'server');
      fs.copyFileSync(pair2.cert, certFile);
      fs.copyFileSync(pair2.key, keyFile);
      expect(t.server.reloadTls()).toBe(true);

      // The open connection is not dropped.
      await before.call('producer', 'Produce', { topic: 'reload', records: [{ value: Buffer.from('still here') }] });
      // New connections get the new certificate.
      const after = quickClient(t.server.address, { tls: { ca: ca2.cert } });
      await after.call('admin', 'DescribeTopic', { name: 'reload' });
      const old = quickClient(t.server.address, { tls: { ca: ca.cert } });
      expect((await failure(old.call('admin', 'ListTopics', {}))).status).toBe(status.UNAVAILABLE);

      // A broken key: the reload fails, the certificates in use stay.
      fs.writeFileSync(keyFile, 'not a key');
      expect(t.server.reloadTls()).toBe(false);
      const again = quickClient(t.server.address, { tls: { ca: ca2.cert } });
      await again.call('admin', 'ListTopics', {});
      // A key that does not match the certificate is refused too.
      fs.copyFileSync(serverPair.key, keyFile);
      expect(t.server.reloadTls()).toBe(false);
      const stillOk = quickClient(t.server.address, { tls: { ca: ca2.cert } });
      await stillOk.call('admin', 'ListTopics', {});
      for (const c of [before, after, old, again, stillOk]) await c.close();
    } finally {
      await t.stop();
    }
  });
});

describe('configuration', () => {
  it('refuses half a TLS setup and mTLS auth without a client CA', async () => {
    await expect(startTestServer({ tlsCert: serverPair.cert })).rejects.toThrow(/tlsCert and tlsKey must be set together/);
    await expect(startTestServer({ tlsCert: serverPair.cert, tlsKey: serverPair.key, authMtls: 'true' })).rejects.toThrow(/authMtls needs tlsClientCa/);
    await expect(startTestServer({ tlsCert: serverPair.cert, tlsKey: `${dir}/missing.key` })).rejects.toThrow(/tlsKey .*missing\.key/);
  });
});
