import { EventEmitter } from 'node:events';
import { describe, expect, test, vi } from 'vitest';
import { KuuloError } from '../../electron/base/errors.ts';
import type { CoreClient } from '../../electron/core/client.ts';
import { CoreOpenError } from '../../electron/core/client.ts';
import type { EventName, Events } from '../../shared/events.ts';

// The Electron binary cannot run here: the shell's pieces take what they need of it as arguments.
vi.mock('electron', () => ({}));
const { closeCoreOnQuit, openProblemText } = await import('../../electron/main/core.ts');
const { EVENT_CHANNEL, forwardEvents, forwardWhenReady } = await import('../../electron/main/ipc.ts');

type Listener = <N extends EventName>(name: N, payload: Events[N]) => void;

function fakeCore(): CoreClient & { emit: Listener; closing: () => void } {
  const listeners = new Set<Listener>();
  let finishClose = () => {};
  return {
    call: vi.fn(),
    callJson: vi.fn(),
    settings: () => ({ language: null, backupsKept: 10 }),
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: vi.fn(() => new Promise<void>((resolve) => (finishClose = resolve))),
    emit: (name, payload) => {
      for (const listener of listeners) listener(name, payload);
    },
    closing: () => finishClose(),
  };
}

describe('the main side of the core host', () => {
  test('the core’s events go to the page on one channel; unknown names and a closed page get nothing', () => {
    const core = fakeCore();
    const contents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    const stop = forwardEvents(core, contents);
    core.emit('settingsChanged', { language: 'fi', backupsKept: 3 });
    (core.emit as (name: string, payload: unknown) => void)('somethingElse', {});
    expect(contents.send.mock.calls).toEqual([
      [EVENT_CHANNEL, 'settingsChanged', { language: 'fi', backupsKept: 3 }],
    ]);
    contents.isDestroyed.mockReturnValue(true);
    core.emit('settingsChanged', { language: 'en', backupsKept: 3 });
    stop();
    contents.isDestroyed.mockReturnValue(false);
    core.emit('settingsChanged', { language: 'en', backupsKept: 3 });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });

  test('calls made while the host starts wait for it; if it never starts they are answered, not left hanging', async () => {
    const core = fakeCore();
    vi.mocked(core.callJson).mockResolvedValue('{"ok":true,"value":1}');
    let ready: (client: CoreClient) => void = () => {};
    const forward = forwardWhenReady(new Promise((resolve) => (ready = resolve)));
    const early = forward('listEngagements', {});
    await Promise.resolve();
    expect(core.callJson).not.toHaveBeenCalled();
    ready(core);
    expect(await early).toBe('{"ok":true,"value":1}');
    expect(core.callJson).toHaveBeenCalledWith('listEngagements', {});

    const failed = forwardWhenReady(Promise.reject(new Error('no workspace')));
    expect(JSON.parse(await failed('listEngagements', {}))).toMatchObject({
      ok: false,
      error: { key: 'coreStopped' },
    });
  });

  test('quitting waits for the host to close the workspace, then lets go of the lock and quits', async () => {
    const core = fakeCore();
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    const lock = { release: vi.fn() };
    closeCoreOnQuit(app as never, core, lock);
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(core.close).toHaveBeenCalledTimes(1);
    // The file is still being written: nobody else may take it yet.
    expect(lock.release).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
    core.closing();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(lock.release).toHaveBeenCalledTimes(1);
    // The second will-quit, from that quit, goes through.
    prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  test('a workspace that will not open is explained in the consultant’s language', () => {
    const locked = new KuuloError('workspaceLocked', {
      program: 'kuulo restore',
      pid: 42,
      host: 'laptop',
      since: '2026-11-30T05:00:00.000Z',
      lockFile: '/w.db.lock',
    });
    expect(openProblemText(locked, 'en')).toMatch(/open in kuulo restore \(process 42 on laptop/);
    const notSqlite = new CoreOpenError(
      { key: 'workspaceNotSqlite', params: { path: '/w.db' } },
      new Error('x'),
    );
    expect(openProblemText(notSqlite, 'fi')).toMatch(/\/w\.db ei ole Kuulon työtila/);
    expect(openProblemText(new CoreOpenError(null, new Error('disk on fire')), 'en')).toMatch(/disk on fire/);
  });
});
