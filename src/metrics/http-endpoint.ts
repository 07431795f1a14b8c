/**
 * The metrics HTTP endpoint (node:http): `GET /metrics` in the Prometheus text format, `GET /healthz` (200 while
 * the server serves, 503 once it shuts down). The request handler is built in one place, metricsRequestHandler,
 * which takes an authorizer: the seam for the bearer-token rules of the gRPC API, which this endpoint will obey.
 * Until those exist the default authorizer lets every request through. Other pages (the web console,
 * src/console) plug in as `routes`; their requests go through the same authorizer.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type AuthDecision = { allowed: true } | { allowed: false; status: 401 | 403; message: string; headers?: Record<string, string> };

/** Decides whether a request may see the endpoint; called for every request, /healthz included. */
export type MetricsAuthorizer = (request: http.IncomingMessage) => AuthDecision | Promise<AuthDecision>;

export const ALLOW_ALL: MetricsAuthorizer = () => ({ allowed: true });

/** More paths served by the endpoint (the web console). Called only after the authorizer let the request in. */
export interface HttpRoutes {
  handles(pathname: string): boolean;
  handle(request: http.IncomingMessage, response: http.ServerResponse, url: URL): Promise<void>;
  /** Ends long-lived responses (event streams) before the server closes. */
  close(): Promise<void>;
}

export interface MetricsHandlerOptions {
  /** The exposition text and its content type. */
  render: () => Promise<{ contentType: string; body: string }>;
  /** False once the server shuts down. */
  healthy: () => boolean;
  authorize?: MetricsAuthorizer;
  onError?: (err: unknown) => void;
  routes?: HttpRoutes;
}

export function metricsRequestHandler(options: MetricsHandlerOptions): http.RequestListener {
  const authorize = options.authorize ?? ALLOW_ALL;
  const send = (res: http.ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers });
    res.end(body);
  };
  return (req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (path !== '/metrics' && path !== '/healthz') {
        if (!options.routes?.handles(path)) return send(res, 404, 'not found: try /metrics or /healthz\n');
        const decision = await authorize(req);
        if (!decision.allowed) return send(res, decision.status, `${decision.message}\n`, decision.headers);
        return options.routes.handle(req, res, new URL(req.url ?? '/', 'http://localhost'));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n', { allow: 'GET, HEAD' });
      const decision = await authorize(req);
      if (!decision.allowed) return send(res, decision.status, `${decision.message}\n`, decision.headers);
      if (path === '/healthz') return options.healthy() ? send(res, 200, 'ok\n') : send(res, 503, 'shutting down\n');
      const { contentType, body } = await options.render();
      send(res, 200, body, { 'content-type': contentType });
    })().catch((err: unknown) => {
      options.onError?.(err);
      if (!res.headersSent) send(res, 500, 'metrics collection failed\n');
      else res.destroy();
    });
  };
}

export interface HttpEndpoint {
  /** host:port actually bound. */
  address: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on `listen` (host:port; port 0 picks a free one; [v6] hosts allowed). */
export async function listenHttp(listen: string, handler: http.RequestListener, onError?: (err: unknown) => void): Promise<HttpEndpoint> {
  const colon = listen.lastIndexOf(':');
  const host = listen.slice(0, colon);
  const bindHost = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const server = http.createServer(handler);
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: bindHost, port: Number(listen.slice(colon + 1)) }, () => {
      server.off('error', reject);
      server.on('error', (err) => onError?.(err));
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    address: `${host}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        // A scrape in progress gets a moment to finish; then its connection goes too.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      })),
  };
}
