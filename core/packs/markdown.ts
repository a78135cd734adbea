/**
 * The Markdown of package instructions, as a tree of a few allowed node
 * kinds. Nothing in the text is ever markup: raw HTML (`<script>`, `<img
 * onerror>`) stays literal text, links are shown as text with their address
 * (an app window must not navigate away), and images may only name a file
 * inside the package. The renderer builds React elements from the tree and
 * `markdownToHtml` writes escaped HTML for reports, so neither runs script.
 *
 * Supported: `#`–`###` headings, paragraphs, `-`/`*` and `1.` lists, fenced
 * code, `$$…$$` display formulas; inline `**bold**`, `*em*`, `` `code` ``,
 * `$formula$`, `[text](address)`, `![alt](images/file.png)`.
 */

export type MdInline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'strong'; readonly children: readonly MdInline[] }
  | { readonly type: 'em'; readonly children: readonly MdInline[] }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'math'; readonly tex: string }
  | { readonly type: 'link'; readonly text: string; readonly href: string }
  | { readonly type: 'image'; readonly alt: string; readonly path: string };

export type MdBlock =
  | { readonly type: 'heading'; readonly level: 1 | 2 | 3; readonly children: readonly MdInline[] }
  | { readonly type: 'paragraph'; readonly children: readonly MdInline[] }
  | {
      readonly type: 'list';
      readonly ordered: boolean;
      readonly items: readonly (readonly MdInline[])[];
    }
  | { readonly type: 'code'; readonly text: string }
  | { readonly type: 'math'; readonly tex: string };

