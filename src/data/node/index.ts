// Node-only helpers of src/data (file paths, the built-in asset on disk). Never import from browser code.
export { readFileInput } from './readFileInput';
export {
  BUILTIN_ASSET_DIR, builtinMnistAssetBytes, builtinMnistAssetExists, ensureBuiltinMnistAsset, loadBuiltinMnistNode,
  readMnistPackage, writeBuiltinMnistAsset,
} from './builtinMnist';
export { FASHION_T10K, SHARED_FASHION_DIR, fashionSubsetAssetBytes, readBuiltinAsset, writeBuiltinFashionAsset } from './builtinFashion';
export { openDatasetNode, type OpenNodeRequest } from './open';
