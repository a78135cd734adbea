/**
 * WCAG 2.x contrast of two `#rrggbb` colours (1..21). Used by the theme test
 * to keep every text/background pair of both themes at AA (≥ 4.5).
 */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1] as string, 16);
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255)
  );
}

/** The `--name: #hex` custom properties of one CSS rule block. */
export function readColourTokens(css: string, selector: RegExp): Record<string, string> {
  const tokens: Record<string, string> = {};
  const block = new RegExp(`${selector.source}[^{]*\\{([^}]*)\\}`).exec(css);
  if (!block) return tokens;
  for (const m of (block[1] as string).matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g))
    tokens[m[1] as string] = m[2] as string;
  return tokens;
}
