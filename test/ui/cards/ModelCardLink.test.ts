// ModelCardLink and ModelCardDialog rendered to HTML on the server: the button the studio shows, and
// the dialog's first paint (labelled by its heading, a close button, the card loading).
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ModelCardDialog } from '../../../src/ui/cards/ModelCardDialog';
import { ModelCardLink } from '../../../src/ui/cards/ModelCardLink';

describe('ModelCardLink', () => {
  it('is a link-styled button that opens a dialog, with no dialog until clicked', () => {
    expect(renderToString(createElement(ModelCardLink, { learnerId: 'vsml-mnist', assetBase: '/' }))).toBe(
      '<button type="button" class="link model-card-link" aria-haspopup="dialog" data-testid="model-card-link">model card</button>',
    );
  });

  it('named for its learner where several sit together: "model card: Meta RNN, meta-trained on MNIST", the visible text kept', () => {
    const html = renderToString(
      createElement(ModelCardLink, {
        learnerId: 'meta-rnn-mnist',
        assetBase: '/',
        testId: 'model-card-link-meta-rnn-mnist',
        of: 'Meta RNN, meta-trained on MNIST',
      }),
    );
    expect(html).toBe(
      '<button type="button" class="link model-card-link" aria-haspopup="dialog" data-testid="model-card-link-meta-rnn-mnist" aria-label="model card: Meta RNN, meta-trained on MNIST">model card</button>',
    );
  });
});

describe('ModelCardDialog', () => {
  it('is a dialog labelled by its heading, titled by the id while the card loads, with a close button', () => {
    const html = renderToString(
      createElement(ModelCardDialog, { cardId: 'vsml-mnist', assetBase: '/', onClose: () => {} }),
    );
    const label = /<dialog class="model-card-dialog" aria-labelledby="([^"]+)" data-testid="model-card">/.exec(
      html,
    )?.[1];
    expect(label).toBeDefined();
    expect(html).toContain(`<h2 id="${label}" tabindex="-1">Model card: vsml-mnist</h2>`);
    expect(html).toContain('<button type="button" data-testid="model-card-close">close</button>');
    expect(html).toContain('<p class="muted" role="status">loading learners/<!-- -->vsml-mnist<!-- -->.md…</p>');
    expect(html).toContain('<div class="model-card-body" aria-busy="true"></div>');
  });
});
