// `npm run users -- <command>`: the workbench's accounts from the command line, on the same
// configuration as the server (DATABASE_URL, else the embedded database in DATA_DIR; PUBLIC_ORIGIN
// or PORT for the links it prints). The first admin comes from here. Every change goes through the
// same identity rules as the admin screen and is in the directory's trail as made "by the users command".
//   create LOGIN --role ROLE[,ROLE] [--name "Full Name"]   a new account; prints its set-password link
//   list                                                   everyone, with roles and status
//   roles LOGIN ROLE[,ROLE]                                 changes the roles (their sessions end)
//   disable LOGIN | enable LOGIN                            (disabling ends their sessions)
//   reset-password LOGIN                                    a new set-password link; the old password ends
// Exit codes: 0 done, 1 bad arguments or configuration, 2 refused by the rules or the database failed.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Login } from '../src/api/contract/identity';
import { Roles } from '../src/api/contract/users';
import { ApiFailure } from '../src/backend/backend-errors';
import { createIdentityRules } from '../src/backend/identity/identity-rules';
import { isCommonPassword } from '../src/server/identity/common-passwords';
import { createScryptHasher } from '../src/server/identity/password-hashing';
import { hashToken, newToken } from '../src/server/identity/tokens';
import { ConfigError, parseServerConfig } from '../src/server/server-config';
import { openStorage } from '../src/server/storage/open-storage';

const USAGE = `usage: npm run users -- create LOGIN --role ROLE[,ROLE] [--name "Full Name"]
                     | list | roles LOGIN ROLE[,ROLE] | disable LOGIN | enable LOGIN | reset-password LOGIN
roles: analyst, reviewer, admin   (env: DATABASE_URL or DATA_DIR, PUBLIC_ORIGIN or PORT for links)`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) fail(1, `${name} needs a value.\n${USAGE}`);
  args.splice(index, 2);
  return value;
}

/** The contract's message keys, in words for a terminal. */
const MESSAGES: Record<string, string> = {
  'login.tooShort': 'at least 2 characters',
  'login.tooLong': 'at most 64 characters',
  'login.invalid': 'lower-case letters, digits, - and _ only, starting with a letter or digit',
  'roles.none': 'at least one role',
};

function parse<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => MESSAGES[issue.message] ?? issue.message).join(', ');
    fail(1, `Bad ${what} ${JSON.stringify(value ?? '')}: ${problems}.\n${USAGE}`);
  }
  return result.data;
}

const rolesOf = (text: string | undefined) => parse(Roles, (text ?? '').split(',').filter(Boolean), 'roles');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const command = args.shift();
  let config;
  try {
    config = parseServerConfig(process.env);
  } catch (error) {
    fail(1, error instanceof ConfigError ? error.message : String(error));
  }
  const origin = config.publicOrigin ?? `http://localhost:${config.port}`;
  const storage = await openStorage({ dataDir: config.dataDir, ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}) });
  const rules = createIdentityRules({
    storage: storage.identity,
    passwords: createScryptHasher(),
    isCommonPassword,
    newToken,
    hashToken,
    newEventId: () => `user-event-${randomUUID().replaceAll('-', '').slice(0, 12)}`,
    singleSignOn: null,
  });
  const actor = { actorId: null, source: 'command' as const };
  const now = new Date().toISOString();
  const printLink = (link: { user: { name: string; login: string }; token: string; expiresAt: string }) =>
    process.stdout.write(
      `Set-password link for ${link.user.name} (${link.user.login}), valid once until ${link.expiresAt}:\n${origin}/set-password#token=${link.token}\n`,
    );
  try {
    if (command === 'create') {
      const login = parse(Login, args.shift(), 'user name');
      const roles = rolesOf(option(args, '--role') ?? option(args, '--roles'));
      const name = option(args, '--name') ?? login;
      if (args.length > 0) fail(1, USAGE);
      printLink(await rules.createUser({ login, name, roles }, actor, now));
    } else if (command === 'list') {
      const people = await rules.listDirectory();
      for (const person of people) {
        const status = person.disabled ? 'disabled' : person.singleSignOn ? 'single sign-on' : person.hasPassword ? 'active' : 'invited';
        process.stdout.write(`${person.login.padEnd(20)} ${person.name.padEnd(28)} ${person.roles.join(',').padEnd(24)} ${status.padEnd(15)} ${person.lastSignInAt ?? 'never signed in'}\n`);
      }
      if (people.length === 0) process.stdout.write('No accounts yet. Create the first admin: npm run users -- create LOGIN --role admin\n');
    } else if (command === 'roles') {
      const login = parse(Login, args.shift(), 'user name');
      const roles = rolesOf(args.shift());
      const person = await rules.changeRoles(login, roles, actor, now);
      process.stdout.write(`${person.name} (${person.login}) now: ${person.roles.join(', ')}; their sessions have ended.\n`);
    } else if (command === 'disable' || command === 'enable') {
      const login = parse(Login, args.shift(), 'user name');
      const person = command === 'disable' ? await rules.disableUser(login, actor, now) : await rules.enableUser(login, actor, now);
      process.stdout.write(`${person.name} (${person.login}) is ${person.disabled ? 'disabled; their sessions have ended' : 'enabled'}.\n`);
    } else if (command === 'reset-password') {
      printLink(await rules.resetPassword(parse(Login, args.shift(), 'user name'), actor, now));
    } else {
      fail(1, USAGE);
    }
  } catch (error) {
    if (error instanceof ApiFailure) fail(2, `Refused: ${error.message}`);
    throw error;
  } finally {
    await storage.close();
  }
}

main().catch((error: unknown) => fail(2, `The users command failed: ${error instanceof Error ? error.message : String(error)}`));
