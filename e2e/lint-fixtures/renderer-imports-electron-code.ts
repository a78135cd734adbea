import { sanitizeName } from '../../electron/services/portable-name';

export const clean = sanitizeName;
