import { describe, expect, test } from 'vitest';
import {
  applyClockAction,
  clockStatus,
  elapsedMs,
  formatElapsed,
  IDLE_CLOCK,
  type InterviewClock,
  stampSeconds,
} from '../../shared/clock.ts';

const at = (seconds: number): string =>
  new Date(Date.UTC(2026, 10, 30, 9, 0, 0) + seconds * 1000).toISOString();
const ms = (seconds: number): number => Date.parse(at(seconds));

describe('interview clock', () => {
  test('an unstarted clock shows 0:00 and stamps nothing', () => {
    expect(clockStatus(IDLE_CLOCK)).toBe('idle');
    expect(elapsedMs(IDLE_CLOCK, ms(100))).toBe(0);
    expect(stampSeconds(IDLE_CLOCK, ms(100))).toBeNull();
  });

  test('running counts from the start', () => {
    const clock = applyClockAction(IDLE_CLOCK, 'start', at(0));
    expect(clockStatus(clock)).toBe('running');
    expect(elapsedMs(clock, ms(65))).toBe(65_000);
    expect(stampSeconds(clock, ms(65))).toBe(65);
  });

  test('time while paused does not count, and resuming goes on from where it paused', () => {
    let clock = applyClockAction(IDLE_CLOCK, 'start', at(0));
    clock = applyClockAction(clock, 'pause', at(120));
    expect(clockStatus(clock)).toBe('paused');
    expect(elapsedMs(clock, ms(600))).toBe(120_000);
    // A note typed in the break is stamped where the interview paused.
    expect(stampSeconds(clock, ms(600))).toBe(120);
    clock = applyClockAction(clock, 'start', at(600));
    expect(elapsedMs(clock, ms(630))).toBe(150_000);
    expect(stampSeconds(clock, ms(630))).toBe(150);
  });

  test('stop keeps the total, stamps nothing more, and a start afterwards continues instead of restarting at 0:00', () => {
    let clock = applyClockAction(IDLE_CLOCK, 'start', at(0));
    clock = applyClockAction(clock, 'stop', at(90));
    expect(clock).toEqual({ elapsedMs: 90_000, runningSince: null, stopped: true });
    expect(clockStatus(clock)).toBe('stopped');
    expect(elapsedMs(clock, ms(1000))).toBe(90_000);
    expect(stampSeconds(clock, ms(1000))).toBeNull();
    clock = applyClockAction(clock, 'start', at(1000));
    expect(clockStatus(clock)).toBe('running');
    expect(elapsedMs(clock, ms(1010))).toBe(100_000);
  });

  test('repeating an action changes nothing (a double click, a retried call)', () => {
    const running = applyClockAction(IDLE_CLOCK, 'start', at(0));
    expect(applyClockAction(running, 'start', at(50))).toBe(running);
    const paused = applyClockAction(running, 'pause', at(30));
    expect(applyClockAction(paused, 'pause', at(80))).toBe(paused);
    const stopped = applyClockAction(paused, 'stop', at(90));
    expect(applyClockAction(stopped, 'stop', at(200))).toEqual(stopped);
    // Stopping a paused clock does not count the pause.
    expect(stopped.elapsedMs).toBe(30_000);
  });

  test('a running stretch that seems to begin in the future adds nothing (the system clock was set back)', () => {
    const clock: InterviewClock = { elapsedMs: 5000, runningSince: at(100), stopped: false };
    expect(elapsedMs(clock, ms(40))).toBe(5000);
  });

  test('formats whole seconds, with hours only when there are some', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(59_999)).toBe('0:59');
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_600_000 + 2 * 60_000 + 9_000)).toBe('1:02:09');
    expect(formatElapsed(-5)).toBe('0:00');
  });
});
