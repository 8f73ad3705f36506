import { CpuEngine } from '../../src/model/cpuEngine';
import { permutationSuite } from '../helpers/permutationSuite';

permutationSuite('CpuEngine', async (spec) => new CpuEngine(spec), 1e-5);
