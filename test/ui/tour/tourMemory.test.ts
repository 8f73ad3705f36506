// tourMemory: the tour is seen once its key is stored; it opens by itself on a first visit only, never
// in presentation mode; storage that throws counts as seen and never throws out.
import { describe, expect, it } from 'vitest';
import {
  markTourSeen,
  TOUR_SEEN_KEY,
  tourOpensByItself,
  tourSeen,
  type SeenStore,
} from '../../../src/ui/tour/tourMemory';

const memory = (): SeenStore & { readonly items: Map<string, string> } => {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
};
const throwing: SeenStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('tourSeen / markTourSeen', () => {
  it('is false on a first visit and true after markTourSeen stores vsml-studio-tour-seen = 1', () => {
    const store = memory();
    expect(tourSeen(store)).toBe(false);
    markTourSeen(store);
    expect(store.items.get(TOUR_SEEN_KEY)).toBe('1');
    expect(tourSeen(store)).toBe(true);
  });

  it('counts storage that throws, or none at all, as seen, and marking it does not throw', () => {
    expect(tourSeen(throwing)).toBe(true);
    expect(tourSeen(null)).toBe(true);
    expect(() => markTourSeen(throwing)).not.toThrow();
  });
});

describe('tourOpensByItself', () => {
  it('opens on a first visit, not once seen, and never in presentation mode', () => {
    expect(tourOpensByItself(false, false)).toBe(true);
    expect(tourOpensByItself(true, false)).toBe(false);
    expect(tourOpensByItself(false, true)).toBe(false);
    expect(tourOpensByItself(true, true)).toBe(false);
  });
});
