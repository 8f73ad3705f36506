// The real MNIST test files in ../shared/data (read there, never copied into the project).
import { fileURLToPath } from 'node:url';

export const SHARED_DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const MNIST_IMAGES = `${SHARED_DATA}mnist/t10k-images-idx3-ubyte.gz`;
export const MNIST_LABELS = `${SHARED_DATA}mnist/t10k-labels-idx1-ubyte.gz`;
