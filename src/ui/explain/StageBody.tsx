// The drawing of the current stage, picked by its id.
import type { StageId } from './stages';
import { BackwardStage } from './stages/BackwardStage';
import { ChangeStage } from './stages/ChangeStage';
import { ErrorStage } from './stages/ErrorStage';
import { GridStage } from './stages/GridStage';
import { InputStage } from './stages/InputStage';
import { MessagesStage } from './stages/MessagesStage';
import { OutputStage } from './stages/OutputStage';
import type { StageProps } from './stages/StageProps';

export function StageBody({ id, ...p }: StageProps & { readonly id: StageId }) {
  switch (id) {
    case 'input':
      return <InputStage {...p} />;
    case 'forward':
      return <MessagesStage {...p} />;
    case 'grid':
      return <GridStage {...p} />;
    case 'output':
      return <OutputStage {...p} />;
    case 'error':
      return <ErrorStage {...p} />;
    case 'backward':
      return <BackwardStage {...p} />;
    case 'change':
      return <ChangeStage {...p} />;
  }
}
