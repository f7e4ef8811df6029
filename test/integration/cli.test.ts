import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../electron/db/connection.ts';
import { connect } from '../helpers/workspace.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI the way `npm run kuulo --` does, on this test's Node, in an English locale. */
function kuulo(...args: string[]) {
  return kuuloIn({ LANG: 'C.UTF-8' }, ...args);
}

/** The same with the locale variables set as given (and no others, so the machine's do not leak in). */
function kuuloIn(locale: Record<string, string>, ...args: string[]) {
  const env = { ...process.env };
  for (const name of ['KUULO_LANG', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...env, ...locale },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('CLI', () => {
  test('demo, then engagements --json lists the 4 demo engagements', () => {
    expect(kuulo('demo', '--db', db).code).toBe(0);
    const listed = kuulo('engagements', '--db', db, '--json');
    expect(listed.code).toBe(0);
    const engagements = JSON.parse(listed.stdout) as { id: string; language: string }[];
    expect(engagements).toHaveLength(4);
    expect(engagements.filter((e) => e.language === 'fi')).toHaveLength(2);
    // The help names as many as the demo made.
    const help = kuulo('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ {2}demo +create a sample workspace \(4 engagements\);/m);
  });

  test('demo refuses an existing file unless --force, and with --force keeps a copy of it first', () => {
    const refused = kuulo('demo', '--db', db);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/already exists.*--force/);
    const before = JSON.parse(kuulo('engagements', '--db', db, '--json').stdout) as { id: string }[];
    const forced = kuulo('demo', '--db', db, '--force', '--json');
    expect(forced.code).toBe(0);
    const { keptAs } = JSON.parse(forced.stdout) as { keptAs: string };
    expect(existsSync(keptAs)).toBe(true);
    // The copy opens as the workspace it was, with the ids the replaced file had.
    const copied = JSON.parse(kuulo('engagements', '--db', keptAs, '--json').stdout) as { id: string }[];
    expect(copied.map((e) => e.id)).toEqual(before.map((e) => e.id));
    expect(JSON.parse(kuulo('engagements', '--db', db, '--json').stdout)).toHaveLength(4);
  });

  test('the workspace, its journal, backups and their folder are private to the user (0600, 0700)', () => {
    const path = join(dirname(db), 'private.db');
    expect(kuulo('demo', '--db', path).code).toBe(0);
    expect(kuulo('backup', '--db', path).code).toBe(0);
    const mode = (file: string) => statSync(file).mode & 0o777;
    expect(mode(path)).toBe(0o600);
    const backups = join(dirname(path), 'backups');
    expect(mode(backups)).toBe(0o700);
    for (const file of readdirSync(backups)) expect(mode(join(backups, file)), file).toBe(0o600);
    // A workspace made world-readable by an older version becomes private when opened.
    chmodSync(path, 0o644);
    expect(kuulo('engagements', '--db', path).code).toBe(0);
    expect(mode(path)).toBe(0o600);
    // Its journal too, which SQLite creates with the file's mode, and the writer lock.
    chmodSync(path, 0o644);
    const open = openDatabase(path);
    try {
      for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}.lock`])
        expect(mode(file), file).toBe(0o600);
    } finally {
      open.close();
    }
  });

  test('interviews and interview show accounts, tiers, people and the notes text', () => {
    const [engagement] = JSON.parse(kuulo('engagements', '--db', db, '--json').stdout) as { id: string }[];
    const interviews = JSON.parse(
      kuulo('interviews', '--db', db, '--engagement', engagement!.id, '--json').stdout,
    );
    expect(interviews[0]).toMatchObject({
      accountName: expect.any(String),
      tier: expect.stringMatching(/^(key|named|unmanaged)$/),
      interviewees: expect.arrayContaining([
        expect.objectContaining({ name: expect.any(String), roleLevel: expect.any(String) }),
      ]),
    });
    const withNotes = interviews.find((i: { wordCount: number }) => i.wordCount > 0);
    const one = JSON.parse(kuulo('interview', '--db', db, '--id', withNotes.id, '--json').stdout);
    expect(one.text.length).toBeGreaterThan(50);
    expect(one.accountName).toBe(withNotes.accountName);
    const human = kuulo('interview', '--db', db, '--id', withNotes.id);
    expect(human.stdout).toContain(one.text.slice(0, 40));
  });

  test('codebook lists the default codes in both languages', () => {
    const codes = JSON.parse(kuulo('codebook', '--db', db, '--json').stdout) as {
      name: { fi: string; en: string };
    }[];
    expect(codes.map((c) => c.name.en)).toContain('Key-person risk');
    expect(kuulo('codebook', '--db', db).stdout).toMatch(/Avainhenkilöriski/);
  });

  test('errors are one line and a non-zero exit', () => {
    const missing = kuulo('engagements');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const badId = kuulo('interview', '--db', db, '--id', 'nope');
    expect(badId.code).not.toBe(0);
    expect(badId.stderr).toBe('kuulo: Check the field “id”: it is not a valid id.\n');
    // A mistyped path: refused, and no empty workspace is left behind.
    const typo = join(dirname(db), 'worksapce.db');
    for (const command of ['engagements', 'codebook', 'backup', 'stats']) {
      const result = kuulo(command, '--db', typo);
      expect(result.code, command).toBe(2);
      expect(result.stderr).toMatch(/^kuulo: No workspace at /);
    }
    expect(existsSync(typo)).toBe(false);
    const notSqlite = kuulo('engagements', '--db', 'package.json');
    expect(notSqlite.stderr).toMatch(/not a Kuulo workspace/);
  });

  test('errors print in the workspace’s language; KUULO_LANG, then the OS locale, decide otherwise', () => {
    const path = join(dirname(db), 'suomeksi.db');
    expect(kuulo('demo', '--db', path).code).toBe(0);
    const ws = connect(path);
    ws.call('updateSettings', { language: 'fi' });
    ws.db.close();
    const missing = '00000000-0000-4000-8000-000000000000';

    const finnish = kuulo('interview', '--db', path, '--id', missing);
    expect(finnish.code).toBe(2);
    expect(finnish.stderr).toBe('kuulo: Haastattelua ei löytynyt.\n');
    const badId = kuulo('interview', '--db', path, '--id', 'nope');
    expect(badId.stderr).toBe('kuulo: Tarkista kenttä ”id”: se ei ole kelvollinen tunniste.\n');

    // KUULO_LANG is for one run (a script that parses English); it wins over the workspace.
    expect(
      kuuloIn({ KUULO_LANG: 'en', LANG: 'fi_FI.UTF-8' }, 'interview', '--db', path, '--id', missing).stderr,
    ).toBe('kuulo: The interview was not found.\n');
    // Before any workspace is open only the environment can say: the OS locale, else English.
    const typo = join(dirname(db), 'ei-ole.db');
    expect(kuuloIn({ LANG: 'fi_FI.UTF-8' }, 'engagements', '--db', typo).stderr).toMatch(
      /^kuulo: Polussa .*ei-ole\.db ei ole työtilaa\./,
    );
    expect(kuuloIn({}, 'engagements', '--db', typo).stderr).toMatch(/^kuulo: No workspace at /);
    expect(existsSync(typo)).toBe(false);
  });
});

/** Another process with the workspace open for writing, the way the app holds it. */
async function holdWorkspace(path: string): Promise<ChildProcess> {
  const script = `import { openDatabase } from './electron/db/connection.ts';
openDatabase(${JSON.stringify(path)}, { program: 'Kuulo' });
process.stdout.write('open\\n');
setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'pipe' });
  await new Promise<void>((ready, fail) => {
    child.stdout.once('data', () => ready());
    child.once('exit', (code) => fail(new Error(`the holder exited (${code})`)));
  });
  return child;
}

describe('one writer per workspace', () => {
  const held = join(dir, 'held.db');
  let holder: ChildProcess | undefined;
  afterAll(() => holder?.kill('SIGKILL'));

  test('restore and demo --force are refused while another process has the file open, naming it; nothing changes', async () => {
    expect(kuulo('demo', '--db', held).code).toBe(0);
    expect(kuulo('backup', '--db', held).code).toBe(0);
    const [backup] = JSON.parse(kuulo('backups', '--db', held, '--json').stdout) as { path: string }[];
    holder = await holdWorkspace(held);
    const bytesBefore = readFileSync(held);
    const backupsBefore = readdirSync(join(dir, 'backups'));

    const restore = kuulo('restore', '--db', held, '--from', backup!.path);
    expect(restore.code).toBe(2);
    expect(restore.stderr).toMatch(
      new RegExp(
        `^kuulo: The workspace is open in Kuulo \\(process ${holder.pid} on .+\\)\\. Close it there first; nothing was changed`,
      ),
    );
    const demo = kuulo('demo', '--db', held, '--force');
    expect(demo.code).toBe(2);
    expect(demo.stderr).toMatch(/open in Kuulo \(process \d+/);

    expect(readFileSync(held).equals(bytesBefore)).toBe(true);
    expect(readdirSync(join(dir, 'backups'))).toEqual(backupsBefore);
  });

  test('a second writer in another process is refused by the lock; reading still works beside it', () => {
    expect(() => openDatabase(held)).toThrow(/The workspace is open in Kuulo \(process \d+/);
    const listed = kuulo('engagements', '--db', held, '--json');
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toHaveLength(4);
    expect(
      kuulo('stats', '--db', held, '--engagement', (JSON.parse(listed.stdout) as { id: string }[])[0]!.id)
        .code,
    ).toBe(0);
  });

  test('a lock left by a process that died is taken over', async () => {
    holder!.kill('SIGKILL');
    await new Promise((done) => holder!.once('exit', done));
    expect(existsSync(`${held}.lock`)).toBe(true);
    const db = openDatabase(held);
    expect(JSON.parse(readFileSync(`${held}.lock`, 'utf8')).pid).toBe(process.pid);
    db.close();
    expect(existsSync(`${held}.lock`)).toBe(false);
    expect(kuulo('demo', '--db', held, '--force').code).toBe(0);
  });
});
