// Writes the built-in Fashion-MNIST subset (the first 2,000 images and labels of the official test
// split) from ../shared/data/fashion-mnist/t10k-* to public/data/fashion-mnist-builtin-*-ubyte.gz.
// Run once by hand (`npx tsx scripts/build-fashion-asset.ts [SHARED_FASHION_DIR]`); the two files are committed, so builds
// and tests never need ../shared. Prints each file's size and sha256 (docs/DATA.md lists them).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeBuiltinFashionAsset, SHARED_FASHION_DIR } from '../src/data/node/builtinFashion';
import { formatFieldError } from '../src/model/result';

const sharedDir = process.argv[2] ?? SHARED_FASHION_DIR;
const written = await writeBuiltinFashionAsset(sharedDir);
if (!written.ok) {
  console.error(`scripts/build-fashion-asset.ts: ${formatFieldError(written.error)}`);
  console.error(
    `(the subset is cut from ${sharedDir}, see ../shared/data/README.md; the committed asset in public/data/ is left as it was)`,
  );
  process.exit(1);
}
for (const path of [written.value.images, written.value.labels]) {
  const bytes = await readFile(path);
  console.log(`${path}: ${bytes.length} bytes, sha256 ${createHash('sha256').update(bytes).digest('hex')}`);
}
