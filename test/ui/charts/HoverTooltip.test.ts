// HoverTooltip rendered to HTML on the server (text nodes merged): test id, placement and rows.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HoverTooltip } from '../../../src/ui/charts/HoverTooltip';

const render = (props: Parameters<typeof HoverTooltip>[0]) =>
  renderToString(createElement(HoverTooltip, props)).replaceAll('<!-- -->', '');

describe('HoverTooltip', () => {
  it('is a data-export="skip" div with the given style, a grey title and one row per series, a square mark by default', () => {
    const html = render({
      style: { left: 10 },
      title: 'step 3',
      rows: [{ key: 'a', colour: '#111', label: 'mnist', text: '0.500' }],
    });
    expect(html).toBe(
      '<div data-export="skip" style="left:10px"><div style="color:#555555">step 3</div><div><span style="color:#111">■</span> mnist: 0.500</div></div>',
    );
  });
  it('takes a test id and a mark per row', () => {
    const html = render({
      testId: 'loss-tooltip',
      style: {},
      title: 'step 1',
      rows: [{ key: 'raw', colour: '#222', mark: '●', label: 'meta-loss', text: '1.1' }],
    });
    expect(html).toMatch(/^<div data-export="skip" data-testid="loss-tooltip"/);
    expect(html).toContain('<span style="color:#222">●</span> meta-loss: 1.1</div>');
  });
});
