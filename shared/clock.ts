/**
 * The interview clock: how long the interview has run, counting only time while it ran. Stored with
 * the interview as the time run before the current stretch and when that stretch began, so a reload
 * or a crash loses nothing and a pause does not count.
 */
export interface InterviewClock {
  /** Milliseconds run before `runningSince` (all of it when paused or stopped). */
  elapsedMs: number;
  /** When the current running stretch began (ISO-8601), or null when not running. */
  runningSince: string | null;
  /** The interview is over: the clock keeps its total and stamps no more paragraphs. */
  stopped: boolean;
}

export const CLOCK_ACTIONS = ['start', 'pause', 'stop'] as const;
export type ClockAction = (typeof CLOCK_ACTIONS)[number];

export type ClockStatus = 'idle' | 'running' | 'paused' | 'stopped';

export const IDLE_CLOCK: InterviewClock = { elapsedMs: 0, runningSince: null, stopped: false };

export function clockStatus(clock: InterviewClock): ClockStatus {
  if (clock.runningSince !== null) return 'running';
  if (clock.stopped) return 'stopped';
  return clock.elapsedMs > 0 ? 'paused' : 'idle';
}

/** Milliseconds the interview has run at `now` (epoch ms); a clock set ahead of `now` adds nothing. */
export function elapsedMs(clock: InterviewClock, now: number): number {
  if (clock.runningSince === null) return clock.elapsedMs;
  return clock.elapsedMs + Math.max(0, now - Date.parse(clock.runningSince));
}

/**
 * The clock after an action at `now` (ISO-8601). Start runs it from where it was (also after a pause
 * or a stop: the interview went on); pause and stop bank the running stretch. Repeating an action
 * changes nothing, so a double click or a retried call is harmless.
 */
export function applyClockAction(clock: InterviewClock, action: ClockAction, now: string): InterviewClock {
  switch (action) {
    case 'start':
      return clock.runningSince !== null
        ? clock
        : { elapsedMs: clock.elapsedMs, runningSince: now, stopped: false };
    case 'pause':
      return clock.runningSince === null
        ? clock
        : { elapsedMs: elapsedMs(clock, Date.parse(now)), runningSince: null, stopped: false };
    case 'stop':
      return { elapsedMs: elapsedMs(clock, Date.parse(now)), runningSince: null, stopped: true };
  }
}

/**
 * The interview time to stamp on a paragraph typed now, in seconds: while running, and while paused
 * (a note typed in a break belongs where the interview stopped); none before the start or after the end.
 */
export function stampSeconds(clock: InterviewClock, now: number): number | null {
  const status = clockStatus(clock);
  if (status === 'idle' || status === 'stopped') return null;
  return elapsedMs(clock, now) / 1000;
}

/** "4:05", "1:02:09": whole seconds run, hours only once there are some. */
export function formatElapsed(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
