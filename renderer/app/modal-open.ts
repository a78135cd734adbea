/**
 * True while a modal layer (a lab, renderer/labs/ModalLayer.tsx) covers the
 * app: the app root is then inert. The editor behind it must not react to
 * shortcuts or clipboard events meant for the lab (Ctrl+Z in a lab would
 * otherwise undo an edit in the project).
 */
export function appIsBehindModal(): boolean {
  return document.getElementById('root')?.inert === true;
}
