import { describe, expect, it } from 'vitest';
import { captureIo } from '../test-support/capture-io.js';
import { Output } from './output.js';
import { fitColumns, renderFields, renderTable, wrap } from './table.js';

const table = {
  headers: ['ID', 'NAME', 'PREVIEW'],
  rows: [
    ['1', 'laptop', 'op_live_…AbCd'],
    ['22', 'tab\there\nand newline', 'op_test_…WxYz'],
  ],
};
const tty = (width = 200) => ({ tty: true, width });

describe('renderTable', () => {
  it('aligns columns under a header on a terminal (counting … as one column)', () => {
    expect(renderTable({ ...table, rows: [table.rows[0]!] }, tty()).text).toBe(
      'ID  NAME    PREVIEW\n1   laptop  op_live_…AbCd\n',
    );
  });

  it('prints tab-separated rows without a header when piped, tabs and newlines flattened', () => {
    expect(renderTable(table, { tty: false }).text).toBe(
      '1\tlaptop\top_live_…AbCd\n22\ttab here and newline\top_test_…WxYz\n',
    );
  });

  it('prints nothing for no rows, not even the header', () => {
    expect(renderTable({ headers: ['ID'], rows: [] }, { tty: false }).text).toBe('');
    expect(renderTable({ headers: ['ID'], rows: [] }, tty()).text).toBe('');
  });

  it('cuts a cuttable column with … to fit the width, and never a piped row', () => {
    const long = {
      headers: ['ID', 'NAME'],
      rows: [['1', 'a rather long name for a key']],
      fit: [undefined, { min: 6 }],
    };
    expect(renderTable(long, tty(16)).text).toBe('ID  NAME\n1   a rather lo…\n');
    expect(renderTable(long, { tty: false, width: 16 }).text).toBe(
      '1\ta rather long name for a key\n',
    );
  });

  it('hides droppable columns in their order, names them, and shows again what fits', () => {
    const wide = {
      headers: ['ID', 'TYPE', 'SCOPES', 'STATUS'],
      rows: [['k1', 'live', 'workflows:read,workflows:write', 'active']],
      fit: [undefined, { drop: 2 }, { drop: 1 }, undefined],
    };
    expect(renderTable(wide, tty(22))).toEqual({
      text: 'ID  TYPE  STATUS\nk1  live  active\n',
      hidden: ['SCOPES'],
    });
    expect(renderTable(wide, tty(12))).toEqual({
      text: 'ID  STATUS\nk1  active\n',
      hidden: ['TYPE', 'SCOPES'],
    });
  });
});

describe('fitColumns', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitColumns([4, 10], [], 80)).toEqual({ widths: [4, 10], hidden: [] });
  });

  it('spreads cuts over the widest cuttable columns, never below their minimum', () => {
    expect(fitColumns([4, 20, 20], [undefined, { min: 5 }, { min: 5 }], 30)).toEqual({
      widths: [4, 11, 11],
      hidden: [],
    });
    expect(fitColumns([4, 20], [undefined, { min: 10 }], 5).widths).toEqual([4, 10]);
  });

  it('cuts the columns that give way first before the others', () => {
    expect(
      fitColumns(
        [20, 40],
        [
          { min: 8, cut: 1 },
          { min: 10, cut: 2 },
        ],
        40,
      ),
    ).toEqual({
      widths: [8, 30],
      hidden: [],
    });
  });
});

describe('renderFields', () => {
  const rows = [
    ['Name', 'ci'],
    ['Last used', ''],
  ] as const;

  it('aligns labels on a terminal and shows empty values as -', () => {
    expect(renderFields(rows, tty())).toBe('Name       ci\nLast used  -\n');
  });

  it('prints snake_case label<TAB>value lines when piped', () => {
    expect(renderFields(rows, { tty: false })).toBe('name\tci\nlast_used\t\n');
  });

  it('wraps a long value between words, under its own column', () => {
    expect(
      renderFields([['Scopes', 'api_keys:read, api_keys:write, templates:read']], tty(40)),
    ).toBe('Scopes  api_keys:read, api_keys:write,\n        templates:read\n');
  });
});

describe('wrap', () => {
  it('never breaks a word; a word longer than the line gets its own line', () => {
    expect(wrap('short', 10)).toEqual(['short']);
    expect(wrap('file (/home/someone/.onepin/credentials)', 12)).toEqual([
      'file',
      '(/home/someone/.onepin/credentials)',
    ]);
    expect(wrap('a b c d e f', 3)).toEqual(['a b', 'c d', 'e f']);
  });
});

describe('Output width', () => {
  it('fits the terminal it is told of, and 80 columns when the terminal does not say', () => {
    const told = captureIo({ tty: true, columns: 132 });
    expect(new Output(told, { json: false, color: false }).width).toBe(132);
    const silent = { ...captureIo({ tty: true }), columns: undefined };
    expect(new Output(silent, { json: false, color: false }).width).toBe(80);
  });
});
