// English for charts: the sentence that sums each one up and its table of figures.

export const enCharts = {
  "chart.empty": "Nothing has been recorded yet, so there is no chart to show.",
  "chart.summary.one": "One reading so far, on {date}: {value}.",
  "chart.summary.other": "{count} readings from {first} to {last}. The latest is {value}.",
  "chart.showFigures": "Show the figures in a table",
  "chart.date": "Date",
  "chart.band": "Band",
  "chart.note": "Note",
  "chart.highlighted": "Highlighted",
} as const;
