// The page's one StudioController, for the components that act on the session.
import { createContext, useContext } from 'react';
import type { StudioController } from './controller';

export const StudioContext = createContext<StudioController | null>(null);

export function useStudio(): StudioController {
  const studio = useContext(StudioContext);
  if (!studio) throw new Error('useStudio: no StudioContext.Provider above this component');
  return studio;
}
