/**
 * Metrics of one server: its own prom-client Registry, the SharelogMetrics handed to domain code, the gRPC
 * interceptor, the scrape-time gauges and the HTTP endpoint. The metric list, labels and cardinality limits are
 * in src/metrics/README.md; the seam domain code sees is src/metrics/types.ts.
 */
import type * as grpc from '@grpc/grpc-js';
import { Registry } from 'prom-client';
import { rpcMetricsInterceptor } from './grpc-interceptor.js';
import { listenHttp, metricsRequestHandler, type HttpEndpoint, type HttpRoutes, type MetricsAuthorizer } from './http-endpoint.js';
import { PrometheusMetrics, processRegistry } from './recorder.js';
import { DEFAULT_MAX_SERIES, registerScrapeGauges, type ScrapeSources } from './scrape-gauges.js';

export { NO_METRICS, type SharelogMetrics } from './types.js';
export { countingAppends, countingReads } from './log-store-counters.js';
export type { MetricsAuthorizer, AuthDecision, HttpEndpoint, HttpRoutes } from './http-endpoint.js';
export type { ScrapeSources } from './scrape-gauges.js';

export class ServerMetrics {
  readonly registry = new Registry();
  readonly recorder = new PrometheusMetrics(this.registry);

  /** The interceptor that records sharelog_rpc_duration_seconds and sharelog_rpc_requests_total. */
  interceptor(): grpc.ServerInterceptor {
    return rpcMetricsInterceptor(this.recorder);
  }

  /** Adds the gauges computed at scrape time from the stores. */
  observe(sources: ScrapeSources, maxSeries: number = DEFAULT_MAX_SERIES): void {
    registerScrapeGauges(this.registry, sources, maxSeries);
  }

  /** This server's metrics followed by the process metrics, in the Prometheus text format. */
  async render(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([this.registry, processRegistry()]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }

  /** Serves GET /metrics and GET /healthz on `listen`, and the paths of `routes` (the web console). */
  async listen(
    listen: string,
    options: { healthy: () => boolean; authorize?: MetricsAuthorizer; onError?: (err: unknown) => void; routes?: HttpRoutes },
  ): Promise<HttpEndpoint> {
    const handler = metricsRequestHandler({ render: () => this.render(), ...options });
    const endpoint = await listenHttp(listen, handler, options.onError);
    return {
      ...endpoint,
      close: async () => {
        await options.routes?.close();
        await endpoint.close();
      },
    };
  }
}
