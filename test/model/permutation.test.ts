import { ReferenceEngine } from '../../src/model/referenceEngine';
import { permutationSuite } from '../helpers/permutationSuite';

permutationSuite('ReferenceEngine', async (spec) => new ReferenceEngine(spec), 1e-5);
