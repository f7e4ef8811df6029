import { describe, expect, test } from 'vitest';
import { onDemand } from '../../electron/core/onDemand.ts';

/** A module load the test finishes when it chooses, counting how often it was asked for. */
function controlledLoad<T>(module: T) {
  let finish!: () => void;
  const gate = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const state = { loads: 0, finish };
  const load = async () => {
    state.loads++;
    await gate;
    return module;
  };
  return { load, state };
}

describe('services loaded on first use', () => {
  test('the first call waits for the module and answers with a promise; later calls answer at once', async () => {
    const { load, state } = controlledLoad({ twice: (n: number) => 2 * n });
    const service = onDemand(load);
    expect(state.loads).toBe(0);
    const first = service((m) => m.twice(2));
    const second = service((m) => m.twice(3));
    expect(first).toBeInstanceOf(Promise);
    expect(second).toBeInstanceOf(Promise);
    state.finish();
    expect(await first).toBe(4);
    expect(await second).toBe(6);
    // Loaded once for both, and from now on synchronous.
    expect(state.loads).toBe(1);
    expect(service((m) => m.twice(5))).toBe(10);
  });

  test('a later call for a loaded module does not overtake an earlier one still waiting for its module', async () => {
    const order: string[] = [];
    const loaded = onDemand(async () => ({ run: (name: string) => order.push(name) }));
    await loaded((m) => m.run('warm-up'));
    const slow = controlledLoad({ run: (name: string) => order.push(name) });
    const waiting = onDemand(slow.load);

    const deletion = waiting((m) => m.run('delete'));
    const list = loaded((m) => m.run('list'));
    // The list waits in line behind the deletion instead of running now.
    expect(list).toBeInstanceOf(Promise);
    expect(order).toEqual(['warm-up']);
    slow.state.finish();
    await Promise.all([deletion, list]);
    expect(order).toEqual(['warm-up', 'delete', 'list']);
    // The line is empty again: a loaded module answers synchronously.
    expect(loaded((m) => m.run('again'))).toBe(4);
  });

  test("a service's failure rejects that call only; the calls behind it still run", async () => {
    const slow = controlledLoad({
      fail: (): number => {
        throw new Error('refused');
      },
      ok: () => 1,
    });
    const service = onDemand(slow.load);
    const failing = service((m) => m.fail());
    const next = service((m) => m.ok());
    slow.state.finish();
    await expect(failing).rejects.toThrow('refused');
    expect(await next).toBe(1);
  });

  test('a load that fails is tried again on the next call, not remembered', async () => {
    let attempts = 0;
    const service = onDemand(async () => {
      attempts++;
      if (attempts === 1) throw new Error('chunk missing');
      return { value: () => 'loaded' };
    });
    await expect(service((m) => m.value())).rejects.toThrow('chunk missing');
    expect(await service((m) => m.value())).toBe('loaded');
    expect(attempts).toBe(2);
  });

  test('a call made from inside another is refused, loaded or not: it would join the line behind later calls', async () => {
    const outer = onDemand(async () => ({ id: () => 'outer' }));
    const inner = onDemand(async () => ({ id: () => 'inner' }));
    // Cold: the outer call waits for its module, then its nested call is refused.
    await expect(outer(() => inner((m) => m.id()))).rejects.toThrow('Nested on-demand call');
    // Warm: refused at once too, so any test of such a method fails whatever the timing.
    await outer((m) => m.id());
    await inner((m) => m.id());
    expect(() => outer(() => inner((m) => m.id()))).toThrow('Nested on-demand call');
    // Refusing left nothing half-counted: both answer synchronously again.
    expect(outer((m) => m.id())).toBe('outer');
    expect(inner((m) => m.id())).toBe('inner');
  });
});
