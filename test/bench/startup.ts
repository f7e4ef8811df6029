import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { floorOf, type Measure, summary } from './stats.ts';

const RUNS = 10;
/** Prints the child's peak resident memory (KB) on exit, so no outside tool is needed to read it. */
const PEAK_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss='+process.resourceUsage().maxRSS))`;

function run(args: string[]): { ms: number; peakMb: number } {
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', PEAK_RSS, ...args], { encoding: 'utf8' });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${args.join(' ')} failed: ${child.stderr}`);
  const kb = Number(/maxrss=(\d+)/.exec(child.stderr)?.[1]);
  return { ms, peakMb: kb / 1024 };
}

/**
 * How long a read-only command takes from the shell, and how much memory it needs: every script and
 * test that calls the CLI pays this. Measured for the built command line (out/main/cli.js, which the
 * bench builds first) and from the TypeScript sources (`npm run kuulo`), each after one untimed run
 * (Node's compile cache filled, as on any second use); bare Node is the floor.
 */
export function measureStartup(): Measure[] {
  const dir = mkdtempSync(join(tmpdir(), 'kuulo-bench-cli-'));
  try {
    const db = join(dir, 'demo.db');
    run(['electron/cli/index.ts', 'demo', '--db', db]);
    const bare = Array.from({ length: RUNS }, () => run(['-e', '0']));
    return [
      // The goal is for the command line as built; from the sources it only informs.
      ...measureCommand('built', ['out/main/cli.js', 'engagements', '--db', db], bare, { ms: 150, mb: 80 }),
      ...measureCommand('from sources', ['electron/cli/index.ts', 'engagements', '--db', db], bare),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function measureCommand(
  kind: string,
  command: string[],
  bare: { ms: number; peakMb: number }[],
  budget?: { ms: number; mb: number },
): Measure[] {
  run(command);
  const cli = Array.from({ length: RUNS }, () => run(command));
  return [
    {
      name: `CLI start-up (${kind}): \`kuulo engagements\` on the demo, wall`,
      ...summary(cli.map((r) => r.ms)),
      ...(budget ? { budget: budget.ms } : {}),
      floor: floorOf(
        bare.map((r) => r.ms),
        'bare Node',
      ),
    },
    {
      name: `CLI start-up (${kind}): peak memory`,
      unit: 'MB',
      ...summary(cli.map((r) => r.peakMb)),
      ...(budget ? { budget: budget.mb } : {}),
      floor: floorOf(
        bare.map((r) => r.peakMb),
        'bare Node',
      ),
    },
  ];
}
