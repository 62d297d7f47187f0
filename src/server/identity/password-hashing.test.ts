// The password hash: scrypt with the documented parameters, a fresh salt each time, the parameters
// kept with the hash (so old hashes verify after they are raised), nothing verified that was not
// hashed from the same password, and malformed or weakened stored values refused.
import { describe, expect, it } from 'vitest';
import { passwordProblems } from '../../backend/identity/identity-rules';
import { commonPasswordCount, isCommonPassword } from './common-passwords';
import { createScryptHasher, DEFAULT_SCRYPT } from './password-hashing';

const cheap = createScryptHasher({ log2N: 10, r: 8, p: 1 });

describe('scrypt password hashes', () => {
  it('writes the documented default parameters with a 16-byte salt and a 32-byte key', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ log2N: 15, r: 8, p: 1 });
    const hash = await createScryptHasher().hash('harbour lanterns glow at dusk');
    expect(hash).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  });

  it('verifies the same password only, salts every hash anew, and reads the parameters from the hash', async () => {
    const first = await cheap.hash('tide tables and lanterns');
    const second = await cheap.hash('tide tables and lanterns');
    expect(first).not.toBe(second);
    expect(await cheap.verify('tide tables and lanterns', first)).toBe(true);
    expect(await cheap.verify('tide tables and lanterns ', first)).toBe(false);
    expect(await cheap.verify('Tide tables and lanterns', first)).toBe(false);
    // A hasher with other parameters still verifies the older hash, by the parameters stored in it.
    expect(await createScryptHasher({ log2N: 11, r: 8, p: 1 }).verify('tide tables and lanterns', first)).toBe(true);
  });

  it('treats the same characters in either Unicode form as one password (NFC)', async () => {
    const composed = await cheap.hash('Kovač says café');
    expect(await cheap.verify('Kovac\u030C says cafe\u0301', composed)).toBe(true);
  });

  it('refuses stored values that are malformed, of another scheme, or weakened below N = 2^10', async () => {
    const good = await cheap.hash('tide tables and lanterns');
    const [, , r, p, salt, key] = good.split('$');
    for (const stored of ['', 'plain text', `bcrypt$10$${salt}`, `scrypt$4$${r}$${p}$${salt}$${key}`, `scrypt$10$${r}$${p}$${salt}$${key?.slice(0, 20)}`, good.replace(/.$/, '')]) {
      expect(await cheap.verify('tide tables and lanterns', stored)).toBe(false);
    }
  });
});

describe('the password policy', () => {
  it('asks for 12 characters as people count them, refuses common passwords and the person\'s names', () => {
    const person = { login: 'kim', name: 'Kim Larsen' };
    expect(passwordProblems('short one', person, isCommonPassword)).toEqual(['password.tooShort']);
    // Eleven characters, one of them outside the basic plane: still eleven.
    expect(passwordProblems('🐙tentacles!', person, isCommonPassword)).toEqual(['password.tooShort']);
    expect(passwordProblems('1q2w3e4r5t6y', person, isCommonPassword)).toEqual(['password.common']);
    expect(passwordProblems('QWERTY123456', person, isCommonPassword)).toEqual(['password.common']);
    expect(passwordProblems('aaaaaaaaaaaaaaa', person, isCommonPassword)).toEqual(['password.common']);
    expect(passwordProblems('larsen on the harbour', person, isCommonPassword)).toEqual(['password.containsName']);
    expect(passwordProblems('tide tables and lanterns', person, isCommonPassword)).toEqual([]);
    expect(commonPasswordCount()).toBe(49_233);
  });
});
