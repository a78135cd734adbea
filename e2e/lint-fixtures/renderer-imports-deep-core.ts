import { ok } from '../../core/result';

export const good = ok;
