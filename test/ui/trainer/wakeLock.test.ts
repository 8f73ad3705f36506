import { describe, expect, it } from 'vitest';
import { ScreenWakeLock, type WakeLockSentinelPort, type WakeLockState } from '../../../src/ui/trainer/wakeLock';

class FakeSentinel implements WakeLockSentinelPort {
  released = false;
  private listeners: (() => void)[] = [];
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    for (const l of this.listeners) l();
  }
  addEventListener(_: 'release', l: () => void): void {
    this.listeners.push(l);
  }
}

function setup(opts: { api?: boolean; refuse?: boolean } = {}) {
  const sentinels: FakeSentinel[] = [];
  const page = {
    visibilityState: 'visible',
    listeners: [] as (() => void)[],
    addEventListener(_: 'visibilitychange', l: () => void) {
      this.listeners.push(l);
    },
  };
  const api =
    opts.api === false
      ? undefined
      : {
          request: async () => {
            if (opts.refuse) throw new Error('NotAllowedError: battery saver');
            const s = new FakeSentinel();
            sentinels.push(s);
            return s;
          },
        };
  const states: string[] = [];
  const lock = new ScreenWakeLock(api, page, (s: WakeLockState, m?: string) => states.push(m ? `${s}: ${m}` : s));
  const setVisible = (v: boolean) => {
    page.visibilityState = v ? 'visible' : 'hidden';
    for (const l of page.listeners) l();
  };
  return { lock, sentinels, states, setVisible };
}

describe('ScreenWakeLock', () => {
  it('requests the screen lock while wanted and releases it when not', async () => {
    const { lock, sentinels, states } = setup();
    await lock.want(true);
    expect(sentinels).toHaveLength(1);
    expect(lock.held).toBe(true);
    await lock.want(true); // already held: no second request
    expect(sentinels).toHaveLength(1);
    await lock.want(false);
    expect(sentinels[0].released).toBe(true);
    expect(lock.held).toBe(false);
    expect(states).toEqual(['held', 'off']);
  });

  it('asks again when the page is visible again after the browser released it', async () => {
    const { lock, sentinels, setVisible } = setup();
    await lock.want(true);
    setVisible(false);
    await sentinels[0].release(); // the browser drops it on hiding
    expect(lock.held).toBe(false);
    setVisible(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(sentinels).toHaveLength(2);
    expect(lock.held).toBe(true);
  });

  it('does not ask again on visibility when not wanted (paused)', async () => {
    const { lock, sentinels, setVisible } = setup();
    await lock.want(true);
    await lock.want(false);
    setVisible(false);
    setVisible(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(sentinels).toHaveLength(1);
  });

  it('reports a missing API as unsupported and a refusal with its reason, never throwing', async () => {
    const none = setup({ api: false });
    await none.lock.want(true);
    await none.lock.want(false);
    expect(none.states).toEqual(['unsupported']);
    const refused = setup({ refuse: true });
    await refused.lock.want(true);
    expect(refused.states).toEqual(['refused: NotAllowedError: battery saver']);
  });

  it('a release while the request is on its way releases the new lock', async () => {
    const { lock, sentinels } = setup();
    const on = lock.want(true);
    const off = lock.want(false);
    await Promise.all([on, off]);
    expect(sentinels).toHaveLength(1);
    expect(sentinels[0].released).toBe(true);
    expect(lock.held).toBe(false);
  });
});
