import { expect, test, vi } from 'vitest';
import { createEventHub } from '../../shared/events.ts';

const backup = (done: boolean) => ({ reason: 'start' as const, done, entry: null, failure: null });

test("the page's hub holds events that came before anyone subscribed, and hands them to the first subscriber", () => {
  const hub = createEventHub({ holdEarly: true });
  hub.emit('backupProgress', backup(false));
  hub.emit('backupProgress', backup(true));
  const first = vi.fn();
  hub.subscribe('backupProgress', first);
  expect(first.mock.calls).toEqual([[backup(false)], [backup(true)]]);
  // Held once only: a later subscriber gets only what comes after it.
  const second = vi.fn();
  const token = hub.subscribe('backupProgress', second);
  expect(second).not.toHaveBeenCalled();
  hub.unsubscribe(token);
  // A name that has had a subscriber is no longer held, even with nobody listening now.
  hub.emit('backupProgress', backup(false));
  const third = vi.fn();
  hub.subscribe('backupProgress', third);
  expect(third).not.toHaveBeenCalled();
  expect(first).toHaveBeenCalledTimes(3);
});

test('without holding, an event nobody listens to is gone; unknown names are ignored', () => {
  const hub = createEventHub();
  hub.emit('backupProgress', backup(false));
  hub.emit('noSuchEvent', {});
  const late = vi.fn();
  hub.subscribe('backupProgress', late);
  expect(late).not.toHaveBeenCalled();
  expect(() => hub.subscribe('noSuchEvent' as 'backupProgress', late)).toThrow(/Unknown event/);
});
