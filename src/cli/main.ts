#!/usr/bin/env -S node --max-semi-space-size=32
/**
 * The `sharelog` command. The shebang (and `npm start`) give V8 a 32 MB young generation: a produce of 1000
 * records allocates a few hundred KB of short-lived objects, and the default 16 MB makes scavenges frequent
 * enough to cost a tenth of the server's CPU under load.
 */
import { Command, CommanderError } from 'commander';
import { SharelogError } from '../errors.js';
import { registerServe } from './serve.js';

const program = new Command('sharelog')
  .description('Sharelog: partitioned append logs with consumer groups and share groups over gRPC')
  .showHelpAfterError()
  .exitOverride();
registerServe(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  if (err instanceof SharelogError) {
    console.error(`sharelog: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
