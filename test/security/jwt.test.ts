/** JwtVerifier on its own: ES256 as well as RS256, and the algorithms it must refuse. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JwtVerifier } from '../../src/security/index.js';
import { tempDir } from '../helpers/test-server.js';
import { signJwt } from './pki.js';

const dir = tempDir('sharelog-jwt-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function verifierFor(publicKey: crypto.KeyObject): JwtVerifier {
  const file = path.join(dir, `${crypto.randomUUID()}.pem`);
  fs.writeFileSync(file, publicKey.export({ type: 'spki', format: 'pem' }));
  return JwtVerifier.load(file);
}

describe('JwtVerifier', () => {
  const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const exp = Math.floor(Date.now() / 1000) + 60;

  it('verifies ES256 with an EC P-256 key', () => {
    expect(verifierFor(ec.publicKey).verify(signJwt({ sub: 'svc', exp }, ec.privateKey, 'ES256'))).toEqual({ ok: true, principal: 'svc' });
  });

  it('refuses an alg that does not match the key, and HS256 made with the public key as secret', () => {
    const verifier = verifierFor(ec.publicKey);
    expect(verifier.verify(signJwt({ sub: 'svc', exp }, rsa.privateKey, 'RS256'))).toMatchObject({ ok: false, reason: expect.stringMatching(/alg "RS256" is not accepted/) });
    const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const data = `${enc({ alg: 'HS256' })}.${enc({ sub: 'admin' })}`;
    const secret = ec.publicKey.export({ type: 'spki', format: 'pem' });
    const hs = `${data}.${crypto.createHmac('sha256', secret).update(data).digest('base64url')}`;
    expect(verifier.verify(hs)).toMatchObject({ ok: false, reason: expect.stringMatching(/alg "HS256" is not accepted/) });
  });

  it('refuses keys it cannot use', () => {
    const ed = crypto.generateKeyPairSync('ed25519');
    expect(() => verifierFor(ed.publicKey)).toThrow(/RSA key \(RS256\) or an EC P-256 key/);
    const missing = path.join(dir, 'missing.pem');
    expect(() => JwtVerifier.load(missing)).toThrow(/JWT public key .*missing\.pem/);
  });
});
