import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { maxLayerNameLength, type LayerNode } from '@core';

import { renameOp } from '../../state/graph-ops';
import { checkLayerName } from './name-check';
import { useSession } from '../../session/session-context';

/** Rename with a unique-name check as you type; committed on Enter or blur. */
export function NameField({ node }: { readonly node: LayerNode }) {
  const { t } = useTranslation();
  const id = useId();
  const { editor: store } = useSession();
  const nodes = useStore(store, (s) => s.doc.graph.nodes);
  const [draft, setDraft] = useState(node.name);
  useEffect(() => setDraft(node.name), [node.name]);
  const problem = checkLayerName(draft, node.id, nodes);
  const commit = (): void => {
    if (problem !== null || draft === node.name) return;
    renameOp(store, node.id, draft.trim());
  };
  return (
    <div className="field">
      <label htmlFor={id}>{t('editor:inspector.name')}</label>
      <input
        id={id}
        type="text"
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setDraft(node.name);
        }}
        aria-invalid={problem !== null}
        className={problem ? 'is-invalid' : undefined}
        data-testid="name-input"
        spellCheck={false}
      />
      {problem !== null ? (
        <p className="field-error" role="alert">
          {t(`editor:inspector.nameProblems.${problem}`, { max: maxLayerNameLength })}
        </p>
      ) : (
        <p className="field-help">{t('editor:inspector.nameHelp')}</p>
      )}
    </div>
  );
}
