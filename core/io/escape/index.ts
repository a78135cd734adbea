/**
 * One escaping module per output language. Every generator that writes a
 * user-controlled string (project, layer, class or file name, vocabulary
 * token) into code or markup goes through these; see core/io/README.md.
 */
export { csvCell, csvDataOf, tsvCell } from './csv';
export { htmlDataOf, htmlText } from './html';
export { jsString } from './javascript';
export { mdText } from './markdown';
export { pyComment, pyDocstring, pyIdentifier, pyString, pythonKeywords } from './python';
export { oneLine } from './text-lines';
export { hexEscape, unsafeChars } from './unsafe-chars';
export { xmlDataOf, xmlText } from './xml';
