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
    if (this.inFlight) this.dirtyAgain = true;
    this.setState(this.inFlight ? 'saving' : 'dirty');
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), this.options.idleMs);
    this.maxTimer ??= setTimeout(() => void this.flush(), this.options.maxWaitMs);
  }

  /** Writes pending changes now; resolves when everything typed so far is stored (or the save failed). */
  async flush(): Promise<void> {
    this.clearTimers();
    if (this.inFlight) {
      // The running save re-saves by itself if more was typed meanwhile.
      await this.inFlight;
      return;
    }
    if (this.state === 'saved') return;
    this.inFlight = this.run();
    await this.inFlight;
  }

  dispose(): void {
    this.clearTimers();
  }

  private async run(): Promise<void> {
    this.setState('saving');
    this.dirtyAgain = false;
    try {
      await this.save();
      this.inFlight = null;
      if (this.dirtyAgain) {
        this.setState('dirty');
        await this.flush();
      } else {
        this.setState('saved');
      }
    } catch {
      this.inFlight = null;
      this.setState('failed');
      this.maxTimer = setTimeout(() => void this.flush(), this.options.retryMs);
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
