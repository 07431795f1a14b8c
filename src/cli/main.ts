#!/usr/bin/env -S node --max-semi-space-size=32
/**
 * The `sharelog` command. The shebang (and `npm start`) give V8 a 32 MB young generation: a produce of 1000
 * records allocates a few hundred KB of short-lived objects, and the default 16 MB makes scavenges frequent
 * enough to cost a tenth of the server's CPU under load.
 */
import { Command, CommanderError } from 'commander';
import { SharelogError } from '../errors.js';
import { registerGroupCommands, registerInspectCommand, registerTopicCommands } from './admin-commands.js';
import { EXIT, addGlobalOptions, exitCodeFor } from './common.js';
import { registerDataCommands } from './data-commands.js';
import { registerLoadtestCommand } from './loadtest-command.js';
import { registerServe } from './serve.js';

const program = addGlobalOptions(
  new Command('sharelog').description('Sharelog: partitioned append logs with consumer groups and share groups over gRPC'),
)
  .showHelpAfterError()
  .exitOverride();
registerServe(program);
registerTopicCommands(program);
registerDataCommands(program);
registerGroupCommands(program);
registerInspectCommand(program);
registerLoadtestCommand(program);
// Every subcommand reports usage errors through the same exit path.
for (const command of program.commands) {
  command.exitOverride();
  for (const sub of command.commands) sub.exitOverride();
}

program.parseAsync(process.argv).then(
  () => {
    // Client commands end here; `serve` keeps the process alive on its own.
    if (process.argv[2] !== 'serve') process.exitCode = EXIT.OK;
  },
  (err: unknown) => {
    if (err instanceof CommanderError) {
      const helpOrVersion = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help';
      process.exit(helpOrVersion ? EXIT.OK : EXIT.USAGE);
    }
    if (err instanceof SharelogError) {
      console.error(`sharelog: ${err.message}`);
      process.exit(EXIT.USAGE);
    }
    process.exit(exitCodeFor(err));
  },
);
