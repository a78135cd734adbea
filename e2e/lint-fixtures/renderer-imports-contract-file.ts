import type { Host } from '../../core/contract/host';

export type Port = Host;
