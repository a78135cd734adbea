import { createEditorStore } from './editor-store';

/** The window's one editor store. Components get it from AppServices; tests create their own. */
export const editorStore = createEditorStore();
