import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';

import { renderGraphSvg, type Locale } from '@core';

import { useHost } from '../../host/HostProvider';
import { useAnalysis } from '../../state/analysis';
import { svgToPng } from './diagram-png';
import { writeFolder } from './export-actions';
import { hostFailureText } from './export-messages';
import { useSession } from '../../session/session-context';

/** "Save diagram…": the network as SVG + PNG in a folder, for slides and handouts. */
export function DiagramSection({
  name,
  locale,
}: {
  readonly name: string;
  readonly locale: Locale;
}) {
  const { t } = useTranslation('export');
  const { editor: store } = useSession();
  const host = useHost();
  const graph = useStore(store, (s) => s.doc.graph);
  const { shapes } = useAnalysis(store);
  const [message, setMessage] = useState<{ text: string; tone: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const empty = Object.keys(graph.nodes).length === 0;

  const onSave = async () => {
    setSaving(true);
    setMessage(null);
    const svg = renderGraphSvg(graph, shapes, locale, name);
    const written = await writeFolder(host, `${name} diagram`, {
      'network.svg': svg,
      'network.png': await svgToPng(svg),
    });
    setSaving(false);
    if (written.ok) setMessage({ text: t('written', { path: written.displayPath }), tone: 'mono' });
    else if (written.error.code !== 'cancelled')
      setMessage({ text: hostFailureText(t, written.error), tone: 'message-error' });
  };

  return (
    <div className="export-section" data-testid="diagram-section">
      <h3>{t('diagram.heading')}</h3>
      <p className="panel-hint">{empty ? t('diagram.empty') : t('diagram.hint')}</p>
      <button
        type="button"
        className="btn"
        onClick={() => void onSave()}
        disabled={empty || saving}
        data-testid="diagram-save"
      >
        {t('diagram.save')}
      </button>
      {message && (
        <p className={`export-message ${message.tone}`} data-testid="diagram-message">
          {message.text}
        </p>
      )}
    </div>
  );
}
