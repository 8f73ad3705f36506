// What the page's drawing pad may use of src/data without loading the session code (the layers let the
// UI import the worker, not data): the IDX writer for the drawings it taught, pure, run on the page.
export { encodeDrawingsIdx, type IdxPair, type LabelledDrawing } from '../../data/drawingsIdx';
