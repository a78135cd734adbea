import { useTranslation } from 'react-i18next';

import { lockableLabFields, toggleLock, type DraftStep, type LockItem } from '@core';

import { useAuthorStore } from './author-context';
import { editDraft } from './author-store';
import { changeStep } from '@core';

/**
 * What a step locks. A lab step: which of its starting numbers must stay as
 * they are. A project step: for each layer of its starter network, whether
 * it can be deleted, and which of its settings cannot be edited.
 */
export function StepLocksEditor({ step }: { readonly step: DraftStep }) {
  const { t } = useTranslation('author');
  const store = useAuthorStore();
  const set = (lock: LockItem, on: boolean) =>
    editDraft(store, (draft) =>
      changeStep(draft, step.id, (s) => ({ ...s, locks: toggleLock(s.locks, lock, on) })),
    );

  if (step.kind === 'lab')
    return (
      <fieldset className="author-locks" data-testid="author-locks">
        <legend>{t('locks.labFields')}</legend>
        <div className="author-chips">
          {lockableLabFields(step.lab).map((field) => (
            <label key={field} className="author-chip">
              <input
                type="checkbox"
                data-testid={`author-lock-field-${field}`}
                checked={step.locks.labFields.includes(field)}
                onChange={(e) => set({ kind: 'field', field }, e.target.checked)}
              />
              {t(`fields.${field}`, { defaultValue: field })}
            </label>
          ))}
        </div>
      </fieldset>
    );

  if (step.kind !== 'project') return null;
  const nodes = Object.values(step.project.graph.nodes);
  return (
    <fieldset className="author-locks" data-testid="author-locks">
      <legend>{t('locks.layers')}</legend>
      <ul className="author-layer-locks">
        {nodes.map((node) => (
          <li key={node.id}>
            <label className="author-layer-name">
              <input
                type="checkbox"
                data-testid={`author-lock-layer-${node.id}`}
                checked={step.locks.layers.includes(node.id)}
                onChange={(e) => set({ kind: 'layer', node: node.id }, e.target.checked)}
              />
              <span>
                {node.name} <span className="muted">({node.kind})</span>
              </span>
            </label>
            <div className="author-chips">
              {Object.keys(node.params).map((param) => (
                <label key={param} className="author-chip" title={t('locks.paramTooltip')}>
                  <input
                    type="checkbox"
                    data-testid={`author-lock-param-${node.id}-${param}`}
                    checked={step.locks.params.some((p) => p.node === node.id && p.param === param)}
                    onChange={(e) => set({ kind: 'param', node: node.id, param }, e.target.checked)}
                  />
                  {param}
                </label>
              ))}
            </div>
          </li>
        ))}
      </ul>
      <p className="muted author-note">{t('locks.layersNote')}</p>
    </fieldset>
  );
}
