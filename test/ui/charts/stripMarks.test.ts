// The strip's fast-association marks (stripMarks.ts): triangles per showing, a dashed line at each
// episode start, the summary's words, and the strip drawn with them (and without them on the i.i.d. stream).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MARK_EPISODE_START as E, MARK_FIRST as F, MARK_SECOND as S } from '../../../src/model/showings';
import { IntrospectionStrip } from '../../../src/ui/charts/IntrospectionStrip';
import { markPaths, marksSummary, markWords, trianglePath } from '../../../src/ui/charts/stripMarks';

describe('markPaths', () => {
  it('an outlined triangle per first showing, a filled one per second, a line at each episode start (4 columns of 10 px, band 12)', () => {
    const marks = Uint8Array.from([F | E, F, S, S | 0, F | E]);
    const p = markPaths(marks, 1, 4, 10, 12, 100);
    expect(p.first).toBe(trianglePath(5, 1, 9, 9) + trianglePath(35, 1, 9, 9));
    expect(p.second).toBe(trianglePath(15, 1, 9, 9) + trianglePath(25, 1, 9, 9));
    expect(p.episodes).toBe('M30,0V100');
    expect(trianglePath(5, 1, 9, 9)).toBe('M0.5,1h9l-4.5,9Z');
  });
});

describe('marksSummary and markWords', () => {
  it('counts right guesses per showing in the window and the episodes that begin (K = 2)', () => {
    // Argmax per row: 0, 1, 1, 0; labels 0, 0, 1, 0.
    const p = Float32Array.from([0.9, 0.1, 0.2, 0.8, 0.3, 0.7, 0.6, 0.4]);
    const labels = Int32Array.from([0, 0, 1, 0]);
    expect(marksSummary(p, labels, Uint8Array.from([F | E, F, S, S]), 2, 0, 4)).toBe(
      'first showings 1 of 2 right, second showings 2 of 2 right, 1 episode begins',
    );
    expect(marksSummary(p, labels, Uint8Array.from([0, 0, 0, 0]), 2, 0, 4)).toBe('');
    expect([markWords(F | E), markWords(S), markWords(0)]).toEqual([
      'first showing, episode start',
      'second showing',
      '',
    ]);
  });
});

describe('IntrospectionStrip with marks', () => {
  const props = {
    probabilities: Float32Array.from([0.9, 0.1, 0.2, 0.8]),
    labels: Int32Array.from([0, 1]),
    numClasses: 2,
    classNames: ['cat', 'dog'],
  };

  it('draws the marks band and its legend, and says the showings in its summary', () => {
    const html = renderToString(createElement(IntrospectionStrip, { ...props, marks: Uint8Array.from([F | E, S]) }));
    expect(html).toContain('data-testid="strip-marks"');
    expect(html).toContain('data-testid="strip-marks-legend"');
    expect(html).toContain(
      'Last 2 examples: 2 correct; first showings 1 of 1 right, second showings 1 of 1 right, 1 episode begins',
    );
  });

  it('draws no band on the i.i.d. stream (marks all 0)', () => {
    const html = renderToString(createElement(IntrospectionStrip, { ...props, marks: Uint8Array.from([0, 0]) }));
    expect(html).not.toContain('strip-marks');
    expect(html).toContain('Last 2 examples: 2 correct<');
  });
});
