import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { useSession } from '../session/session-context';

import type { LayerNodeData } from './node-view';

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

/**
 * The one generic node for every layer kind: header (kind, name), key
 * params, output shape and parameter count, ports, and a problem badge whose
 * title holds the messages. Data is plain values, so `memo` skips unchanged nodes.
 */
function LayerNodeView({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation();
  const { editor } = useSession();
  // A lab package's locked layer (cannot be deleted or change kind): marked where it sits.
  const locked = useStore(editor, (s) => s.locks?.layers.includes(id) ?? false);
  const { shape } = data;
  const badgeTitle = data.messages.join('\n');
  return (
    <div
      className={`layer-node family-${data.family}${selected ? ' is-selected' : ''}${data.severity ? ` has-${data.severity}` : ''}`}
      data-testid="layer-node"
      data-node-id={id}
      data-kind={data.kind}
      data-severity={data.severity ?? 'none'}
    >
      {data.hasInputPort && (
        <Handle
          type="target"
          position={Position.Top}
          className="port port-in"
          aria-label={t('editor:node.inputPort')}
        />
      )}
      <div className="layer-node-header">
        <span className="layer-node-kind">{data.kindLabel}</span>
        {locked && (
          <span
            className="layer-node-lock"
            data-testid="node-lock"
            title={t('packs:locks.layerTooltip')}
            aria-label={t('packs:locks.layerTooltip')}
            role="img"
          >
            🔒
          </span>
        )}
        {data.severity && (
          <span
            className={`badge badge-${data.severity}`}
            data-testid="node-badge"
            title={badgeTitle}
            aria-label={badgeTitle}
            role="img"
          >
            {data.severity === 'error' ? '!' : data.severity === 'warning' ? '⚠' : 'i'}
          </span>
        )}
      </div>
      <div className="layer-node-name" data-testid="node-name">
        {data.name}
      </div>
      {data.keyParams.length > 0 && (
        <div className="layer-node-params">
          {data.keyParams.map((p) => (
            <span
              key={p.label}
              className={`param-chip${p.followsDataset ? ' is-followed' : ''}`}
              data-follows-dataset={p.followsDataset ? 'true' : undefined}
              title={p.followsDataset ? t('editor:node.followsDatasetHint') : undefined}
            >
              <span className="param-chip-label">{p.label}</span> {p.value}
              {p.followsDataset && (
                <span className="follows-mark"> · {t('editor:node.followsDataset')}</span>
              )}
            </span>
          ))}
        </div>
      )}
      {data.receptiveField && (
        <div
          className="layer-node-field"
          data-testid="node-receptive-field"
          data-size={data.receptiveField.size}
          title={t('editor:node.receptiveFieldHint')}
        >
          {t('editor:node.receptiveField', { ...data.receptiveField })}
        </div>
      )}
      <div className="layer-node-footer">
        <span
          className="layer-node-shape"
          data-testid="node-shape"
          title={t('editor:node.outputShape')}
        >
          {shape.outputShape ?? '?'}
        </span>
        <span
          className="layer-node-count"
          data-testid="node-params"
          data-count={shape.paramCount ?? ''}
          title={t('editor:node.paramCount')}
        >
          {shape.paramCount === null
            ? ''
            : t('editor:node.params', {
                count: shape.paramCount,
                formatted: shape.paramCount.toLocaleString('en-US'),
              })}
        </span>
      </div>
      {data.severity && data.messages[0] !== undefined && selected && (
        <div
          className={`layer-node-message message-${data.severity} balloon-${data.balloonSide ?? 'right'}`}
          data-testid="node-message"
        >
          {data.messages[0]}
        </div>
      )}
      <Handle
        type="source"
        position={Position.Bottom}
        className="port port-out"
        aria-label={t('editor:node.outputPort')}
      />
    </div>
  );
}

export const LayerNode = memo(LayerNodeView);
