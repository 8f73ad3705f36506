#!/usr/bin/env bash
# Measures what each studio preset shows (docs/STUDIO.md, "Presets: what to expect"): `vsml evaluate`
# of the shipped learner and the four baselines on each preset's task, with the studio's defaults
# (test split, seed 22, per-run initial states); STEPS and RUNS as given (default 300 x 8, the
# studio's S). Writes OUT/<preset>-<learner>.json and prints each table row.
#   bash scripts/measure-presets.sh [STEPS] [RUNS] [OUT]
set -euo pipefail
STEPS=${1:-300}
RUNS=${2:-8}
OUT=${3:-/tmp/vsml-presets}
mkdir -p "$OUT"
FASHION="--images public/data/fashion-mnist-builtin-images-idx3-ubyte.gz --labels public/data/fashion-mnist-builtin-labels-idx1-ubyte.gz --normalize mnist"
declare -A TASK=(
  [sum-sign]="--dataset sum-sign"
  [five-classes]="--dataset mnist --transform classes:0.1.2.3.4"
  [shuffled-pixels]="--dataset mnist --transform shuffle:22"
  [mnist-to-fashion]="--dataset fashion-mnist $FASHION"
  [mnist]="--dataset mnist"
)
for preset in sum-sign five-classes shuffled-pixels mnist-to-fashion mnist; do
  for learner in sgd adam sgd-deep adam-deep public/learners/vsml-mnist.learner.json; do
    name=$(basename "$learner" .learner.json)
    # shellcheck disable=SC2086
    npx tsx src/cli/vsml.ts evaluate --learner "$learner" ${TASK[$preset]} --steps "$STEPS" --runs "$RUNS" --seed 22 --out "$OUT/$preset-$name.json" | sed -n 2p
  done
done
