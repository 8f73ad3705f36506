// Banner rendered to HTML on the server: the classes, roles and test ids the e2e tests read.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Banner } from '../../../src/ui/components/Banner';

describe('Banner', () => {
  it('is a plain status line without a test id or dismiss button by default', () => {
    expect(renderToString(createElement(Banner, { children: 'hello' }))).toBe(
      '<p class="banner" role="status">hello</p>',
    );
  });
  it('tone "warn" adds banner-warn and stays a status', () => {
    expect(renderToString(createElement(Banner, { tone: 'warn', testId: 'fallback-banner', children: 'slow' }))).toBe(
      '<p class="banner banner-warn" data-testid="fallback-banner" role="status">slow</p>',
    );
  });
  it('tone "error" with onDismiss is an alert ending in a dismiss link button', () => {
    expect(
      renderToString(
        createElement(Banner, { tone: 'error', testId: 'error-message', onDismiss: () => {}, children: 'refused' }),
      ),
    ).toBe(
      '<p class="banner banner-error" data-testid="error-message" role="alert">refused<button type="button" class="link" aria-label="dismiss">dismiss</button></p>',
    );
  });
});
