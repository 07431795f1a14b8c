/**
 * Verification of JWT bearer tokens with a public key, on node:crypto alone: RS256 (RSA key) and ES256 (EC P-256
 * key) signatures, `exp` and `nbf` checked (no leeway), the principal is `sub`. Any other alg (none, HS256, ...)
 * is refused: a public key must never be used as an HMAC secret.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export type JwtResult = { ok: true; principal: string } | { ok: false; reason: string };

export class JwtVerifier {
  private constructor(private readonly key: crypto.KeyObject) {}

  static load(file: string): JwtVerifier {
    let key: crypto.KeyObject;
    try {
      key = crypto.createPublicKey(fs.readFileSync(file));
    } catch (err) {
      throw new Error(`JWT public key ${file}: ${(err as Error).message}`);
    }
    if (key.asymmetricKeyType !== 'rsa' && !(key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')) {
      throw new Error(`JWT public key ${file}: must be an RSA key (RS256) or an EC P-256 key (ES256), got ${key.asymmetricKeyType}`);
    }
    return new JwtVerifier(key);
  }

  static looksLikeJwt(token: string): boolean {
    return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token);
  }

  verify(token: string, nowMs = Date.now()): JwtResult {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'not a JWT' };
    let header: { alg?: unknown };
    let claims: { sub?: unknown; exp?: unknown; nbf?: unknown };
    try {
      header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
      claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed JWT' };
    }
    const expected = this.key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
    if (header.alg !== expected) return { ok: false, reason: `JWT alg ${JSON.stringify(header.alg)} is not accepted (the key verifies ${expected})` };
    const data = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    const valid =
      expected === 'RS256'
        ? crypto.verify('sha256', data, { key: this.key, padding: crypto.constants.RSA_PKCS1_PADDING }, signature)
        : crypto.verify('sha256', data, { key: this.key, dsaEncoding: 'ieee-p1363' }, signature);
    if (!valid) return { ok: false, reason: 'JWT signature is invalid' };
    const now = nowMs / 1000;
    if (claims.exp !== undefined && (typeof claims.exp !== 'number' || now >= claims.exp)) {
      return { ok: false, reason: `JWT expired at ${formatTime(claims.exp)}` };
    }
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || now < claims.nbf)) {
      return { ok: false, reason: `JWT is not valid before ${formatTime(claims.nbf)}` };
    }
    if (typeof claims.sub !== 'string' || claims.sub === '') return { ok: false, reason: 'JWT has no sub claim' };
    return { ok: true, principal: claims.sub };
  }
}

function formatTime(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : JSON.stringify(seconds);
}
