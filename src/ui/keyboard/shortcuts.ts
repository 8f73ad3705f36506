// The studio's keyboard shortcuts and the one rule that decides them: a key is a shortcut only when
// the focused element does not use that key itself (Space presses a focused button, ArrowRight moves
// a slider's thumb, "p" types into a text field). Pure: the focus comes in as a plain description.

export type Shortcut = 'toggle-play' | 'step' | 'toggle-present' | 'show-help' | 'leave-present';

/** What the focused element is, as far as keys go (describeTarget.ts makes one from the DOM). */
export interface TargetDescription {
  /** Lower-case tag name: "button", "input", "body", … */
  readonly tag: string;
  /** An input's type ("text", "range", "checkbox", …); null for other elements. */
  readonly type: string | null;
  /** The ARIA role it or its nearest ancestor with one declares ("button", "slider", …); null for none. */
  readonly role: string | null;
  /** It is an a[href], or inside one. */
  readonly link: boolean;
  /** It is contenteditable. */
  readonly editable: boolean;
  /** It is inside a modal dialog (the dialog has its own keys: Escape closes it). */
  readonly inDialog: boolean;
  /** It is inside a chart or widget that handles arrow keys itself ([data-arrow-keys]). */
  readonly inArrowWidget: boolean;
}

/** The shortcuts as the "?" overlay lists them. */
export const SHORTCUTS: readonly { readonly keys: string; readonly does: string }[] = [
  { keys: 'Space', does: 'play / pause (on a focused button or link, Space presses it instead)' },
  { keys: '→ (right arrow)', does: 'one example (not in a text field, a list or a slider)' },
  { keys: 'p', does: 'presentation mode on / off' },
  { keys: 'Escape', does: 'leave presentation mode; close this list or the settings drawer' },
  { keys: '?', does: 'this list of shortcuts' },
  { keys: 'Tab', does: 'the skip link first, then play / pause and the toolbar' },
];

/** Roles whose element Space activates. */
const SPACE_ROLES = new Set([
  'button',
  'link',
  'checkbox',
  'switch',
  'radio',
  'tab',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'slider',
  'spinbutton',
  'textbox',
  'combobox',
]);
/** Roles that take arrow keys. */
const ARROW_ROLES = new Set([
  'slider',
  'spinbutton',
  'textbox',
  'combobox',
  'listbox',
  'radiogroup',
  'tablist',
  'menu',
  'menubar',
  'grid',
  'tree',
  'application',
]);
/** Elements that take typed characters (a select jumps to the option starting with the letter). */
const TYPING_TAGS = new Set(['textarea', 'select']);
/** Inputs that take no typed characters. */
const NON_TYPING_INPUTS = new Set([
  'checkbox',
  'radio',
  'range',
  'button',
  'submit',
  'reset',
  'file',
  'color',
  'image',
]);

const typesText = (t: TargetDescription): boolean =>
  t.editable ||
  TYPING_TAGS.has(t.tag) ||
  (t.tag === 'input' && !NON_TYPING_INPUTS.has(t.type ?? 'text')) ||
  t.role === 'textbox' ||
  t.role === 'combobox';

/**
 * The shortcut a key press means with this focus, or null (the focused control gets the key).
 * `key` is KeyboardEvent.key; a press with Ctrl, Alt or Meta is never a shortcut (`modified`).
 */
export function shortcutFor(key: string, target: TargetDescription, modified = false): Shortcut | null {
  if (modified || target.inDialog) return null;
  switch (key) {
    case ' ':
    case 'Spacebar':
      if (
        target.link ||
        target.editable ||
        ['button', 'input', 'select', 'textarea', 'summary', 'a'].includes(target.tag)
      )
        return null;
      return target.role !== null && SPACE_ROLES.has(target.role) ? null : 'toggle-play';
    case 'ArrowRight':
      if (target.editable || target.inArrowWidget || ['input', 'select', 'textarea'].includes(target.tag)) return null;
      return target.role !== null && ARROW_ROLES.has(target.role) ? null : 'step';
    case 'p':
      return typesText(target) ? null : 'toggle-present';
    case '?':
      return typesText(target) ? null : 'show-help';
    case 'Escape':
      return 'leave-present';
    default:
      return null;
  }
}
