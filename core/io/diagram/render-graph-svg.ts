import { tidyLayout } from '../../graph/layout';
import { xmlText } from '../escape/xml';
import { adjacencyOf } from '../../graph/queries';
import type { GraphDoc, NodeId } from '../../graph/types';
import { getLayerSpec } from '../../layers/catalog';
import type { LayerFamily } from '../../layers/spec';
import type { NodeShapeInfo } from '../../shapes/infer';
import type { Locale } from '../../validate/diagnostic';

/** Box and spacing sizes, in SVG user units (= CSS px at scale 1): legible on a 16:9 slide. */
const box = {
  width: 280,
  height: 100,
  levelGap: 56,
  nodeGap: 36,
  margin: 32,
  header: 56,
  footer: 44,
};

/** One fill per palette family, light enough for black text in print and on projectors. */
const familyFill: Readonly<Record<LayerFamily, string>> = {
  input: '#e7f5ff',
  core: '#edf2ff',
  activation: '#fff4e6',
  convolution: '#ebfbee',
  pooling: '#f3f0ff',
  normalization: '#fff9db',
  recurrent: '#ffe3e3',
  embedding: '#e6fcf5',
  merge: '#f1f3f5',
};

/** CJK-capable fonts first (Noto CJK on Linux, YaHei on Windows, PingFang on macOS), then generic. */
export const diagramFontFamily =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', system-ui, sans-serif";

const words = {
  en: { params: 'params', total: 'Total parameters', unknown: 'shape unknown' },
  'zh-CN': { params: '参数', total: '参数总数', unknown: '形状未知' },
} as const;

const escapeXml = xmlText;

/** `[null, 28, 28, 1]` → `28 × 28 × 1`; the batch axis is left out, as slides about one sample read it. */
function formatSampleShape(shape: readonly (number | null)[]): string {
  return shape
    .slice(1)
    .map((d) => (d === null ? '?' : String(d)))
    .join(' × ');
}

function formatCount(n: number, locale: Locale): string {
  return n.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-US');
}

const isWide = (ch: string): boolean => /[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]/.test(ch);

/** Width of a text in Latin-character units (CJK characters count as two). */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += isWide(ch) ? 2 : 1;
  return units;
}

/** Cuts a label to fit a box, counting CJK characters as two Latin ones. */
function fit(text: string, maxUnits: number): string {
  let units = 0;
  let out = '';
  for (const ch of text) {
    units += isWide(ch) ? 2 : 1;
    if (units > maxUnits) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * The network as a standalone SVG document for slides and handouts: one box
 * per layer (name, kind, output shape, parameter count), arrows for edges,
 * laid out top to bottom by depth, and the total parameter count. Pure: the
 * renderer turns it into PNG by drawing it on a canvas.
 *
 * `shapes` is `inferShapes(doc, …)`; nodes it has no shape for say so.
 */
export function renderGraphSvg(
  doc: GraphDoc,
  shapes: ReadonlyMap<NodeId, NodeShapeInfo>,
  locale: Locale,
  title?: string,
): string {
  const t = words[locale];
  const laid = tidyLayout(doc, {
    direction: 'TB',
    levelGap: box.height + box.levelGap,
    nodeGap: box.width + box.nodeGap,
  });
  const nodes = Object.values(laid.nodes);
  const minX = Math.min(0, ...nodes.map((n) => n.position.x));
  const minY = Math.min(0, ...nodes.map((n) => n.position.y));
  const top = box.margin + (title === undefined ? 0 : box.header);
  const place = (id: NodeId): { x: number; y: number } => {
    const p = laid.nodes[id]?.position ?? { x: 0, y: 0 };
    return { x: p.x - minX + box.margin, y: p.y - minY + top };
  };
  // A 24 px bold title takes about 13 px per Latin character.
  const titleWidth = title === undefined ? 0 : textUnits(title) * 13 + 2 * box.margin;
  // Room on the right for edges routed round the boxes (see below).
  const width = Math.max(
    box.width + 2 * box.margin,
    titleWidth,
    ...nodes.map((n) => place(n.id).x + box.width + box.nodeGap / 2 + box.margin),
  );
  const height =
    Math.max(top + box.margin, ...nodes.map((n) => place(n.id).y + box.height)) +
    box.footer +
    box.margin;

  let total = 0;
  const boxes = nodes.map((node) => {
    const { x, y } = place(node.id);
    const spec = getLayerSpec(node.kind);
    const info = shapes.get(node.id);
    if (info?.ok === true) total += info.paramCount;
    const kindLabel = spec?.label[locale] ?? node.kind;
    const shapeText = info?.ok === true ? formatSampleShape(info.shape) : t.unknown;
    const paramText =
      info?.ok === true ? `${formatCount(info.paramCount, locale)} ${t.params}` : '';
    const fill = spec === undefined ? '#f8f9fa' : familyFill[spec.family];
    return [
      `<g data-node="${escapeXml(node.name)}">`,
      `<rect x="${x}" y="${y}" width="${box.width}" height="${box.height}" rx="10" fill="${fill}" stroke="#495057" stroke-width="1.5"/>`,
      `<text x="${x + 16}" y="${y + 28}" font-size="18" font-weight="700">${escapeXml(fit(node.name, 24))}</text>`,
      `<text x="${x + 16}" y="${y + 52}" font-size="15" fill="#495057">${escapeXml(fit(kindLabel, 28))}</text>`,
      `<text x="${x + 16}" y="${y + 82}" font-size="16" fill="#212529">${escapeXml(fit(shapeText, 16))}</text>`,
      `<text x="${x + box.width - 16}" y="${y + 82}" font-size="14" fill="#495057" text-anchor="end">${escapeXml(paramText)}</text>`,
      '</g>',
    ].join('');
  });

  const { incoming } = adjacencyOf(laid);
  const edges: string[] = [];
  for (const node of nodes) {
    for (const edge of incoming.get(node.id) ?? []) {
      const from = place(edge.source);
      const to = place(node.id);
      const x1 = from.x + box.width / 2;
      const y1 = from.y + box.height;
      const x2 = to.x + box.width / 2;
      const y2 = to.y - 4;
      const skipsLevels = to.y - from.y > box.height + box.levelGap + 1;
      // An edge that skips levels (a residual connection) goes round the boxes between, on the right.
      const side = Math.max(from.x, to.x) + box.width + box.nodeGap / 2;
      const mid = (y1 + y2) / 2;
      const d = skipsLevels
        ? `M${x1},${y1} C${x1},${y1 + 24} ${side},${y1 + 8} ${side},${y1 + 40} L${side},${y2 - 40} C${side},${y2 - 8} ${x2},${y2 - 24} ${x2},${y2}`
        : `M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`;
      edges.push(
        `<path d="${d}" fill="none" stroke="#495057" stroke-width="1.5" marker-end="url(#arrow)"/>`,
      );
    }
  }

  const heading =
    title === undefined
      ? ''
      : `<text x="${box.margin}" y="${box.margin + 28}" font-size="24" font-weight="700">${escapeXml(title)}</text>`;
  const footer = `<text x="${box.margin}" y="${height - box.margin}" font-size="16" fill="#212529">${escapeXml(`${t.total}${locale === 'zh-CN' ? '：' : ': '}${formatCount(total, locale)}`)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${diagramFontFamily}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#495057"/></marker></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    heading,
    ...edges,
    ...boxes,
    footer,
    '</svg>',
  ].join('\n');
}
