// Unguessable tokens (256 bits) for session cookies and set-password links, and the one-way hash
// under which they are stored, so a copy of the database holds no working session or link.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
