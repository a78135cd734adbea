import { describe, expect, it } from 'vitest';

import { markdownToHtml, parseMarkdown, texToText } from './markdown';

describe('instruction Markdown', () => {
  it('writes script and event-handler markup as escaped text', () => {
    const html = markdownToHtml(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n**<b onclick=x>bold</b>**',
    );
    expect(html).not.toMatch(/<script|<img|<b /i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('onerror=&quot;alert(2)&quot;');
  });

  it('never makes a link: a javascript: address is shown as text', () => {
    const html = markdownToHtml('[click](javascript:alert(1))');
    expect(html).not.toContain('<a');
    expect(html).not.toContain('href');
    expect(html).toContain('click (<span class="address">javascript:alert(1</span>)');
  });

  it('shows only images the package carries, as data: URLs', () => {
    const html = markdownToHtml('![cat](images/cat.png) ![remote](https://x.test/a.png)', (p) =>
      p === 'images/cat.png' ? 'data:image/png;base64,AAAA' : null,
    );
    expect(html).toContain('<img src="data:image/png;base64,AAAA" alt="cat">');
    expect(html).not.toContain('https://x.test/a.png"');
    expect(html).toContain('[remote]');
    // An image source that is not a data: image URL is never written.
    expect(markdownToHtml('![x](a.png)', () => 'javascript:alert(1)')).toBe('<p>[x]</p>');
  });

  it('parses headings, lists, code, emphasis and formulas', () => {
    const blocks = parseMarkdown(
      '# Title\n\n- one\n- **two**\n\n1. a\n2. b\n\n```\nx < y\n```\n\n$$a_1$$',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'list', 'list', 'code', 'math']);
    expect(markdownToHtml('x < y and `a<b>` and $w_5$')).toBe(
      '<p>x &lt; y and <code>a&lt;b&gt;</code> and <span class="math">w₅</span></p>',
    );
  });

  it('writes common TeX as readable text', () => {
    expect(texToText('\\frac{\\partial L}{\\partial w_5}')).toBe('(∂L)/(∂w₅)');
    expect(texToText('\\delta_{o1} \\cdot Out_{h1}')).toBe('δₒ₁ · Outₕ₁');
    expect(texToText('x^2 + e^{-x}')).toBe('x² + e^(-x)');
    expect(
      texToText(
        '\\frac{\\partial L}{\\partial Out_{o1}} \\cdot \\frac{\\partial In_{o1}}{\\partial w_5}',
      ),
    ).toBe('(∂L)/(∂Outₒ₁) · (∂Inₒ₁)/(∂w₅)');
  });
});
