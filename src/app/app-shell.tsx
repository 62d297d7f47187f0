// The frame around every page: skip link, top bar (navigation, identity, language, theme), main landmark.
// Below `md` the top bar is one line (issue 15 §7): a menu button, the app's name and the bell; the
// navigation and the settings open in a drawer.
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import MenuIcon from '@mui/icons-material/Menu';
import Alert from '@mui/material/Alert';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControl from '@mui/material/FormControl';
import IconButton from '@mui/material/IconButton';
import InputLabel from '@mui/material/InputLabel';
import NativeSelect from '@mui/material/NativeSelect';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { lazy, Suspense, useCallback, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useCaseList, useUsers } from '../api/client/case-queries';
import { useOnline } from '../api/client/online-status';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage } from '../i18n/locale-shape';
import { PageLoading } from '../components/page-loading';
import { CASE_TABS, isCaseTab } from '../features/case-workspace/workspace-tabs';
import { KeyboardShortcuts } from '../features/command-palette/keyboard-shortcuts';
import { useSignInSession } from '../api/client/user-queries';
import type { WorkbenchRole } from '../api/contract/users';
import { useIdentityMode } from './identity-mode';
import { RouteErrorBoundary } from './route-error-page';
import { SessionGate, SignedInUser } from './server-session';
import { useSession } from './session-store';
import { visuallyHidden } from '../components/visually-hidden';

// Msw mode only, and loaded apart: production builds drop it (the condition is a build-time constant).
// The bell loads after the first page (its menu brings Menu, Popover and Modal): issue 12 §8.
const NotificationsButton = lazy(() =>
  import('../features/notifications/notifications-button').then((module) => ({ default: module.NotificationsButton })),
);

// Issue 12 §7: the live stream, loaded apart like the bell, only for someone signed in.
const LiveUpdates = lazy(() => import('../features/live/live-updates').then((module) => ({ default: module.LiveUpdates })));

// Issue 15 §7: the small screens' menu drawer, loaded when first opened (the Drawer brings Modal and FocusTrap).
const AppMenuDrawer = lazy(() => import('./app-menu-drawer').then((module) => ({ default: module.AppMenuDrawer })));

const StorageNotice = import.meta.env.VITE_MSW === 'true'
  ? lazy(() => import('./storage-notice').then((module) => ({ default: module.StorageNotice })))
  : null;
const DemoDataReset = import.meta.env.VITE_MSW === 'true'
  ? lazy(() => import('./storage-notice').then((module) => ({ default: module.DemoDataReset })))
  : null;

/** The screens, and who they are for: case screens for analysts and reviewers (R18), the audit trail for admins too, users for admins. */
const NAV_ITEMS = [
  { to: '/cases', key: 'nav.cases', roles: ['analyst', 'reviewer'] },
  { to: '/review', key: 'nav.review', roles: ['analyst', 'reviewer'] },
  { to: '/audit', key: 'nav.audit', roles: ['analyst', 'reviewer', 'admin'] },
  { to: '/import', key: 'nav.import', roles: ['analyst', 'reviewer'] },
  { to: '/admin/users', key: 'nav.users', roles: ['admin'] },
] as const satisfies readonly { to: string; key: string; roles: readonly WorkbenchRole[] }[];

