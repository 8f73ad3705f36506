// The prediction's live region: its words, and at most one announcement per 3 s while playing.
import { describe, expect, it } from 'vitest';
import { announcementText, nextAnnouncement, type ShownExample } from '../../../src/ui/layout/announce';

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const shown = (example: number, predicted = 7, label = 7): ShownExample => ({
  example,
  predicted,
  label,
  classNames: digits,
});

describe('announcementText', () => {
  it('names the example, the prediction, the label and whether it was right', () => {
    expect(announcementText(shown(81))).toBe('Example 81: predicted 7, label 7, correct.');
    expect(announcementText(shown(82, 1, 7))).toBe('Example 82: predicted 1, label 7, wrong.');
  });
  it('uses class names, and a class number where there is no name', () => {
    expect(
      announcementText({
        example: 3,
        predicted: 9,
        label: 12,
        classNames: ['T-shirt/top', 'Trouser', '', '', '', '', '', '', '', 'Ankle boot'],
      }),
    ).toBe('Example 3: predicted Ankle boot, label 12, wrong.');
  });
  it('says only the prediction when the stream has no label', () => {
    expect(announcementText(shown(5, 2, -1))).toBe('Example 5: predicted 2.');
  });
});

describe('nextAnnouncement', () => {
  it('announces the first example at once', () => {
    expect(nextAnnouncement(null, shown(1), true, 100)).toEqual({
      example: 1,
      text: 'Example 1: predicted 7, label 7, correct.',
      at: 100,
    });
  });
  it('keeps quiet before an example, and for the example already announced', () => {
    expect(nextAnnouncement(null, null, true, 0)).toBeNull();
    expect(nextAnnouncement(null, shown(0), false, 0)).toBeNull();
    expect(nextAnnouncement({ example: 4, text: 'x', at: 0 }, shown(4), false, 10_000)).toBeNull();
  });
  it('while playing, waits 3000 ms after the last announcement', () => {
    const last = { example: 10, text: 'x', at: 1000 };
    expect(nextAnnouncement(last, shown(11), true, 3999)).toBeNull();
    expect(nextAnnouncement(last, shown(40), true, 4000)).toEqual({
      example: 40,
      text: 'Example 40: predicted 7, label 7, correct.',
      at: 4000,
    });
  });
  it('after a step or a pause (not playing), announces the new example at once', () => {
    expect(nextAnnouncement({ example: 10, text: 'x', at: 1000 }, shown(11), false, 1001)?.example).toBe(11);
  });
});
