import { permutationSuite } from '../helpers/permutationSuite';
import { gpuEngine } from './fixture';

// The mean reductions sum in another order after a permutation: equal up to float rounding.
permutationSuite('GpuEngine', gpuEngine, 1e-5);
