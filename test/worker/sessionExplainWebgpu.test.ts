// "Explain this step" on real WebGPU (Dawn; SwiftShader here, see test/gpu/fixture.ts): the
// explanation computed by the CPU reference from the GPU engine's read-back state agrees with the GPU
// engine's own h, c and y after the example within the engines' tolerance (1e-4), and it is run 0
// recomputed on the CPU from reproduce()'s documents within the same; teach and peek on the GPU.
import { describe, expect, it } from 'vitest';
import { nodeGpu } from '../../src/cli/nodeGpu';
import { loadShadersNode } from '../../src/gpu/shadersNode';
import { parseStream } from '../../src/data/streamFile';
import { specShapes } from '../../src/model/engine';
import { parseLearner } from '../../src/model/formats/learner';
import { parseState } from '../../src/model/formats/state';
import { tickNetwork, zeroCarry } from '../../src/model/reference';
import { chooseSessionEngine } from '../../src/worker/shared/engineChoice';
import { sharedGpu } from '../../src/worker/shared/sharedGpu';
import { maxAbsDiff } from '../helpers/random';
import { cpuApi, settings, tinyLearnerDoc } from './helpers';

const TOL = 1e-4;

describe('explainNext on WebGPU (Dawn, built-in MNIST 7x7, 3 runs, tiny learner with a hidden layer)', () => {
  it('agrees with the GPU engine and with run 0 recomputed on the CPU within 1e-4; teach moves the peek', async () => {
    const shared = sharedGpu(nodeGpu(), loadShadersNode());
    await shared
      .make({ config: unwrap(parseLearner(tinyLearnerDoc())).config, inputSize: 49, numClasses: 10, runs: 3 })
      .then((e) => e.dispose());
    const api = cpuApi({ makeEngine: (spec) => chooseSessionEngine(spec, shared) });
    const r = await api.open(settings, tinyLearnerDoc());
    expect(r.ok && r.info.backend).toBe('webgpu');
    await api.step(12);
    const e = await api.explainNext();
    if (!e.ok) throw new Error(e.message);
    console.log(
      `WebGPU: explanation of example ${e.explanation.example} agrees with the engine within ${e.agreement.toExponential(2)}`,
    );
    expect(e.agreement).toBeLessThanOrEqual(TOL);

    const docs = await api.reproduce();
    if (!docs.ok) throw new Error(docs.message);
    const learner = unwrap(parseLearner(tinyLearnerDoc()));
    const stream = unwrap(parseStream(JSON.parse(docs.stream)));
    const shapes = specShapes({ config: learner.config, inputSize: 49, numClasses: 10, runs: 1 });
    const carry = zeroCarry(learner.config, shapes, [
      ...unwrap(parseState(JSON.parse(docs.state), { shapes, stateSize: learner.config.stateSize })),
    ]);
    let y = new Float32Array(0) as Float32Array;
    for (let t = 0; t < stream.steps; t++)
      y = tickNetwork(
        learner.config,
        learner.params,
        shapes,
        carry,
        stream.inputs.subarray(t * 49, (t + 1) * 49),
        stream.labels[t],
      ).y;
    const cpuVsPage = Math.max(
      maxAbsDiff(y, e.explanation.y),
      ...e.explanation.layers.map((l, i) => maxAbsDiff(l.ticks[l.ticks.length - 1].c, carry.states[i].c)),
    );
    console.log(
      `WebGPU page vs CPU recomputation from reproduce(): max |diff| of y and c = ${cpuVsPage.toExponential(2)}`,
    );
    expect(cpuVsPage).toBeLessThanOrEqual(TOL);

    const drawing = {
      width: 28,
      height: 28,
      pixels: new Uint8ClampedArray(784).map((_, k) => (k % 28 === 14 && k > 100 && k < 680 ? 255 : 0)),
    };
    const before = await api.peek(drawing);
    const taught = await api.teach(drawing, 7);
    const after = await api.peek(drawing);
    if (!before.ok || !taught.ok || !after.ok) throw new Error('refused');
    console.log(
      `WebGPU: p(7) for a stroke ${before.probabilities[7].toFixed(6)} before teaching it as 7, ${after.probabilities[7].toFixed(6)} after`,
    );
    expect(maxAbsDiff(taught.probabilities, before.probabilities)).toBeLessThanOrEqual(TOL);
    expect(after.probabilities[7]).not.toBe(before.probabilities[7]);
  }, 180_000);
});

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
