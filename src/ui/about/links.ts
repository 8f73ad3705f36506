// Where the About page points: the paper, its official code, and the studio's own pages.

export const PAPER = {
  authors: 'Louis Kirsch and Jürgen Schmidhuber',
  title: 'Meta Learning Backpropagation And Improving It',
  venue: 'NeurIPS 2021',
  url: 'https://arxiv.org/abs/2012.14905',
} as const;

export const OFFICIAL_CODE = 'https://github.com/louiskirsch/vsml-neurips2021';
