/**
 * Service modules imported the first time one of their methods is called, so a command-line call or the
 * core host's start evaluates only what it uses (a read-only `engagements` never needs the editor schema,
 * search morphology or the import parsers). Once loaded, a module is used synchronously, as before.
 */

/** Runs `use` with the module: at once if it is loaded, else once it is (the answer is then a promise). */
export type OnDemand<T> = <R>(use: (module: T) => R) => R | Promise<Awaited<R>>;

const loaders: (() => Promise<unknown>)[] = [];

/**
 * Calls wait in one line while any of them waits for its module: a call that arrives later, for a module
 * already loaded, must not run before an earlier one (a list must not overtake the deletion before it).
 */
let line: Promise<unknown> = Promise.resolve();
let waiting = 0;
/** How many `use` callbacks are running now: a call made while one is, is nested in it. */
let using = 0;

/**
 * A call made from inside another's `use` would join the end of the line, behind calls that arrived
 * after the outer one (a backup would then miss the engagement deleted after it was asked for). So
 * nesting is refused outright, loaded or not, and a method that needs two modules loads them as one
 * (an `onDemand` over `Promise.all` of both imports).
 */
function run<T, R>(use: (module: T) => R, module: T): R {
  using++;
  try {
    return use(module);
  } finally {
    using--;
  }
}

export function onDemand<T>(load: () => Promise<T>): OnDemand<T> {
  let module: T | undefined;
  let loading: Promise<T> | undefined;
  const get = (): Promise<T> =>
    (loading ??= load().then(
      (loaded) => (module = loaded),
      (error: unknown) => {
        // A failed load (a missing chunk) is tried again on the next call rather than remembered.
        loading = undefined;
        throw error;
      },
    ));
  loaders.push(get);
  return <R>(use: (module: T) => R): R | Promise<Awaited<R>> => {
    if (using > 0) throw new Error('Nested on-demand call: load both modules in one onDemand');
    if (module !== undefined && waiting === 0) return run(use, module);
    waiting++;
    const turn = line.then(get);
    const done = (): void => {
      waiting--;
    };
    // `use` runs (its synchronous part at least) before the next call in line starts: reactions to
    // `turn` run in the order they were registered.
    const answer = turn.then(
      (loaded) => {
        done();
        return run(use, loaded) as Awaited<R>;
      },
      (error: unknown) => {
        done();
        throw error;
      },
    );
    line = turn.then(
      () => undefined,
      () => undefined,
    );
    return answer;
  };
}

/**
 * Loads every module made on demand. For callers that need every method to answer synchronously from
 * the first call (tests and the bench call the dispatcher directly); the app and the CLI never do.
 */
export async function loadAll(): Promise<void> {
  await Promise.all(loaders.map((load) => load()));
}
