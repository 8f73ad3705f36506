// shortcutFor: a key is a shortcut only where the focused element does not use it; every listed case exact.
import { describe, expect, it } from 'vitest';
import { PAGE_TARGET } from '../../../src/ui/keyboard/describeTarget';
import { SHORTCUTS, shortcutFor, type TargetDescription } from '../../../src/ui/keyboard/shortcuts';

const on = (patch: Partial<TargetDescription>): TargetDescription => ({ ...PAGE_TARGET, ...patch });
const button = on({ tag: 'button' });
const link = on({ tag: 'a', link: true });
const text = on({ tag: 'input', type: 'text' });
const range = on({ tag: 'input', type: 'range' });
const checkbox = on({ tag: 'input', type: 'checkbox' });
const select = on({ tag: 'select' });
const textarea = on({ tag: 'textarea' });
const summary = on({ tag: 'summary' });
const roleButton = on({ tag: 'div', role: 'button' });
const editable = on({ tag: 'div', editable: true });
const chart = on({ tag: 'svg', inArrowWidget: true });
const inDialog = on({ tag: 'button', inDialog: true });

describe('shortcutFor', () => {
  it('Space toggles play on the page and on non-interactive elements', () => {
    expect(shortcutFor(' ', PAGE_TARGET)).toBe('toggle-play');
    expect(shortcutFor(' ', on({ tag: 'section', role: 'region' }))).toBe('toggle-play');
    expect(shortcutFor(' ', on({ tag: 'canvas' }))).toBe('toggle-play');
  });
  it('Space goes to a focused button, link, input, select, textarea, summary, [role=button] or contenteditable', () => {
    for (const t of [button, link, text, range, checkbox, select, textarea, summary, roleButton, editable])
      expect(shortcutFor(' ', t)).toBeNull();
    expect(shortcutFor(' ', on({ tag: 'span', link: true }))).toBeNull();
  });
  it('ArrowRight steps on the page, on buttons and links, and not in inputs, selects, textareas, sliders or arrow-key charts', () => {
    expect(shortcutFor('ArrowRight', PAGE_TARGET)).toBe('step');
    expect(shortcutFor('ArrowRight', button)).toBe('step');
    expect(shortcutFor('ArrowRight', link)).toBe('step');
    for (const t of [text, range, checkbox, select, textarea, editable, chart, on({ tag: 'div', role: 'slider' })])
      expect(shortcutFor('ArrowRight', t)).toBeNull();
  });
  it('p and ? work on buttons, links, checkboxes and sliders, not where they are typed', () => {
    for (const t of [PAGE_TARGET, button, link, checkbox, range]) {
      expect(shortcutFor('p', t)).toBe('toggle-present');
      expect(shortcutFor('?', t)).toBe('show-help');
    }
    for (const t of [
      text,
      select,
      textarea,
      editable,
      on({ tag: 'input', type: 'search' }),
      on({ tag: 'input', type: null }),
    ]) {
      expect(shortcutFor('p', t)).toBeNull();
      expect(shortcutFor('?', t)).toBeNull();
    }
  });
  it('Escape leaves presentation mode, even from a text field', () => {
    expect(shortcutFor('Escape', PAGE_TARGET)).toBe('leave-present');
    expect(shortcutFor('Escape', text)).toBe('leave-present');
  });
  it('nothing is a shortcut inside a modal dialog, or with Ctrl, Alt or Meta held', () => {
    for (const key of [' ', 'ArrowRight', 'p', '?', 'Escape']) {
      expect(shortcutFor(key, inDialog)).toBeNull();
      expect(shortcutFor(key, PAGE_TARGET, true)).toBeNull();
    }
  });
  it('other keys, and P in upper case, are not shortcuts', () => {
    for (const key of ['P', 'ArrowLeft', 'Enter', 'a', 'Tab']) expect(shortcutFor(key, PAGE_TARGET)).toBeNull();
  });
  it('the overlay lists every key shortcutFor answers', () => {
    expect(SHORTCUTS.map((s) => s.keys)).toEqual(['Space', '→ (right arrow)', 'p', 'Escape', '?', 'Tab']);
  });
});
