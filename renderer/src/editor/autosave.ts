export type SaveState = 'saved' | 'dirty' | 'saving' | 'failed';

export interface AutosaveOptions {
  /** Save this long after typing stops. */
  idleMs: number;
  /** …but never let unsaved text get older than this while typing goes on. */
  maxWaitMs: number;
  retryMs: number;
}

const DEFAULTS: AutosaveOptions = { idleMs: 400, maxWaitMs: 750, retryMs: 2000 };

/**
 * Decides when notes are written: shortly after typing stops, at least every `maxWaitMs` during
 * continuous typing, at once on flush (blur, close). Saves never overlap; a failed save is retried.
 */
export class Autosaver {
  private state: SaveState = 'saved';
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private maxTimer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private dirtyAgain = false;
  /** Someone is waiting for everything typed so far to be stored (blur, close, Ctrl+S). */
  private flushWanted = false;
  /** The editor is gone: finish what is running, but start nothing new. */
  private disposed = false;
  private readonly options: AutosaveOptions;
  private readonly save: () => Promise<void>;
  private readonly onState: (state: SaveState) => void;

  constructor(
    save: () => Promise<void>,
    onState: (state: SaveState) => void,
    options: Partial<AutosaveOptions> = {},
  ) {
    this.save = save;
    this.onState = onState;
    this.options = { ...DEFAULTS, ...options };
  }

  get current(): SaveState {
    return this.state;
  }

  markDirty(): void {
    if (this.inFlight) {
      // The running save schedules the next one when it ends.
      this.dirtyAgain = true;
      return;
    }
    this.setState('dirty');
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), this.options.idleMs);
    this.maxTimer ??= setTimeout(() => void this.flush(), this.options.maxWaitMs);
  }

  /**
   * Writes pending changes now; resolves when everything typed so far is stored — true — or a save
   * failed — false (the text is still in the editor, and a retry is scheduled).
   */
  async flush(): Promise<boolean> {
    this.clearTimers();
    if (this.inFlight) {
      // The running save saves again as soon as it ends if more was typed meanwhile.
      this.flushWanted = true;
      await this.inFlight;
      return this.current === 'saved';
    }
    if (this.state === 'saved') return true;
    this.inFlight = this.run();
    await this.inFlight;
    return this.current === 'saved';
  }

  /** Call after a last flush when the editor goes away. */
  dispose(): void {
    this.disposed = true;
    this.clearTimers();
  }

  private async run(): Promise<void> {
    this.setState('saving');
    this.dirtyAgain = false;
    this.flushWanted = false;
    try {
      await this.save();
      this.inFlight = null;
      if (!this.dirtyAgain) {
        this.setState('saved');
      } else if (this.flushWanted) {
        this.setState('dirty');
        await this.flush();
      } else if (!this.disposed) {
        // Typing went on during the save: the next save follows the usual timers, not at once,
        // so a long note is not written back-to-back while the consultant types.
        this.setState('dirty');
        this.idleTimer = setTimeout(() => void this.flush(), this.options.idleMs);
        this.maxTimer = setTimeout(() => void this.flush(), this.options.maxWaitMs);
      }
    } catch {
      this.inFlight = null;
      this.setState('failed');
      if (!this.disposed) this.maxTimer = setTimeout(() => void this.flush(), this.options.retryMs);
    }
  }

  private clearTimers(): void {
    clearTimeout(this.idleTimer);
    clearTimeout(this.maxTimer);
    this.idleTimer = undefined;
    this.maxTimer = undefined;
  }

  private setState(state: SaveState): void {
    if (state === this.state) return;
    this.state = state;
    this.onState(state);
  }
}

/** What the save status says aloud: only a failure and the recovery from it, never a routine save. */
export type SaveAnnouncement = 'failed' | 'recovered' | null;

/**
 * Follows save states and says when to speak. `failing` is true from a failure until the next
 * successful save, so retries that fail again stay quiet (one announcement per outage).
 */
export function nextSaveAnnouncement(
  failing: boolean,
  state: SaveState,
): { failing: boolean; say: SaveAnnouncement } {
  if (state === 'failed') return { failing: true, say: failing ? null : 'failed' };
  if (state === 'saved' && failing) return { failing: false, say: 'recovered' };
  return { failing, say: null };
}
