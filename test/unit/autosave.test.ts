import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Autosaver, type SaveState } from '../../renderer/src/editor/autosave.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setup(save = vi.fn(async () => {})) {
  const states: SaveState[] = [];
  const saver = new Autosaver(save, (s) => states.push(s), { idleMs: 400, maxWaitMs: 750, retryMs: 2000 });
  return { saver, save, states };
}

describe('Autosaver', () => {
  test('saves shortly after typing stops', async () => {
    const { saver, save } = setup();
    saver.markDirty();
    await vi.advanceTimersByTimeAsync(399);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(saver.current).toBe('saved');
  });

  test('saves at least every maxWait during continuous typing', async () => {
    const { saver, save } = setup();
    for (let ms = 0; ms < 3000; ms += 50) {
      saver.markDirty();
      await vi.advanceTimersByTimeAsync(50);
    }
    // 3 s of typing with a keystroke every 50 ms: never idle, so saves come from the max-wait timer.
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(3);
  });

  test('never runs two saves at once, and re-saves what was typed during a save', async () => {
    let release: () => void = () => {};
    let running = 0;
    let maxRunning = 0;
    const save = vi.fn(async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise<void>((done) => {
        release = done;
      });
      running--;
    });
    const { saver } = setup(save);
    saver.markDirty();
    const first = saver.flush();
    saver.markDirty();
    const second = saver.flush();
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await Promise.all([first, second]);
    expect(save).toHaveBeenCalledTimes(2);
    expect(maxRunning).toBe(1);
    expect(saver.current).toBe('saved');
  });

  test('a failed save is reported and retried', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const { saver, states } = setup(save);
    saver.markDirty();
    await saver.flush();
    expect(saver.current).toBe('failed');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(states.at(-1)).toBe('saved');
  });

  test('flush with nothing unsaved does not write', async () => {
    const { saver, save } = setup();
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
  });
});

describe('Autosaver after the editor closes', () => {
  test('flush reports whether everything was stored', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const { saver } = setup(save);
    saver.markDirty();
    expect(await saver.flush()).toBe(false);
    expect(await saver.flush()).toBe(true);
  });

  test('a disposed saver finishes its last save but schedules no retry', async () => {
    const save = vi.fn().mockRejectedValue(new Error('offline'));
    const { saver } = setup(save);
    saver.markDirty();
    const last = saver.flush();
    saver.dispose();
    expect(await last).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
