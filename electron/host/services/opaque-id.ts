import { randomBytes } from 'node:crypto';

/** An unguessable id for a grant or a file handle (URL-safe, 22 chars). */
export function newOpaqueId(): string {
  return randomBytes(16).toString('base64url');
}
