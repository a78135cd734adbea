import type { EdgeId, NodeId } from '../graph/types';

/**
 * A problem found in a graph or its settings. Never thrown: validation returns
 * a list. The text is produced from `code` + `args` by the message table
 * (`core/validate/messages.ts`), in the user's language.
 */
export interface Diagnostic {
  /** Stable kebab-case code (`shape-mismatch`, `graph-cycle`); tests and help links depend on it. */
  readonly code: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly nodeId?: NodeId;
  readonly edgeId?: EdgeId;
  /** Values substituted into the message template (`{{name}}`, `{{expected}}`…). */
  readonly args: Readonly<Record<string, string | number>>;
}

export type Locale = 'en' | 'zh-CN';

/** Text in both UI languages. Used by layer docs and message tables in core. */
export interface Translated {
  readonly en: string;
  readonly 'zh-CN': string;
}
