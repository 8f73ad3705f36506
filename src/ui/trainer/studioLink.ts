// Where the trainer's "Open in studio" goes: the studio's URL for the handed-over learner (`learner=
// trained`) on the task the run trained on (dataset, square side, class subset, projection), written
// by the studio's own URL table so only what differs from its defaults is in the link; and the words
// that name that task in the confirm dialog ("mnist 7×7, classes 0, 1, 2").
import { DEFAULT_SETTINGS, settingsToUrl } from '../state/urlSettings';
import { TRAINED_LEARNER } from '../../worker/catalog';
import type { TrainedTask } from '../../worker/trainer/contract';

/** The studio's URL (relative to the trainer page) for the trained learner on `task`. */
export function studioUrlFor(task: TrainedTask): string {
  const settings = {
    ...DEFAULT_SETTINGS,
    learner: TRAINED_LEARNER,
    dataset: task.dataset,
    resize: task.resize,
    classes: task.classes,
    project: task.project,
  };
  return `./?${settingsToUrl(settings)}`;
}

/** The task in words: "mnist 7×7, classes 0, 1, 2, randomly projected". */
export function taskWords(task: TrainedTask): string {
  const size = task.resize === null ? '' : ` ${task.resize}×${task.resize}`;
  const classes = task.classes === null ? '' : `, classes ${task.classes.join(', ')}`;
  return `${task.dataset}${size}${classes}${task.project ? ', randomly projected' : ''}`;
}
