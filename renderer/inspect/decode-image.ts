/** A decoded picture as RGBA bytes, ready for the worker's preprocessing. */
export interface DecodedImage {
  readonly rgba: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/**
 * Decodes an image file the user dropped or chose (PNG, JPEG, GIF, BMP,
 * WebP) with the browser's decoder. Rejects with a readable message when
 * the file is not a decodable image; never throws synchronously.
 */
export async function decodeImageFile(file: Blob): Promise<DecodedImage> {
  const bitmap = await createImageBitmap(file);
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas');
    ctx.drawImage(bitmap, 0, 0);
    return {
      rgba: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data,
      width: bitmap.width,
      height: bitmap.height,
    };
  } finally {
    bitmap.close();
  }
}

/** The pixels of a canvas the user drew on. */
export function canvasPixels(canvas: HTMLCanvasElement): DecodedImage {
  const ctx = canvas.getContext('2d');
  const data = ctx
    ? ctx.getImageData(0, 0, canvas.width, canvas.height).data
    : new Uint8ClampedArray(canvas.width * canvas.height * 4);
  return { rgba: data, width: canvas.width, height: canvas.height };
}
