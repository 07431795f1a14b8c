/**
 * Server configuration. Every setting is declared once in SETTINGS and reaches the server from, in order of
 * precedence: a `sharelog serve` flag, a `SHARELOG_*` environment variable, a JSON config file (`--config` or
 * SHARELOG_CONFIG), the default. Values are validated at start-up; a bad one stops the server with a message
 * that names the setting and where it came from.
 */
import fs from 'node:fs';
import { invalidArgument } from './errors.js';
import { parseFsyncPolicy, type FsyncPolicy } from './log/fsync-policy.js';

export interface ServerConfig {
  listen: string;
  dataDir: string;
  backend: 'embedded' | 'redis';
  /** redis:// URL of one Redis, or comma-separated host:port seeds of a Redis Cluster (backend redis). */
  redisUrl: string;
  fsync: FsyncPolicy;
  segmentBytes: number;
  indexIntervalBytes: number;
  retentionMs: number;
  retentionBytes: number;
  retentionCheckMs: number;
  maxMessageBytes: number;
  maxFetchWaitMs: number;
  maxRecordBytes: number;
  maxRecordsPerProduce: number;
  maxTopics: number;
  maxTotalPartitions: number;
  maxInFlightRecordsPerMember: number;
  produceByteRate: number;
  fetchByteRate: number;
  shutdownTimeoutMs: number;
  logLevel: string;
  /** host:port of the Prometheus endpoint; '' when metrics are off. */
  metricsListen: string;
  /** PEM certificate chain of the gRPC port; '' serves plaintext. With tlsKey. */
  tlsCert: string;
  /** PEM private key of tlsCert. */
  tlsKey: string;
  /** PEM CA bundle; when set, clients must present a certificate it signed (mutual TLS). */
  tlsClientCa: string;
  /** JSON file {"tokens": {"<token>": "<principal>"}}; '' for none. */
  authTokensFile: string;
  /** PEM public key (RSA or EC P-256) that verifies RS256/ES256 JWT bearer tokens; '' for none. */
  authJwtPublicKey: string;
  /** Client certificate subject CNs become principals (needs tlsClientCa). */
  authMtls: boolean;
  /** JSON file of permissions per principal; '' lets every authenticated principal do everything. */
  authPermissionsFile: string;
}

type Parser<T> = (text: string) => T;

interface Setting<K extends keyof ServerConfig> {
  key: K;
  flag: string;
  env: string;
  default: string;
  parse: Parser<ServerConfig[K]>;
  doc: string;
}

const integer =
  (min: number, max: number): Parser<number> =>
  (text) => {
    const n = Number(text);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new RangeError(`must be an integer from ${min} to ${max}`);
    return n;
  };

const oneOf =
  <T extends string>(...values: T[]): Parser<T> =>
  (text) => {
    if (!values.includes(text as T)) throw new RangeError(`must be one of ${values.join(', ')}`);
    return text as T;
  };

const hostPort: Parser<string> = (text) => {
  const match = /^(.+):(\d{1,5})$/.exec(text);
  if (!match || Number(match[2]) > 65535) throw new RangeError('must be host:port (port 0 picks a free one)');
  return text;
};

const optionalHostPort: Parser<string> = (text) => (text === '' ? '' : hostPort(text));

const anyText: Parser<string> = (text) => text;

