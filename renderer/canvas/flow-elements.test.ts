import { describe, expect, it } from 'vitest';

import { analyze } from '../state/analysis';
import { EditorDriver } from '../state/testing/editor-driver';
import { applySelectChanges, FlowElementCache } from './flow-elements';
import { buildNodeView, formatParamValue } from './node-view';

function build(driver: EditorDriver, cache: FlowElementCache, locale: 'en' | 'zh-CN' = 'en') {
  const { doc, session } = driver.state;
  return cache.buildNodes(doc, session, analyze(doc), new Map(), locale);
}

describe('canvas nodes derived from the document', () => {
  it('shows name, translated kind, key params, shape and count', () => {
    const d = new EditorDriver();
    const input = d.add('ImageInput');
    const conv = d.add('Conv2D');
    d.connect(input, conv);
    const node = d.doc.graph.nodes[conv]!;
    const info = analyze(d.doc).shapes.get(conv);
    const en = buildNodeView(node, info, [], 'en');
    expect(en.name).toBe(node.name);
    expect(en.kindLabel).not.toBe('');
    expect(en.keyParams.length).toBeGreaterThan(0);
    expect(en.shape.outputShape).toMatch(/^\(None, \d+, \d+, \d+\)$/);
    expect(en.shape.paramCount).toBeGreaterThan(0);
    expect(en.hasInputPort).toBe(true);
    const zh = buildNodeView(node, info, [], 'zh-CN');
    expect(zh.kindLabel).not.toBe(en.kindLabel);
  });

  it('gives input layers no input port', () => {
    const d = new EditorDriver();
    const input = d.add('ImageInput');
    expect(buildNodeView(d.doc.graph.nodes[input]!, undefined, [], 'en').hasInputPort).toBe(false);
  });

  it('carries the worst diagnostic severity and formatted messages', () => {
    const d = new EditorDriver();
    const dense = d.add('Dense');
    const analysis = analyze(d.doc);
    const diags = analysis.diagnosticsByNode.get(dense) ?? [];
    expect(diags.length).toBeGreaterThan(0);
    const view = buildNodeView(d.doc.graph.nodes[dense]!, analysis.shapes.get(dense), diags, 'en');
    expect(view.severity).toBe('error');
    expect(view.messages[0]).toContain(d.doc.graph.nodes[dense]!.name);
  });

  it('keeps the same node object for untouched nodes after an edit elsewhere', () => {
    const d = new EditorDriver();
    const a = d.add('VectorInput');
    const b = d.add('Dense');
    const c = d.add('Dropout');
    const cache = new FlowElementCache();
    const first = build(d, cache);
    d.drag(c, 40, 0);
    const second = build(d, cache);
    const byId = (list: typeof first, id: string) => list.find((n) => n.id === id);
    expect(byId(second, a)).toBe(byId(first, a));
    expect(byId(second, b)).toBe(byId(first, b));
    expect(byId(second, c)).not.toBe(byId(first, c));
    expect(byId(second, c)?.data).toBe(byId(first, c)?.data);
  });

  it('returns the same array when nothing visible changed', () => {
    const d = new EditorDriver();
    d.add('Dense');
    const cache = new FlowElementCache();
    const first = build(d, cache);
    expect(build(d, cache)).toBe(first);
    const edges = cache.buildEdges(d.doc, d.state.session, analyze(d.doc));
    expect(cache.buildEdges(d.doc, d.state.session, analyze(d.doc))).toBe(edges);
  });

  it('marks selected nodes from the session', () => {
    const d = new EditorDriver();
    const a = d.add('Dense');
    d.add('Dense');
    d.select([a]);
    const nodes = build(d, new FlowElementCache());
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([a]);
  });

  it('applies React Flow select changes to a selection', () => {
    expect(
      applySelectChanges(
        ['a', 'b'],
        [
          { id: 'b', selected: false },
          { id: 'c', selected: true },
        ],
      ),
    ).toEqual(['a', 'c']);
  });

  it('formats param values compactly', () => {
    expect(formatParamValue([3, 3])).toBe('3×3');
    expect(formatParamValue(true)).toBe('✓');
    expect(formatParamValue(null)).toBe('—');
    expect(formatParamValue('relu')).toBe('relu');
  });
});

describe('params that follow the dataset', () => {
  it('a Dense whose units follow the dataset shows the class count, marked, not the stored number', () => {
    const d = new EditorDriver();
    const dense = d.add('Dense');
    d.setParam(dense, 'units', 10).setParam(dense, 'unitsFromDataset', true);
    const node = d.doc.graph.nodes[dense]!;
    const view = buildNodeView(node, undefined, [], 'en', null, { datasetClassCount: 2 });
    expect(view.keyParams.find((p) => p.label === 'Units')).toEqual({
      label: 'Units',
      value: '2',
      followsDataset: true,
    });
    const alone = buildNodeView(node, undefined, [], 'en');
    expect(alone.keyParams.find((p) => p.label === 'Units')?.value).toBe('10');
  });
});
