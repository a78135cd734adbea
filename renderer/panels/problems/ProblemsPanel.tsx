import { useTranslation } from 'react-i18next';

import { formatDiagnostic, type Diagnostic, type Locale } from '@core';

import { useAppServices } from '../../app/app-context';
import { useAnalysis } from '../../state/analysis';
import { useSession } from '../../session/session-context';

const severityOrder = { error: 0, warning: 1, info: 2 } as const;

/** Lists every diagnostic; clicking one selects its node and frames it. */
export function ProblemsPanel() {
  const { t, i18n } = useTranslation();
  const { commandContext } = useAppServices();
  const { editor: store } = useSession();
  const { diagnostics } = useAnalysis(store);
  const locale: Locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const sorted = [...diagnostics].sort(
    (a, b) => severityOrder[a.severity] - severityOrder[b.severity],
  );

  const reveal = (d: Diagnostic): void => {
    if (d.nodeId !== undefined) {
      store.getState().select([d.nodeId]);
      commandContext.flow?.fitNodes([d.nodeId]);
    } else if (d.edgeId !== undefined) {
      store.getState().select([], [d.edgeId]);
    }
  };

  if (sorted.length === 0)
    return (
      <p className="panel-hint" data-testid="problems-empty">
        {t('editor:problems.none')}
      </p>
    );
  return (
    <ul className="problem-list" data-testid="problems-list">
      {sorted.map((d, i) => (
        <li key={`${d.code}-${d.nodeId ?? d.edgeId ?? ''}-${i}`}>
          <button
            type="button"
            className={`problem problem-${d.severity}`}
            data-code={d.code}
            onClick={() => reveal(d)}
          >
            <span
              className={`severity-dot severity-${d.severity}`}
              aria-label={t(`editor:problems.severity.${d.severity}`)}
              role="img"
            />
            <span className="problem-text">{formatDiagnostic(d, locale)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
