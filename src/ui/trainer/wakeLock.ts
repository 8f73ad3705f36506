import { errorMessage } from '../../model/result';
// The screen wake lock held while a run trains: requested when the run starts or resumes, released on
// pause, stop and the end; the browser drops it when the page is hidden, so it is asked for again when
// the page is visible again. No Wake Lock API (or a refusal) is a status the page shows as a note, never
// an error. Browser objects come in as ports, so this runs under test with fakes.

export interface WakeLockSentinelPort {
  readonly released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

export interface WakeLockPort {
  request(type: 'screen'): Promise<WakeLockSentinelPort>;
}

export interface VisibilityPort {
  readonly visibilityState: string;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
}

export type WakeLockState = 'off' | 'held' | 'unsupported' | 'refused';

export class ScreenWakeLock {
  private wanted = false;
  private sentinel: WakeLockSentinelPort | null = null;
  private requesting: Promise<void> | null = null;

  constructor(
    private readonly wakeLock: WakeLockPort | undefined,
    private readonly page: VisibilityPort | undefined,
    private readonly onStatus: (state: WakeLockState, message?: string) => void,
  ) {
    page?.addEventListener('visibilitychange', () => {
      if (this.wanted && this.page?.visibilityState === 'visible') void this.acquire();
    });
  }

  /** Whether the lock is held right now. */
  get held(): boolean {
    return this.sentinel !== null && !this.sentinel.released;
  }

  /** Hold the lock (a run trains) or release it (paused, stopped, done). */
  async want(on: boolean): Promise<void> {
    this.wanted = on;
    if (on) await this.acquire();
    else await this.release();
  }

  private async acquire(): Promise<void> {
    if (!this.wakeLock) {
      this.onStatus('unsupported');
      return;
    }
    if (this.held) return;
    if (this.requesting) return this.requesting;
    if (this.page && this.page.visibilityState !== 'visible') return; // asked for again when visible
    this.requesting = (async () => {
      try {
        const sentinel = await this.wakeLock!.request('screen');
        if (!this.wanted) {
          await sentinel.release();
          return;
        }
        this.sentinel = sentinel;
        sentinel.addEventListener('release', () => {
          if (this.sentinel === sentinel) {
            this.sentinel = null;
            if (!this.wanted) this.onStatus('off');
          }
        });
        this.onStatus('held');
      } catch (e) {
        this.onStatus('refused', errorMessage(e));
      } finally {
        this.requesting = null;
      }
    })();
    return this.requesting;
  }

  private async release(): Promise<void> {
    if (this.requesting) await this.requesting;
    const s = this.sentinel;
    this.sentinel = null;
    if (s && !s.released) await s.release();
    if (this.wakeLock) this.onStatus('off');
  }
}
