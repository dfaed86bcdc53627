import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { type ChartPoint, chartSize, drawnBands, LineChart, ticksFor, yFor } from "./charts";
import { createTranslator } from "./i18n";

const t = createTranslator("en-GB");
const phq9Bands = [
  { min: 0, max: 4, label: "Minimal" },
  { min: 5, max: 9, label: "Mild" },
  { min: 10, max: 14, label: "Moderate" },
  { min: 15, max: 19, label: "Moderately severe" },
  { min: 20, max: 27, label: "Severe" },
];
const day = (n: number) => new Date(Date.UTC(2026, 9, n, 12));
const scores: ChartPoint[] = [
  { id: "r3", at: day(29), value: 16 },
  { id: "r1", at: day(1), value: 6 },
  { id: "r2", at: day(15), value: 11 },
];
const render = (props: Partial<Parameters<typeof LineChart>[0]> = {}) =>
  renderToString(
    <LineChart
      t={t}
      id="phq9-chart"
      title="PHQ-9 scores"
      valueLabel="PHQ-9 score"
      yRange={{ min: 0, max: 27 }}
      points={scores}
      bands={phq9Bands}
      {...props}
    />,
  );
const all = (html: string, pattern: RegExp) => [...html.matchAll(pattern)];
const words = (html: string) => html.replaceAll("&#39;", "'").replaceAll("&quot;", '"');

describe("a line chart", () => {
  const html = render({ highlightIds: ["r2", "r3"], highlightLabel: "Part of this alert" });

  it("is a figure whose caption and summary name the image", () => {
    expect(html).toMatch(/^<figure class="app-chart" id="phq9-chart">/);
    expect(html).toContain(
      '<figcaption class="nhsuk-heading-s" id="phq9-chart-caption">PHQ-9 scores</figcaption>',
    );
    expect(html).toContain('role="img" aria-labelledby="phq9-chart-caption phq9-chart-summary"');
    expect(html).toContain(
      'id="phq9-chart-summary">3 readings from 1 Oct 2026 to 29 Oct 2026. The latest is 16.</p>',
    );
    // Every drawn group is hidden from assistive technology: the image is one thing, named once.
    expect(all(html, /<g aria-hidden="true"/g)).toHaveLength(3);
    expect(html).not.toContain("style=");
  });

  it("has a table with one row per point, in date order, with the band and the highlighted points", () => {
    const table = /<table[\s\S]*<\/table>/.exec(html)![0];
    expect(table).toContain(
      '<caption class="nhsuk-table__caption nhsuk-table__caption--s">PHQ-9 scores</caption>',
    );
    const rows = all(table, /<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g).slice(1);
    expect(rows.map((row) => all(row[1]!, /<td[^>]*>([^<]*)<\/td>/g).map((cell) => cell[1]))).toEqual([
      ["1 Oct 2026", "6", "Mild", ""],
      ["15 Oct 2026", "11", "Moderate", "Part of this alert"],
      ["29 Oct 2026", "16", "Moderately severe", "Part of this alert"],
    ]);
    expect(html).toContain('<details class="nhsuk-details">');
    expect(words(html)).toContain("Show the figures in a table");
  });

  it("scales values into the plot, the range's bottom at the bottom, and clamps strays", () => {
    const bottom = chartSize.height - chartSize.bottom;
    expect(yFor(0, { min: 0, max: 27 })).toBe(bottom);
    expect(yFor(27, { min: 0, max: 27 })).toBe(chartSize.top);
    expect(yFor(13.5, { min: 0, max: 27 })).toBe((bottom + chartSize.top) / 2);
    expect(yFor(40, { min: 0, max: 27 })).toBe(chartSize.top);
    const line = /<polyline class="app-chart__line" points="([^"]+)"/.exec(html)![1]!;
    const drawn = line.split(" ").map((pair) => pair.split(",").map(Number));
    expect(drawn.map(([, y]) => y)).toEqual([6, 11, 16].map((value) => yFor(value, { min: 0, max: 27 })));
    expect(drawn[0]![0]).toBe(chartSize.left);
    expect(drawn[2]![0]).toBe(chartSize.width - chartSize.right);
  });

  it("draws the bands inside the range, meeting without gaps, with their labels", () => {
    const bands = drawnBands(phq9Bands, { min: 0, max: 27 });
    expect(bands.map((band) => [band.from, band.to])).toEqual([
      [0, 5],
      [5, 10],
      [10, 15],
      [15, 20],
      [20, 27],
    ]);
    expect(all(html, /<rect class="app-chart__band app-chart__band--\d"/g)).toHaveLength(5);
    for (const label of ["Minimal", "Mild", "Moderate", "Moderately severe", "Severe"])
      expect(html).toContain(`>${label}</text>`);
    // A narrower range shows only the bands inside it, cut to fit.
    expect(
      drawnBands(phq9Bands, { min: 8, max: 16 }).map((band) => [band.label, band.from, band.to]),
    ).toEqual([
      ["Mild", 8, 10],
      ["Moderate", 10, 15],
      ["Moderately severe", 15, 16],
    ]);
  });

  it("marks highlighted points with a different shape, not only a colour", () => {
    expect(all(html, /class="app-chart__point app-chart__point--highlighted"/g)).toHaveLength(2);
    expect(all(html, /<circle class="app-chart__point"/g)).toHaveLength(1);
  });

  it("puts round-number ticks on the y-axis", () => {
    expect(ticksFor({ min: 0, max: 27 })).toEqual([0, 10, 20]);
    expect(ticksFor({ min: 0, max: 10 })).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticksFor({ min: 0, max: 12 })).toEqual([0, 5, 10]);
  });

  it("with one point draws a dot, no line, and says so", () => {
    const one = render({ points: [{ id: "r1", at: day(1), value: 6 }], bands: [] });
    expect(one).not.toContain("<polyline");
    expect(all(one, /<circle class="app-chart__point"/g)).toHaveLength(1);
    expect(one).toContain("One reading so far, on 1 Oct 2026: 6.");
    expect(all(one, /<tr class="nhsuk-table__row">/g)).toHaveLength(2);
    expect(one).not.toContain(">Band</th>");
  });

  it("with no points says nothing has been recorded instead of drawing an empty chart", () => {
    const empty = render({ points: [] });
    expect(empty).not.toContain("<svg");
    expect(empty).not.toContain("<table");
    expect(empty).toContain("PHQ-9 scores</figcaption>");
    expect(empty).toContain("Nothing has been recorded yet, so there is no chart to show.");
    expect(render({ points: [], emptyText: "No check-ins yet." })).toContain("No check-ins yet.");
  });
});
