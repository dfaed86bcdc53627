import type { Translator } from "./i18n";

// Line charts drawn on the server as SVG: no JavaScript, no inline styles (colours come from
// classes in app.css, which the CSP allows). Every chart has its figures in a table beside it,
// inside an NHS.UK details element, so screen-reader users, keyboard users and anyone who wants
// the numbers get them; the picture itself is one labelled image.

export type ChartPoint = { id?: string; at: Date; value: number };
/** A shaded range with a label, e.g. PHQ-9 "Mild" from 5 to 9 (inclusive, as measures publish them). */
export type ChartBand = { min: number; max: number; label: string };

export type LineChartProps = {
  t: Translator;
  /** Unique on the page: the chart's ids derive from it. */
  id: string;
  title: string;
  /** Heading of the value column in the table, e.g. "Hours slept" or "PHQ-9 score". */
  valueLabel: string;
  yRange: { min: number; max: number };
  points: readonly ChartPoint[];
  bands?: readonly ChartBand[];
  /** Points (by id) to pick out, e.g. an alert's evidence; told apart by shape and in the table. */
  highlightIds?: readonly string[];
  highlightLabel?: string;
  emptyText?: string;
};

// The drawing's coordinate system; the SVG scales to its container (app.css).
export const chartSize = { width: 640, height: 260, left: 44, right: 132, top: 12, bottom: 36 } as const;
const plot = {
  left: chartSize.left,
  right: chartSize.width - chartSize.right,
  top: chartSize.top,
  bottom: chartSize.height - chartSize.bottom,
};

/** The y coordinate of a value, clamped to the range so a stray value stays on the chart. */
export function yFor(value: number, range: { min: number; max: number }): number {
  const span = range.max - range.min || 1;
  const clamped = Math.min(range.max, Math.max(range.min, value));
  return round(plot.bottom - ((clamped - range.min) / span) * (plot.bottom - plot.top));
}

