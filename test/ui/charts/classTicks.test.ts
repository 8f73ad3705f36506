import { describe, expect, it } from 'vitest';
import { classTickLayout, className, labelWidth, thinEvery } from '../../../src/ui/charts/classTicks';

const digits = Array.from({ length: 10 }, (_, k) => String(k));

describe('classTickLayout', () => {
  it('keeps 10 one-character labels horizontal 28 px apart', () => {
    expect(classTickLayout(digits, 28)).toEqual({ rotate: false, every: 1 });
  });

  it('rotates CIFAR-10 names (longest "automobile", 65 px) 20 px apart and keeps them all', () => {
    const cifar = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];
    expect(labelWidth(cifar)).toBe(65);
    expect(classTickLayout(cifar, 20)).toEqual({ rotate: true, every: 1 });
  });

  it('rotates and keeps every 3rd of 47 labels 5 px apart', () => {
    const emnist = Array.from({ length: 47 }, (_, k) => String.fromCharCode(65 + (k % 26)));
    expect(classTickLayout(emnist, 5)).toEqual({ rotate: true, every: 3 });
  });
});

describe('thinEvery / className', () => {
  it('thins rows under 12 px: 16 -> 1, 6 -> 2, 3.4 -> 4', () => {
    expect([thinEvery(16), thinEvery(6), thinEvery(3.4)]).toEqual([1, 2, 4]);
  });

  it('names class k by classNames[k], else by its number', () => {
    expect([className(['zero'], 0), className(['zero'], 1), className([], 5)]).toEqual(['zero', '1', '5']);
  });
});
