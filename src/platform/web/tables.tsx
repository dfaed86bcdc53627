import type { ComponentChildren } from "preact";

// The NHS.UK table, sortable and responsive. Re-exported from components.tsx.

export type TableColumn = {
  label: string;
  sortHref?: string;
  sorted?: "ascending" | "descending" | "none";
  numeric?: boolean;
};

export function Table({
  caption,
  columns,
  rows,
  responsive,
}: {
  caption: string;
  columns: TableColumn[];
  rows: ComponentChildren[][];
  /** NHS.UK's responsive table: on a phone each row stacks as a card, each value under its heading. */
  responsive?: boolean;
}) {
  if (responsive) return <ResponsiveTable caption={caption} columns={columns} rows={rows} />;
  // A wide table scrolls sideways on a phone: the scrolling region takes focus so a keyboard can
  // scroll it too, and is named by the table's caption.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard (axe scrollable-region-focusable, WCAG 2.1.1).
    <div class="app-table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">{caption}</caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            {columns.map((column) => (
              <th
                key={column.label}
                scope="col"
                class={`nhsuk-table__header${column.numeric ? " nhsuk-table__header--numeric" : ""}`}
                aria-sort={column.sortHref ? (column.sorted ?? "none") : undefined}
              >
                {column.sortHref ? <a href={column.sortHref}>{column.label}</a> : column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {rows.map((cells, rowIndex) => (
            <tr class="nhsuk-table__row" key={rowIndex}>
              {cells.map((cell, cellIndex) => (
                <td
                  key={cellIndex}
                  class={`nhsuk-table__cell${columns[cellIndex]?.numeric ? " nhsuk-table__cell--numeric" : ""}`}
                >
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The NHS.UK responsive table: nothing scrolls sideways on a narrow screen; each cell carries its
 * column heading, shown only when the rows stack. The ARIA roles keep it a table for screen
 * readers once the stacking CSS changes its display.
 */
function ResponsiveTable({
  caption,
  columns,
  rows,
}: {
  caption: string;
  columns: TableColumn[];
  rows: ComponentChildren[][];
}) {
  return (
    <table class="nhsuk-table-responsive" role="table">
      <caption class="nhsuk-table__caption">{caption}</caption>
      <thead class="nhsuk-table__head" role="rowgroup">
        <tr class="nhsuk-table__row" role="row">
          {columns.map((column) => (
            <th
              key={column.label}
              scope="col"
              role="columnheader"
              class={`nhsuk-table__header${column.numeric ? " nhsuk-table__header--numeric" : ""}`}
            >
              {column.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="nhsuk-table__body" role="rowgroup">
        {rows.map((cells, rowIndex) => (
          <tr class="nhsuk-table__row" role="row" key={rowIndex}>
            {cells.map((cell, cellIndex) => (
              <td
                key={cellIndex}
                role="cell"
                class={`nhsuk-table__cell${columns[cellIndex]?.numeric ? " nhsuk-table__cell--numeric" : ""}`}
              >
                <span class="nhsuk-table-responsive__heading" aria-hidden="true">
                  {columns[cellIndex]?.label}{" "}
                </span>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Previous and next links with the page position, as NHS.UK's pagination component. */
