// The names of the files the user last picked in each file input (a learner file, a data file per
// role), shared by the panels through context, so a refusal that names a file shows beside the input
// it came from (refusals.ts). Held by the page (App), not the store: only the page's layout reads it.
import { createContext, useCallback, useContext, useMemo, useState } from 'react';

export interface PickedFiles {
  readonly learnerFile: string | null;
  readonly learnedFile: string | null;
  readonly dataFiles: { readonly [role: string]: string };
  pickLearner(name: string): void;
  pickLearned(name: string): void;
  pickData(role: string, name: string): void;
}

const NOTHING: PickedFiles = {
  learnerFile: null,
  learnedFile: null,
  dataFiles: {},
  pickLearner: () => undefined,
  pickLearned: () => undefined,
  pickData: () => undefined,
};

export const PickedFilesContext = createContext<PickedFiles>(NOTHING);

export const usePickedFiles = (): PickedFiles => useContext(PickedFilesContext);

/** The page's one record (App provides it). */
export function usePickedFilesRecord(): PickedFiles {
  const [learnerFile, setLearner] = useState<string | null>(null);
  const [learnedFile, setLearned] = useState<string | null>(null);
  const [dataFiles, setData] = useState<{ readonly [role: string]: string }>({});
  const pickData = useCallback((role: string, name: string) => setData((d) => ({ ...d, [role]: name })), []);
  return useMemo(
    () => ({ learnerFile, learnedFile, dataFiles, pickLearner: setLearner, pickLearned: setLearned, pickData }),
    [learnerFile, learnedFile, dataFiles, pickData],
  );
}
