// The About page's diagram: an ordinary layer (one number, a weight w_ab, on each connection) beside the
// same layer in VSML (a tiny LSTM with its own state s_ab on each connection, all running the shared
// parameters V_M; the input goes forward into the rows, each column's mean becomes a class score, and
// the error comes back into the columns with the next example). One SVG, named and described for
// assistive technology; it scales down with the page.
import { useId } from 'react';

const ROWS = [104, 158, 212] as const;
const COLS = [430, 540] as const;
const BOX = { width: 76, height: 40 } as const;

export function VsmlDiagram() {
  const titleId = useId();
  const descId = useId();
  const arrow = useId();
  const back = useId();
  return (
    <svg
      className="vsml-diagram"
      viewBox="0 0 680 340"
      role="img"
      aria-labelledby={titleId}
      aria-describedby={descId}
      data-testid="vsml-diagram"
    >
      <title id={titleId}>An ordinary layer beside the same layer in VSML</title>
      <desc id={descId}>
        Left: three inputs joined to two outputs by lines, each line one weight w_ab. Right: a grid of three by two
        small LSTMs, one per connection, each with its own state s_ab and all sharing the parameters V_M. The inputs x_a
        go forward into the rows; each column's mean becomes the score y_b of class b; the error e_b comes back into
        column b with the next example.
      </desc>
      <defs>
        <marker
          id={arrow}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" className="fwd-head" />
        </marker>
        <marker
          id={back}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0 0 L10 5 L0 10 z" className="bwd-head" />
        </marker>
      </defs>

      {/* An ordinary layer. */}
      <text x={150} y={30} className="heading" textAnchor="middle">
        An ordinary layer
      </text>
      {ROWS.map((y, a) =>
        [131, 185].map((y2, b) => <line key={`${a}${b}`} x1={52} y1={y} x2={238} y2={y2} className="weight" />),
      )}
      <text x={145} y={124} className="label" textAnchor="middle">
        w_ab
      </text>
      {ROWS.map((y, a) => (
        <g key={a}>
          <circle cx={40} cy={y} r={13} className="unit" />
          <text x={40} y={y + 5} textAnchor="middle" className="label">
            x{a + 1}
          </text>
        </g>
      ))}
      {[131, 185].map((y, b) => (
        <g key={b}>
          <circle cx={250} cy={y} r={13} className="unit" />
          <text x={250} y={y + 5} textAnchor="middle" className="label">
            y{b + 1}
          </text>
        </g>
      ))}
      <text x={150} y={270} textAnchor="middle" className="note">
        one number per connection:
      </text>
      <text x={150} y={288} textAnchor="middle" className="note">
        the weight, changed by gradient descent
      </text>

      <line x1={312} y1={20} x2={312} y2={320} className="divider" />

      {/* The same layer in VSML. */}
      <text x={500} y={30} className="heading" textAnchor="middle">
        The same layer in VSML
      </text>
      <rect x={384} y={44} width={252} height={24} rx={4} className="shared" />
      <text x={510} y={60} textAnchor="middle" className="small">
        V_M: one program shared by every LSTM
      </text>
      {ROWS.map((y, a) => (
        <g key={a}>
          <text x={338} y={y + 5} className="label">
            x{a + 1}
          </text>
          <line x1={358} y1={y} x2={COLS[0] - BOX.width / 2 - 4} y2={y} className="fwd" markerEnd={`url(#${arrow})`} />
          {COLS.map((x, b) => (
            <g key={b}>
              <rect
                x={x - BOX.width / 2}
                y={y - BOX.height / 2}
                width={BOX.width}
                height={BOX.height}
                rx={6}
                className="lstm"
              />
              <text x={x} y={y - 2} textAnchor="middle" className="small">
                LSTM
              </text>
              <text x={x} y={y + 13} textAnchor="middle" className="small">
                s{a + 1}
                {b + 1}
              </text>
            </g>
          ))}
        </g>
      ))}
      {COLS.map((x, b) => (
        <g key={b}>
          <line
            x1={x - 10}
            y1={ROWS[2] + BOX.height / 2 + 2}
            x2={x - 10}
            y2={264}
            className="fwd"
            markerEnd={`url(#${arrow})`}
          />
          <line
            x1={x + 12}
            y1={274}
            x2={x + 12}
            y2={ROWS[2] + BOX.height / 2 + 4}
            className="bwd"
            markerEnd={`url(#${back})`}
          />
          <text x={x - 14} y={290} textAnchor="middle" className="label">
            y{b + 1}
          </text>
          <text x={x + 16} y={290} textAnchor="middle" className="label bwd-text">
            e{b + 1}
          </text>
        </g>
      ))}
      <text x={485} y={312} textAnchor="middle" className="note">
        forward: input in; column means = class scores y_b
      </text>
      <text x={485} y={330} textAnchor="middle" className="note bwd-text">
        backward: the error e_b, fed back with the next example
      </text>
    </svg>
  );
}
