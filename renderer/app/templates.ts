/**
 * Starter projects shipped in `assets/templates/*.layerlab`, bundled as text.
 * Their names and descriptions are translated in the `app` catalog under
 * `templates.<id>`; the file name (without extension) is the id.
 */
const files = import.meta.glob('../../assets/templates/*.layerlab', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface TemplateEntry {
  /** File name without extension, e.g. `mlp-digits`. */
  readonly id: string;
  /** The project file's text, parsed only when the user picks it. */
  readonly contents: string;
}

/** Known order on the start screen; templates not listed here follow alphabetically. */
const preferredOrder = [
  'empty',
  'mlp-digits',
  'lenet',
  'residual-cnn',
  'lstm-text',
  'backprop-323',
  'backprop-323-no-bias',
  'localisation',
];

function rank(id: string): number {
  const i = preferredOrder.indexOf(id);
  return i === -1 ? preferredOrder.length : i;
}

export function listTemplates(): readonly TemplateEntry[] {
  return Object.entries(files)
    .map(([path, contents]) => ({
      id: path.replace(/^.*\//, '').replace(/\.layerlab$/, ''),
      contents: String(contents),
    }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}
