import { sanitizeName } from '../../electron/host/services/portable-name';

export const clean = sanitizeName;
