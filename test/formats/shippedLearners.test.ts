// The learners the app ships (public/learners/): every VSML learner file parses as a vsml-learner of
// the default model, every learned learner of the catalog (SHIPPED_LEARNED) as its kind at the padded
// 784/62 shape; each holds only finite numbers and has its model card beside it.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/model/config';
import { parseLearner } from '../../src/model/formats/learner';
import { paramLayout } from '../../src/model/layout';
import { parseMetaConfig } from '../../src/meta/metaConfigParse';
import { parseLearnedLearner } from '../../src/model/formats/learnedLearner';
import { PADDED_SHAPE } from '../../src/model/learners/learned';
import { SHIPPED_LEARNED } from '../../src/worker/catalog';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'public/learners');

describe('public/learners', () => {
  it('every *.learner.json is a finite vsml-learner of the default model with a card *.md beside it', async () => {
    const files = await readdir(dir);
    const learned = SHIPPED_LEARNED.map((l) => `${l.id}.learner.json`);
    const learners = files.filter((f) => f.endsWith('.learner.json') && !learned.includes(f));
    expect(learners.length).toBeGreaterThanOrEqual(2);
    for (const f of learners) {
      const r = parseLearner(JSON.parse(await readFile(join(dir, f), 'utf8')));
      if (!r.ok) throw new Error(`${f}: ${r.error.field}: ${r.error.message}`);
      expect(r.value.config).toEqual(DEFAULT_CONFIG);
      expect(r.value.params).toHaveLength(paramLayout(DEFAULT_CONFIG).size);
      expect(r.value.params.every(Number.isFinite)).toBe(true);
      expect(files).toContain(f.replace('.learner.json', '.md'));
    }
  });

  it('every shipped learned learner (SHIPPED_LEARNED) is a finite file of its kind at the padded shape, with a card beside it', async () => {
    const files = await readdir(dir);
    for (const l of SHIPPED_LEARNED) {
      const r = parseLearnedLearner(JSON.parse(await readFile(join(dir, `${l.id}.learner.json`), 'utf8')), l.kind);
      if (!r.ok) throw new Error(`${l.id}: ${r.error.field}: ${r.error.message}`);
      expect(r.value.shape).toEqual(PADDED_SHAPE);
      expect(files).toContain(`${l.id}.md`);
    }
  });

  it('the configs the cards name read as meta-configs, and the second stage starts from the shipped clone', async () => {
    const card = await readFile(join(dir, 'vsml-mnist.md'), 'utf8');
    for (const name of ['default-learner-1-clone.json', 'default-learner-2-meta.json']) {
      expect(card).toContain(`configs/meta/${name}`);
      const r = parseMetaConfig(JSON.parse(await readFile(join(root, 'configs/meta', name), 'utf8')));
      if (!r.ok) throw new Error(`${name}: ${r.error.field}: ${r.error.message}`);
    }
    const stage2 = JSON.parse(await readFile(join(root, 'configs/meta/default-learner-2-meta.json'), 'utf8'));
    expect(stage2.init).toBe('../../public/learners/vsml-clone-sgd.learner.json');
  });
});
