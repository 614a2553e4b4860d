/**
 * Incidents found per week as a bar chart in plain SVG: axes, ticks and labels drawn with the
 * design tokens (styles.css), so it reads in Jira's light and dark themes alike. Screen readers
 * get the same figures as a table. With `onWeek`, each bar of a week with findings is a link
 * (focusable, Enter or click) to that week's incidents.
 */
import { formatCount } from '../format';

export interface WeekFigure {
  /** Monday of the week, `YYYY-MM-DD` (UTC). */
  readonly week: string;
  readonly found: number;
}

const W = 640;
const H = 220;
const M = { top: 16, right: 12, bottom: 40, left: 40 };

/** A round top for the y axis and its step: 0-4 ticks of 1, 2, 5, 10, 20, 50, ... */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 4) return { top: Math.max(max, 1), step: 1 };
  const raw = max / 4;
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  return { top: Math.ceil(max / step) * step, step };
}

const weekLabel = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
export const formatWeek = (week: string): string => weekLabel.format(Date.parse(`${week}T00:00Z`));

export function WeeklyChart({
  weeks,
  title,
  onWeek,
}: {
  weeks: readonly WeekFigure[];
  title: string;
  /** Opens the incidents first seen in that week. */
  onWeek?: (week: string) => void;
}) {
  const max = Math.max(0, ...weeks.map((w) => w.found));
  const { top, step } = niceScale(max);
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const slot = plotW / Math.max(weeks.length, 1);
  const y = (v: number) => M.top + plotH - (v / top) * plotH;
  const ticks = Array.from({ length: Math.floor(top / step) + 1 }, (_, i) => i * step);
  const total = weeks.reduce((n, w) => n + w.found, 0);
  return (
    <figure className="chart">
      <svg
        className="small"
        viewBox={`0 0 ${String(W)} ${String(H)}`}
        // A picture, unless its bars are links (then they must stay reachable).
        role={onWeek ? 'group' : 'img'}
        aria-label={`${title}: ${formatCount(total)} in ${String(weeks.length)} weeks, at most ${formatCount(max)} in one week`}
      >
        {ticks.map((t) => (
          <g key={t} className="chart-tick">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="chart-grid" />
            <text x={M.left - 6} y={y(t)} dy="0.32em" textAnchor="end">
              {formatCount(t)}
            </text>
          </g>
        ))}
        {weeks.map((w, i) => {
          const h = (w.found / top) * plotH;
          const x = M.left + i * slot;
          const bar = (
            <rect
              className="chart-bar"
              x={x + slot * 0.15}
              y={M.top + plotH - h}
              width={slot * 0.7}
              height={h}
            >
              <title>{`Week of ${formatWeek(w.week)}: ${formatCount(w.found)} found`}</title>
            </rect>
          );
          return (
            <g key={w.week}>
              {onWeek && w.found > 0 ? (
                <a
                  href={`#week-${w.week}`}
                  className="chart-link"
                  aria-label={`Week of ${formatWeek(w.week)}: ${formatCount(w.found)} found: show them`}
                  onClick={(e) => {
                    e.preventDefault();
                    onWeek(w.week);
                  }}
                >
                  {bar}
                </a>
              ) : (
                bar
              )}
              {w.found > 0 ? (
                <text
                  className="chart-value"
                  x={x + slot / 2}
                  y={y(w.found) - 4}
                  textAnchor="middle"
                >
                  {formatCount(w.found)}
                </text>
              ) : null}
              <text
                className="chart-label"
                x={x + slot / 2}
                y={M.top + plotH + 16}
                textAnchor="middle"
              >
                {formatWeek(w.week)}
              </text>
            </g>
          );
        })}
        <line
          className="chart-axis"
          x1={M.left}
          x2={W - M.right}
          y1={M.top + plotH}
          y2={M.top + plotH}
        />
        <line className="chart-axis" x1={M.left} x2={M.left} y1={M.top} y2={M.top + plotH} />
        <text className="chart-label" x={M.left + plotW / 2} y={H - 4} textAnchor="middle">
          Week starting (UTC)
        </text>
      </svg>
      <figcaption className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">Week starting</th>
              <th scope="col">Found</th>
            </tr>
          </thead>
          <tbody>
            {weeks.map((w) => (
              <tr key={w.week}>
                <td>{formatWeek(w.week)}</td>
                <td>{formatCount(w.found)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
