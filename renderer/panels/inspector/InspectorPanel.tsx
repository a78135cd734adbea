import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { getLayerSpec, type LayerNode, type Locale } from '@core';

import { followedParams } from '../../canvas/followed-params';
import { inferenceContextOf, useAnalysis } from '../../state/analysis';
import { setParamOp } from '../../state/graph-ops';
import { describeShapeInfo } from '../../state/shape-info';
import { NameField } from './NameField';
import { ParamField } from './ParamField';
import { useSession } from '../../session/session-context';

/** Edits the selected layer: name, every param, with its description and formula. */
export function InspectorPanel() {
  const { t, i18n } = useTranslation();
  const { editor: store } = useSession();
  const selected = useStore(store, (s) => s.session.selectedNodeIds);
  const node = useStore(store, (s) =>
    s.session.selectedNodeIds.length === 1
      ? s.doc.graph.nodes[s.session.selectedNodeIds[0]!]
      : undefined,
  );
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';

  if (selected.length > 1)
    return (
      <p className="panel-hint">{t('editor:inspector.multiple', { count: selected.length })}</p>
    );
  if (!node) return <p className="panel-hint">{t('editor:inspector.none')}</p>;
  return <NodeInspector key={node.id} node={node} locale={locale} />;
}

function NodeInspector({ node, locale }: { readonly node: LayerNode; readonly locale: Locale }) {
  const { t } = useTranslation();
  const { editor: store } = useSession();
  const analysis = useAnalysis(store);
  const doc = useStore(store, (s) => s.doc);
  const locks = useStore(store, (s) => s.locks);
  const spec = getLayerSpec(node.kind);
  const shape = describeShapeInfo(analysis.shapes.get(node.id));
  if (!spec)
    return <p className="panel-hint">{t('editor:inspector.unknownKind', { kind: node.kind })}</p>;
  const followed = followedParams(spec, node.params, inferenceContextOf(doc));
  return (
    <div className="inspector" data-testid="inspector" data-node-id={node.id}>
      <header className="inspector-header">
        <span className={`inspector-kind family-${spec.family}`}>{spec.label[locale]}</span>
        <code className="inspector-class">{spec.kind}</code>
        {locks?.layers.includes(node.id) ? (
          <span
            className="lock-mark"
            data-testid="inspector-layer-locked"
            title={t('packs:locks.layerTooltip')}
          >
            🔒 {t('packs:locks.layer')}
          </span>
        ) : null}
      </header>
      <p className="inspector-description">{spec.description[locale]}</p>
      <p className="inspector-formula">
        <span className="muted">{t('editor:inspector.formula')}</span> <code>{spec.formula}</code>
      </p>
      <dl className="inspector-facts">
        <dt>{t('editor:inspector.outputShape')}</dt>
        <dd data-testid="inspector-shape">{shape.outputShape ?? '—'}</dd>
        <dt>{t('editor:inspector.paramCount')}</dt>
        <dd>{shape.paramCount === null ? '—' : shape.paramCount.toLocaleString('en-US')}</dd>
      </dl>
      <NameField node={node} />
      <h3 className="inspector-section">{t('editor:inspector.params')}</h3>
      {spec.params.length === 0 && <p className="muted">{t('editor:inspector.noParams')}</p>}
      {spec.params.map((param) => (
        <ParamField
          key={param.name}
          spec={spec}
          param={param}
          value={node.params[param.name]}
          locale={locale}
          followed={followed.get(param.name)}
          locked={locks?.params.some((p) => p.node === node.id && p.param === param.name) ?? false}
          onCommit={(value) => setParamOp(store, node.id, param.name, value)}
        />
      ))}
    </div>
  );
}
