import { describe, expect, it } from 'vitest';
import { learnerPath, reproduceCommand, reproduceFiles } from '../../../src/ui/explain/reproduceCommand';

describe('reproduceCommand', () => {
  it('names the shipped learner file, the two downloads and example T = 12', () => {
    expect(reproduceCommand(learnerPath('vsml-mnist', null), 12)).toBe(
      'npm run vsml -- trace --learner public/learners/vsml-mnist.learner.json --stream explain-stream.json --state explain-state.json --explain 12 --explain-out explain-12.json --backend reference --out explain-trace.json',
    );
    expect(reproduceFiles(3)).toEqual({
      stream: 'explain-stream.json',
      state: 'explain-state.json',
      explainOut: 'explain-3.json',
      traceOut: 'explain-trace.json',
    });
  });

  it('names the picked cell as --cell L,A,B', () => {
    expect(reproduceCommand('l.json', 5, { layer: 0, a: 350, b: 3 })).toBe(
      'npm run vsml -- trace --learner l.json --stream explain-stream.json --state explain-state.json --explain 5 --explain-out explain-5.json --cell 0,350,3 --backend reference --out explain-trace.json',
    );
  });

  it('quotes a learner file name with spaces or quotes for the shell', () => {
    expect(reproduceCommand(learnerPath('file', "my learner's.json"), 0)).toContain(
      `--learner 'my learner'\\''s.json' --stream`,
    );
  });

  it('a learner handed over by the trainer is named as the file the trainer exports', () => {
    expect(learnerPath('trained', null)).toBe('trained.learner.json');
  });
});
