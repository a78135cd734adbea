import { ok } from '@core';

export const good = ok;
