import { formatKey, formatString, type TomlDocument, type TomlTable } from './toml.js';

// Edits the text of a credentials file one table at a time, so the other tables, the
// comments and the order a user gave the file all survive a save or a remove.

/** The values of one profile to write; `undefined` removes the line. */
export interface ProfileValues {
  api_key: string;
  base_url: string | undefined;
  created_via: string | undefined;
}

/** The file's text with `profile`'s values set (the table made if needed). */
export function setProfile(document: TomlDocument, profile: string, values: ProfileValues): string {
  const lines = [...document.lines];
  const table = document.tables.find((t) => t.name === profile);
  const wanted = Object.entries(values);
  if (!table) {
    const body = trimTrailingBlankLines(lines);
    if (body.length > 0) body.push('');
    body.push(`[${formatKey(profile)}]`);
    for (const [key, value] of wanted) if (value !== undefined) body.push(assignment(key, value));
    return `${body.join('\n')}\n`;
  }
  // Work from the bottom up so line numbers above stay valid.
  const edits: { line: number; remove: number; insert: string[] }[] = [];
  const missing: string[] = [];
  for (const [key, value] of wanted) {
    const entry = table.entries.get(key);
    if (entry && value !== undefined)
      edits.push({ line: entry.line, remove: 1, insert: [assignment(key, value)] });
    else if (entry) edits.push({ line: entry.line, remove: 1, insert: [] });
    else if (value !== undefined) missing.push(assignment(key, value));
  }
  if (missing.length > 0)
    edits.push({ line: lastContentLine(table) + 1, remove: 0, insert: missing });
  edits.sort((a, b) => b.line - a.line);
  for (const edit of edits) lines.splice(edit.line, edit.remove, ...edit.insert);
  return finish(lines);
}

/**
 * The file's text without `profile`'s table: its header, its keys and the comments between
 * them. Comments and blank lines after its last key stay (they usually introduce the next
 * table). `null` when no table and no top-level key is left: the file should go.
 */
export function deleteProfile(document: TomlDocument, profile: string): string | null {
  const table = document.tables.find((t) => t.name === profile);
  if (!table) return finish(document.lines);
  if (document.tables.length === 1 && document.rootEntries.length === 0) return null;
  const lines = [...document.lines];
  lines.splice(table.header, lastContentLine(table) - table.header + 1);
  return finish(collapseBlankRuns(lines));
}

function assignment(key: string, value: string): string {
  return `${formatKey(key)} = ${formatString(value)}`;
}

/** The table's last key line, or its header when it has none. */
function lastContentLine(table: TomlTable): number {
  let last = table.header;
  for (const entry of table.entries.values()) last = Math.max(last, entry.line);
  return last;
}

function trimTrailingBlankLines(lines: string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && (out.at(-1) ?? '').trim() === '') out.pop();
  return out;
}

function collapseBlankRuns(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const blank = line.trim() === '';
    if (blank && (out.length === 0 || (out.at(-1) ?? '').trim() === '')) continue;
    out.push(line);
  }
  return out;
}

function finish(lines: string[]): string {
  const body = trimTrailingBlankLines(lines);
  return body.length === 0 ? '' : `${body.join('\n')}\n`;
}
