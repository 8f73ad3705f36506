// The registry as data: every entry consistent, the normalisation table, openDataset per kind.
import { describe, expect, it } from 'vitest';
import { openDataset } from '../../src/data/open';
import { FASHION_MNIST_STATS, MNIST_STATS, fashionMnistNormalisation } from '../../src/data/normalisation';
import { DATASET_NAMES, DATASETS, getDataset } from '../../src/data/registry';
import { compilePipeline } from '../../src/data/pipeline';
import { sharedFile, unwrap } from './helpers';

describe('DATASETS', () => {
  it('every entry: its key is its name, K class names, splits train and test', () => {
    for (const name of DATASET_NAMES) {
      const d = DATASETS[name];
      expect(d.name).toBe(name);
      if (d.numClasses !== null) expect(d.classNames.length).toBe(d.numClasses);
      expect(d.splits).toEqual(['train', 'test']);
      expect(unwrap(getDataset(name))).toBe(d);
    }
  });

  it('normalisation: MNIST 0.13066/0.30811, EMNIST 0.17392/0.33191, KMNIST 0.19176/0.34834, CIFAR-10 0.47336/0.25157, Omniglot mirrored 0.07794/0.26808, synthetic none', () => {
    const stats = Object.fromEntries(DATASET_NAMES.map((n) => [n, DATASETS[n].normalisation]));
    expect(stats.mnist).toEqual({ mean: 0.13066, std: 0.30811 });
    expect(stats['mnist-idx']).toEqual(MNIST_STATS);
    expect(stats['emnist-letters']).toEqual({ mean: 0.17392, std: 0.33191 });
    expect(stats['emnist-balanced']).toEqual({ mean: 0.17392, std: 0.33191 });
    expect(stats.kmnist).toEqual({ mean: 0.19176, std: 0.34834 });
    expect(stats.cifar10).toEqual({ mean: 0.47336, std: 0.25157 });
    expect(stats.omniglot!.mean).toBeCloseTo(0.07794, 10);
    expect(stats.omniglot!.std).toBe(0.26808);
    expect(stats.random).toBeNull();
    expect(stats['sum-sign']).toBeNull();
  });

  it('Fashion-MNIST: the true 0.2860/0.3530 by default, MNIST\'s with fashionMnistStats "mnist"', async () => {
    expect(DATASETS['fashion-mnist'].normalisation).toEqual({ mean: 0.286, std: 0.353 });
    expect(fashionMnistNormalisation()).toBe(FASHION_MNIST_STATS);
    expect(fashionMnistNormalisation('mnist')).toBe(MNIST_STATS);
    const files = {
      images: sharedFile('fashion-mnist/t10k-images-idx3-ubyte.gz'),
      labels: sharedFile('fashion-mnist/t10k-labels-idx1-ubyte.gz'),
    };
    const own = unwrap(await openDataset('fashion-mnist', { split: 'test', files }));
    expect(own.normalisation).toEqual(FASHION_MNIST_STATS);
    const official = unwrap(await openDataset('fashion-mnist', { split: 'test', files, fashionMnistStats: 'mnist' }));
    expect(official.normalisation).toEqual(MNIST_STATS);
    const custom = unwrap(
      await openDataset('fashion-mnist', { split: 'test', files, normalisation: { mean: 0.5, std: 0.5 } }),
    );
    expect(custom.normalisation).toEqual({ mean: 0.5, std: 0.5 });
  });

  it('openDataset: random is the 20 examples of the seed, sum-sign a generator, mnist via the builtin hook', async () => {
    const r = unwrap(await openDataset('random', { split: 'test', seed: 3 }));
    expect(r.kind === 'images' && r.count).toBe(20);
    const s = unwrap(await openDataset('sum-sign', { split: 'test' }));
    expect(s.kind).toBe('generator');
    const m = unwrap(
      await openDataset('mnist', { split: 'train', builtin: async () => ({ ok: true, value: r as never }) }),
    );
    expect(m).toBe(r);
    const fetched = await openDataset('mnist', { split: 'test', builtinBaseUrl: 'http://127.0.0.1:9/' });
    expect(fetched.ok ? '' : fetched.error.field).toBe('http://127.0.0.1:9/mnist-builtin-images-idx3-ubyte.gz');
  });
});

describe('compilePipeline', () => {
  it('run one by one equals runAll (projection in groups of 4; 7 examples)', () => {
    const shape = { height: 6, width: 6, channels: 1 };
    const pipe = unwrap(
      compilePipeline(shape, {
        seed: 3,
        grayscale: false,
        resize: 5,
        normalisation: MNIST_STATS,
        shufflePixels: false,
        project: true,
      }),
    );
    expect(pipe.inputSize).toBe(25);
    const src = Uint8Array.from({ length: 7 * 36 }, (_, i) => (i * 37) % 256);
    const all = new Float32Array(7 * 25);
    pipe.runAll(src, 7, all);
    const one = new Float32Array(7 * 25);
    for (let n = 0; n < 7; n++) pipe.run(src, n * 36, one, n * 25);
    expect(Array.from(one)).toEqual(Array.from(all));
  });
});
