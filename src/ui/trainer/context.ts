// The page's one TrainerController, for the components that act on the worker.
import { createContext, useContext } from 'react';
import type { TrainerController } from './trainerController';

export const TrainerContext = createContext<TrainerController | null>(null);

export function useTrainerController(): TrainerController {
  const c = useContext(TrainerContext);
  if (!c) throw new Error('useTrainerController: no TrainerContext.Provider above this component');
  return c;
}
