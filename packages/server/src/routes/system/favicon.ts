import type { RouteRegistrar } from '../route-definition.js';

const SIZE = 32;
/** The dashboard's accent (#2453d3) and white, as BGRA. */
const BLUE = [0xd3, 0x53, 0x24, 0xff] as const;
const WHITE = [0xff, 0xff, 0xff, 0xff] as const;
const CLEAR = [0, 0, 0, 0] as const;

/** The pixel at (x, y), top-left origin: a blue disc (a pin's head) with a white dot. */
function pixel(x: number, y: number): readonly number[] {
  const dx = x + 0.5 - SIZE / 2;
  const dy = y + 0.5 - SIZE / 2;
  const distance = Math.hypot(dx, dy);
  if (distance <= 5) return WHITE;
  return distance <= 15 ? BLUE : CLEAR;
}

/**
 * A 32×32, 32-bit `.ico` drawn here rather than shipped as a binary: ICONDIR, one entry, a
 * BITMAPINFOHEADER (height doubled for the mask), bottom-up BGRA rows and an empty AND mask.
 */
export function drawFavicon(): Uint8Array {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // one bit per pixel, rows padded to 32 bits
  const image = 40 + pixels + mask;
  const bytes = new Uint8Array(6 + 16 + image);
  const view = new DataView(bytes.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  bytes[6] = SIZE;
  bytes[7] = SIZE;
  view.setUint16(10, 1, true); // planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, image, true);
  view.setUint32(18, 22, true); // offset of the image
  view.setUint32(22, 40, true); // BITMAPINFOHEADER
  view.setInt32(26, SIZE, true);
  view.setInt32(30, SIZE * 2, true);
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + mask, true);
  let offset = 22 + 40;
  for (let row = SIZE - 1; row >= 0; row--) {
    for (let x = 0; x < SIZE; x++) {
      bytes.set(pixel(x, row), offset);
      offset += 4;
    }
  }
  return bytes;
}

/** `/favicon.ico`: browsers ask for it on every page (/docs too); a 404 there is noise. */
export const registerFavicon: RouteRegistrar = (app) => {
  const icon = drawFavicon();
  app.get('/favicon.ico', (c) =>
    c.body(icon as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'image/x-icon',
      'Cache-Control': 'public, max-age=86400',
    }),
  );
};
