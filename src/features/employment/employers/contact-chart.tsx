import type { Translator } from "../../../platform/web/i18n/index";
import type { Week } from "./rules";

// Face-to-face employer contacts a week as bars, drawn on the server; the same figures are in
// the table under it, so the picture is one labelled image.

/** The picture is labelled as a whole; its parts are not read out one by one. */
const decorative = { "aria-hidden": "true" } as const;

const size = { width: 640, height: 220, left: 36, right: 12, top: 12, bottom: 32 };

export function WeeklyBarChart({
  t,
  weeks,
  counts,
  target,
}: {
  t: Translator;
  weeks: readonly Week[];
  counts: readonly number[];
  target: number;
}) {
  const top = Math.max(target, ...counts, 1);
  const plotHeight = size.height - size.top - size.bottom;
  const plotWidth = size.width - size.left - size.right;
  const slot = plotWidth / Math.max(weeks.length, 1);
  const yFor = (value: number) => Math.round((size.top + plotHeight - (value / top) * plotHeight) * 10) / 10;
  const label = t.t("employerContacts.chartLabel");
  return (
    <svg
      class="app-chart__svg"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size.width} ${size.height}`}
      width={size.width}
      height={size.height}
      focusable="false"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title>{label}</title>
      <g {...decorative}>
        <line class="app-chart__grid" x1={size.left} x2={size.width - size.right} y1={yFor(0)} y2={yFor(0)} />
        <line
          class="app-chart__grid"
          stroke-dasharray="6 4"
          x1={size.left}
          x2={size.width - size.right}
          y1={yFor(target)}
          y2={yFor(target)}
        />
        <text class="app-chart__tick" x={size.left - 6} y={yFor(target) + 4} text-anchor="end">
          {t.formatNumber(target)}
        </text>
        {weeks.map((week, index) => {
          const x = size.left + index * slot;
          const count = counts[index] ?? 0;
          return (
            <g key={week.start}>
              <rect
                class="app-chart__point"
                x={Math.round(x + slot * 0.2)}
                y={yFor(count)}
                width={Math.round(slot * 0.6)}
                height={Math.round((yFor(0) - yFor(count)) * 10) / 10}
              />
              <text
                class="app-chart__tick"
                x={Math.round(x + slot / 2)}
                y={yFor(count) - 4}
                text-anchor="middle"
              >
                {t.formatNumber(count)}
              </text>
              <text
                class="app-chart__tick"
                x={Math.round(x + slot / 2)}
                y={size.height - 10}
                text-anchor="middle"
              >
                {t.formatDate(new Date(`${week.start}T12:00:00Z`), "short").replace(/ \d{4}$/, "")}
              </text>
            </g>
          );
        })}
      </g>
    </svg>
  );
}
