#!/usr/bin/env node
/** The `sharelog` command. */
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
