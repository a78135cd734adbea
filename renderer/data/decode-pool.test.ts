import { describe, expect, it } from 'vitest';

import { planChunks } from './decode-pool';

describe('decode chunks', () => {
  it('cuts at the file count, or earlier at the byte budget, never leaving a chunk empty', () => {
    expect(planChunks(5, 2, undefined, 100)).toEqual([
      [0, 2],
      [2, 4],
      [4, 5],
    ]);
    // Sizes 40, 40, 40, 500, 10: the third file would pass 100 bytes; a 500-byte file goes alone.
    expect(planChunks(5, 10, [40, 40, 40, 500, 10], 100)).toEqual([
      [0, 2],
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
    expect(planChunks(0, 10, [], 100)).toEqual([]);
  });
});