/** Parses the supported Markdown subset; any input gives a tree (never throws). */
export function parseMarkdown(source: string): MdBlock[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MdBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (line.startsWith('```')) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i] ?? '').startsWith('```')) body.push(lines[i++] ?? '');
      i++;
      blocks.push({ type: 'code', text: body.join('\n') });
      continue;
    }
    if (line.trim().startsWith('$$')) {
      const body: string[] = [line.trim().slice(2)];
      let closed = body[0]?.endsWith('$$') ?? false;
      if (closed) body[0] = (body[0] ?? '').slice(0, -2);
      i++;
      while (!closed && i < lines.length) {
        const next = lines[i++] ?? '';
        closed = next.trim().endsWith('$$');
        body.push(closed ? next.trim().slice(0, -2) : next);
      }
      blocks.push({ type: 'math', tex: body.join('\n').trim() });
      continue;
    }
    const heading = /^(#{1,3})\s+(.*)$/.exec(line);
    if (heading) {
      blocks.push({
        type: 'heading',
        level: (heading[1] ?? '#').length as 1 | 2 | 3,
        children: parseInline(heading[2] ?? ''),
      });
      i++;
      continue;
    }
    const bullet = /^\s*(?:[-*]|(\d+)\.)\s+/;
    const first = bullet.exec(line);
    if (first) {
      const ordered = first[1] !== undefined;
      const items: MdInline[][] = [];
      while (i < lines.length) {
        const match = bullet.exec(lines[i] ?? '');
        if (!match || (match[1] !== undefined) !== ordered) break;
        items.push(parseInline((lines[i] ?? '').slice(match[0].length)));
        i++;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      (lines[i] ?? '').trim() !== '' &&
      !/^(#{1,3}\s|```|\s*\$\$)/.test(lines[i] ?? '') &&
      !bullet.test(lines[i] ?? '')
    )
      para.push(lines[i++] ?? '');
    blocks.push({ type: 'paragraph', children: parseInline(para.join('\n')) });
  }
  return blocks;
}

const inlinePattern =
  /(\*\*([^*]+)\*\*)|(\*([^*\s][^*]*)\*|_([^_\s][^_]*)_)|(`([^`]+)`)|(\$([^$\n]+)\$)|(!\[([^\]]*)\]\(([^)\s]+)\))|(\[([^\]]+)\]\(([^)\s]+)\))/g;

/** Inline spans of one block; everything not matched is text. */
export function parseInline(text: string): MdInline[] {
  const out: MdInline[] = [];
  let last = 0;
  for (const m of text.matchAll(inlinePattern)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ type: 'text', text: text.slice(last, at) });
    if (m[1]) out.push({ type: 'strong', children: parseInline(m[2] ?? '') });
    else if (m[3]) out.push({ type: 'em', children: parseInline(m[4] ?? m[5] ?? '') });
    else if (m[6]) out.push({ type: 'code', text: m[7] ?? '' });
    else if (m[8]) out.push({ type: 'math', tex: m[9] ?? '' });
    else if (m[10]) out.push({ type: 'image', alt: m[11] ?? '', path: m[12] ?? '' });
    else if (m[13]) out.push({ type: 'link', text: m[14] ?? '', href: m[15] ?? '' });
    last = at + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Escaped HTML of a Markdown text. `imageSource(path)` answers a `data:` URL
 * for an image inside the package (or null: the alt text is shown instead),
 * so no address reaches the page that the package did not carry.
 */
export function markdownToHtml(
  source: string,
  imageSource: (path: string) => string | null = () => null,
): string {
  const inline = (nodes: readonly MdInline[]): string =>
    nodes
      .map((n) => {
        switch (n.type) {
          case 'text':
            return escapeHtml(n.text).replace(/\n/g, '<br>');
          case 'strong':
            return `<strong>${inline(n.children)}</strong>`;
          case 'em':
            return `<em>${inline(n.children)}</em>`;
          case 'code':
            return `<code>${escapeHtml(n.text)}</code>`;
          case 'math':
            return `<span class="math">${escapeHtml(texToText(n.tex))}</span>`;
          case 'link':
            return `${escapeHtml(n.text)} (<span class="address">${escapeHtml(n.href)}</span>)`;
          case 'image': {
            const src = imageSource(n.path);
            return src !== null && src.startsWith('data:image/')
              ? `<img src="${escapeHtml(src)}" alt="${escapeHtml(n.alt)}">`
              : `[${escapeHtml(n.alt || n.path)}]`;
          }
        }
      })
      .join('');
  return parseMarkdown(source)
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return `<h${b.level}>${inline(b.children)}</h${b.level}>`;
        case 'paragraph':
          return `<p>${inline(b.children)}</p>`;
        case 'list': {
          const tag = b.ordered ? 'ol' : 'ul';
          return `<${tag}>${b.items.map((item) => `<li>${inline(item)}</li>`).join('')}</${tag}>`;
        }
        case 'code':
          return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
        case 'math':
          return `<div class="math">${escapeHtml(texToText(b.tex))}</div>`;
      }
    })
    .join('\n');
}

const texSymbols: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  Delta: 'Δ',
  epsilon: 'ε',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  mu: 'μ',
  pi: 'π',
  sigma: 'σ',
  Sigma: 'Σ',
  sum: 'Σ',
  tau: 'τ',
  phi: 'φ',
  omega: 'ω',
  partial: '∂',
  nabla: '∇',
  cdot: '·',
  times: '×',
  leq: '≤',
  le: '≤',
  geq: '≥',
  ge: '≥',
  neq: '≠',
  approx: '≈',
  to: '→',
  rightarrow: '→',
  leftarrow: '←',
  infty: '∞',
  in: '∈',
  sqrt: '√',
  pm: '±',
  odot: '⊙',
  hat: '',
  left: '',
  right: '',
};
const operators = new Set([
  'cdot',
  'times',
  'leq',
  'le',
  'geq',
  'ge',
  'neq',
  'approx',
  'to',
  'rightarrow',
  'leftarrow',
  'in',
  'pm',
  'odot',
]);
const subscripts: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789+-=()aehijklmnoprstuvx'].map((c, i) => [
    c,
    [...'₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ'][i] ?? c,
  ]),
);
const superscripts: Readonly<Record<string, string>> = Object.fromEntries(
  [...'0123456789+-=()nT'].map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿᵀ'][i] ?? c]),
);

/**
 * A readable plain-text form of a TeX formula (no TeX engine ships offline):
 * `\partial L / \partial w_5` → `∂L / ∂w₅`, `\frac{a}{b}` → `(a)/(b)`, `x^2` → `x²`.
 * Letters without a Unicode sub/superscript keep a `_`/`^`.
 */
export function texToText(tex: string): string {
  // TeX drops the space after a control word (`\partial L` is ∂L); operators keep theirs.
  let s = tex.replace(/\\([A-Za-z]+)( ?)/g, (whole, name: string, space: string) =>
    name === 'frac' ? whole : `${texSymbols[name] ?? name}${operators.has(name) ? space : ''}`,
  );
  const script = (table: Readonly<Record<string, string>>, mark: string, body: string): string =>
    [...body].every((c) => table[c] !== undefined)
      ? [...body].map((c) => table[c]).join('')
      : `${mark}${body.length > 1 ? `(${body})` : body}`;
  s = s.replace(/_\{([^{}]*)\}|_([A-Za-z0-9])/g, (_w, a?: string, b?: string) =>
    script(subscripts, '_', a ?? b ?? ''),
  );
  s = s.replace(/\^\{([^{}]*)\}|\^([A-Za-z0-9])/g, (_w, a?: string, b?: string) =>
    script(superscripts, '^', a ?? b ?? ''),
  );
  // Innermost fractions first, so nested ones come out too.
  for (let i = 0; i < 10 && /\\frac/.test(s); i++)
    s = s.replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '($1)/($2)');
  return s.replace(/[{}]/g, '');
}
