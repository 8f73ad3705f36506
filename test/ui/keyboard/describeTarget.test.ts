// describeTarget: the DOM facts shortcutFor needs, read from an element (plain objects stand in for the DOM).
import { describe, expect, it } from 'vitest';
import { describeTarget, PAGE_TARGET, type TargetElement } from '../../../src/ui/keyboard/describeTarget';

/** An element with attributes, and the selectors its closest() matches (itself or an ancestor), each with the attributes found there. */
function element(
  tagName: string,
  attrs: { [name: string]: string } = {},
  ancestors: { [selector: string]: { [name: string]: string } } = {},
  isContentEditable = false,
): TargetElement {
  return {
    tagName,
    isContentEditable,
    getAttribute: (name) => attrs[name] ?? null,
    closest: (selector) => {
      const found = ancestors[selector];
      return found ? { tagName: 'DIV', getAttribute: (n: string) => found[n] ?? null, closest: () => null } : null;
    },
  };
}

describe('describeTarget', () => {
  it('is the page for no element (window, document, null)', () => {
    expect(describeTarget(null)).toEqual(PAGE_TARGET);
    expect(describeTarget({})).toEqual(PAGE_TARGET);
  });
  it('reads a range input: tag, lower-case type, no role', () => {
    expect(describeTarget(element('INPUT', { type: 'Range' }))).toEqual({
      ...PAGE_TARGET,
      tag: 'input',
      type: 'range',
    });
  });
  it('an input without a type is a text input', () => {
    expect(describeTarget(element('INPUT')).type).toBe('text');
  });
  it('takes the role of the nearest element that has one, and sees links, dialogs and arrow-key widgets around it', () => {
    const t = describeTarget(
      element('SPAN', {}, { '[role]': { role: 'button' }, 'a[href]': {}, 'dialog[open]': {}, '[data-arrow-keys]': {} }),
    );
    expect(t).toEqual({
      tag: 'span',
      type: null,
      role: 'button',
      link: true,
      editable: false,
      inDialog: true,
      inArrowWidget: true,
    });
  });
  it('sees contenteditable', () => {
    expect(describeTarget(element('DIV', {}, {}, true)).editable).toBe(true);
  });
});
