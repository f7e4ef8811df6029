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
 * test that calls the CLI pays this. Measured after one untimed run (Node's compile cache filled, as
 * on any second use); bare Node is the floor.
 */
export function measureStartup(): Measure[] {
  const dir = mkdtempSync(join(tmpdir(), 'kuulo-bench-cli-'));
  try {
    const db = join(dir, 'demo.db');
    run(['electron/cli/index.ts', 'demo', '--db', db]);
    const command = ['electron/cli/index.ts', 'engagements', '--db', db];
    run(command);
    const cli = Array.from({ length: RUNS }, () => run(command));
    const bare = Array.from({ length: RUNS }, () => run(['-e', '0']));
    return [
      {
        name: 'CLI start-up: `kuulo engagements` on the demo, wall',
        ...summary(cli.map((r) => r.ms)),
        budget: 150,
        floor: floorOf(
          bare.map((r) => r.ms),
          'bare Node',
        ),
      },
      {
        name: 'CLI start-up: peak memory',
        unit: 'MB',
        ...summary(cli.map((r) => r.peakMb)),
        budget: 80,
        floor: floorOf(
          bare.map((r) => r.peakMb),
          'bare Node',
        ),
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
