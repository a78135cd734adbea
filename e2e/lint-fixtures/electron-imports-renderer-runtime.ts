import { createMemoryHost } from '../../renderer/host/memory-host';

export const host = createMemoryHost;
