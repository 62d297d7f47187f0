// The common-password check of the password policy: the 49,233 passwords of zxcvbn-ts's common list
// (leaked-password frequency lists), compared case-insensitively. Loaded once, on the server only.
import { dictionary } from '@zxcvbn-ts/language-common';

let common: ReadonlySet<string> | null = null;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common'].map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}

export function commonPasswordCount(): number {
  isCommonPassword('');
  return common?.size ?? 0;
}
