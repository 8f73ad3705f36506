// Class names for the UI, per dataset, in label order.

export const DIGIT_NAMES: readonly string[] = Array.from({ length: 10 }, (_, i) => String(i));

export const FASHION_MNIST_NAMES: readonly string[] = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
];

/** EMNIST letters: label 1..26 (stored) is A/a..Z/z; the registry shifts labels to 0..25. */
export const EMNIST_LETTER_NAMES: readonly string[] = Array.from(
  { length: 26 },
  (_, i) => `${String.fromCharCode(65 + i)}/${String.fromCharCode(97 + i)}`,
);

/** EMNIST balanced: 0-9, A-Z, and the 11 lower-case letters that differ from their capitals. */
export const EMNIST_BALANCED_NAMES: readonly string[] = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabdefghnqrt'];

/** Kuzushiji-MNIST: the ten hiragana o, ki, su, tsu, na, ha, ma, ya, re, wo. */
export const KMNIST_NAMES: readonly string[] = [...'おきすつなはまやれを'];

export const CIFAR10_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

export const SUM_SIGN_NAMES: readonly string[] = ['sum < 0', 'sum >= 0'];

export const numberedNames = (k: number): string[] => Array.from({ length: k }, (_, i) => `class ${i}`);
