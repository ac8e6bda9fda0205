import { formatBytes } from '@onepin/sdk/format';

const WIDTH = 24;
/** Redraw at most this often: a 50 MB upload reports thousands of chunks. */
const FRAME_MS = 80;

export interface ProgressBar {
  /** The SDK's `onProgress`: bytes sent so far, of `total`. */
  update(sent: number, total: number): void;
  /** Ends the bar's line (call once, whether the upload worked or not). */
  done(): void;
}

/**
 * A one-line progress bar redrawn in place with `\r`, for stderr on a terminal:
 * `Uploading script.txt  [#########···············]  38%  1.9 MiB / 5 MiB`.
 */
export function createProgressBar(
  stream: { write(text: string): unknown },
  label: string,
  clock: () => number = () => performance.now(),
): ProgressBar {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let drawn = false;
  const draw = (sent: number, total: number) => {
    const ratio = total > 0 ? Math.min(1, sent / total) : 1;
    const filled = Math.round(ratio * WIDTH);
    const line = `${label}  [${'#'.repeat(filled)}${'·'.repeat(WIDTH - filled)}]  ${String(Math.floor(ratio * 100)).padStart(3)}%  ${formatBytes(sent)} / ${formatBytes(total)}`;
    // \x1b[K clears what a longer previous line left behind.
    stream.write(`\r${line}\u001b[K`);
    drawn = true;
  };
  return {
    update(sent, total) {
      const now = clock();
      if (sent < total && now - lastDraw < FRAME_MS) return;
      lastDraw = now;
      draw(sent, total);
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
