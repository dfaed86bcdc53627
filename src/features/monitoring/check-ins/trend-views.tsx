import { type ChartPoint, LineChart } from "../../../platform/web/charts";
import type { Translator } from "../../../platform/web/i18n";
import { gad7, phq9 } from "../../assessments/service";
import { minutesAfterNoon } from "../rules/evaluation";
import type { CheckInListRow } from "./service";

/** What the trends need: recent check-ins, and the scores where this reader may see them. */
export type TrendData = {
  recent: Pick<CheckInListRow, "id" | "recordedAt" | "sleepHours" | "bedtime" | "mood" | "stress">[];
  phq9: { id: string; total: number; completedAt: Date }[] | null;
  gad7: { id: string; total: number; completedAt: Date }[] | null;
};

const pointsOf = <Row extends { id: string; recordedAt: Date }>(
  rows: readonly Row[],
  value: (row: Row) => number | null,
) =>
  rows.flatMap((row): ChartPoint[] => {
    const figure = value(row);
    return figure === null ? [] : [{ id: row.id, at: row.recordedAt, value: figure }];
  });

const scorePoints = (rows: NonNullable<TrendData["phq9"]>): ChartPoint[] =>
  rows.map((row) => ({ id: row.id, at: row.completedAt, value: row.total }));

/** Bedtime drawn as hours after 6 pm (so 23:30 is 5.5): a drifting bedtime rises on the chart. */
const bedtimeHoursAfterSixPm = (bedtime: string | null) =>
  bedtime === null ? null : Math.round(((minutesAfterNoon(bedtime) - 360) / 60) * 10) / 10;

/**
 * Sleep, bedtime, mood and stress from check-ins, and PHQ-9 and GAD-7 with their severity bands,
 * each with its figures in a table for screen readers. `highlightIds` picks out an alert's evidence.
 */
export function CheckInTrends(
  props: TrendData & { t: Translator; highlightIds?: readonly string[]; only?: "sleep" },
) {
  const { t, recent } = props;
  const common = {
    t,
    highlightIds: props.highlightIds,
    highlightLabel: t.t("checkIns.chart.evidence"),
    emptyText: t.t("checkIns.chart.empty"),
  };
  return (
    <section aria-labelledby="trends-heading">
      <h3 id="trends-heading">{t.t("checkIns.trends")}</h3>
      <LineChart
        {...common}
        id="trend-sleep"
        title={t.t("checkIns.chart.sleep")}
        valueLabel={t.t("checkIns.chart.sleepValue")}
        yRange={{ min: 0, max: 12 }}
        points={pointsOf(recent, (row) => row.sleepHours)}
      />
      <LineChart
        {...common}
        id="trend-bedtime"
        title={t.t("checkIns.chart.bedtime")}
        valueLabel={t.t("checkIns.chart.bedtimeValue")}
        yRange={{ min: 0, max: 12 }}
        points={pointsOf(recent, (row) => bedtimeHoursAfterSixPm(row.bedtime))}
      />
      {props.only !== "sleep" && (
        <>
          <LineChart
            {...common}
            id="trend-mood"
            title={t.t("checkIns.chart.mood")}
            valueLabel={t.t("checkIns.chart.scaleValue")}
            yRange={{ min: 0, max: 10 }}
            points={pointsOf(recent, (row) => row.mood)}
          />
          <LineChart
            {...common}
            id="trend-stress"
            title={t.t("checkIns.chart.stress")}
            valueLabel={t.t("checkIns.chart.scaleValue")}
            yRange={{ min: 0, max: 10 }}
            points={pointsOf(recent, (row) => row.stress)}
          />
          {props.phq9 && props.gad7 ? (
            <>
              <LineChart
                {...common}
                id="trend-phq9"
                title={t.t("checkIns.chart.phq9")}
                valueLabel={t.t("checkIns.chart.scoreValue")}
                yRange={phq9.total}
                bands={phq9.bands}
                points={scorePoints(props.phq9)}
              />
              <LineChart
                {...common}
                id="trend-gad7"
                title={t.t("checkIns.chart.gad7")}
                valueLabel={t.t("checkIns.chart.scoreValue")}
                yRange={gad7.total}
                bands={gad7.bands}
                points={scorePoints(props.gad7)}
              />
            </>
          ) : (
            <p>{t.t("checkIns.scoresHidden")}</p>
          )}
        </>
      )}
    </section>
  );
}
