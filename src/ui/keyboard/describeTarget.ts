// The focused element of a key press, described for shortcutFor (shortcuts.ts): its tag, input type,
// role, and whether it sits in a link, a modal dialog or a widget that handles arrow keys itself.

import type { TargetDescription } from './shortcuts';

/** The part of a DOM Element this reads (a real element, or a plain object in tests). */
export interface TargetElement {
  readonly tagName: string;
  readonly isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  closest(selectors: string): unknown;
}

const isElement = (t: unknown): t is TargetElement =>
  typeof t === 'object' &&
  t !== null &&
  typeof (t as TargetElement).tagName === 'string' &&
  typeof (t as TargetElement).closest === 'function';

/** The page itself (no element focused): every shortcut applies. */
export const PAGE_TARGET: TargetDescription = {
  tag: 'body',
  type: null,
  role: null,
  link: false,
  editable: false,
  inDialog: false,
  inArrowWidget: false,
};

export function describeTarget(target: unknown): TargetDescription {
  if (!isElement(target)) return PAGE_TARGET;
  const tag = target.tagName.toLowerCase();
  const withRole = target.closest('[role]');
  return {
    tag,
    type: tag === 'input' ? (target.getAttribute('type') ?? 'text').toLowerCase() : null,
    role: isElement(withRole) ? withRole.getAttribute('role') : null,
    link: target.closest('a[href]') !== null,
    editable: target.isContentEditable === true,
    inDialog: target.closest('dialog[open]') !== null,
    inArrowWidget: target.closest('[data-arrow-keys]') !== null,
  };
}
