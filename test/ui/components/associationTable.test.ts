// The fast-association table: one plain sentence that says what the second-showing numbers show
// (showingsVerdict), the table's cells with their exact numbers, and the showings as CSV and JSON.
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { accuracyJson, showingsCsv, type AccuracyExport } from '../../../src/ui/charts/export';
import { ShowingsTable } from '../../../src/ui/components/AssociationTable';
import { showingsVerdict } from '../../../src/ui/components/showingsVerdict';
import type { ShowingsByLearner } from '../../../src/worker/session/contract';

const at = (first: number, second: number) => ({
  first: { mean: first, std: 0.01, count: 320 },
  second: { mean: second, std: 0.02, count: 320 },
});

describe('showingsVerdict', () => {
  it('names a baseline within 0.05 of VSML as also getting second showings right, one higher as getting more, one lower as fewer', () => {
    const s: ShowingsByLearner = {
      vsml: at(0.25, 0.95),
      sgd: at(0.14, 0.936),
      adam: at(0.05, 0.45),
      'sgd-deep': at(0.02, 0.9759),
      'adam-deep': at(0.02, 0.789),
    };
    expect(showingsVerdict(s)).toBe(
      'VSML gets 95% of second showings right. SGD and SGD, deep also get about as many right here (94%, 98%). Adam and Adam, deep get fewer right (45%, 79%).',
    );
    expect(showingsVerdict({ vsml: at(0.2, 0.6), sgd: at(0.1, 0.9) })).toBe(
      'VSML gets 60% of second showings right. SGD gets more of them right here (90%).',
    );
    expect(showingsVerdict({ vsml: at(0.2, 0.9) })).toBe('VSML gets 90% of second showings right.');
  });

  it('names a learned learner by its kind', () => {
    const learned = [{ name: 'meta-rnn-mnist', file: 'meta-rnn-mnist.learner.json', kind: 'meta-rnn' as const }];
    expect(showingsVerdict({ vsml: at(0.2, 0.9), 'meta-rnn-mnist': at(0.1, 0.3) }, learned)).toBe(
      'VSML gets 90% of second showings right. Meta RNN gets fewer right (30%).',
    );
    const html = renderToString(
      createElement(ShowingsTable, { showings: { vsml: at(0.2, 0.9), 'meta-rnn-mnist': at(0.1, 0.3) }, learned }),
    );
    expect(html).toContain('<th scope="row">Meta RNN</th>');
  });

  it('says so when no image has been shown twice yet', () => {
    expect(showingsVerdict({ vsml: { first: { mean: 0, std: null, count: 1 }, second: null } })).toBe(
      'No image has been shown a second time yet: the table fills in as the repeats come.',
    );
  });
});

describe('ShowingsTable', () => {
  it('shows mean ± std and n per learner and showing, the exact numbers in data attributes, and the sentence', () => {
    const showings: ShowingsByLearner = {
      vsml: at(0.25, 0.95),
      sgd: { first: { mean: 1 / 3, std: null, count: 1 }, second: null },
    };
    const html = renderToString(createElement(ShowingsTable, { showings }));
    expect(html).toContain('data-testid="showing-vsml-first" data-mean="0.25" data-std="0.01" data-count="320"');
    expect(html).toMatch(/0\.250<span class="muted"> ± <!-- -->0\.010<\/span>/);
    expect(html).toContain(`data-testid="showing-sgd-first" data-mean="${1 / 3}" data-std="" data-count="1"`);
    expect(html).toContain('data-testid="showing-sgd-second" data-count="0">—</td>');
    expect(html).toContain('VSML gets 95% of second showings right.');
  });
});

describe('showings in the export', () => {
  const exported: AccuracyExport = {
    examples: 40,
    every: 1,
    runs: 2,
    seed: 22,
    taskName: 'mnist/test',
    learners: { vsml: { mean: new Float64Array(0), std: new Float64Array(0) } },
    association: {
      order: 'apart',
      fresh: true,
      showings: { vsml: at(0.1, 0.9), 'a,b': { first: { mean: 0.5, std: null, count: 1 }, second: null } },
    },
  };

  it('showingsCsv: one row per learner, exact doubles, empty std for one run and an empty showing', () => {
    expect(showingsCsv(exported)).toBe(
      'learner,first_mean,first_std,first_count,second_mean,second_std,second_count\n' +
        'vsml,0.1,0.01,320,0.9,0.02,320\n' +
        '"a,b",0.5,,1,,,0\n',
    );
    expect(showingsCsv({ ...exported, association: undefined })).toBe('');
  });

  it('accuracyJson carries the association field as it is', () => {
    expect(JSON.parse(accuracyJson(exported)).association).toEqual(exported.association);
    expect(JSON.parse(accuracyJson({ ...exported, association: undefined })).association).toBeUndefined();
  });
});
