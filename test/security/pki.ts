/** A throwaway PKI made with openssl for the security tests: a CA, server certificates and client certificates. */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { connect, type ClientOptions, type SharelogClient } from '../../src/client/client.js';

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

const EC = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

export interface Ca {
  name: string;
  cert: string;
  key: string;
}

export interface KeyPair {
  cert: string;
  key: string;
}

export class Pki {
  constructor(readonly dir: string) {}

  /** A self-signed CA: files <name>.crt and <name>.key. */
  ca(name: string): Ca {
    const cert = path.join(this.dir, `${name}.crt`);
    const key = path.join(this.dir, `${name}.key`);
    openssl(this.dir, ['req', '-x509', ...EC, '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`]);
    return { name, cert, key };
  }

  /** A certificate signed by `ca`: a server one (SAN IP:127.0.0.1, DNS:localhost) or a client one (CN = name). */
  issue(ca: Ca, name: string, kind: 'server' | 'client'): KeyPair {
    const base = path.join(this.dir, `${name}-${crypto.randomBytes(3).toString('hex')}`);
    const ext = `${base}.ext`;
    fs.writeFileSync(
      ext,
      kind === 'server'
        ? 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n'
        : 'extendedKeyUsage=clientAuth\n',
    );
    openssl(this.dir, ['req', ...EC, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${name}`]);
    openssl(this.dir, ['x509', '-req', '-in', `${base}.csr`, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', `${base}.crt`, '-days', '2', '-extfile', ext]);
    return { cert: `${base}.crt`, key: `${base}.key` };
  }
}

/** A client that fails fast: no retries, short deadline. */
export function quickClient(address: string, options: ClientOptions = {}): SharelogClient {
  return connect(address, { deadlineMs: 5_000, retry: { maxAttempts: 1 }, ...options });
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

/** Signs a JWT with node:crypto (RS256 for RSA keys, ES256 for EC keys). */
export function signJwt(claims: Record<string, unknown>, privateKey: crypto.KeyObject, alg: 'RS256' | 'ES256' = 'RS256'): string {
  const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const data = `${enc({ alg, typ: 'JWT' })}.${enc(claims)}`;
  const signature =
    alg === 'RS256'
      ? crypto.sign('sha256', Buffer.from(data), privateKey)
      : crypto.sign('sha256', Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${data}.${signature.toString('base64url')}`;
}

export { grpc };
