import { ok } from '../../core/index';
import type { Host } from '../../core/contract/host';
import { planDataset } from '../../core/data/index';

export type Port = Host;
export const good = [ok, planDataset];
