/**
 * The composition root: configuration -> backend -> coordinators -> gRPC server. Nothing else wires parts
 * together. `startServer` returns a handle whose `close()` is the graceful shutdown: stop accepting, let RPCs in
 * flight finish (long-polls are woken), flush and close the storage.
 */
import type * as grpc from '@grpc/grpc-js';
import { topicAdminHandlers } from './api/admin-service.js';
import { bind, buildGrpcServer, setServing } from './api/grpc-server.js';
import type { HandlerContext } from './api/handler.js';
import { producerService } from './api/producer-service.js';
import { shareAdminHandlers } from './api/share-admin-handlers.js';
import { shareConsumerService } from './api/share-consumer-service.js';
import { groupAdminHandlers } from './api/group-admin-handlers.js';
import { ShareAdmin } from './share-group/share-admin.js';
import { ShareCoordinator } from './share-group/share-coordinator.js';
import { ConsumerCoordinator } from './consumer-group/consumer-coordinator.js';
import { ConsumerAdmin } from './consumer-group/consumer-admin.js';
import { consumerService } from './api/consumer-service.js';
import { consumerAdminHandlers } from './api/consumer-admin-handlers.js';
import { systemClock, type Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import { ErrorCode, SharelogError } from './errors.js';
import { formatFsyncPolicy } from './log/fsync-policy.js';
import { createLogger, type Logger } from './logger.js';
import { openBackend } from './storage/backend.js';
import type { LogStore } from './storage/types.js';
import { WebConsole } from './console/index.js';
import { createSecurity } from './security/index.js';
import { Quota, resolveLimits } from './limits.js';
import { NO_METRICS, ServerMetrics, countingAppends, countingReads, type HttpEndpoint, type MetricsAuthorizer } from './metrics/index.js';

export interface StartOptions {
  logger?: Logger;
  clock?: Clock;
  interceptors?: grpc.ServerInterceptor[];
  /** Who may read the metrics endpoint: the seam for the API's authentication rules. Everyone by default. */
  metricsAuthorizer?: MetricsAuthorizer;
}

export interface RunningServer {
  /** host:port actually bound (the port is resolved when the config asked for port 0). */
  address: string;
  port: number;
  /** host:port the metrics endpoint actually bound; undefined when metrics are off. */
  metricsAddress: string | undefined;
  logStore: LogStore;
  shareCoordinator: ShareCoordinator;
  /** Reloads the TLS certificate, key and client CA from their files (SIGHUP); false keeps the old ones. */
  reloadTls(): boolean;
  /** Reloads the tokens file, JWT public key and permissions file (SIGHUP); false keeps the old ones. */
  reloadAuth(): boolean;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  // Metrics off: no registry, no interceptor, no port; domain code gets the no-op recorder.
  const serverMetrics = config.metricsListen !== '' ? new ServerMetrics() : undefined;
  const metrics = serverMetrics?.recorder ?? NO_METRICS;
  // Before any file is opened: broken certificates, tokens or permissions stop the start with a clear message.
  // The group lookup runs at call time, once the coordinators below exist.
  const security = createSecurity(config, logger, (groupId) =>
    consumerCoordinator?.has(groupId) ? 'consumer' : shareCoordinator.registry.groups.has(groupId) ? 'share' : undefined,
  );
  const limits = resolveLimits({
    maxRecordBytes: config.maxRecordBytes,
    maxRecordsPerProduce: config.maxRecordsPerProduce,
    maxTopics: config.maxTopics,
    maxTotalPartitions: config.maxTotalPartitions,
    maxInFlightRecordsPerMember: config.maxInFlightRecordsPerMember,
    produceQuota: config.produceByteRate > 0 ? new Quota({ name: 'produce_byte_rate', bytesPerSecond: config.produceByteRate, clock }) : undefined,
    fetchQuota: config.fetchByteRate > 0 ? new Quota({ name: 'fetch_byte_rate', bytesPerSecond: config.fetchByteRate, clock }) : undefined,
  });
  const backend = await openBackend(config, { clock: options.clock, limits, metrics, logger });
  const { logStore, shareStore, consumerStore, clock: backendClock } = backend;
  // A group id names one kind of group: each coordinator refuses the ids of the other.
  let consumerCoordinator: ConsumerCoordinator | undefined;
  const shareCoordinator = new ShareCoordinator({
    logStore,
    stateStore: shareStore,
    clock: backendClock,
    logger: logger.child({ component: 'share-groups' }),
    isOtherKind: (groupId) => consumerCoordinator?.has(groupId) ?? false,
    metrics,
    limits,
    sync: backend.sync,
  });
  consumerCoordinator = new ConsumerCoordinator(
    logStore,
    consumerStore,
    backendClock,
    logger.child({ component: 'consumer-groups' }),
    (groupId) => shareCoordinator.registry.groups.has(groupId),
    backend.sync,
  );
  await shareCoordinator.start();
  await consumerCoordinator.start();
  const shareAdmin = new ShareAdmin(shareCoordinator, shareStore, logStore);
  const consumerAdmin = new ConsumerAdmin(consumerCoordinator, logStore);
  const closeGroups = async () => {
    consumerCoordinator!.close();
    await shareCoordinator.close();
    await backend.closeGroups();
  };

  serverMetrics?.observe({ logStore, shareGroups: shareAdmin, consumerGroups: consumerAdmin });

  const shutdown = new AbortController();
  const ctx: HandlerContext = { logger, shutdown: shutdown.signal, maxWaitMs: config.maxFetchWaitMs };
  // The metrics interceptor goes first: innermost, it sees the statuses other interceptors (auth) answer with.
  // Auth comes next, so refusals are counted; it is absent when auth is off.
  const interceptors = [
    ...(serverMetrics ? [serverMetrics.interceptor()] : []),
    ...(security.interceptor ? [security.interceptor] : []),
    ...(options.interceptors ?? []),
  ];
  const { server, health } = buildGrpcServer(
    {
      producer: producerService(serverMetrics ? countingAppends(logStore, metrics) : logStore, ctx, limits),
      consumer: consumerService(serverMetrics ? countingReads(logStore, metrics) : logStore, consumerCoordinator, ctx, limits),
      shareConsumer: shareConsumerService(shareCoordinator, ctx),
      admin: {
        ...topicAdminHandlers(logStore, ctx, {
          async forgetTopic(name) {
            await shareAdmin.forgetTopic(name);
            await consumerCoordinator.forgetTopic(name);
          },
        }),
        ...shareAdminHandlers(shareAdmin, ctx),
        ...consumerAdminHandlers(consumerAdmin, ctx),
        ...groupAdminHandlers({ share: shareAdmin, shareCoordinator, consumer: consumerAdmin, consumerCoordinator }, ctx),
      },
    },
    { maxMessageBytes: config.maxMessageBytes, interceptors },
  );

  let serving = false;
  let metricsEndpoint: HttpEndpoint | undefined;
  if (serverMetrics) {
    try {
      metricsEndpoint = await serverMetrics.listen(config.metricsListen, {
        healthy: () => serving,
        authorize: options.metricsAuthorizer ?? security.httpAuthorizer,
        onError: (err) => logger.error({ err }, 'metrics endpoint failed'),
        // The web console (src/console) on the same port, behind the same authorizer.
        routes: new WebConsole({
          logStore,
          shareAdmin,
          consumerAdmin,
          consumerCoordinator,
          registry: serverMetrics.registry,
          onError: (err) => logger.error({ err }, 'web console request failed'),
        }),
      });
    } catch (err) {
      server.forceShutdown();
      await closeGroups();
      await logStore.close();
      throw new SharelogError(ErrorCode.INVALID_ARGUMENT, `cannot listen on ${config.metricsListen} (metricsListen): ${(err as Error).message}`, {
        cause: err,
      });
    }
  }

  let port: number;
  try {
    port = await bind(server, config.listen, security.credentials);
  } catch (err) {
    await metricsEndpoint?.close();
    await closeGroups();
    await logStore.close();
    throw new SharelogError(ErrorCode.INVALID_ARGUMENT, `cannot listen on ${config.listen}: ${(err as Error).message}`, { cause: err });
  }
  setServing(health, true);
  serving = true;
  const host = config.listen.slice(0, config.listen.lastIndexOf(':'));
  const address = `${host}:${port}`;
  const metricsAddress = metricsEndpoint?.address;
  logger.info(
    { address, metricsAddress, backend: config.backend, state: backend.location, fsync: config.backend === 'embedded' ? formatFsyncPolicy(config.fsync) : undefined },
    'sharelog serving',
  );
  logger.info({ tls: security.tls, mutualTls: config.tlsClientCa !== '', auth: security.authEnabled }, security.authEnabled ? 'auth is on' : 'auth is off: every client may do everything');

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      logger.info('shutting down: draining RPCs in flight');
      setServing(health, false);
      serving = false;
      shutdown.abort();
      await new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'RPCs still running at the shutdown timeout; cancelling them');
          server.forceShutdown();
          resolve();
        }, config.shutdownTimeoutMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      });
      // After the RPCs, before the stores: a scrape during the drain still works, and none reads a closed store.
      await metricsEndpoint?.close();
      await closeGroups();
      await logStore.close();
      logger.info('shutdown complete');
    })());

  return { address, port, metricsAddress, logStore, shareCoordinator, reloadTls: security.reloadTls, reloadAuth: security.reloadAuth, close };
}
