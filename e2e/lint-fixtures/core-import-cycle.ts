import { ok } from './index';

export const again = ok;
