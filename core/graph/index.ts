export * from './types';
export * from './queries';
export * from './commands';
export { copyToClipboard, pasteFromClipboard, duplicateNodes, clipboardFormat } from './clipboard';
export { canvasLayout, tidyLayout } from './layout';
export type { LayoutDirection, TidyLayoutOptions } from './layout';
export { summarizeModel } from './summary';
export type { ModelSummary, SummaryRow } from './summary';
export { snakeCaseKind, uniqueLayerName, defaultLayerName } from './names';
