import type { NodeTypes } from '@xyflow/react';

import { LayerNode } from './LayerNode';

/** Module constant: React Flow re-mounts every node if this object changes identity. */
export const nodeTypes: NodeTypes = { layer: LayerNode };
