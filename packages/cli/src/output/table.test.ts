import { describe, expect, it } from 'vitest';
import { renderFields, renderTable } from './table.js';

const table = {
  headers: ['ID', 'NAME', 'PREVIEW'],
  rows: [
    ['1', 'laptop', 'op_live_…AbCd'],
    ['22', 'tab\there\nand newline', 'op_test_…WxYz'],
  ],
};

describe('renderTable', () => {
  it('aligns columns under a header on a terminal (counting … as one column)', () => {
    expect(renderTable({ ...table, rows: [table.rows[0]!] }, true)).toBe(
      'ID  NAME    PREVIEW\n1   laptop  op_live_…AbCd\n',
    );
  });

  it('prints tab-separated rows without a header when piped, tabs and newlines flattened', () => {
    expect(renderTable(table, false)).toBe(
      '1\tlaptop\top_live_…AbCd\n22\ttab here and newline\top_test_…WxYz\n',
    );
  });

  it('prints nothing for no rows when piped, and the header alone on a terminal', () => {
    expect(renderTable({ headers: ['ID'], rows: [] }, false)).toBe('');
    expect(renderTable({ headers: ['ID'], rows: [] }, true)).toBe('ID\n');
  });
});

describe('renderFields', () => {
  const rows = [
    ['Name', 'ci'],
    ['Last used', ''],
  ] as const;

  it('aligns labels on a terminal and shows empty values as -', () => {
    expect(renderFields(rows, true)).toBe('Name       ci\nLast used  -\n');
  });

  it('prints snake_case label<TAB>value lines when piped', () => {
    expect(renderFields(rows, false)).toBe('name\tci\nlast_used\t\n');
  });
});
