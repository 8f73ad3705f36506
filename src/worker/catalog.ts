// What the UI may offer without loading the session code: the dataset names a session opens.
import { DATASET_NAMES } from '../data/registry';

/** The datasets a session can open by name (some need the user's files). */
export const SESSION_DATASETS: readonly string[] = DATASET_NAMES;
