// Where the files a meta-training config names lie, for the CLI. A config file's own paths are
// relative to its folder (made absolute when read). A preset names files shipped with the package
// ("public/learners/vsml-clone-sgd.learner.json"): those stay relative in the config and in
// checkpoints, and mean a path in the package, wherever the command runs (the trainer page reads the
// same name from the app). So a relative path in a config the CLI holds is always a package path.
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MetaConfig } from '../meta/metaConfig';
import { mapConfigFiles } from '../meta/metaConfigParse';

/** The package's root folder (where package.json and public/ are), whatever the working directory. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A file the CLI opens: absolute as it is, relative against the package (a preset's file). */
export const packagePath = (p: string): string => (isAbsolute(p) ? p : resolve(PACKAGE_ROOT, p));

/** Whether a config document takes its `init` from the preset it names (it gives none itself). */
const initFromPreset = (raw: unknown): boolean =>
  raw !== null &&
  typeof raw === 'object' &&
  typeof (raw as Record<string, unknown>).preset === 'string' &&
  (raw as Record<string, unknown>).init === undefined;

/**
 * The config read from the file at `configPath` (document `raw`) with its own relative paths made
 * absolute against the file's folder; an init it takes from its preset stays a package path.
 */
export function resolveConfigFiles(config: MetaConfig, raw: unknown, configPath: string): MetaConfig {
  const base = dirname(resolve(configPath));
  const mapped = mapConfigFiles(config, (p) => (isAbsolute(p) ? p : resolve(base, p)));
  return initFromPreset(raw) ? { ...mapped, init: config.init } : mapped;
}
