import type { DatasetPlan, SampleStore } from '@core';

/**
 * A few thumbnails per class from the decoded samples (at the target size, so
 * the user sees what the network will see), as PNG data URLs.
 */
export async function makeThumbnails(
  plan: DatasetPlan,
  store: SampleStore,
  size: { width: number; height: number; channels: number },
  perClass = 6,
): Promise<Record<string, string[]>> {
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  const result: Record<string, string[]> = {};
  if (context === null) return result;
  const picked = new Map<number, number[]>();
  plan.samples.forEach((s, i) => {
    const list = picked.get(s.classIndex) ?? [];
    if (list.length < perClass) picked.set(s.classIndex, [...list, i]);
  });
  const pixels = new Uint8Array(store.sampleBytes);
  for (const [classIndex, indices] of picked) {
    const urls: string[] = [];
    for (const i of indices) {
      await store.read([i], pixels);
      const image = context.createImageData(size.width, size.height);
      for (let p = 0; p < size.width * size.height; p++) {
        const o = p * 4;
        if (size.channels === 1)
          image.data[o] = image.data[o + 1] = image.data[o + 2] = pixels[p] as number;
        else image.data.set(pixels.subarray(p * 3, p * 3 + 3), o);
        image.data[o + 3] = 255;
      }
      context.putImageData(image, 0, 0);
      urls.push(canvas.toDataURL('image/png'));
    }
    result[plan.classNames[classIndex] as string] = urls;
  }
  return result;
}
