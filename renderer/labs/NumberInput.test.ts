import { describe, expect, it } from 'vitest';

import { parseTypedNumber } from './NumberInput';

describe('parseTypedNumber', () => {
  it('accepts what students type, including a decimal comma and the Unicode minus', () => {
    expect(parseTypedNumber('0.5')).toBe(0.5);
    expect(parseTypedNumber(' -3 ')).toBe(-3);
    expect(parseTypedNumber('0,25')).toBe(0.25);
    expect(parseTypedNumber('−1.5')).toBe(-1.5);
    expect(parseTypedNumber('.5')).toBe(0.5);
    expect(parseTypedNumber('1e-3')).toBe(0.001);
  });
  it('refuses incomplete or non-numeric text instead of guessing', () => {
    for (const s of ['', '-', '1.2.3', 'abc', '0x10', 'Infinity', '1e999', 'NaN'])
      expect(parseTypedNumber(s), s).toBeNull();
  });
});
