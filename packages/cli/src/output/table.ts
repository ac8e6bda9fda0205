/** How a column gives way when the table is wider than the terminal. */
export interface ColumnFit {
  /** Cut with `…` down to this many characters before anything is hidden. */
  min?: number;
  /** Which cuttable columns give way first: 1 (the default) before 2, and so on. */
  cut?: number;
  /** Hidden when even cutting is not enough: 1 goes first, then 2, and so on. */
  drop?: number;
}

/** Data for a table: column headers and rows of cell text. */
export interface Table {
  headers: string[];
  rows: string[][];
  /** Per column, in the order of `headers`; columns without one keep their width. */
  fit?: ReadonlyArray<ColumnFit | undefined>;
}

export interface RenderOptions {
  /** A person reads it: aligned columns under a header, fitted to `width`. */
  tty: boolean;
  /** The terminal's width in columns. */
  width?: number;
  bold?: (text: string) => string;
}

export interface Rendered {
  text: string;
  /** Headers of the columns left out to fit the width. */
  hidden: string[];
}

const GAP = 2;

/**
 * On a TTY: aligned columns under a header, fitted to the terminal's width (long cells cut
 * with `…`, then the least useful columns hidden: `hidden` names them). Piped: tab-separated
 * values without a header and without truncation, one record per line, so `cut -f` and
 * `awk` work (as gh does). No rows: nothing at all, not a header alone.
 */
export function renderTable(table: Table, options: RenderOptions): Rendered {
  if (table.rows.length === 0) return { text: '', hidden: [] };
  if (!options.tty) return { text: tsv(table.rows), hidden: [] };
  const bold = options.bold ?? String;
  const natural = table.headers.map((header, i) =>
    Math.max(width(header), ...table.rows.map((row) => width(row[i] ?? ''))),
  );
  const layout = fitColumns(natural, table.fit ?? [], options.width ?? Number.POSITIVE_INFINITY);
  const visible = layout.widths
    .map((w, i) => ({ i, w }))
    .filter((column): column is { i: number; w: number } => column.w !== null);
  const line = (cells: string[], style: (text: string) => string = String) =>
    visible
      .map(({ i, w }, n) => {
        const cell = cut(cells[i] ?? '', w);
        return style(n === visible.length - 1 ? cell : pad(cell, w));
      })
      .join(' '.repeat(GAP))
      .trimEnd();
  const text = `${[line(table.headers, bold), ...table.rows.map((row) => line(row))].join('\n')}\n`;
  return { text, hidden: layout.hidden.map((i) => table.headers[i] ?? '') };
}

/**
 * The width of each column (`null`: hidden) so the table fits `limit`: first cut the
 * columns that allow it, then hide droppable columns in their order until it fits, then
 * show again the hidden ones that fit in what is left, last hidden first.
 */
export function fitColumns(
  natural: readonly number[],
  fit: ReadonlyArray<ColumnFit | undefined>,
  limit: number,
): { widths: Array<number | null>; hidden: number[] } {
  const shown = natural.map(() => true);
  const total = () => natural.reduce((sum, w, i) => (shown[i] ? sum + w + GAP : sum), 0) - GAP;
  const smallest = () =>
    natural.reduce((sum, w, i) => (shown[i] ? sum + Math.min(w, fit[i]?.min ?? w) + GAP : sum), 0) -
    GAP;
  const dropOrder = natural
    .map((_, i) => i)
    .filter((i) => fit[i]?.drop !== undefined)
    .sort((a, b) => (fit[a]?.drop ?? 0) - (fit[b]?.drop ?? 0));
  const hidden: number[] = [];
  for (const i of dropOrder) {
    if (smallest() <= limit) break;
    shown[i] = false;
    hidden.push(i);
  }
  for (const i of [...hidden].reverse()) {
    shown[i] = true;
    if (smallest() > limit) shown[i] = false;
  }
  const widths: Array<number | null> = natural.map((w, i) => (shown[i] ? w : null));
  let excess = total() - limit;
  // Cut a character at a time: from the columns that give way first, the widest, so cuts
  // spread evenly among equals.
  while (excess > 0) {
    let widest = -1;
    for (const [i, w] of widths.entries()) {
      const min = fit[i]?.min;
      if (w === null || min === undefined || w <= min) continue;
      const order = fit[i]?.cut ?? 1;
      const best = fit[widest]?.cut ?? 1;
      if (widest === -1 || order < best || (order === best && w > (widths[widest] ?? 0))) {
        widest = i;
      }
    }
    if (widest === -1) break;
    widths[widest] = (widths[widest] ?? 0) - 1;
    excess--;
  }
  return { widths, hidden: natural.map((_, i) => i).filter((i) => !shown[i]) };
}

/** One object as `Label  value` lines (TTY) or `label<TAB>value` lines (piped). */
export function renderFields(
  rows: ReadonlyArray<readonly [string, string]>,
  options: RenderOptions & { dim?: (text: string) => string },
): string {
  if (!options.tty)
    return tsv(rows.map(([label, value]) => [label.toLowerCase().replace(/ /g, '_'), value]));
  const dim = options.dim ?? String;
  const labelWidth = Math.max(0, ...rows.map(([label]) => width(label)));
  const valueWidth = Math.max(20, (options.width ?? Number.POSITIVE_INFINITY) - labelWidth - GAP);
  const indent = ' '.repeat(labelWidth + GAP);
  return rows
    .map(([label, value]) => {
      const lines = wrap(value === '' ? '-' : value, valueWidth);
      return `${dim(pad(label, labelWidth))}${' '.repeat(GAP)}${lines.join(`\n${indent}`)}`;
    })
    .join('\n')
    .concat(rows.length ? '\n' : '');
}

/**
 * Breaks text into lines of at most `limit` columns at spaces (after commas too), never in
 * the middle of a word; a word longer than a line (a path, a URL) gets a line of its own.
 */
export function wrap(text: string, limit: number): string[] {
  if (width(text) <= limit) return [text];
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/(?<= )/)) {
    if (current !== '' && width(current) + width(word.trimEnd()) > limit) {
      lines.push(current.trimEnd());
      current = '';
    }
    current += word;
  }
  if (current.trim() !== '') lines.push(current.trimEnd());
  return lines;
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

/** The text cut to `to` columns, ending in `…` when something was cut. */
function cut(text: string, to: number): string {
  const chars = [...text];
  return chars.length <= to ? text : `${chars.slice(0, Math.max(0, to - 1)).join('')}…`;
}
