import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { WaveComparison } from '../../shared/waves.ts';

const dir = mkdtempSync(join(tmpdir(), 'kuulo-cli-waves-'));
const db = join(dir, 'k.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kuulo(...args: string[]) {
  const run = spawnSync(process.execPath, ['electron/cli/index.ts', ...args, '--db', db], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', KUULO_LANG: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let ids: Record<string, string> = {};
beforeAll(() => {
  expect(kuulo('demo').code).toBe(0);
  const engagements = JSON.parse(kuulo('engagements', '--json').stdout) as { id: string; title: string }[];
  ids = Object.fromEntries(engagements.map((e) => [e.title, e.id]));
});

describe('kuulo waves', () => {
  test('--json: the demo’s Huoltovoima 2025 follows 2024, linked by names, five accounts in both waves', () => {
    const run = kuulo('waves', '--engagement', ids['Asiakaskuuntelu 2025']!, '--json');
    expect(run.code).toBe(0);
    const c = JSON.parse(run.stdout) as WaveComparison;
    expect(c.chain.map((w) => w.title)).toEqual(['Asiakaskuuntelu 2024', 'Asiakaskuuntelu 2025']);
    expect(c.previous?.id).toBe(ids['Asiakaskuuntelu 2024']);
    // Kaskisalmen, Teräsvalimo, Merikarhu, Konepaja Lahtinen and Saha Nurmi were interviewed both years.
    expect(c.panelAccounts).toBe(5);
    expect(c.accounts.filter((a) => a.panel).map((a) => a.name)).toEqual([
      'Kaskisalmen Sellu Oy',
      'Konepaja Lahtinen Ky',
      'Saha Nurmi Oy',
      'Satamaoperaattori Merikarhu Oy',
      'Teräsvalimo Koskela Oy',
    ]);
    // 2024: 7 held interviews of 6 accounts; 2025: 15 of 7 (the demo's own sample figures).
    expect(c.all?.base).toEqual({
      before: { interviews: 7, accounts: 6 },
      after: { interviews: 15, accounts: 7 },
    });
    // Seven NPS answers in 2024: under 10, so the NPS change is never marked.
    expect(c.all?.nps.change).toBe('smallBase');
  });

  test('text: the chain, the rule and both scopes; --compare adds the accounts', () => {
    const plain = kuulo('waves', '--engagement', ids['Asiakaskuuntelu 2025']!);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^> 2 {2}Asiakaskuuntelu 2025/m);
    expect(plain.stdout).toContain('COMPARED WITH "Asiakaskuuntelu 2024"');
    expect(plain.stdout).toContain('Changes are marked only when both bases allow it');
    expect(plain.stdout).toMatch(/^SAME ACCOUNTS: interviews 6 → 11, accounts 5 → 5$/m);
    expect(plain.stdout).toMatch(/^ALL ACCOUNTS: interviews 7 → 15, accounts 6 → 7$/m);
    expect(plain.stdout).not.toContain('INTERVIEWED');
    const detailed = kuulo('waves', '--engagement', ids['Asiakaskuuntelu 2025']!, '--compare');
    expect(detailed.stdout).toMatch(/^Kaskisalmen Sellu Oy +both +7\.5 \(2\) +8\.0 \(3\)/m);
  });

  test('an engagement that follows nothing says so; a missing option or engagement fails in one line', () => {
    const first = kuulo('waves', '--engagement', ids['Asiakaskuuntelu 2024']!);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('This engagement follows no earlier wave.');
    expect(
      (
        JSON.parse(
          kuulo('waves', '--engagement', ids['Asiakaskuuntelu 2024']!, '--json').stdout,
        ) as WaveComparison
      ).previous,
    ).toBeNull();
    const missing = kuulo('waves');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('--engagement');
    const unknown = kuulo('waves', '--engagement', crypto.randomUUID());
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/engagement/i);
  });
});
