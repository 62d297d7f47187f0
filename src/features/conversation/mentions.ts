// Mentions in a comment (issue 12 §8): the composer writes `@Name` for a person picked from the team,
// and a person may type it too; the comment carries the ids of the people whose `@Name` is in its text
// when it is sent. Only people with a case role can be mentioned (the backend checks the same).
import { hasRole, type User } from '../../api/contract/users';

/** The people a comment can mention: the team's analysts and reviewers, except the writer. */
export function mentionable(people: readonly User[], writerId: string | undefined): User[] {
  return people.filter((person) => person.id !== writerId && (hasRole(person, 'analyst') || hasRole(person, 'reviewer')));
}

/** The ids of `people` whose `@Name` is in `text`: the contract's rule, which the backend checks too. */
export { mentionedIn } from '../../api/contract/conversation';

/** `text` with `@Name ` added where the writer is: at the end, after a space when needed. */
export function withMention(text: string, person: User): string {
  const separator = text === '' || /\s$/.test(text) ? '' : ' ';
  return `${text}${separator}@${person.name} `;
}
