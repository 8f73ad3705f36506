import { describe, expect, it } from 'vitest';
import {
  colourTable,
  divergingInterpolator,
  learnerColour,
  parseColour,
  sequentialInterpolator,
} from '../../../src/ui/charts/palette';

describe('parseColour', () => {
  it('reads "#rrggbb" and "rgb(r, g, b)"', () => {
    expect([parseColour('#4e79a7'), parseColour('rgb(241, 163, 133)')]).toEqual([
      [78, 121, 167],
      [241, 163, 133],
    ]);
  });

  it('refuses anything else, naming it', () => {
    expect(() => parseColour('steelblue')).toThrow('unsupported colour "steelblue"');
  });
});

describe('colourTable', () => {
  it('has 256 RGBA entries; the diverging map runs from RdBu blue rgb(5, 48, 97) to red rgb(103, 0, 31)', () => {
    const t = colourTable(divergingInterpolator);
    expect(t.length).toBe(1024);
    expect(Array.from(t.slice(0, 4))).toEqual([5, 48, 97, 255]);
    expect(Array.from(t.slice(1020))).toEqual([103, 0, 31, 255]);
  });

  it('samples t = i / (size - 1): a 2-entry Blues table is rgb(247, 251, 255) and rgb(8, 48, 107)', () => {
    expect(Array.from(colourTable(sequentialInterpolator, 2))).toEqual([247, 251, 255, 255, 8, 48, 107, 255]);
  });
});

describe('learnerColour', () => {
  it("is Okabe–Ito in the learners' order, VSML (index 0) blue, wrapping after 8", () => {
    expect([learnerColour(0), learnerColour(1), learnerColour(8)]).toEqual(['#0072b2', '#e69f00', '#0072b2']);
  });
});
