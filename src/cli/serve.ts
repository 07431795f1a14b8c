/** `sharelog serve`: runs the server until SIGTERM/SIGINT, then shuts down gracefully. */
import type { Command } from 'commander';
import { SETTINGS, loadConfig, type ServerConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { startServer } from '../server.js';

function camelToFlag(setting: (typeof SETTINGS)[number]): string {
  return setting.flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function registerServe(program: Command): void {
  const serve = program.command('serve').description('run the Sharelog server');
  for (const s of SETTINGS) {
    serve.option(`--${s.flag} <value>`, `${s.doc} (env ${s.env}, default ${JSON.stringify(s.default)})`);
  }
  serve.option('--config <file>', 'JSON config file with setting names as keys (env SHARELOG_CONFIG)');
  serve.action(async (opts: Record<string, string>) => {
    // --tls-cert and --tls-key are also global client options (the CLI's own certificate); on the serve command
    // line the global ones catch them, so they are taken back from there when given on the command line.
    const root = serve.parent;
    for (const key of ['tlsCert', 'tlsKey']) {
      if (opts[key] === undefined && root?.getOptionValueSource(key) === 'cli') opts[key] = root.opts()[key] as string;
    }
    const flags: Partial<Record<keyof ServerConfig, string>> = {};
    for (const s of SETTINGS) {
      const value = opts[camelToFlag(s)];
      if (value !== undefined) flags[s.key] = value;
    }
    const config = loadConfig({ flags, env: process.env, configFile: opts.config });
    const logger = createLogger(config.logLevel);
    const server = await startServer(config, { logger });
    let signals = 0;
    const stop = (signal: string) => {
      signals++;
      if (signals > 1) {
        logger.warn({ signal }, 'second signal: exiting without waiting');
        process.exit(1);
      }
      logger.info({ signal }, 'signal received');
      server.close().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    // SIGHUP reloads certificates, tokens, JWT key and permissions; broken files are logged and the old ones kept.
    process.on('SIGHUP', () => {
      logger.info({ signal: 'SIGHUP' }, 'reloading TLS and auth files');
      server.reloadTls();
      server.reloadAuth();
    });
  });
}
