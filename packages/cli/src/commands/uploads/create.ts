import { basename } from 'node:path';
import type { Upload, UploadCategory } from '@onepin/sdk';
import { formatBytes } from '@onepin/sdk/format';
import { Command, Option } from 'commander';
import type { CliContext } from '../../context.js';
import { createProgressBar } from '../../output/progress-bar.js';

export interface UploadsCreateOptions {
  file: string;
  category: UploadCategory;
  contentType?: string | undefined;
  /** Confirm the upload for this workflow right after sending it. */
  workflow?: string | undefined;
}

/** `onepin uploads create --file F --category C`: sends the file; prints the upload's id. */
export function createUploadsCreateCommand(ctx: CliContext, run = uploadsCreateRun): Command {
  return new Command('create')
    .description('Upload a file (progress bar on a terminal); prints the upload’s id')
    .requiredOption('--file <path>', 'the file to send')
    .addOption(
      new Option(
        '--category <category>',
        'script (txt, srt, csv, json, xliff, docx) or dictionary (mp3, wav, m4a, ogg, webm)',
      )
        .choices(['script', 'dictionary'])
        .makeOptionMandatory(),
    )
    .option('--content-type <type>', 'the media type (default: from the extension)')
    .option('--workflow <id>', 'confirm the upload for this workflow right away')
    .addHelpText(
      'after',
      '\nExample:\n  UPLOAD=$(onepin uploads create --file script.txt --category script)\n  onepin uploads confirm "$UPLOAD" --workflow "$WORKFLOW"',
    )
    .action((options: UploadsCreateOptions) => run(ctx, options));
}

/** Sends the file (with a progress bar on a terminal), optionally confirms it; prints the upload's id. */
export async function uploadsCreateRun(
  ctx: CliContext,
  options: UploadsCreateOptions,
): Promise<void> {
  const { out, io } = ctx;
  const client = await ctx.client();
  const bar =
    io.stderrIsTTY && !out.json
      ? createProgressBar(io.stderr, `Uploading ${basename(options.file)}`)
      : undefined;
  let upload: Upload;
  try {
    upload = await client.uploads.create({
      file: options.file,
      category: options.category,
      ...(options.contentType !== undefined && { content_type: options.contentType }),
      ...(bar && { onProgress: (sent: number, total: number) => bar.update(sent, total) }),
    });
  } finally {
    bar?.done();
  }
  out.success(
    `Uploaded ${upload.filename} (${formatBytes(upload.size_bytes ?? 0)}): upload ${upload.id}.`,
  );
  if (options.workflow !== undefined) {
    upload = await client.uploads.confirm(upload.id, {
      context_type: 'workflow',
      context_id: options.workflow,
    });
    out.success(`Confirmed for workflow ${options.workflow}.`);
  } else if (!out.json) {
    out.message(
      `Bind it to a workflow: onepin uploads confirm ${upload.id} --workflow WORKFLOW_ID`,
    );
  }
  out.data(upload, () => upload.id);
}
