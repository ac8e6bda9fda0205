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
  if (!tty) return tsv(table.rows);
  const widths = table.headers.map((header, i) =>
    Math.max(width(header), ...table.rows.map((row) => width(row[i] ?? ''))),
  );
  const line = (cells: string[], style: (text: string) => string = String) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : pad(cell, widths[i] ?? 0)))
      .map((cell) => style(cell))
      .join('  ')
      .trimEnd();
  return `${[line(table.headers, bold), ...table.rows.map((row) => line(row))].join('\n')}\n`;
}

/** One object as `Label  value` lines (TTY) or `label<TAB>value` lines (piped). */
export function renderFields(
  rows: ReadonlyArray<readonly [string, string]>,
  tty: boolean,
  dim: (text: string) => string = String,
): string {
  if (!tty)
    return tsv(rows.map(([label, value]) => [label.toLowerCase().replace(/ /g, '_'), value]));
  const labelWidth = Math.max(0, ...rows.map(([label]) => width(label)));
  return rows
    .map(([label, value]) => `${dim(pad(`${label}`, labelWidth))}  ${value === '' ? '-' : value}`)
    .join('\n')
    .concat(rows.length ? '\n' : '');
}

function tsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(tsvCell).join('\t')).join('\n') + (rows.length ? '\n' : '');
}

function tsvCell(cell: string): string {
  return cell.replace(/[\t\n\r]/g, ' ');
}

/** Columns a string takes in a terminal (code points, so `…` counts as one). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}
