// What the palette lists, and the small pure rules behind it: which case page is open, and whether a
// command matches what was typed.

/** The case tabs the palette offers (the app passes the workspace's list; its texts are ours). */
export type PaletteCaseTab = 'overview' | 'harm' | 'evidence' | 'accounts';

export type CommandGroup = 'cases' | 'navigation' | 'create' | 'caseTabs' | 'language' | 'help';

export interface PaletteCommand {
  /** Unique in the list; part of the option's element id. */
  id: string;
  group: CommandGroup;
  label: string;
  /** A second line (what the command does when its label does not say it all). */
  description?: string;
  /** Keys that do the same from anywhere (`['g', 'c']`). */
  keys?: readonly string[];
  /** The language the label is written in, when not the page's (a language's own name). */
  lang?: string;
  /** Also matched against what was typed (a language's code, the group's name). */
  keywords?: string;
  /** The language or tab in use now. */
  current?: boolean;
  run: () => void;
}

/** The case page open at `pathname` and its tab (`/cases/:id` is the overview), or null. */
export function caseOnPage<T extends string>(pathname: string, caseTabs: readonly T[]): { caseId: string; tab: T } | null {
  const [, first, caseId, tab, ...rest] = pathname.split('/');
  if (first !== 'cases' || !caseId || rest.length > 0) return null;
  if (tab === undefined || tab === '') {
    const overview = caseTabs[0];
    return overview === undefined ? null : { caseId, tab: overview };
  }
  const known = caseTabs.find((candidate) => candidate === tab);
  return known === undefined ? null : { caseId, tab: known };
}

/** Lower case, without accents: "türkçe" is found by "turkce", "Grey" by "grey". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

/** Every word typed appears somewhere in the command's label, description or keywords. */
export function commandMatches(command: Pick<PaletteCommand, 'label' | 'description' | 'keywords'>, term: string): boolean {
  const words = foldText(term).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText([command.label, command.description ?? '', command.keywords ?? ''].join(' '));
  return words.every((word) => haystack.includes(word));
}
