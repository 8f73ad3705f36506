// The toolbar's "Teach it your symbols" button: opens and closes the drawing pad. The session pauses
// while the pad is open (so what the pad shows before and after teaching is the lesson's doing, not
// the stream's) and plays again on close when it was playing.
import { useStore } from 'zustand';
import { useStudio, useStudioState } from '../session/context';
import type { StudioController } from '../session/controller';
import { padFor, type PadStore } from './padStore';

export const PAD_PANEL_ID = 'pad-panel';

export function setPadOpen(
  studio: Pick<StudioController, 'pause' | 'play'>,
  pad: PadStore,
  open: boolean,
  playing: boolean,
): void {
  const state = pad.getState();
  if (open === state.open) return;
  if (open) {
    state.set({ open: true, resume: playing });
    if (playing) void studio.pause();
  } else {
    state.set({ open: false, resume: false });
    if (state.resume) studio.play();
  }
}

export function PadToggle() {
  const studio = useStudio();
  const pad = padFor(studio);
  const open = useStore(pad, (s) => s.open);
  const playing = useStudioState((s) => s.playing);
  return (
    <button
      type="button"
      data-testid="pad-toggle"
      aria-expanded={open}
      aria-controls={open ? PAD_PANEL_ID : undefined}
      title="Draw a symbol, see what VSML thinks, tell it what it is, and watch it learn from that one example"
      onClick={() => setPadOpen(studio, pad, !open, playing)}
    >
      ✎ Teach it your symbols
    </button>
  );
}
