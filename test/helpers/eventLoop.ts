import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface StallFigures {
  /**
   * The p95 wait of something (a click, a menu, an IPC message) arriving at a random moment of the
   * window: each gap between timer ticks counts for as long as it lasted. On a loaded machine this also
   * counts the time the OS gave the thread no CPU.
   */
  waitP95: number;
  /**
   * 95 % of this thread's own CPU time ran in stretches (between two turns of its event loop) no longer
   * than this. It counts only the stalls the thread's own work caused, which is what moving work off the
   * thread changes; time the OS gave the thread no CPU (other processes' load) does not count, nor does
   * garbage collection (when V8 collects depends on the heap the test runner keeps, not on this work).
   */
  busyP95: number;
  longestStall: number;
  longestBusy: number;
  seconds: number;
}

export interface EventLoopFigures extends StallFigures {
  /** perf_hooks' histogram over the whole run: p50, p95 and max of the timer's delays, in ms. */
  histogramP50: number;
  histogramP95: number;
  histogramMax: number;
}

interface Tick {
  wall: number;
  cpu: number;
}

const cpuMs = (): number => {
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
};

/**
 * Watches this thread's event loop: Node's histogram, and a 1 ms timer chain whose gaps give the
 * time-weighted figures. perf_hooks' histogram alone counts a 400 ms stall as one sample among
 * thousands of 1 ms ones, so its p95 stays low even when the thread is blocked for much of the time.
 */
export function watchEventLoop(): {
  stop: () => EventLoopFigures;
  /** Figures of the ticks between two `performance.now()` times (after `stop`). */
  between: (from: number, to: number) => StallFigures;
} {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ticks: Tick[] = [{ wall: performance.now(), cpu: cpuMs() }];
  const collections: { from: number; to: number }[] = [];
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      collections.push({ from: entry.startTime, to: entry.startTime + entry.duration });
  });
  gc.observe({ entryTypes: ['gc'] });
  /** Garbage collection on this thread between two times, in ms. */
  const collecting = (from: number, to: number) =>
    collections.reduce((sum, c) => sum + Math.max(0, Math.min(to, c.to) - Math.max(from, c.from)), 0);
  let timer: NodeJS.Timeout | undefined;
  const tick = () => {
    ticks.push({ wall: performance.now(), cpu: cpuMs() });
    timer = setTimeout(tick, 1);
  };
  timer = setTimeout(tick, 1);
  const between = (from: number, to: number): StallFigures => {
    // The gaps that overlap the window, including one that spans it all (a thread blocked throughout).
    let first = 0;
    while (first + 1 < ticks.length && ticks[first + 1]!.wall <= from) first++;
    let last = first;
    while (last + 1 < ticks.length && ticks[last]!.wall < to) last++;
    const inside = ticks.slice(first, last + 1);
    const walls: number[] = [];
    const busy: number[] = [];
    for (let i = 1; i < inside.length; i++) {
      walls.push(inside[i]!.wall - inside[i - 1]!.wall);
      busy.push(
        Math.max(0, inside[i]!.cpu - inside[i - 1]!.cpu - collecting(inside[i - 1]!.wall, inside[i]!.wall)),
      );
    }
    const total = Math.max(1, (inside.at(-1)?.wall ?? to) - (inside[0]?.wall ?? from));
    return {
      waitP95: timeWeightedP95(walls, total),
      busyP95: weightedP95(busy),
      longestStall: Math.max(0, ...walls),
      longestBusy: Math.max(0, ...busy),
      seconds: total / 1000,
    };
  };
  return {
    stop: () => {
      clearTimeout(timer);
      histogram.disable();
      // Entries still queued for the observer are taken before it stops.
      for (const entry of gc.takeRecords())
        collections.push({ from: entry.startTime, to: entry.startTime + entry.duration });
      gc.disconnect();
      ticks.push({ wall: performance.now(), cpu: cpuMs() });
      return {
        histogramP50: histogram.percentile(50) / 1e6,
        histogramP95: histogram.percentile(95) / 1e6,
        histogramMax: histogram.max / 1e6,
        ...between(ticks[0]!.wall, ticks.at(-1)!.wall),
      };
    },
    between,
  };
}

/**
 * The smallest wait w such that at most 5 % of the time waits longer: within a gap of g ms, a moment
 * waits for the rest of the gap, so the time waiting longer than w is the sum of (g − w) over gaps > w.
 */
export function timeWeightedP95(gaps: readonly number[], total: number): number {
  const sorted = [...gaps].sort((a, b) => b - a);
  // Walk down from the longest gap: with w at sorted[k], the time over it is Σ_{i<k} (g_i − w).
  let sum = 0;
  for (let k = 0; k < sorted.length; k++) {
    const w = sorted[k]!;
    if (sum - k * w > 0.05 * total) {
      // The answer lies between sorted[k] and sorted[k − 1]: solve sum − k·w = 5 % of total.
      return (sum - 0.05 * total) / k;
    }
    sum += w;
  }
  return Math.max(0, (sum - 0.05 * total) / sorted.length);
}

/** The p95 of stretches weighted by their own length: 95 % of the total lies in stretches no longer. */
export function weightedP95(stretches: readonly number[]): number {
  const sorted = [...stretches].sort((a, b) => a - b);
  const total = sorted.reduce((sum, x) => sum + x, 0);
  let sum = 0;
  for (const x of sorted) {
    sum += x;
    if (sum >= 0.95 * total) return x;
  }
  return 0;
}
