// A chart's text summary (summaries.ts): one sentence, visually hidden, that the drawing's
// aria-describedby points at and that follows the data; `data-testid="<chart>-summary"`.
import { useId } from 'react';
import { visuallyHidden } from './chartStyle';

/** An id for a chart's summary element, unique on the page. */
export function useSummaryId(testId: string): string {
  return `${testId}-summary-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

export interface ChartSummaryProps {
  readonly id: string;
  /** The chart's test id; the element gets `<testId>-summary`. */
  readonly testId: string;
  readonly text: string;
}

export function ChartSummary({ id, testId, text }: ChartSummaryProps) {
  return (
    <p id={id} data-testid={`${testId}-summary`} style={visuallyHidden}>
      {text}
    </p>
  );
}
