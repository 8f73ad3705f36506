// The page's one StudioController and its one store, for the components: `useStudio` acts on the
// session, `useStudioState` reads the store (re-rendering on the selected slice only).
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { StudioState, StudioStore } from '../state/studioStore';
import type { StudioController } from './controller';

export interface StudioPage {
  readonly controller: StudioController;
  readonly store: StudioStore;
}

export const StudioContext = createContext<StudioPage | null>(null);

function usePage(): StudioPage {
  const page = useContext(StudioContext);
  if (!page) throw new Error('useStudio: no StudioContext.Provider above this component');
  return page;
}

export function useStudio(): StudioController {
  return usePage().controller;
}

export function useStudioState<T>(selector: (s: StudioState) => T): T {
  return useStore(usePage().store, selector);
}
