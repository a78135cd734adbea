import type { Page } from '@playwright/test';

/**
 * Finds English left in the Chinese UI: every run of two or more English words
 * (letters only, separated by spaces) in the visible text and in the `title`,
 * `aria-label`, `placeholder` and `alt` of visible elements. A run made only of
 * allowed words (proper names, units, Keras layer and class names, which are
 * the same in every language by design) is not English prose. An element may
 * name a machine string it shows as it is (the GPU driver's name) in
 * `data-verbatim`; that string is left out of its text and attributes.
 */

/** Names that stay as they are in Chinese text. Keep this short and explicit. */
export const allowedWords: readonly string[] = [
  // Products, formats, libraries.
  'LayerLab',
  'TensorFlow',
  'TF',
  'js',
  'PyTorch',
  'ONNX',
  'Runtime', // "ONNX Runtime", a product name
  'Keras',
  'JSON',
  'README',
  'WASM',
  'WebAssembly',
  'SIMD',
  'relaxed',
  'WebGL',
  'GPU',
  'CPU',
  'SwiftShader',
  'ANGLE',
  'PNG',
  'JPEG',
  'GIF',
  'BMP',
  'WebP',
  'SVG',
  'UTF',
  'GB',
  'MB',
  'KB',
  'Fashion',
  'MNIST',
  'LeNet',
  'LSTM',
  'GRU',
  'RNN',
  'MLP',
  'CNN',
  'SGD',
  'Adam',
  'RMSprop',
  'ReLU',
  'Softmax',
  'softmax',
  'sigmoid',
  'tanh',
  'logits',
  'Leaky',
  // Function names a formula may use (the gradient-descent lab lists them).
  'sin',
  'cos',
  'exp',
  'log',
  'sqrt',
  'abs',
  'Ctrl',
  'Shift',
  'Alt',
  'Enter',
  'Esc',
  'Tab',
  // Keras layer kinds (node titles and summary rows use them by design).
  'Dense',
  'Conv',
  'Conv2D',
  'Dropout',
  'Flatten',
];

export interface EnglishRun {
  /** Where it was seen: "text" or the attribute name. */
  readonly where: string;
  /** The English words found. */
  readonly run: string;
  /** The whole text around it, to find it in the catalogs. */
  readonly context: string;
}

/** Every English run on the page now, outside the allowed words. */
export async function findEnglishRuns(page: Page): Promise<EnglishRun[]> {
  return page.evaluate((allowed) => {
    const allow = new Set(allowed);
    const runPattern = /[A-Za-z]{2,}(?:[ \u00a0]+[A-Za-z]{2,})+/g;
    const found: { where: string; run: string; context: string }[] = [];
    const check = (where: string, raw: string, el: Element): void => {
      const verbatim = el.closest('[data-verbatim]')?.getAttribute('data-verbatim') ?? '';
      const text = verbatim === '' ? raw : raw.split(verbatim).join(' ');
      for (const match of text.matchAll(runPattern)) {
        const words = match[0].split(/[ \u00a0]+/);
        if (words.every((w) => allow.has(w))) continue;
        found.push({ where, run: match[0], context: raw.trim().slice(0, 160) });
      }
    };
    const visible = (el: Element): boolean =>
      el.checkVisibility({ opacityProperty: false, visibilityProperty: true });
    // Text the user can see.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || /^(SCRIPT|STYLE|NOSCRIPT)$/.test(parent.tagName)) continue;
      if (!visible(parent)) continue;
      check('text', node.textContent ?? '', parent);
    }
    // What tooltips and screen readers say, and the values shown in inputs.
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      if (!visible(el)) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder', 'alt']) {
        const value = el.getAttribute(attribute);
        if (value) check(attribute, value, el);
      }
      if (el instanceof HTMLSelectElement)
        for (const option of Array.from(el.options)) check('option', option.text, el);
    }
    return found;
  }, allowedWords);
}
