// A refused setting's or file's message beside the control it names (the top banner says it too):
// data-testid "refusal-<control>", an alert, shown while the store's error names this control.
import { useStudioState } from '../session/context';
import { usePickedFiles } from '../layout/pickedFiles';
import { refusalControls } from '../layout/refusals';

export function Refusal({ control }: { readonly control: string }) {
  const error = useStudioState((s) => s.error);
  const dataset = useStudioState((s) => s.settings.dataset);
  const picked = usePickedFiles();
  if (
    !error ||
    !refusalControls(error, {
      dataset,
      learnerFile: picked.learnerFile,
      learnedFile: picked.learnedFile,
      dataFiles: picked.dataFiles,
    }).includes(control)
  )
    return null;
  return (
    <p className="refusal" role="alert" data-testid={`refusal-${control}`}>
      {error}
    </p>
  );
}
