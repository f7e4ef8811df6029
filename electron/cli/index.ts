#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { acquireWriterLock } from '../db/lock.ts';
import { keepFilesPrivate } from '../db/private.ts';
import { type CliCommand, COMMANDS } from './commands.ts';
import { asCliError, CliError, openWorkspace } from './workspace.ts';

keepFilesPrivate();

const USAGE = `Usage: npm run kuulo -- <command> --db FILE [options] [--json]

Commands:
${Object.entries(COMMANDS)
  .map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`)
  .join('\n')}`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return name ? 0 : 1;
  }
  const command: CliCommand | undefined = COMMANDS[name];
  if (!command) throw new CliError(`Unknown command "${name}". Run "npm run kuulo -- help" for the list.`);
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, ...command.options },
    strict: true,
  });
  const dbPath = values.db;
  if (typeof dbPath !== 'string' || !dbPath)
    throw new CliError('Missing --db FILE: the workspace file to use.');
  // A mistyped path must not leave an empty workspace behind.
  if (!command.creates && !existsSync(dbPath))
    throw new CliError(
      `No workspace at ${dbPath}. Check the path, or make a sample one with "kuulo demo --db FILE".`,
    );
  const program = `kuulo ${name}`;
  // A command that writes holds the lock from before its preparation (a restore, replacing the file)
  // to the end, so it never touches a file another process has open.
  const lock = command.readOnly ? null : asCliError(() => acquireWriterLock(dbPath, program));
  try {
    command.prepare?.(dbPath, values);
    const workspace = openWorkspace(dbPath, { readOnly: command.readOnly === true, program });
    try {
      const output = await command.run(workspace.call, values, workspace.ctx);
      process.stdout.write(values.json ? `${JSON.stringify(output.json, null, 2)}\n` : `${output.text}\n`);
    } finally {
      workspace.close();
    }
  } finally {
    lock?.release();
  }
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`kuulo: ${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof CliError ? 2 : 1;
}
