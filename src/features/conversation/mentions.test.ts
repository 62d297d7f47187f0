import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../backend/demo-users';
import { mentionable, mentionedIn, withMention } from './mentions';

const people = mentionable([...DEMO_USERS, { id: 'ada', name: 'Ada Admin', roles: ['admin'] }], 'ana');

describe('mentions in a comment (issue 12 §8)', () => {
  it('offers the team’s analysts and reviewers, not the writer nor an admin', () => {
    expect(people.map((person) => person.id)).toEqual(['ben', 'rui', 'sam']);
  });

  it('finds each `@Name` in the text whatever its case, once, and nobody named without @', () => {
    expect(mentionedIn('@samira haddad and @Rui Takahashi, please; @Rui Takahashi again', people)).toEqual(['rui', 'sam']);
    expect(mentionedIn('Ben Osei said so', people)).toEqual([]);
    // A name inside a longer word is not a mention; punctuation after it is.
    expect(mentionedIn('@Ben Oseiwa and @Rui Takahashi.', people)).toEqual(['rui']);
    expect(mentionedIn('@Ben Osei(?)', people)).toEqual(['ben']);
  });

  it('adds a mention where the writer is, with the spaces a sentence needs', () => {
    const ben = people[0];
    if (!ben) throw new Error('no Ben');
    expect(withMention('', ben)).toBe('@Ben Osei ');
    expect(withMention('Could', ben)).toBe('Could @Ben Osei ');
    expect(withMention('Could ', ben)).toBe('Could @Ben Osei ');
  });
});
