import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Language } from '../../shared/domain.ts';
import { phraseError } from '../../shared/i18n/errors.ts';
import { acquireWriterLock } from '../db/lock.ts';
import { keepFilesPrivate } from '../db/private.ts';
import { getSettings } from '../services/settings.ts';
import { type CliCommand, COMMANDS } from './commands.ts';
import { cliLanguage } from './language.ts';
import { asCliError, CliError, cliError, openWorkspace } from './workspace.ts';

keepFilesPrivate();

const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((name) => name.length));

async function usage(): Promise<string> {
  const lines = await Promise.all(
    Object.entries(COMMANDS).map(
      async ([name, { summary }]) =>
        `  ${name.padEnd(NAME_WIDTH)} ${typeof summary === 'string' ? summary : await summary()}`,
    ),
  );
  return `Usage: npm run kuulo -- <command> --db FILE [options] [--json]\n\nCommands:\n${lines.join('\n')}`;
}

/** The open workspace's language setting: errors from then on are printed in it. */
let workspaceLanguage: Language | null = null;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help') {
    process.stdout.write(`${await usage()}\n`);
    return name ? 0 : 1;
  }
  const command: CliCommand | undefined = COMMANDS[name];
  if (!command) throw cliError('cliUnknownCommand', { command: name });
  const { values } = parseArgs({
    args: rest,
    options: { db: { type: 'string' }, json: { type: 'boolean', default: false }, ...command.options },
    strict: true,
  });
  const dbPath = values.db;
  if (typeof dbPath !== 'string' || !dbPath) throw cliError('cliMissingDb');
  // A mistyped path must not leave an empty workspace behind.
  if (!command.creates && !existsSync(dbPath)) throw cliError('cliNoWorkspace', { path: dbPath });
  const program = `kuulo ${name}`;
  // A command that writes holds the lock from before its preparation (a restore, replacing the file)
  // to the end, so it never touches a file another process has open.
  const lock = command.readOnly ? null : asCliError(() => acquireWriterLock(dbPath, program));
  try {
    command.prepare?.(dbPath, values);
    const workspace = openWorkspace(dbPath, { readOnly: command.readOnly === true, program });
    try {
      workspaceLanguage = getSettings(workspace.ctx).language;
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
  const language = cliLanguage(process.env, workspaceLanguage);
  const message =
    error instanceof CliError && error.detail
      ? phraseError(error.detail, language)
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`kuulo: ${message.split('\n')[0]}\n`);
  process.exitCode = error instanceof CliError ? 2 : 1;
}
