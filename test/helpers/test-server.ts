/**
 * An in-process server on 127.0.0.1:0 with a fresh data directory, for black-box tests through gRPC. With
 * SHARELOG_TEST_BACKEND=redis or redis-cluster (the vitest projects of those names) each server gets its own fresh
 * redis-server, or 3-master Redis Cluster, instead: the same test files check the same behaviour on every backend.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type ServerConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer, type RunningServer, type StartOptions } from '../../src/server.js';
import { connect, type TestClients } from './grpc-clients.js';
import { startRedis, startRedisCluster } from './redis-server.js';

/** The backend the tests run against: set by the vitest project (vitest.config.ts), embedded by default. */
export const TEST_BACKEND: 'embedded' | 'redis' | 'redis-cluster' =
  process.env.SHARELOG_TEST_BACKEND === 'redis' || process.env.SHARELOG_TEST_BACKEND === 'redis-cluster' ? process.env.SHARELOG_TEST_BACKEND : 'embedded';

export interface TestServer {
  server: RunningServer;
  clients: TestClients;
  dataDir: string;
  config: ServerConfig;
  /** Stops the server (graceful) and starts a new one on the same data directory. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export function tempDir(prefix = 'sharelog-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(
  overrides: Partial<Record<keyof ServerConfig, string>> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const redis =
    overrides.backend !== undefined || TEST_BACKEND === 'embedded' ? undefined : TEST_BACKEND === 'redis' ? await startRedis() : await startRedisCluster();
  const backend = redis ? { backend: 'redis', redisUrl: redis.url } : {};
  const config = loadConfig({ flags: { listen: '127.0.0.1:0', logLevel: 'silent', ...backend, ...overrides, dataDir } });
  const logger = options.logger ?? createLogger(config.logLevel);
  let server = await startServer(config, { ...options, logger });
  const handle: TestServer = {
    server,
    clients: connect(server.address),
    dataDir,
    config,
    async restart() {
      handle.clients.close();
      await server.close();
      server = await startServer({ ...config, listen: server.address }, { ...options, logger });
      handle.server = server;
      handle.clients = connect(server.address);
    },
    async stop() {
      handle.clients.close();
      await server.close();
      await redis?.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
