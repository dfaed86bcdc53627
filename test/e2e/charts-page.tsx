import { LineChart } from "../../src/platform/web/charts";
import { createTranslator } from "../../src/platform/web/i18n";
import { Layout } from "../../src/platform/web/layout";
import { renderPage } from "../../src/platform/web/render";

/** A page of charts in the app's layout: every case a chart handles, for axe in a real browser. */
export function chartsPage() {
  const t = createTranslator("en-GB");
  const day = (n: number) => new Date(Date.UTC(2026, 9, n, 12));
  return renderPage(
    <Layout title="Charts" t={t} csrfToken="" navigation={[]}>
      <h1>Charts</h1>
      <LineChart
        t={t}
        id="phq9"
        title="PHQ-9 scores"
        valueLabel="PHQ-9 score"
        yRange={{ min: 0, max: 27 }}
        bands={[
          { min: 0, max: 4, label: "Minimal" },
          { min: 5, max: 9, label: "Mild" },
          { min: 10, max: 14, label: "Moderate" },
          { min: 15, max: 19, label: "Moderately severe" },
          { min: 20, max: 27, label: "Severe" },
        ]}
        points={[6, 9, 11, 16].map((value, index) => ({ id: `r${index}`, at: day(1 + 14 * index), value }))}
        highlightIds={["r2", "r3"]}
        highlightLabel="Part of this alert"
      />
      <LineChart
        t={t}
        id="sleep"
        title="Sleep, hours"
        valueLabel="Hours slept"
        yRange={{ min: 0, max: 12 }}
        points={[{ at: day(3), value: 7.5 }]}
      />
      <LineChart t={t} id="mood" title="Mood" valueLabel="Mood" yRange={{ min: 0, max: 10 }} points={[]} />
    </Layout>,
  );
}
