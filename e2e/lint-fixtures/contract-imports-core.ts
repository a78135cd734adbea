import { ok } from '../result';

export const good = ok;
