import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { layerCatalog, layerFamilies, layerFamilyLabels, type LayerSpec, type Locale } from '@core';

import { useAppServices } from '../../app/app-context';
import { layerKindMime } from '../../canvas/palette-dnd';
import { appendLayer } from '../../state/graph-ops';
import { Icon } from '../../ui/Icon';
import { matchesLayer } from './palette-search';
import { useSession } from '../../session/session-context';

/**
 * The layer palette (left): searchable, grouped by family. Items are buttons:
 * drag one onto the canvas, or press Enter/click to add it at the view centre.
 */
export function Palette() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage === 'en' ? 'en' : 'zh-CN';
  const [query, setQuery] = useState('');
  const matches = layerCatalog.filter((spec) => matchesLayer(spec, query, locale));

  return (
    <nav className="palette" aria-label={t('editor:palette.title')}>
      <div className="palette-search">
        <Icon name="search" />
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('editor:palette.search')}
          aria-label={t('editor:palette.search')}
          data-testid="palette-search"
        />
      </div>
      <div className="palette-groups">
        {layerFamilies.map((family) => {
          const specs = matches.filter((s) => s.family === family);
          if (specs.length === 0) return null;
          return (
            <section
              key={family}
              className="palette-group"
              aria-label={layerFamilyLabels[family][locale]}
            >
              <h3 className={`palette-family family-${family}`}>
                {layerFamilyLabels[family][locale]}
              </h3>
              {specs.map((spec) => (
                <PaletteItem key={spec.kind} spec={spec} locale={locale} />
              ))}
            </section>
          );
        })}
        {matches.length === 0 && (
          <p className="muted palette-empty">{t('editor:palette.noMatch')}</p>
        )}
      </div>
    </nav>
  );
}

function PaletteItem({ spec, locale }: { readonly spec: LayerSpec; readonly locale: Locale }) {
  const { commandContext } = useAppServices();
  const { editor: store } = useSession();
  const addAtCentre = (): void => {
    const centre = commandContext.flow?.viewCenter() ?? { x: 0, y: 0 };
    appendLayer(store, spec.kind, centre);
  };
  const onDragStart = (event: DragEvent<HTMLButtonElement>): void => {
    event.dataTransfer.setData(layerKindMime, spec.kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addAtCentre();
  };
  return (
    <button
      type="button"
      className={`palette-item family-${spec.family}`}
      draggable
      onDragStart={onDragStart}
      onKeyDown={onKeyDown}
      onClick={addAtCentre}
      data-testid={`palette-${spec.kind}`}
      data-kind={spec.kind}
      title={spec.description[locale]}
    >
      <span className="palette-swatch" aria-hidden="true" />
      {spec.label[locale]}
    </button>
  );
}
