/**
 * The authentication and authorization interceptor of the gRPC server. On the call's metadata it finds the
 * principal (bearer token, JWT, or client certificate CN) and answers UNAUTHENTICATED when there is none; on the
 * first request message it computes what the RPC touches (src/security/rpc-permissions.ts) and answers
 * PERMISSION_DENIED, naming principal, action and resource, unless every pair is allowed. Either answer carries the
 * `sharelog-error-code` trailer. Listings (ListTopics, ListGroups) are filtered to what the principal may see.
 * Health and reflection stay open. Later messages of a stream (Subscribe credits
 * and acknowledgements) pass: the stream was authorized by its `start`.
 */
import * as grpc from '@grpc/grpc-js';
import { ErrorCode, SharelogError } from '../errors.js';
import type { Authenticator } from '../security/authenticator.js';
import { formatResource } from '../security/permissions.js';
import { isOpenMethod, requirementsOf, responseFilterOf, type GroupKindLookup } from '../security/rpc-permissions.js';
import { toServiceError } from './errors.js';

export interface AuthInterceptorOptions {
  authenticator: Authenticator;
  groupKind: GroupKindLookup;
  /** Told about every refusal (for a debug log line). */
  onRefused?: (details: { method: string; principal?: string; code: ErrorCode; message: string }) => void;
}

export function authInterceptor(options: AuthInterceptorOptions): grpc.ServerInterceptor {
  const { authenticator, groupKind } = options;
  return (methodDescriptor, call) => {
    const method = methodDescriptor.path;
    if (isOpenMethod(method)) return new grpc.ServerInterceptingCall(call);
    let principal: string | undefined;
    let refused = false;
    let authorized = false;
    const refuse = (code: ErrorCode, message: string) => {
      refused = true;
      options.onRefused?.({ method, principal, code, message });
      const { code: statusCode, details, metadata } = toServiceError(new SharelogError(code, message), method);
      call.sendStatus({ code: statusCode!, details: details!, metadata: metadata! });
    };
    const filter = responseFilterOf(method);
    const responder: grpc.Responder = {
      sendMessage: (message, next) => {
        if (!filter || principal === undefined) return next(message);
        const permissions = authenticator.permissions;
        next(filter(message, (resource) => permissions.allowsAny(principal!, resource) || permissions.allows(principal!, 'admin', { kind: 'cluster' })));
      },
      start: (next) =>
        next({
          onReceiveMetadata: (metadata, nextMetadata) => {
            const header = metadata.get('authorization')[0];
            const result = authenticator.authenticate(typeof header === 'string' ? header : header?.toString('utf8'), call.getAuthContext().sslPeerCertificate);
            if (!result.ok) return refuse(ErrorCode.UNAUTHENTICATED, `${method}: ${result.reason}`);
            principal = result.principal;
            // The token is the caller's secret: handlers and logs do not need it.
            metadata.remove('authorization');
            nextMetadata(metadata);
          },
          onReceiveMessage: (message, nextMessage) => {
            if (refused) return;
            if (!authorized) {
              const requirements = requirementsOf(method, message, groupKind);
              if (requirements === undefined) return refuse(ErrorCode.PERMISSION_DENIED, `${method} is not open to principal "${principal}"`);
              const permissions = authenticator.permissions;
              for (const { action, resource } of requirements) {
                if (!permissions.allows(principal!, action, resource)) {
                  return refuse(
                    ErrorCode.PERMISSION_DENIED,
                    `principal "${principal}" may not ${action} on ${formatResource(resource)} (${method.slice(method.lastIndexOf('.') + 1)})`,
                  );
                }
              }
              authorized = true;
            }
            nextMessage(message);
          },
          onReceiveHalfClose: (nextHalfClose) => {
            if (!refused) nextHalfClose();
          },
        }),
    };
    return new grpc.ServerInterceptingCall(call, responder);
  };
}
