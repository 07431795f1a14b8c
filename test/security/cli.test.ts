/** The sharelog CLI against a TLS server with tokens: --tls-ca, --tls-cert/--tls-key, --token and SHARELOG_TOKEN. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDir, type TestServer } from '../helpers/test-server.js';
import { Pki, writeJson, type Ca } from './pki.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TOKEN = 'cli-admin-token-0123456789';

let dir: string;
let ca: Ca;
let pki: Pki;
let t: TestServer;

/** Runs the CLI asynchronously (the server runs in this process). */
function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, SHARELOG_TOKEN: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    // Node warns (DEP0123) when grpc-js sets an IP address as the TLS server name; not the CLI's doing.
    child.on('close', (code) => resolve({ code, stdout, stderr: stderr.replace(/^.*(DEP0123|--trace-deprecation).*\n/gm, '') }));
  });
}

beforeAll(async () => {
  dir = tempDir('sharelog-cli-sec-');
  pki = new Pki(dir);
  ca = pki.ca('cli-ca');
  const server = pki.issue(ca, 'localhost', 'server');
  const tokens = writeJson(dir, 'tokens.json', { tokens: { [TOKEN]: 'cli-admin' } });
  const permissions = writeJson(dir, 'permissions.json', {
    principals: { 'cli-admin': [{ resource: '*', actions: ['*'] }], 'cli-user': [{ resource: 'topic:cli-*', actions: ['admin'] }] },
  });
  t = await startTestServer({
    tlsCert: server.cert,
    tlsKey: server.key,
    tlsClientCa: ca.cert,
    authTokensFile: tokens,
    authMtls: 'true',
    authPermissionsFile: permissions,
  });
});
afterAll(async () => {
  await t.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CLI with TLS and tokens', () => {
  it('works with --tls-ca, a client certificate and --token', async () => {
    const client = pki.issue(ca, 'someone', 'client');
    const base = ['--address', t.server.address, '--tls-ca', ca.cert, '--tls-cert', client.cert, '--tls-key', client.key];
    const created = await cli(['topics', 'create', 'cli-topic', '--partitions', '1', ...base, '--token', TOKEN]);
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect((await cli(['topics', 'create', 'hidden-topic', ...base, '--token', TOKEN])).code).toBe(0);
    const listed = await cli(['topics', 'list', ...base, '--output', 'json'], { SHARELOG_TOKEN: TOKEN });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('cli-topic');
  });

  it('uses the certificate CN as the principal without a token and reports refusals with exit code 1', async () => {
    const client = pki.issue(ca, 'cli-user', 'client');
    const base = ['--address', t.server.address, '--tls-ca', ca.cert, '--tls-cert', client.cert, '--tls-key', client.key];
    const described = await cli(['topics', 'describe', 'cli-topic', ...base]);
    expect(described.code).toBe(0);
    const listed = await cli(['topics', 'list', ...base]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('cli-topic');
    expect(listed.stdout).not.toContain('hidden-topic');
    const refused = await cli(['topics', 'delete', 'hidden-topic', ...base]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('PERMISSION_DENIED');
    expect(refused.stderr).toContain('principal "cli-user" may not admin on topic:hidden-topic');
    const badToken = await cli(['topics', 'list', ...base, '--token', 'wrong-token-0123456789']);
    expect(badToken.code).toBe(1);
    expect(badToken.stderr).toContain('UNAUTHENTICATED');
  });

  it('cannot reach the server without TLS (exit code 3)', async () => {
    const plain = await cli(['topics', 'list', '--address', t.server.address, '--token', TOKEN]);
    expect(plain.code).toBe(3);
  });
});
