/** MIME type of a palette item being dragged onto the canvas; the payload is the layer kind. */
export const layerKindMime = 'application/x-layerlab-layer';
