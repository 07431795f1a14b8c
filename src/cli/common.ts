/**
 * What every client command shares: the server address, the output format, one client per run, and exit codes
 * scripts can trust: 0 success, 1 the server refused or failed (the gRPC status and Sharelog code are printed),
 * 2 bad usage, 3 the server could not be reached.
 */
import { status } from '@grpc/grpc-js';
import type { Command } from 'commander';
import { connect, type SharelogClient, type TlsOptions } from '../client/client.js';
import { SharelogClientError } from '../client/errors.js';

export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, UNREACHABLE: 3 } as const;

export interface GlobalOptions {
  address: string;
  output: 'table' | 'json';
  /** TLS when any of ca/cert/key is set (file paths). */
  tls?: TlsOptions;
  token?: string;
}

export function addGlobalOptions(command: Command): Command {
  return command
    .option('--address <host:port>', 'Sharelog server (env SHARELOG_ADDRESS)', process.env.SHARELOG_ADDRESS ?? '127.0.0.1:50051')
    .option('--output <format>', 'table or json', 'table')
    .option('--tls-ca <file>', 'PEM CA of the server certificate; turns TLS on (env SHARELOG_TLS_CA)', process.env.SHARELOG_TLS_CA)
    .option('--tls-cert <file>', 'PEM client certificate for mutual TLS (env SHARELOG_CLIENT_TLS_CERT)', process.env.SHARELOG_CLIENT_TLS_CERT)
    .option('--tls-key <file>', 'PEM key of --tls-cert (env SHARELOG_CLIENT_TLS_KEY)', process.env.SHARELOG_CLIENT_TLS_KEY)
    .option('--tls', 'use TLS with the system roots (implied by --tls-ca/--tls-cert)')
    .option('--token <token>', 'bearer token sent on every call (env SHARELOG_TOKEN)', process.env.SHARELOG_TOKEN);
}

export function globalOptions(command: Command): GlobalOptions {
  const opts = command.optsWithGlobals() as {
    address: string;
    output: string;
    tlsCa?: string;
    tlsCert?: string;
    tlsKey?: string;
    tls?: boolean;
    token?: string;
  };
  if (opts.output !== 'table' && opts.output !== 'json') throw new UsageError(`--output must be table or json, got ${opts.output}`);
  if ((opts.tlsCert === undefined) !== (opts.tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together');
  const useTls = opts.tls || opts.tlsCa !== undefined || opts.tlsCert !== undefined;
  return {
    address: opts.address,
    output: opts.output,
    tls: useTls ? { ca: opts.tlsCa, cert: opts.tlsCert, key: opts.tlsKey } : undefined,
    token: opts.token || undefined,
  };
}

export class UsageError extends Error {}

/** A failure worth one line on stderr and exit code 1 (not a stack trace). */
export class CliError extends Error {}

/** Runs a command body with a connected client, closing it afterwards and mapping failures to exit codes. */
export async function withClient(command: Command, body: (client: SharelogClient, options: GlobalOptions) => Promise<void>): Promise<void> {
  const options = globalOptions(command);
  let client: SharelogClient;
  try {
    client = connect(options.address, { retry: { maxAttempts: 3 }, tls: options.tls, token: options.token });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  try {
    await body(client, options);
  } finally {
    await client.close();
  }
}

/** Maps an error to a message on stderr and an exit code. */
export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) {
    process.stderr.write(`sharelog: ${err.message}\n`);
    return EXIT.USAGE;
  }
  if (err instanceof CliError) {
    process.stderr.write(`sharelog: ${err.message}\n`);
    return EXIT.FAILED;
  }
  if (err instanceof SharelogClientError) {
    // The client's message already names the status and the Sharelog error code.
    process.stderr.write(`sharelog: ${err.message}\n`);
    return err.status === status.UNAVAILABLE || err.status === status.DEADLINE_EXCEEDED ? EXIT.UNREACHABLE : EXIT.FAILED;
  }
  process.stderr.write(`sharelog: ${(err as Error)?.stack ?? err}\n`);
  return EXIT.FAILED;
}

export function parseIntOption(name: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
    return n;
  };
}

/** Prints rows as an aligned table, or as JSON. */
export function print(options: GlobalOptions, rows: Array<Record<string, unknown>>, json: unknown = rows): void {
  if (options.output === 'json') {
    process.stdout.write(JSON.stringify(json, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n');
    return;
  }
  process.stdout.write(table(rows));
}

export function table(rows: Array<Record<string, unknown>>): string {
  if (rows.length === 0) return '(none)\n';
  const columns = Object.keys(rows[0]);
  const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd() + '\n';
  return line(columns.map((c) => c.toUpperCase())) + cells.map(line).join('');
}
