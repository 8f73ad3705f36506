// The `learner` field of vsml-meta-config: defaults, the full form, and refusals naming the field.
import { describe, expect, it } from 'vitest';
import { metaConfigToJson, parseMetaConfig, trajectoryDifference } from '../../src/meta/metaConfigParse';
import { tinyConfigDoc } from './trainerHelpers';

const parse = (overrides: Record<string, unknown>) => parseMetaConfig(tinyConfigDoc(overrides));

function refusal(overrides: Record<string, unknown>): string {
  const r = parse(overrides);
  if (r.ok) throw new Error('accepted');
  return `${r.error.field}: ${r.error.message}`;
}

describe('learner in vsml-meta-config', () => {
  it('defaults to {"kind": "vsml"}, written out in the full form', () => {
    const r = parse({});
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.learner).toEqual({ kind: 'vsml' });
    expect(metaConfigToJson(r.value).learner).toEqual({ kind: 'vsml' });
  });

  it("a learned kind takes the padded shape 784/62 and the kind's default spec when they are left out", () => {
    const r = parse({ learner: { kind: 'fw-memory' } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.learner).toEqual({
      kind: 'fw-memory',
      shape: { inputSize: 784, numClasses: 62 },
      spec: { hidden: 32, memorySize: 16, tanhBound: 100 },
    });
  });

  it('a partial spec is filled from the table; the full form round-trips and leaves model out', () => {
    const r = parse({ learner: { kind: 'meta-rnn', shape: { inputSize: 25, numClasses: 10 }, spec: { hidden: 16 } } });
    if (!r.ok) throw new Error(r.error.message);
    const json = metaConfigToJson(r.value);
    expect(json.learner).toEqual({
      kind: 'meta-rnn',
      shape: { inputSize: 25, numClasses: 10 },
      spec: { hidden: 16, microTicks: 2, tanhBound: 100 },
    });
    expect(json.model).toBeUndefined();
    const back = parseMetaConfig(json);
    if (!back.ok) throw new Error(back.error.message);
    expect(back.value).toEqual(r.value);
  });

  it('refusals name the field', () => {
    expect(refusal({ learner: { kind: 'lstm' } })).toBe(
      'learner.kind: must be one of vsml, meta-rnn, hebbian, fw-memory, got "lstm"',
    );
    expect(refusal({ learner: {} })).toBe('learner.kind: missing (one of vsml, meta-rnn, hebbian, fw-memory)');
    expect(refusal({ learner: { kind: 'meta-rnn', spec: { hidden: 0 } } })).toBe(
      'learner.spec.hidden: must be an integer in [1, 4096], got 0',
    );
    expect(refusal({ learner: { kind: 'hebbian', spec: { hidden: 4 } } })).toMatch(
      /^learner\.spec\.hidden: unknown field/,
    );
    expect(refusal({ learner: { kind: 'meta-rnn', shape: { inputSize: 25 } } })).toMatch(
      /^learner\.shape\.numClasses: /,
    );
    expect(refusal({ learner: { kind: 'vsml', spec: {} } })).toMatch(/^learner\.spec: unknown field/);
  });

  it.each(['cma-es', 'clone-backprop'])('method %s does not support a learned kind (es and gradient do)', (method) => {
    expect(refusal({ method, learner: { kind: 'hebbian' } })).toBe(
      `method: ${method} does not support the hebbian learner (learner.kind): a learner without variable sharing is meta-trained with "method": "es" or "gradient"`,
    );
    expect(parse({ method: 'gradient', learner: { kind: 'hebbian' } }).ok).toBe(true);
  });

  it("objective clone-sgd is refused with a learned kind; model is VSML's", () => {
    expect(refusal({ method: 'gradient', objective: 'clone-sgd', learner: { kind: 'meta-rnn' } })).toBe(
      'objective: clone-sgd clones SGD into VSML\'s cells; the meta-rnn learner (learner.kind) is meta-trained on "meta-loss" (or "final-loss" with method es)',
    );
    expect(refusal({ learner: { kind: 'meta-rnn' }, model: { stateSize: 4 } })).toBe(
      "model: model configures VSML's V_M; the meta-rnn learner (learner.kind) is set by learner.shape and learner.spec: leave model out",
    );
  });

  it('resuming with another learner is a trajectory difference naming learner', () => {
    const a = parse({ learner: { kind: 'meta-rnn', shape: { inputSize: 25, numClasses: 10 } } });
    const b = parse({ learner: { kind: 'hebbian', shape: { inputSize: 25, numClasses: 10 } } });
    const c = parse({ learner: { kind: 'meta-rnn', shape: { inputSize: 25, numClasses: 10 }, spec: { hidden: 3 } } });
    if (!a.ok || !b.ok || !c.ok) throw new Error('refused');
    expect(trajectoryDifference(a.value, b.value)).toBe('learner.kind');
    expect(trajectoryDifference(a.value, c.value)).toBe('learner.spec.hidden');
  });
});