export function AppShell() {
  const { t } = useTranslation('common');
  const { pathname } = useLocation();
  const identity = useIdentityMode();
  const signedInRoles = useSignedInRoles();
  const navItems = NAV_ITEMS.filter((item) => item.roles.some((role) => signedInRoles.includes(role)));
  const compact = useSmallScreen();
  const identityControls =
    identity === 'demo-picker' ? (
      <>
        <UserSwitcher />
        {DemoDataReset && (
          <Suspense fallback={null}>
            <DemoDataReset />
          </Suspense>
        )}
      </>
    ) : (
      <Suspense fallback={null}>
        <SignedInUser />
      </Suspense>
    );
  // Only for someone signed in: asking who is signed in before that would count as a session ending.
  const liveParts = signedInRoles.length > 0 && (
    <Suspense fallback={null}>
      <NotificationsButton />
      <LiveUpdates />
    </Suspense>
  );
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      <Box
        component="a"
        href="#main"
        sx={{
          position: 'absolute', left: 8, top: -48, zIndex: 2000, p: 1, bgcolor: 'background.paper', color: 'text.primary',
          '&:focus': { top: 8 },
        }}
      >
        {t('skipToContent')}
      </Box>
      <AppBar position="sticky" color="default" elevation={1} sx={{ '@media print': { display: 'none' } }}>
        {compact ? (
          <CompactTopBar
            navItems={navItems}
            live={liveParts}
            settings={
              <>
                {identityControls}
                <LanguageSwitcher />
                <ColorModeToggle labelled />
              </>
            }
          />
        ) : (
          <Toolbar sx={{ gap: 2, flexWrap: 'wrap', py: 1 }}>
            <AppName />
            <Box component="nav" aria-label={t('nav.main')} sx={{ display: 'flex', gap: 0.5, flexGrow: 1, flexWrap: 'wrap' }}>
              <NavButtons items={navItems} />
            </Box>
            {identityControls}
            {liveParts}
            <LanguageSwitcher />
            <ColorModeToggle />
          </Toolbar>
        )}
        <OfflineBanner />
      </AppBar>
      <Box component="main" id="main" tabIndex={-1} sx={{ flexGrow: 1, outline: 'none' }}>
        {StorageNotice && (
          <Suspense fallback={null}>
            <StorageNotice />
          </Suspense>
        )}
        <RouteErrorBoundary key={pageKey(pathname)} resetKey={pathname}>
          <Suspense fallback={<PageLoading />}>
            {identity === 'demo-picker' ? (
              <Outlet />
            ) : (
              <SessionGate>
                <Outlet />
              </SessionGate>
            )}
          </Suspense>
        </RouteErrorBoundary>
      </Box>
      {/* Issue 15 §5: Ctrl/Cmd-K, `g c` / `g r` / `g a`, `j` / `k`, `?`; the dialogs load when first opened. */}
      <KeyboardShortcuts caseTabs={CASE_TABS} allowedPaths={navItems.map((item) => item.to)} />
    </Box>
  );
}

/**
 * Below the theme's `md`, read at once (the first render already has this screen's top bar) and
 * followed as the window changes. Not MUI's useMediaQuery: this costs the first page 0.6 kB less.
 */
function useSmallScreen(): boolean {
  const query = useTheme().breakpoints.down('md').replace(/^@media\s*/, '');
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches, () => false);
}

type NavItem = (typeof NAV_ITEMS)[number];

/** The app's name; on one line that gives way to the bell when it must (`compact`). */
function AppName({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <Typography
      variant="h6"
      component="p"
      noWrap={compact}
      sx={compact ? { fontWeight: 700, flexGrow: 1, minWidth: 0 } : { fontWeight: 700, mr: 2 }}
      title={t('appTitle')}
    >
      {t('appName')}
    </Typography>
  );
}

/** The screens this person may open; in the small screens' drawer as a column, each closing it. */
function NavButtons({ items, column = false, onNavigate }: { items: readonly NavItem[]; column?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation('common');
  return items.map((item) => (
    <Button
      key={item.to}
      component={NavLink}
      to={item.to}
      color="inherit"
      onClick={onNavigate}
      sx={[
        { '&.active': { color: 'primary.main', fontWeight: 700, textDecoration: 'underline', textUnderlineOffset: 6 } },
        column && { justifyContent: 'flex-start', py: 1.25 },
      ]}
    >
      {item.to === '/review' ? <ReviewNavLabel /> : t(item.key)}
    </Button>
  ));
}

const APP_MENU_ID = 'app-menu';

/**
 * Below `md`: one line of at most 64 px (it took 265 px of a 390 px screen, issue 15 §7). The menu
 * button opens the navigation and the settings in a drawer; the bell stays in view.
 */
function CompactTopBar({ navItems, settings, live }: { navItems: readonly NavItem[]; settings: ReactNode; live: ReactNode }) {
  const { t } = useTranslation('common');
  const [open, setOpen] = useState(false);
  // The drawer's code is fetched on the first wish for it (a hover or a focus is enough), then kept.
  const [wanted, setWanted] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <Toolbar sx={{ gap: 1 }}>
        <IconButton
          edge="start"
          color="inherit"
          aria-label={t('menu.open')}
          aria-haspopup="dialog"
          aria-expanded={open}
          aria-controls={open ? APP_MENU_ID : undefined}
          onPointerEnter={() => setWanted(true)}
          onFocus={() => setWanted(true)}
          onClick={(event) => {
            // Where the drawer gives the focus back when it closes (Safari does not focus a clicked button).
            event.currentTarget.focus();
            setWanted(true);
            setOpen(true);
          }}
        >
          <MenuIcon />
        </IconButton>
        <AppName compact />
        {live}
      </Toolbar>
      {wanted && (
        <Suspense fallback={null}>
          <AppMenuDrawer
            id={APP_MENU_ID}
            open={open}
            onClose={close}
            navigation={
              <Box component="nav" aria-label={t('nav.main')} sx={{ display: 'flex', flexDirection: 'column', gap: 0.5 }}>
                <NavButtons items={navItems} column onNavigate={close} />
              </Box>
            }
            settings={settings}
          />
        </Suspense>
      )}
    </>
  );
}

