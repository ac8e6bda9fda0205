import { readFile } from 'node:fs/promises';
import type { WorkflowDefinitionInput } from '@onepin/sdk';
import { CliError } from '../../errors.js';
import type { CliIo } from '../../io.js';

/**
 * Reads a workflow definition (`{"graph": {"nodes": […], "edges": […]}}`) from a JSON file,
 * or from stdin with `-`. The server validates the graph; this only checks it is a JSON object.
 */
export async function readDefinition(io: CliIo, file: string): Promise<WorkflowDefinitionInput> {
  const from = file === '-' ? 'stdin' : file;
  let text: string;
  if (file === '-') {
    text = '';
    io.stdin.setEncoding('utf8');
    for await (const chunk of io.stdin) text += String(chunk);
  } else {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new CliError(
        'FILE_NOT_READABLE',
        `Cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.`,
      );
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(
      'INVALID_DEFINITION',
      `The definition in ${from} is not valid JSON: ${(error as Error).message}`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(
      'INVALID_DEFINITION',
      `The definition in ${from} must be a JSON object such as {"graph": {"nodes": [], "edges": []}}.`,
    );
  }
  return value as WorkflowDefinitionInput;
}
