// Password hashes with node:crypto's scrypt (RFC 7914), a memory-hard function: N = 2^15, r = 8,
// p = 1 (32 MiB and about 50-100 ms per hash on this machine), a 16-byte random salt and a 32-byte
// key, stored as `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` (base64url), so the parameters can be
// raised later while old hashes still verify. Compared in constant time.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { PasswordHasher } from '../../backend/identity/identity-rules';

export interface ScryptParameters {
  log2N: number;
  r: number;
  p: number;
}

/** What new hashes use (OWASP's password storage cheat sheet's scrypt minimum is N = 2^17 with r = 8, p = 1, or N = 2^15 with more memory per block; see README). */
export const DEFAULT_SCRYPT: ScryptParameters = { log2N: 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, parameters: ScryptParameters): Promise<Buffer> {
  const N = 2 ** parameters.log2N;
  const options: ScryptOptions = { N, r: parameters.r, p: parameters.p, maxmem: 256 * N * parameters.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const ENCODED = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9_-]{16,64})\$([A-Za-z0-9_-]{16,128})$/;

export function createScryptHasher(parameters: ScryptParameters = DEFAULT_SCRYPT): PasswordHasher {
  return {
    async hash(password) {
      const salt = randomBytes(SALT_LENGTH);
      const key = await derive(password, salt, parameters);
      return `scrypt$${parameters.log2N}$${parameters.r}$${parameters.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
    },
    async verify(password, encoded) {
      const match = ENCODED.exec(encoded);
      if (!match) return false;
      const [, log2N, r, p, salt, key] = match;
      const expected = Buffer.from(key ?? '', 'base64url');
      const parametersOfHash = { log2N: Number(log2N), r: Number(r), p: Number(p) };
      if (parametersOfHash.log2N < 10 || parametersOfHash.log2N > 20 || expected.length !== KEY_LENGTH) return false;
      const actual = await derive(password, Buffer.from(salt ?? '', 'base64url'), parametersOfHash);
      return timingSafeEqual(actual, expected);
    },
  };
}
