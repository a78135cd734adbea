// Public surface of core/io/diagram (re-exported by core/io/index.ts through the export index).
export { diagramFontFamily, renderGraphSvg } from './render-graph-svg';
