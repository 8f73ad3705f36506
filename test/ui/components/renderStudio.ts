// Render a studio component to HTML on the server under a controller and its store, as the page
// tests do over the fake worker.
import { createElement, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { StudioController } from '../../../src/ui/session/controller';
import { StudioContext } from '../../../src/ui/session/context';
import type { StudioStore } from '../../../src/ui/state/studioStore';

/** Rendered on the server (without React's <!-- --> text separators), where zustand reads a store's initial state: here, the state the test set. */
export function renderStudio(
  studio: StudioController,
  store: StudioStore,
  component: () => ReactElement | null,
): string {
  const now: StudioStore = { ...store, getInitialState: () => store.getState() };
  return renderToString(
    createElement(StudioContext.Provider, { value: { controller: studio, store: now } }, createElement(component)),
  ).replaceAll('<!-- -->', '');
}
