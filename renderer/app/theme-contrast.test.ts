import { describe, expect, it } from 'vitest';

import themeCss from '../styles/theme.css?raw';
import { contrastRatio, readColourTokens } from './theme-contrast';

/** Foreground/background pairs that carry text or meaning in the UI. */
const pairs: readonly [string, string][] = [
  ['text', 'bg'],
  ['text', 'panel'],
  ['text', 'panel-2'],
  ['text', 'node-bg'],
  ['text', 'node-header'],
  ['text', 'canvas'],
  ['text', 'accent-soft'],
  ['text-muted', 'panel'],
  ['text-muted', 'panel-2'],
  ['text-muted', 'bg'],
  ['text-muted', 'node-header'],
  ['accent', 'panel'],
  ['accent-text', 'accent'],
  ['error', 'panel'],
  ['error', 'error-soft'],
  ['warning', 'panel'],
  ['warning', 'warning-soft'],
  ['success', 'panel'],
  ['panel', 'error'],
  ['panel', 'warning'],
  ['panel', 'info'],
];

const themes = {
  light: readColourTokens(themeCss, /:root\[data-theme='light'\]/),
  dark: readColourTokens(themeCss, /:root\[data-theme='dark'\]/),
};

describe('theme contrast (WCAG AA)', () => {
  it('computes known ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, tokens] of Object.entries(themes)) {
    it(`reads the ${name} theme tokens`, () => {
      expect(Object.keys(tokens).length).toBeGreaterThan(20);
    });
    it.each(pairs)(`${name}: --%s on --%s is at least 4.5:1`, (fg, bg) => {
      const f = tokens[fg];
      const b = tokens[bg];
      expect(f, fg).toBeDefined();
      expect(b, bg).toBeDefined();
      expect(contrastRatio(f as string, b as string)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
