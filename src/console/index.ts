/**
 * The web console, served by the metrics HTTP endpoint (src/metrics/http-endpoint.ts, behind its authorizer):
 *
 * - `/` and `/static/*`: the page (src/console/static: HTML, CSS and ES modules; no build step), resolved from the
 *   package root so it works from src/ (tsx) and from dist/ (built).
 * - `/vendor/chart.umd.min.js`: Chart.js's browser build, from node_modules.
 * - `/api/...`: the JSON API of api.ts; `/api/snapshot` one snapshot; `/api/events` the live feed, Server-Sent
 *   Events with a snapshot every `intervalMs` (1 s) while anyone listens.
 */
import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot } from '../paths.js';
import { apiRoutes, errorResponse, handleApi, sendJson, type ApiSources } from './api.js';
import { RateTracker, takeSnapshot, type ConsoleSources } from './snapshot.js';

export interface WebConsoleOptions extends ApiSources, ConsoleSources {
  /** Milliseconds between two snapshots on /api/events. */
  intervalMs?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

export function staticDir(): string {
  return path.join(packageRoot(), 'src', 'console', 'static');
}

function chartJsFile(): string {
  // chart.js exports only its module entry points: its browser build sits beside them in dist/.
  const entry = createRequire(import.meta.url).resolve('chart.js');
  return path.join(path.dirname(entry), 'chart.umd.min.js');
}

type Snapshot = Awaited<ReturnType<typeof takeSnapshot>>;

export class WebConsole {
  private readonly routes;
  private readonly rates: RateTracker;
  private readonly clients = new Set<http.ServerResponse>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private latest: { at: number; data: Snapshot } | undefined;
  private taking: Promise<Snapshot> | undefined;
  private closed = false;

  constructor(private readonly options: WebConsoleOptions) {
    this.routes = apiRoutes(options);
    this.rates = new RateTracker(options.registry);
    this.intervalMs = options.intervalMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** True for the paths the console answers. */
  handles(pathname: string): boolean {
    return pathname === '/' || pathname === '/index.html' || pathname.startsWith('/static/') || pathname.startsWith('/vendor/') || pathname.startsWith('/api/');
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const p = url.pathname;
    if (p === '/api/events' || p === '/api/snapshot') {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD');
        return sendJson(res, 405, { error: 'use GET', code: 'METHOD_NOT_ALLOWED' });
      }
      if (p === '/api/snapshot') {
        try {
          return sendJson(res, 200, await this.snapshot());
        } catch (err) {
          this.options.onError?.(err);
          const { status, body } = errorResponse(err);
          return sendJson(res, status, body);
        }
      }
      return this.subscribe(req, res);
    }
    if (p.startsWith('/api/')) return handleApi(this.routes, req, res, url, this.options.onError);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('method not allowed\n');
    }
    let file: string | undefined;
    if (p === '/' || p === '/index.html') file = path.join(staticDir(), 'index.html');
    else if (p === '/vendor/chart.umd.min.js') file = chartJsFile();
    else {
      const name = /^\/static\/([a-z0-9][a-z0-9-]*\.(?:js|css|html|svg))$/.exec(p)?.[1];
      if (name) file = path.join(staticDir(), name);
    }
    if (!file) return this.notFound(res);
    let body: Buffer;
    try {
      body = await fs.promises.readFile(file);
    } catch {
      return this.notFound(res);
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private notFound(res: http.ServerResponse): void {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  }

  /** The latest snapshot when it is fresh (rates need a steady interval), else a new one. One at a time. */
  private snapshot(): Promise<Snapshot> {
    const now = this.now();
    if (this.latest && now - this.latest.at < this.intervalMs / 2) return Promise.resolve(this.latest.data);
    this.taking ??= takeSnapshot(this.options, this.rates, now)
      .then((data) => {
        this.latest = { at: now, data };
        return data;
      })
      .finally(() => (this.taking = undefined));
    return this.taking;
  }

  private subscribe(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.closed) return sendJson(res, 503, { error: 'shutting down', code: 'SHUTTING_DOWN' });
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(`retry: ${Math.max(1000, this.intervalMs)}\n\n`);
    this.clients.add(res);
    req.socket.setNoDelay(true);
    const drop = () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.stopTimer();
    };
    res.on('close', drop);
    void this.tick();
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs);
  }

  private async tick(): Promise<void> {
    if (this.clients.size === 0 || this.closed) return;
    let frame: string;
    try {
      frame = `event: snapshot\ndata: ${JSON.stringify(await this.snapshot())}\n\n`;
    } catch (err) {
      this.options.onError?.(err);
      frame = `event: failure\ndata: ${JSON.stringify(errorResponse(err).body)}\n\n`;
    }
    for (const res of this.clients) res.write(frame);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Ends the live feeds (before the HTTP server closes, so shutdown does not wait for them). */
  async close(): Promise<void> {
    this.closed = true;
    this.stopTimer();
    for (const res of this.clients) res.end();
    this.clients.clear();
    // A snapshot being taken finishes before the stores it reads close.
    await this.taking?.catch(() => undefined);
  }
}
