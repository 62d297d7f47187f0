// The palette's options for what was typed: cases found through the case list's query, and the commands
// (go to a screen, new case, the open case's tabs, language, the cheat sheet), in groups.
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useCaseList } from '../../api/client/case-queries';
import { useSession } from '../../app/session-store';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/locale-shape';
import { caseOnPage, commandMatches, foldText, type CommandGroup, type PaletteCaseTab, type PaletteCommand } from './palette-commands';
import { GO_TO_PATHS, SHORTCUTS, type ShortcutId } from './shortcut-core';

/** How many cases a search shows. */
const CASE_MATCHES = 8;
const COMMAND_GROUPS: readonly CommandGroup[] = ['navigation', 'create', 'caseTabs', 'language', 'help'];

const keysOf = (id: ShortcutId) => SHORTCUTS.find((shortcut) => shortcut.id === id)?.keys;

export interface PaletteCommandsInput {
  /** What was typed, trimmed. */
  search: string;
  caseTabs: readonly PaletteCaseTab[];
  allowedPaths: readonly string[];
  onClose: () => void;
  onOpenCheatSheet: () => void;
}

export interface PaletteGroup {
  group: CommandGroup;
  options: PaletteCommand[];
}

export function usePaletteCommands({ search, caseTabs, allowedPaths, onClose, onOpenCheatSheet }: PaletteCommandsInput) {
  const { t } = useTranslation('commandPalette');
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);

  // The case list's own query (the same endpoint, key and parsing): a name search, or with nothing
  // typed the recently changed cases.
  const caseList = useCaseList(search
    ? { q: search, pageSize: CASE_MATCHES, sort: 'name', dir: 'asc' }
    : { pageSize: CASE_MATCHES, sort: 'updatedAt', dir: 'desc' });
  // The previous answer is not shown while the one for what was typed is on its way: Enter would
  // open a case that does not match.
  const searching = caseList.isPlaceholderData || caseList.isPending;

  /** Closes the palette (its focus trap gives the focus back), then acts. */
  const closeThen = (action: () => void) => () => {
    onClose();
    action();
  };
  const goTo = (path: string) => closeThen(() => void navigate(path));

  const commands: PaletteCommand[] = [];
  const screens = [
    { id: 'go-cases', path: GO_TO_PATHS['go-cases'], label: t('commands.goCases'), keys: keysOf('go-cases') },
    { id: 'go-review', path: GO_TO_PATHS['go-review'], label: t('commands.goReview'), keys: keysOf('go-review') },
    { id: 'go-audit', path: GO_TO_PATHS['go-audit'], label: t('commands.goAudit'), keys: keysOf('go-audit') },
    { id: 'go-import', path: '/import', label: t('commands.goImport'), keys: undefined },
  ];
  for (const { id, path, label, keys } of screens) {
    if (allowedPaths.includes(path)) commands.push({ id, group: 'navigation', label, keys, run: goTo(path) });
  }
  // The case list opens its form from its button only (it reads no `?new=1`): this goes there and says so.
  if (allowedPaths.includes('/cases')) {
    commands.push({ id: 'new-case', group: 'create', label: t('commands.newCase'), description: t('commands.newCaseDescription'), run: goTo('/cases?new=1') });
  }
  const openCase = caseOnPage(pathname, caseTabs);
  if (openCase) {
    for (const tab of caseTabs) {
      commands.push({
        id: `tab-${tab}`,
        group: 'caseTabs',
        label: t('commands.caseTab', { tab: t(`tabs.${tab}`) }),
        current: tab === openCase.tab,
        run: goTo(`/cases/${openCase.caseId}/${tab}`),
      });
    }
  }
  for (const code of LANGUAGES) {
    commands.push({
      id: `language-${code}`,
      group: 'language',
      label: LANGUAGE_NAMES[code],
      lang: code,
      keywords: code,
      current: code === language,
      run: closeThen(() => setLanguage(code)),
    });
  }
  commands.push({ id: 'cheat-sheet', group: 'help', label: t('commands.cheatSheet'), keys: keysOf('cheat-sheet'), run: onOpenCheatSheet });

  const groupLabel = (group: CommandGroup) => (group === 'cases' && !search ? t('groups.recentCases') : t(`groups.${group}`));
  // A command is also found by its group's name ("language" lists the languages).
  const matching = commands.filter((command) => commandMatches({ ...command, keywords: `${groupLabel(command.group)} ${command.keywords ?? ''}` }, search));
  const cases: PaletteCommand[] = searching ? [] : (caseList.data?.items ?? []).map((row) => ({
    id: `case-${row.id}`,
    group: 'cases',
    label: row.name,
    run: goTo(`/cases/${encodeURIComponent(row.id)}/overview`),
  }));
  // Typed text looks for a case first, unless it begins a command's name ("rev" is the review queue);
  // with nothing typed the commands come first and the recently changed cases after them.
  const folded = foldText(search);
  const commandsFirst = !search || matching.some((command) => foldText(command.label).startsWith(folded));
  const order: readonly CommandGroup[] = commandsFirst ? [...COMMAND_GROUPS, 'cases'] : ['cases', ...COMMAND_GROUPS];
  const all = [...cases, ...matching];
  const groups: PaletteGroup[] = order
    .map((group) => ({ group, options: all.filter((command) => command.group === group) }))
    .filter(({ options }) => options.length > 0);
  return { groups, options: groups.flatMap(({ options }) => options), searching, groupLabel };
}
