import { parseArgs } from 'node:util';
import { ANALYSIS_SIZES, measureAnalysis } from './analysis.ts';
import { measureKeystrokes } from './keystrokes.ts';
import { printTable } from './stats.ts';

/** `npm run bench -- [--scale small|full]`: figures are printed, never asserted. */
const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' } } });
const full = values.scale === 'full';

console.log(printTable(measureAnalysis(full ? ANALYSIS_SIZES.full : ANALYSIS_SIZES.small)));

const measures = await measureKeystrokes(
  full ? { words: 20_000, codings: 500, keys: 400 } : { words: 2_000, codings: 50, keys: 60 },
);
console.log(printTable(measures));
