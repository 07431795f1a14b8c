/**
 * Who is calling: a bearer token (tokens file, then JWT) or, with authMtls, the subject CN of the verified client
 * certificate when no token is sent. Holds the permissions too, so one reload swaps tokens, key and rules at once.
 */
import type { PeerCertificate } from 'node:tls';
import { JwtVerifier } from './jwt.js';
import { Permissions } from './permissions.js';
import { TokenTable } from './tokens.js';

export interface AuthSettings {
  authTokensFile: string;
  authJwtPublicKey: string;
  authMtls: boolean;
  authPermissionsFile: string;
}

export type Authentication = { ok: true; principal: string; via: 'token' | 'jwt' | 'mtls' } | { ok: false; reason: string };

interface State {
  tokens: TokenTable | undefined;
  jwt: JwtVerifier | undefined;
  permissions: Permissions;
}

export class Authenticator {
  private state: State;

  constructor(private readonly settings: AuthSettings) {
    this.state = Authenticator.loadState(settings);
  }

  private static loadState(settings: AuthSettings): State {
    return {
      tokens: settings.authTokensFile ? TokenTable.load(settings.authTokensFile) : undefined,
      jwt: settings.authJwtPublicKey ? JwtVerifier.load(settings.authJwtPublicKey) : undefined,
      permissions: settings.authPermissionsFile ? Permissions.load(settings.authPermissionsFile) : Permissions.allowAll(),
    };
  }

  /** Reads the files again; throws (keeping the old state) when one is broken. */
  reload(): void {
    this.state = Authenticator.loadState(this.settings);
  }

  get permissions(): Permissions {
    return this.state.permissions;
  }

  /**
   * `authorization` is the header value ("Bearer <token>") or undefined; `peer` the verified client certificate.
   */
  authenticate(authorization: string | undefined, peer: PeerCertificate | undefined): Authentication {
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      if (!match) return { ok: false, reason: 'the authorization header must be "Bearer <token>"' };
      const token = match[1];
      const { tokens, jwt } = this.state;
      const principal = tokens?.principalOf(token);
      if (principal !== undefined) return { ok: true, principal, via: 'token' };
      if (jwt && JwtVerifier.looksLikeJwt(token)) {
        const result = jwt.verify(token);
        return result.ok ? { ok: true, principal: result.principal, via: 'jwt' } : { ok: false, reason: result.reason };
      }
      return { ok: false, reason: 'the bearer token is not valid' };
    }
    if (this.settings.authMtls && peer) {
      const cn = commonName(peer);
      if (cn) return { ok: true, principal: cn, via: 'mtls' };
      return { ok: false, reason: 'the client certificate has no subject CN' };
    }
    return {
      ok: false,
      reason: this.settings.authMtls
        ? 'no credentials: send "authorization: Bearer <token>" or a client certificate'
        : 'no credentials: send "authorization: Bearer <token>"',
    };
  }
}

function commonName(peer: PeerCertificate): string | undefined {
  const cn = peer.subject?.CN as string | string[] | undefined;
  return Array.isArray(cn) ? cn[0] : cn || undefined;
}