/** Says that the network is gone, on every screen, for as long as it is; a live region announces it. */
function OfflineBanner() {
  const { t } = useTranslation('common');
  const online = useOnline();
  return (
    <Box component="output" sx={{ display: 'block' }}>
      {!online && (
        <Alert severity="warning" role="none" sx={{ borderRadius: 0, py: 0 }}>
          {t('offline.banner')}
        </Alert>
      )}
    </Box>
  );
}

/**
 * Which page a path shows: a case's tabs are one page. Keying the page's error boundary by the whole
 * path remounted the case editor on every tab switch, and the new editor sent the old one's edits a
 * second time on a stale version: a conflict with oneself (issue 14, defect 1).
 */
export function pageKey(pathname: string): string {
  const [, first, caseId, tab] = pathname.split('/');
  return first === 'cases' && caseId && isCaseTab(tab) ? `/cases/${caseId}` : pathname;
}

/** The roles of who is acting: the demo picker's person, or the server's signed-in person (none before sign-in). */
function useSignedInRoles(): readonly WorkbenchRole[] {
  const identity = useIdentityMode();
  const session = useSignInSession({ enabled: identity === 'server-session' });
  const users = useUsers({ enabled: identity === 'demo-picker' });
  const userId = useSession((s) => s.userId);
  if (identity === 'server-session') return session.data?.user?.roles ?? [];
  // The mock's picker: its people are analysts and reviewers; before the list loads, the case screens.
  return users.data?.find((user) => user.id === userId)?.roles ?? ['analyst'];
}

function ReviewNavLabel() {
  const { t } = useTranslation('common');
  const inReview = useCaseList({ status: 'in_review', pageSize: 1 });
  const count = inReview.data?.total ?? 0;
  return (
    <>
      <span>{t('nav.review')}</span>
      {count > 0 && (
        <>
          {/* A small Chip, not a Badge: the case list shows chips anyway, so the count costs no more code. */}
          <Chip
            component="span"
            size="small"
            color="secondary"
            label={count > 99 ? '99+' : count}
            aria-hidden
            sx={{ ml: 0.75, height: 20, cursor: 'inherit', '& .MuiChip-label': { px: 0.75 } }}
          />
          <Box component="span" sx={visuallyHidden}>
            {' '}({t('nav.reviewCount', { count })})
          </Box>
        </>
      )}
    </>
  );
}


function UserSwitcher() {
  const { t } = useTranslation(['common', 'policy']);
  const users = useUsers();
  const userId = useSession((s) => s.userId);
  const setUserId = useSession((s) => s.setUserId);
  const known = users.data?.some((u) => u.id === userId) ?? false;
  // Native selects: light (no menu, popover or modal code on the first page) and at home on every device.
  return (
    <FormControl size="small" sx={{ minWidth: 220 }}>
      <InputLabel variant="standard" htmlFor="user-switcher">
        {t('user.demoLabel')}
      </InputLabel>
      <NativeSelect
        id="user-switcher"
        value={known && userId ? userId : ''}
        onChange={(event) => setUserId(event.target.value)}
      >
        {!known && (
          <option value="" disabled>
            {t('user.switch')}
          </option>
        )}
        {(users.data ?? []).map((user) => (
          <option key={user.id} value={user.id}>
            {user.name} · {user.roles.map((role) => t(`policy:role.${role}`)).join(', ')}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}

function LanguageSwitcher() {
  const { t } = useTranslation('common');
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  return (
    <FormControl size="small" sx={{ minWidth: 140 }}>
      <InputLabel variant="standard" htmlFor="language-switcher">
        {t('language.label')}
      </InputLabel>
      <NativeSelect
        id="language-switcher"
        value={language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
}

/** The theme's switch: an icon in the top bar, with its words in the small screens' drawer. */
function ColorModeToggle({ labelled = false }: { labelled?: boolean }) {
  const { t } = useTranslation('common');
  const colorMode = useSession((s) => s.colorMode);
  const toggle = useSession((s) => s.toggleColorMode);
  const label = colorMode === 'light' ? t('theme.toggleToDark') : t('theme.toggleToLight');
  const icon = colorMode === 'light' ? <DarkModeIcon /> : <LightModeIcon />;
  if (labelled) {
    return (
      <Button onClick={toggle} color="inherit" startIcon={icon} sx={{ textTransform: 'none' }}>
        {label}
      </Button>
    );
  }
  return (
    // A native title, not MUI's Tooltip: that one brings Popper.js (about 14 kB gzip) to every page.
    <IconButton onClick={toggle} aria-label={label} title={label} color="inherit">
      {colorMode === 'light' ? <DarkModeIcon /> : <LightModeIcon />}
    </IconButton>
  );
}
