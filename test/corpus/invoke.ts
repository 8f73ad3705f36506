// How a corpus input reaches each CLI command that accepts it: for a slot (learner, stream, IDX
// images, checkpoint, ...) the `vsml` argument lists that feed the input there, every other input
// good. Inputs are committed files (test/corpus/files/...), generated ones ("gen:NAME", see
// generate.ts), a path that does not exist ("missing") or a directory ("directory").
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GeneratedName } from './generate';

export const CORPUS_FILES = fileURLToPath(new URL('./files/', import.meta.url));

export const SLOTS = [
  'learner',
  'stream',
  'state',
  'config',
  'checkpoint',
  'images',
  'labels',
  'records',
  'class-names',
  'mapping',
] as const;
export type Slot = (typeof SLOTS)[number];
export type CommandName = 'trace' | 'evaluate' | 'meta-train';

/** Which commands take each slot (and so run every row of that slot). */
export const COMMANDS_OF: { readonly [S in Slot]: readonly CommandName[] } = {
  learner: ['trace', 'evaluate', 'meta-train'],
  stream: ['trace'],
  state: ['trace'],
  config: ['meta-train'],
  checkpoint: ['meta-train'],
  images: ['evaluate', 'meta-train'],
  labels: ['evaluate', 'meta-train'],
  records: ['evaluate'],
  'class-names': ['evaluate'],
  mapping: ['evaluate'],
};

/** Where the invocations of one run put their files. */
export interface CorpusContext {
  /** A fresh temporary folder. */
  readonly dir: string;
  readonly gen: Readonly<Record<GeneratedName, string>>;
}

export interface Invocation {
  readonly command: CommandName;
  readonly argv: readonly string[];
  /** The path the command reads the input from: what "{file}" stands for in the expected line. */
  readonly file: string;
}

export const goodFile = (name: string): string => join(CORPUS_FILES, 'good', name);

let made = 0;
/** A new folder under the context's. */
async function fresh(ctx: CorpusContext, tag: string): Promise<string> {
  const d = join(ctx.dir, `${String(++made).padStart(4, '0')}-${tag}`);
  await mkdir(d, { recursive: true });
  return d;
}

/** The input as a path: "missing" and "directory" are made in `at`. */
async function inputPath(input: string, ctx: CorpusContext, at: string): Promise<string> {
  if (input === 'missing') return join(at, 'no-such-file.json');
  if (input === 'directory') {
    const d = join(at, 'a-directory.json');
    await mkdir(d, { recursive: true });
    return d;
  }
  if (input.startsWith('gen:')) return ctx.gen[input.slice(4) as GeneratedName];
  return join(CORPUS_FILES, input);
}

async function goodConfig(): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(goodFile('config.json'), 'utf8')) as Record<string, unknown>;
}

/** A meta-config (the good one with `edit`) written into `at`. */
async function configWith(at: string, edit: (doc: Record<string, unknown>) => void): Promise<string> {
  const doc = await goodConfig();
  edit(doc);
  const path = join(at, 'config.json');
  await writeFile(path, JSON.stringify(doc));
  return path;
}

const EVAL = ['--steps', '5', '--runs', '1'];

/** The invocation of `command` with `input` in `slot`. */
export async function invocation(
  slot: Slot,
  command: CommandName,
  input: string,
  ctx: CorpusContext,
): Promise<Invocation> {
  const at = await fresh(ctx, `${slot}-${command}`);
  const out = join(at, 'out.json');
  const run = join(at, 'run');
  if (slot === 'checkpoint') {
    // The input becomes DIR/checkpoint.json of a run folder; "missing" leaves the folder empty.
    await mkdir(run, { recursive: true });
    const file = join(run, 'checkpoint.json');
    if (input === 'directory') await mkdir(file);
    else if (input !== 'missing') await copyFile(await inputPath(input, ctx, at), file);
    return { command, argv: ['meta-train', '--resume', '--out', run], file };
  }
  const file = await inputPath(input, ctx, at);
  const learner = slot === 'learner' ? file : goodFile('learner.json');
  switch (`${slot}/${command}`) {
    case 'learner/trace':
    case 'stream/trace':
    case 'state/trace': {
      const stream = slot === 'stream' ? file : goodFile('stream.json');
      const state = slot === 'state' ? ['--state', file] : [];
      return { command, file, argv: ['trace', '--learner', learner, '--stream', stream, ...state, '--out', out] };
    }
    case 'learner/evaluate':
      return {
        command,
        file,
        argv: ['evaluate', '--learner', learner, '--dataset', 'sum-sign', ...EVAL, '--out', out],
      };
    case 'learner/meta-train': {
      const config = await configWith(at, (d) => (d.init = file));
      return { command, file, argv: ['meta-train', '--config', config, '--out', run] };
    }
    case 'config/meta-train':
      return { command, file, argv: ['meta-train', '--config', file, '--out', run] };
    case 'images/evaluate':
    case 'labels/evaluate': {
      const images = slot === 'images' ? file : ctx.gen['images.idx'];
      const labels = slot === 'labels' ? file : ctx.gen['labels.idx'];
      return {
        command,
        file,
        argv: [
          'evaluate',
          '--learner',
          'sgd',
          '--dataset',
          'idx',
          '--images',
          images,
          '--labels',
          labels,
          ...EVAL,
          '--out',
          out,
        ],
      };
    }
    case 'images/meta-train':
    case 'labels/meta-train': {
      const images = slot === 'images' ? file : ctx.gen['images.idx'];
      const labels = slot === 'labels' ? file : ctx.gen['labels.idx'];
      const config = await configWith(
        at,
        (d) => (d.tasks = { datasets: [{ name: 'mnist-idx', files: { images, labels } }] }),
      );
      return { command, file, argv: ['meta-train', '--config', config, '--out', run] };
    }
    case 'records/evaluate':
      return {
        command,
        file,
        argv: ['evaluate', '--learner', 'sgd', '--dataset', 'cifar10', '--records', file, ...EVAL, '--out', out],
      };
    case 'class-names/evaluate':
      return {
        command,
        file,
        argv: [
          'evaluate',
          '--learner',
          'sgd',
          '--dataset',
          'cifar10',
          '--records',
          ctx.gen['records.bin'],
          '--class-names',
          file,
          ...EVAL,
          '--out',
          out,
        ],
      };
    case 'mapping/evaluate':
      return {
        command,
        file,
        argv: [
          'evaluate',
          '--learner',
          'sgd',
          '--dataset',
          'emnist-letters',
          '--images',
          ctx.gen['images.idx'],
          '--labels',
          ctx.gen['emnist-labels.idx'],
          '--mapping',
          file,
          ...EVAL,
          '--out',
          out,
        ],
      };
    default:
      throw new Error(`corpus: ${command} takes no ${slot}`);
  }
}

/** Placeholders of an expected line or argument list replaced: "{file}" by the input's path, "{corpus}" by the files folder, and any in `more`. */
export function expand(text: string, values: { readonly [name: string]: string }): string {
  const all: { readonly [name: string]: string } = { corpus: CORPUS_FILES, ...values };
  return text.replace(/\{(\w+)\}/g, (m: string, name: string) => all[name] ?? m);
}
