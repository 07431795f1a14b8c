/**
 * Transport security and access control of one server, built from its configuration: the gRPC server
 * credentials (plaintext, TLS or mutual TLS, reloadable), the auth interceptor, and the authorizer of the HTTP
 * endpoints (metrics, console). With no authentication source configured, auth is off and everything is allowed.
 */
import * as grpc from '@grpc/grpc-js';
import type http from 'node:http';
import { authInterceptor } from '../api/auth-interceptor.js';
import { authEnabled, type ServerConfig } from '../config.js';
import { ErrorCode, SharelogError } from '../errors.js';
import type { Logger } from '../logger.js';
import { Authenticator } from './authenticator.js';
import type { Action } from './permissions.js';
import type { GroupKindLookup } from './rpc-permissions.js';
import { ReloadableTls } from './tls.js';

export { Authenticator } from './authenticator.js';
export { Permissions, formatResource, type Action, type Resource } from './permissions.js';
export { JwtVerifier } from './jwt.js';
export { TokenTable } from './tokens.js';
export { ReloadableTls } from './tls.js';
export { requirementsOf, isOpenMethod, PROTECTED_METHODS, type GroupKindLookup, type Requirement } from './rpc-permissions.js';

export type HttpAuthDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string; headers?: Record<string, string> };
export type HttpAuthorizer = (request: http.IncomingMessage) => HttpAuthDecision;

export interface ServerSecurity {
  /** Credentials to bind the gRPC port with. */
  credentials: grpc.ServerCredentials;
  tls: boolean;
  authEnabled: boolean;
  /** The interceptor to add to the gRPC server; undefined when auth is off. */
  interceptor: grpc.ServerInterceptor | undefined;
  /** The authorizer of the HTTP endpoints; undefined (allow all) when auth is off. */
  httpAuthorizer: HttpAuthorizer | undefined;
  /** Reloads certificate, key and client CA; false (old ones kept, error logged) when they are broken. */
  reloadTls(): boolean;
  /** Reloads tokens file, JWT key and permissions file; false (old ones kept, error logged) when one is broken. */
  reloadAuth(): boolean;
}

type SecurityConfig = Pick<ServerConfig, 'tlsCert' | 'tlsKey' | 'tlsClientCa' | 'authTokensFile' | 'authJwtPublicKey' | 'authMtls' | 'authPermissionsFile' | 'listen'>;

export function createSecurity(config: SecurityConfig, logger: Logger, groupKind: GroupKindLookup): ServerSecurity {
  const wrap = <T>(what: string, build: () => T): T => {
    try {
      return build();
    } catch (err) {
      throw new SharelogError(ErrorCode.INVALID_ARGUMENT, `${what}: ${(err as Error).message}`, { cause: err });
    }
  };
  const tls = config.tlsCert !== '' ? wrap('TLS', () => new ReloadableTls(config)) : undefined;
  const enabled = authEnabled(config);
  const authenticator = enabled ? wrap('auth', () => new Authenticator(config)) : undefined;
  if (!enabled && !/^(127\.|\[::1\]|localhost:)/.test(config.listen)) {
    logger.warn({ listen: config.listen }, 'auth is off and the gRPC port is not on loopback: every client may do everything');
  }
  const log = logger.child({ component: 'security' });
  return {
    credentials: tls?.credentials ?? grpc.ServerCredentials.createInsecure(),
    tls: tls !== undefined,
    authEnabled: enabled,
    interceptor: authenticator
      ? authInterceptor({
          authenticator,
          groupKind,
          onRefused: (details) => log.debug(details, 'call refused'),
        })
      : undefined,
    httpAuthorizer: authenticator ? httpAuthorizer(authenticator) : undefined,
    reloadTls: () => {
      if (!tls) return true;
      try {
        tls.reload();
        log.info({ cert: config.tlsCert, clientCa: config.tlsClientCa || undefined }, 'TLS certificates reloaded');
        return true;
      } catch (err) {
        log.error({ err: (err as Error).message }, 'TLS reload failed; keeping the certificates in use');
        return false;
      }
    },
    reloadAuth: () => {
      if (!authenticator) return true;
      try {
        authenticator.reload();
        log.info('tokens, JWT key and permissions reloaded');
        return true;
      } catch (err) {
        log.error({ err: (err as Error).message }, 'auth reload failed; keeping the tokens, key and permissions in use');
        return false;
      }
    },
  };
}

/**
 * HTTP endpoints obey the same tokens and permissions as the gRPC API (client certificates are not used there):
 * `/healthz` is open like gRPC health; `/metrics` needs `metrics` (or `admin`) on `cluster`; every other path (the
 * web console) needs `admin` on `cluster`.
 */
export function httpAuthorizer(authenticator: Authenticator): HttpAuthorizer {
  return (request) => {
    const path = (request.url ?? '/').split('?')[0];
    // Health and the console's page and assets hold no data, and a browser cannot send a bearer header when it
    // opens a page: they are open. The page then sends the token on every /api call.
    if (path === '/healthz' || path === '/' || path === '/index.html' || path.startsWith('/static/') || path.startsWith('/vendor/')) {
      return { allowed: true };
    }
    const header = request.headers.authorization;
    const result = authenticator.authenticate(header, undefined);
    if (!result.ok) {
      return { allowed: false, status: 401, message: `unauthenticated: ${result.reason}`, headers: { 'www-authenticate': 'Bearer realm="sharelog"' } };
    }
    const permissions = authenticator.permissions;
    const cluster = { kind: 'cluster' } as const;
    const needed: Action[] = path === '/metrics' ? ['metrics', 'admin'] : ['admin'];
    if (needed.some((action) => permissions.allows(result.principal, action, cluster))) return { allowed: true };
    return { allowed: false, status: 403, message: `permission denied: principal "${result.principal}" may not ${needed[0]} on cluster (${path})` };
  };
}
