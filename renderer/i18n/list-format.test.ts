import { describe, expect, it } from 'vitest';

import { formatNameList } from './list-format';

describe('formatNameList', () => {
  it('separates English names with commas and no "and"', () => {
    expect(formatNameList(['cat', 'dog', 'bird'], 'en')).toBe('cat, dog, bird');
  });

  it('separates Chinese names with the enumeration comma', () => {
    expect(formatNameList(['猫', '狗', '鸟'], 'zh-CN')).toBe('猫、狗、鸟');
  });

  it('leaves a single name alone', () => {
    expect(formatNameList(['ham'], 'en')).toBe('ham');
  });
});
