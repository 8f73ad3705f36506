// Display names of the learners in charts, legends and controls.
export const LEARNER_LABELS: { readonly [name: string]: string } = {
  vsml: 'VSML',
  sgd: 'SGD',
  adam: 'Adam',
  'sgd-deep': 'SGD, deep',
  'adam-deep': 'Adam, deep',
};
