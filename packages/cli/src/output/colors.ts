import pc from 'picocolors';

export type Colors = Pick<typeof pc, 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'>;

const plain: Colors = {
  bold: String,
  dim: String,
  red: String,
  green: String,
  yellow: String,
  cyan: String,
};

/** Colours only on a TTY, and never with NO_COLOR (any value) or --no-color. */
export function colorsFor(enabled: boolean): Colors {
  return enabled ? pc.createColors(true) : plain;
}
