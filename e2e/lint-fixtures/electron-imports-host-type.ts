import type { Host } from '../../renderer/host/Host';

export type Port = Host;