/** One redis:// URL, or several host:port seeds of a Cluster. */
const redisUrl: Parser<string> = (text) => {
  const seeds = text.split(',').map((seed) => seed.trim());
  for (const seed of seeds) {
    let url: URL;
    try {
      url = new URL(seed.includes('://') ? seed : `redis://${seed}`);
    } catch {
      throw new Error(`"${seed}" is not a redis:// URL or host:port`);
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error(`"${seed}" must use redis:// or rediss://`);
    if (!url.hostname) throw new Error(`"${seed}" has no host`);
  }
  return text;
};

const boolean: Parser<boolean> = (text) => {
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0' || text === '') return false;
  throw new RangeError('must be true or false');
};

function setting<K extends keyof ServerConfig>(s: Setting<K>): Setting<K> {
  return s;
}

export const SETTINGS = [
  setting({ key: 'listen', flag: 'listen', env: 'SHARELOG_LISTEN', default: '127.0.0.1:50051', parse: hostPort, doc: 'gRPC listen address (host:port)' }),
  setting({ key: 'dataDir', flag: 'data-dir', env: 'SHARELOG_DATA_DIR', default: './data', parse: anyText, doc: 'where the embedded backend keeps logs and group state' }),
  setting({ key: 'backend', flag: 'backend', env: 'SHARELOG_BACKEND', default: 'embedded', parse: oneOf('embedded', 'redis'), doc: 'embedded (files under the data dir, one server) or redis (state in Redis, many servers)' }),
  setting({ key: 'redisUrl', flag: 'redis-url', env: 'SHARELOG_REDIS_URL', default: 'redis://127.0.0.1:6379', parse: redisUrl, doc: 'backend redis: redis://host:port, or host:port,host:port,... seeds of a Redis Cluster' }),
  setting({ key: 'fsync', flag: 'fsync', env: 'SHARELOG_FSYNC', default: 'always', parse: parseFsyncPolicy, doc: 'always | interval:<ms> | never (see Durability)' }),
  setting({ key: 'segmentBytes', flag: 'segment-bytes', env: 'SHARELOG_SEGMENT_BYTES', default: String(128 * 1024 * 1024), parse: integer(1024, 2 ** 31 - 1), doc: 'a segment rolls when it would grow past this' }),
  setting({ key: 'indexIntervalBytes', flag: 'index-interval-bytes', env: 'SHARELOG_INDEX_INTERVAL_BYTES', default: '4096', parse: integer(1, 2 ** 31 - 1), doc: 'bytes of log between two sparse index entries' }),
  setting({ key: 'retentionMs', flag: 'retention-ms', env: 'SHARELOG_RETENTION_MS', default: String(7 * 24 * 3600 * 1000), parse: integer(-1, Number.MAX_SAFE_INTEGER), doc: 'default topic retention by time; -1 keeps records forever' }),
  setting({ key: 'retentionBytes', flag: 'retention-bytes', env: 'SHARELOG_RETENTION_BYTES', default: '-1', parse: integer(-1, Number.MAX_SAFE_INTEGER), doc: 'default per-partition retention by size; -1 is no limit' }),
  setting({ key: 'retentionCheckMs', flag: 'retention-check-ms', env: 'SHARELOG_RETENTION_CHECK_MS', default: '30000', parse: integer(100, 3_600_000), doc: 'how often retention runs' }),
  setting({ key: 'maxMessageBytes', flag: 'max-message-bytes', env: 'SHARELOG_MAX_MESSAGE_BYTES', default: String(16 * 1024 * 1024), parse: integer(1024, 512 * 1024 * 1024), doc: 'largest gRPC message accepted or sent' }),
  setting({ key: 'maxFetchWaitMs', flag: 'max-fetch-wait-ms', env: 'SHARELOG_MAX_FETCH_WAIT_MS', default: '30000', parse: integer(0, 300_000), doc: 'upper bound on a long-poll max_wait_ms' }),
  setting({ key: 'maxRecordBytes', flag: 'max-record-bytes', env: 'SHARELOG_MAX_RECORD_BYTES', default: String(1024 * 1024), parse: integer(1, 512 * 1024 * 1024), doc: 'largest record (key + value + headers)' }),
  setting({ key: 'maxRecordsPerProduce', flag: 'max-records-per-produce', env: 'SHARELOG_MAX_RECORDS_PER_PRODUCE', default: '100000', parse: integer(1, 10_000_000), doc: 'most records in one Produce request' }),
  setting({ key: 'maxTopics', flag: 'max-topics', env: 'SHARELOG_MAX_TOPICS', default: '10000', parse: integer(1, 1_000_000), doc: 'most topics on the server' }),
  setting({ key: 'maxTotalPartitions', flag: 'max-total-partitions', env: 'SHARELOG_MAX_TOTAL_PARTITIONS', default: '100000', parse: integer(1, 10_000_000), doc: 'most partitions over all topics' }),
  setting({ key: 'maxInFlightRecordsPerMember', flag: 'max-in-flight-records-per-member', env: 'SHARELOG_MAX_IN_FLIGHT_RECORDS_PER_MEMBER', default: '10000', parse: integer(1, 10_000_000), doc: 'most records one share-group member may hold' }),
  setting({ key: 'produceByteRate', flag: 'produce-byte-rate', env: 'SHARELOG_PRODUCE_BYTE_RATE', default: '0', parse: integer(0, Number.MAX_SAFE_INTEGER), doc: 'per-principal produce quota in bytes/s; 0 is off' }),
  setting({ key: 'fetchByteRate', flag: 'fetch-byte-rate', env: 'SHARELOG_FETCH_BYTE_RATE', default: '0', parse: integer(0, Number.MAX_SAFE_INTEGER), doc: 'per-principal fetch quota in bytes/s; 0 is off' }),
  setting({ key: 'shutdownTimeoutMs', flag: 'shutdown-timeout-ms', env: 'SHARELOG_SHUTDOWN_TIMEOUT_MS', default: '10000', parse: integer(0, 600_000), doc: 'how long a graceful shutdown waits for RPCs in flight' }),
  setting({ key: 'logLevel', flag: 'log-level', env: 'SHARELOG_LOG_LEVEL', default: 'info', parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'), doc: 'log level (JSON logs on stdout)' }),
  setting({ key: 'metricsListen', flag: 'metrics-listen', env: 'SHARELOG_METRICS_LISTEN', default: '', parse: optionalHostPort, doc: 'Prometheus endpoint (host:port) serving /metrics and /healthz; empty turns metrics off' }),
  setting({ key: 'tlsCert', flag: 'tls-cert', env: 'SHARELOG_TLS_CERT', default: '', parse: anyText, doc: 'PEM certificate (chain) file of the gRPC port; empty serves plaintext (reloaded on SIGHUP)' }),
  setting({ key: 'tlsKey', flag: 'tls-key', env: 'SHARELOG_TLS_KEY', default: '', parse: anyText, doc: 'PEM private key file of --tls-cert' }),
  setting({ key: 'tlsClientCa', flag: 'tls-client-ca', env: 'SHARELOG_TLS_CLIENT_CA', default: '', parse: anyText, doc: 'PEM CA file; clients must present a certificate it signed (mutual TLS)' }),
  setting({ key: 'authTokensFile', flag: 'auth-tokens-file', env: 'SHARELOG_AUTH_TOKENS_FILE', default: '', parse: anyText, doc: 'JSON file {"tokens": {"<token>": "<principal>"}} of bearer tokens; turns auth on' }),
  setting({ key: 'authJwtPublicKey', flag: 'auth-jwt-public-key', env: 'SHARELOG_AUTH_JWT_PUBLIC_KEY', default: '', parse: anyText, doc: 'PEM public key verifying RS256/ES256 JWT bearer tokens (principal = sub); turns auth on' }),
  setting({ key: 'authMtls', flag: 'auth-mtls', env: 'SHARELOG_AUTH_MTLS', default: 'false', parse: boolean, doc: 'client certificate CN is the principal when no token is sent (needs --tls-client-ca); turns auth on' }),
  setting({ key: 'authPermissionsFile', flag: 'auth-permissions-file', env: 'SHARELOG_AUTH_PERMISSIONS_FILE', default: '', parse: anyText, doc: 'JSON file of permissions per principal (see README, Security); without it every authenticated principal may do everything' }),
] as const;

export interface ConfigSources {
  /** Flag values by setting key (already parsed by the CLI as strings). */
  flags?: Partial<Record<keyof ServerConfig, string>>;
  env?: NodeJS.ProcessEnv;
  /** Path of a JSON file whose keys are setting keys (camelCase), e.g. {"listen": "127.0.0.1:6000"}. */
  configFile?: string;
}

export function loadConfig(sources: ConfigSources = {}): ServerConfig {
  const env = sources.env ?? {};
  const file = sources.configFile ?? env.SHARELOG_CONFIG;
  let fileValues: Record<string, unknown> = {};
  if (file) {
    try {
      fileValues = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw invalidArgument(`config file ${file}: ${(err as Error).message}`);
    }
    const known = new Set<string>(SETTINGS.map((s) => s.key));
    for (const key of Object.keys(fileValues)) {
      if (!known.has(key)) throw invalidArgument(`config file ${file}: unknown setting "${key}"`);
    }
  }
  const config: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    let text = s.default;
    let source = 'default';
    if (fileValues[s.key] !== undefined) {
      text = String(fileValues[s.key]);
      source = `config file ${file}`;
    }
    if (env[s.env] !== undefined) {
      text = env[s.env] as string;
      source = `environment variable ${s.env}`;
    }
    const flag = sources.flags?.[s.key];
    if (flag !== undefined) {
      text = flag;
      source = `flag --${s.flag}`;
    }
    try {
      config[s.key] = (s.parse as Parser<unknown>)(text);
    } catch (err) {
      throw invalidArgument(`${s.key} from ${source} is invalid (${JSON.stringify(text)}): ${(err as Error).message}`);
    }
  }
  checkSecuritySettings(config as unknown as ServerConfig);
  return config as unknown as ServerConfig;
}

/** Settings that only make sense together. */
function checkSecuritySettings(config: ServerConfig): void {
  if ((config.tlsCert === '') !== (config.tlsKey === '')) throw invalidArgument('tlsCert and tlsKey must be set together (--tls-cert, --tls-key)');
  if (config.tlsClientCa !== '' && config.tlsCert === '') throw invalidArgument('tlsClientCa (mutual TLS) needs tlsCert and tlsKey');
  if (config.authMtls && config.tlsClientCa === '') throw invalidArgument('authMtls needs tlsClientCa: principals come from client certificates');
  if (config.authPermissionsFile !== '' && !authEnabled(config)) {
    throw invalidArgument('authPermissionsFile needs a way to authenticate: authTokensFile, authJwtPublicKey or authMtls');
  }
}

/** Authentication (and so authorization) is on when some way to authenticate is configured. */
export function authEnabled(config: Pick<ServerConfig, 'authTokensFile' | 'authJwtPublicKey' | 'authMtls'>): boolean {
  return config.authTokensFile !== '' || config.authJwtPublicKey !== '' || config.authMtls;
}