function xFor(at: Date, first: Date, last: Date): number {
  const span = last.getTime() - first.getTime();
  if (span === 0) return round((plot.left + plot.right) / 2);
  return round(plot.left + ((at.getTime() - first.getTime()) / span) * (plot.right - plot.left));
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Round-number ticks (1, 2 or 5 × a power of ten) from the bottom of the range to the top. */
export function ticksFor(range: { min: number; max: number }): number[] {
  const rough = (range.max - range.min) / 5 || 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const ticks: number[] = [];
  for (let tick = Math.ceil(range.min / step) * step; tick <= range.max + 1e-9; tick += step)
    ticks.push(round(tick));
  return ticks;
}

/**
 * Bands as drawn: each reaches up to where the next begins, so inclusive integer bands (0–4,
 * 5–9) meet without a gap; the last reaches its own maximum. Clamped to the y-range.
 */
export function drawnBands(bands: readonly ChartBand[], range: { min: number; max: number }) {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  return sorted.flatMap((band, index) => {
    const from = Math.max(range.min, band.min);
    const to = Math.min(range.max, sorted[index + 1]?.min ?? band.max);
    if (to <= from) return [];
    return [
      { ...band, index, from, to, y: yFor(to, range), height: round(yFor(from, range) - yFor(to, range)) },
    ];
  });
}

// The image is named by its caption and summary; its parts are drawing only. (A spread, because
// the linter takes an SVG group for something focusable.)
const decorative = { "aria-hidden": "true" } as const;

const bandOf = (bands: readonly ChartBand[], value: number) =>
  bands.find((band) => value >= band.min && value <= band.max)?.label ?? "";

export function LineChart(props: LineChartProps) {
  const { t, id, title, yRange } = props;
  const bands = props.bands ?? [];
  const highlighted = new Set(props.highlightIds ?? []);
  const isHighlighted = (point: ChartPoint) => point.id !== undefined && highlighted.has(point.id);
  const points = [...props.points].sort((a, b) => a.at.getTime() - b.at.getTime());
  const captionId = `${id}-caption`;
  const summaryId = `${id}-summary`;

  if (points.length === 0)
    return (
      <figure class="app-chart" id={id}>
        <figcaption class="nhsuk-heading-s" id={captionId}>
          {title}
        </figcaption>
        <p class="app-chart__empty">{props.emptyText ?? t.t("chart.empty")}</p>
      </figure>
    );

  const first = points[0]!;
  const last = points[points.length - 1]!;
  const summary =
    points.length === 1
      ? t.t("chart.summary.one", {
          date: t.formatDate(first.at, "short"),
          value: t.formatNumber(first.value),
        })
      : t.t("chart.summary.other", {
          count: points.length,
          first: t.formatDate(first.at, "short"),
          last: t.formatDate(last.at, "short"),
          value: t.formatNumber(last.value),
        });
  const coordinates = points.map((point) => ({
    point,
    x: xFor(point.at, first.at, last.at),
    y: yFor(point.value, yRange),
  }));
  const labelX = plot.right + 8;

  return (
    <figure class="app-chart" id={id}>
      <figcaption class="nhsuk-heading-s" id={captionId}>
        {title}
      </figcaption>
      <p class="nhsuk-body-s" id={summaryId}>
        {summary}
      </p>
      <svg
        class="app-chart__svg"
        role="img"
        aria-labelledby={`${captionId} ${summaryId}`}
        viewBox={`0 0 ${chartSize.width} ${chartSize.height}`}
        width={chartSize.width}
        height={chartSize.height}
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title>{title}</title>
        {bands.length > 0 && (
          <g {...decorative} class="app-chart__bands">
            {drawnBands(bands, yRange).map((band) => (
              <g key={band.label}>
                <rect
                  class={`app-chart__band app-chart__band--${(band.index % 5) + 1}`}
                  x={plot.left}
                  y={band.y}
                  width={plot.right - plot.left}
                  height={band.height}
                />
                <text class="app-chart__band-label" x={labelX} y={round(band.y + band.height / 2 + 4)}>
                  {band.label}
                </text>
              </g>
            ))}
          </g>
        )}
        <g {...decorative} class="app-chart__axis">
          {ticksFor(yRange).map((tick) => (
            <g key={tick}>
              <line
                class="app-chart__grid"
                x1={plot.left}
                x2={plot.right}
                y1={yFor(tick, yRange)}
                y2={yFor(tick, yRange)}
              />
              <text class="app-chart__tick" x={plot.left - 6} y={yFor(tick, yRange) + 4} text-anchor="end">
                {t.formatNumber(tick)}
              </text>
            </g>
          ))}
          {/* One reading sits in the middle, so its date does too. */}
          <text
            class="app-chart__tick"
            x={points.length > 1 ? plot.left : coordinates[0]!.x}
            y={chartSize.height - 10}
            text-anchor={points.length > 1 ? "start" : "middle"}
          >
            {t.formatDate(first.at, "short")}
          </text>
          {points.length > 1 && (
            <text class="app-chart__tick" x={plot.right} y={chartSize.height - 10} text-anchor="end">
              {t.formatDate(last.at, "short")}
            </text>
          )}
        </g>
        <g {...decorative} class="app-chart__series">
          {coordinates.length > 1 && (
            <polyline class="app-chart__line" points={coordinates.map(({ x, y }) => `${x},${y}`).join(" ")} />
          )}
          {coordinates.map(({ point, x, y }, index) =>
            isHighlighted(point) ? (
              <g key={point.id ?? index} class="app-chart__point app-chart__point--highlighted">
                <circle cx={x} cy={y} r="7" />
                <circle cx={x} cy={y} r="3" />
              </g>
            ) : (
              <circle key={point.id ?? index} class="app-chart__point" cx={x} cy={y} r="4" />
            ),
          )}
        </g>
      </svg>
      <details class="nhsuk-details">
        <summary class="nhsuk-details__summary">
          <span class="nhsuk-details__summary-text">{t.t("chart.showFigures")}</span>
        </summary>
        <div class="nhsuk-details__text">
          <div class="app-table-scroll">
            <table class="nhsuk-table">
              <caption class="nhsuk-table__caption nhsuk-table__caption--s">{title}</caption>
              <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                  <th scope="col" class="nhsuk-table__header">
                    {t.t("chart.date")}
                  </th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">
                    {props.valueLabel}
                  </th>
                  {bands.length > 0 && (
                    <th scope="col" class="nhsuk-table__header">
                      {t.t("chart.band")}
                    </th>
                  )}
                  {highlighted.size > 0 && (
                    <th scope="col" class="nhsuk-table__header">
                      {t.t("chart.note")}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                {points.map((point, index) => (
                  <tr class="nhsuk-table__row" key={point.id ?? index}>
                    <td class="nhsuk-table__cell">{t.formatDate(point.at, "short")}</td>
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
                      {t.formatNumber(point.value)}
                    </td>
                    {bands.length > 0 && <td class="nhsuk-table__cell">{bandOf(bands, point.value)}</td>}
                    {highlighted.size > 0 && (
                      <td class="nhsuk-table__cell">
                        {isHighlighted(point) ? (props.highlightLabel ?? t.t("chart.highlighted")) : ""}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      </details>
    </figure>
  );
}
