/** Data for a table: column headers and rows of cell text. */
export interface Table {
  headers: string[];
  rows: string[][];
}

/**
 * On a TTY: aligned columns under a header. Piped: tab-separated values without a header and
 * without truncation, one record per line, so `cut -f` and `awk` work (as gh does).
 */
export function renderTable(
  table: Table,
  tty: boolean,
  bold: (text: string) => string = String,
): string {
  if (!tty)
    return (
      table.rows.map((row) => row.map(tsvCell).join('\t')).join('\n') +
      (table.rows.length ? '\n' : '')
    );
  const widths = table.headers.map((header, i) =>
    Math.max(header.length, ...table.rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[], style: (text: string) => string = String) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .map((cell) => style(cell))
      .join('  ')
      .trimEnd();
  return `${[line(table.headers, bold), ...table.rows.map((row) => line(row))].join('\n')}\n`;
}

function tsvCell(cell: string): string {
  return cell.replace(/[\t\n\r]/g, ' ');
}
