// "Download to reproduce": saves run 0's stream (every example it has taken, in order) and its initial
// state as the worker writes them (reproduce()), and shows the exact `vsml trace` command that
// recomputes the explained example with the CLI's CPU reference.
import { useState } from 'react';
import { downloadBlob } from '../charts/export';
import { learnerPath, reproduceCommand, reproduceFiles, type CommandCell } from './reproduceCommand';
import type { ExplainPort } from './useExplain';
import { errorMessage } from '../../model/result';

export interface ReproducePanelProps {
  readonly port: ExplainPort;
  /** The explained example (0-based). */
  readonly example: number;
  readonly learner: string;
  readonly learnerFile: string | null;
  /** The picked cell: the command keeps only its numbers. */
  readonly cell: CommandCell;
}

export function ReproducePanel({ port, example, learner, learnerFile, cell }: ReproducePanelProps) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const files = reproduceFiles(example);
  const command = reproduceCommand(learnerPath(learner, learnerFile), example, cell, files);
  const save = async () => {
    setBusy(true);
    try {
      const reply = await port.reproduce();
      if (!reply.ok) {
        setStatus({ ok: false, text: reply.message });
        return;
      }
      downloadBlob(new Blob([reply.stream], { type: 'application/json' }), files.stream);
      downloadBlob(new Blob([reply.state], { type: 'application/json' }), files.state);
      const taught = reply.taught > 0 ? `, ${reply.taught} of them drawings you taught` : '';
      const fits =
        example < reply.examples
          ? ''
          : ` — the explained example ${example} is not among them; explain again and download`;
      setStatus({
        ok: fits === '',
        text: `Saved ${files.stream} (${reply.examples} examples${taught}) and ${files.state}${fits}.`,
      });
    } catch (e) {
      setStatus({ ok: false, text: `reproduce: ${errorMessage(e)}` });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="reproduce" aria-label="reproduce with the command line">
      <button type="button" data-testid="explain-download" disabled={busy} onClick={() => void save()}>
        Download to reproduce
      </button>
      <span className="muted">
        {' '}
        then, in the repository, the CLI’s CPU reference computes the same stages (of the picked cell):
      </span>
      <pre data-testid="explain-command">{command}</pre>
      {status && (
        <p
          role={status.ok ? 'status' : 'alert'}
          className={status.ok ? 'small' : 'small bad'}
          data-testid="explain-download-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
