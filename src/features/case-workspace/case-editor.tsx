// The case form and its layout: one react-hook-form over the whole CaseContent (its signals held as one
// SignalList), the tabs, the save status, the designation panel beside them (in a drawer below `lg`,
// opened from a bottom bar showing its verdict below `md`), and the conflict view.
import GavelIcon from '@mui/icons-material/Gavel';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import useMediaQuery from '@mui/material/useMediaQuery';
import { useTheme } from '@mui/material/styles';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { CaseDocument } from '../../api/contract/case';
import { hasRole, type User } from '../../api/contract/users';
import { StatusChip } from '../../components/case-chips';
import { createLiveVerdictStore } from '../../components/verdict/live-verdict';
import { AccountsTab } from './accounts-tab';
import { contentOf, toCaseFormValues, type CaseFormValues } from './case-content';
import { caseFormResolver } from './case-form-resolver';
import { ConflictDialog } from './conflict-dialog';
import { EvidenceBoardTab } from './evidence-board-tab';
import { scheduleFocus, tabForField } from './field-ids';
import { HarmTab } from './harm-tab';
import { HeaderActions, type RenderHeaderActions } from './header-actions';
import { DesignationPanelAside, DesignationPanelDrawer, type RenderDesignationPanel } from './live-designation-panel';
import { OverviewTab } from './overview-tab';
import { useUserName } from '../../api/client/user-queries';
import { latestReturn } from '../../api/contract/conversation';
import { DecisionBanner } from './decision-banner';
import { ReadOnlyNotice } from './read-only-notice';
import { SaveStatusIndicator } from './save-status';
import { BOTTOM_BAR_SPACE, VerdictBottomBar } from './verdict-bottom-bar';
import { startFrom, useCaseAutosave } from './use-case-autosave';
import type { DraftReadResult, DraftStorage } from './draft-storage';
import { WorkspaceContext, createSectionStore, showSectionOf, type WorkspaceContextValue } from './workspace-context';
import { CASE_TABS, caseTabPath, type CaseTab } from './workspace-tabs';
import { useStore } from 'zustand';

export interface CaseEditorProps {
  caseDocument: CaseDocument;
  tab: CaseTab;
  user: User;
  /** What was kept on this device for this case and user. */
  draft: DraftReadResult;
  /** A kept draft existed but could not be read (it was discarded). */
  localDraftUnreadable: boolean;
  storage: DraftStorage;
  renderDesignationPanel?: RenderDesignationPanel | undefined;
  /** Actions beside the save status (the app slots in "Submit for review"); told whether all is saved, and what is refused. */
  renderHeaderActions?: RenderHeaderActions | undefined;
  /** Below the tabs (the app slots in the case's audit trail). */
  footer?: ReactNode;
  /** Below the decision banner, composed in by the app (a return's requests); told how to show a field. */
  renderNotices?: ((state: { showField: (path: string) => void }) => ReactNode) | undefined;
  /** The edits kept on this device are still being read (slowly): the case shows read-only until they are. */
  draftPending?: boolean;
  networkLinkForSignal?: WorkspaceContextValue['networkLinkForSignal'] | undefined;
}

const TAB_CONTENT: Record<CaseTab, () => React.JSX.Element> = {
  overview: OverviewTab,
  harm: HarmTab,
  evidence: EvidenceBoardTab,
  accounts: AccountsTab,
};

const noNetworkLink = () => null;

export function CaseEditor({ caseDocument, tab, user, draft, localDraftUnreadable, storage, renderDesignationPanel, renderHeaderActions, footer, renderNotices, networkLinkForSignal = noNetworkLink, draftPending = false }: CaseEditorProps) {
  const { t } = useTranslation(['workspace', 'policy']);
  const userName = useUserName();
  const navigate = useNavigate();
  const theme = useTheme();
  // Read at once (noSsr), so the first render already has the layout of this screen.
  const wide = useMediaQuery(theme.breakpoints.up('lg'), { noSsr: true });
  const compact = useMediaQuery(theme.breakpoints.down('md'), { noSsr: true });
  const caseId = caseDocument.id;
  // While the edits kept on this device are still being read, nothing may be typed over them.
  const editable = !draftPending && caseDocument.status === 'draft' && hasRole(user, 'analyst');
  const [start] = useState(() => startFrom(draft, caseDocument));
  const strandedDraft = draft.kind === 'draft' && !editable;

  const form = useForm<CaseFormValues, unknown, CaseFormValues>({
    defaultValues: toCaseFormValues(strandedDraft ? contentOf(caseDocument) : start.content),
    resolver: caseFormResolver,
    mode: 'onTouched',
  });
  const autosave = useCaseAutosave({ form, caseDocument, userId: user.id, editable, start, storage });
  // Only what the editor itself shows: the first keystroke after a save turns the status from saved to
  // pending, and re-rendering every tab for it took ~200 ms at 4x CPU throttling (issue 3). The save
  // status and the header actions subscribe on their own.
  const inConflict = useStore(autosave.store, (s) => s.status === 'conflict');
  const conflictVersion = useStore(autosave.store, (s) => s.conflictVersion);
  // The conflict view opens by itself for each new conflict; "Decide later" hides it for that one.
  const [postponedConflict, setPostponedConflict] = useState<number | null>(null);
  // …once the cache holds the server's version it is about (its update lands a tick after the status).
  const conflictOpen = inConflict && postponedConflict !== conflictVersion && caseDocument.version >= (conflictVersion ?? 0);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // The panel's verdict, for the bottom bar that sums it up on small screens.
  const [liveVerdict] = useState(createLiveVerdictStore);
  // Which sub-tab shows (the harm tab's category, issue 15 §4): kept across tab switches, moved by focusField.
  const [sections] = useState(createSectionStore);

  // A newer server version while nothing is unsent (someone else saved, or the case changed state):
  // show it, so the next edit starts from what is there now.
  useEffect(() => {
    if (autosave.rebase(caseDocument)) form.reset(toCaseFormValues(contentOf(caseDocument)));
  }, [autosave, caseDocument, form]);
  // Text inputs hold their own value (FormTextField): when the autosave replaces the content (above,
  // or a merged conflict) the tab remounts, keyed on that count, so each input shows its new value.
  const replaced = useStore(autosave.store, (s) => s.replaced);

  const focusField = useCallback(
    (path: string) => {
      setDrawerOpen(false);
      const target = tabForField(path);
      if (target !== tab) void navigate(caseTabPath(caseId, target));
      showSectionOf(sections, path);
      scheduleFocus(path);
    },
    [caseId, navigate, tab, sections],
  );
  const hasPanel = renderDesignationPanel !== undefined;
  const workspace = useMemo<WorkspaceContextValue>(
    () => ({ caseId, readOnly: !editable, focusField, networkLinkForSignal, sections, liveVerdict: hasPanel ? liveVerdict : null }),
    [caseId, editable, focusField, networkLinkForSignal, sections, liveVerdict, hasPanel],
  );
  const Content = TAB_CONTENT[tab];
  // The same element while the tab and the content's origin stay: the fields re-render through their
  // own form subscriptions, not with every new server version the autosave brings back.
  const tabContent = useMemo(() => <Content key={replaced} />, [Content, replaced]);

  const panelProps = renderDesignationPanel ? { render: renderDesignationPanel, caseDocument, focusField, liveVerdict } : null;
  // Small screens: one way to the panel, the bar at the bottom; between `md` and `lg`, the header's button.
  const bottomBar = panelProps !== null && compact;

  return (
    <WorkspaceContext.Provider value={workspace}>
      <FormProvider {...form}>
        <Container maxWidth={false} sx={{ py: 3, maxWidth: 1920, ...(bottomBar && { pb: `calc(24px + ${BOTTOM_BAR_SPACE})` }) }}>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ justifyContent: 'space-between', alignItems: { md: 'center' }, mb: 1 }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0 }}>
              <Typography variant="h4" component="h1" sx={{ overflowWrap: 'anywhere' }}>
                {caseDocument.actor.name}
              </Typography>
              <StatusChip status={caseDocument.status} returned={latestReturn(caseDocument) !== null} />
            </Stack>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <SaveStatusIndicator autosave={autosave} onShowField={focusField} onOpenConflict={() => setPostponedConflict(null)} />
              {renderHeaderActions && <HeaderActions autosave={autosave} render={renderHeaderActions} showField={focusField} />}
              {panelProps && !wide && !bottomBar && (
                <Button variant="outlined" startIcon={<GavelIcon />} onClick={() => setDrawerOpen(true)}>
                  {t('panel.open')}
                </Button>
              )}
            </Stack>
          </Stack>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t(`policy:actorKind.${caseDocument.actor.kind}`)} ·{' '}
            {/* While the case is edited, the save status names the version (issue 15 §8: it showed twice). */}
            {!editable && <>{t('header.version', { version: caseDocument.version })} · </>}
            {t('header.owner', { name: caseDocument.ownerId ? userName(caseDocument.ownerId) : t('header.nobody') })} ·{' '}
            {t('header.reviewer', { name: caseDocument.reviewerId ? userName(caseDocument.reviewerId) : t('header.nobody') })}
          </Typography>
          {draftPending && (
            <Alert severity="info" sx={{ mb: 2 }} data-testid="draft-pending">{t('save.draftPending')}</Alert>
          )}
          {!editable && !draftPending && (
            <ReadOnlyNotice
              status={caseDocument.status}
              analyst={hasRole(user, 'analyst')}
              strandedDraft={strandedDraft}
              onDiscard={() => autosave.discardLocal()}
            />
          )}
          <DecisionBanner caseDocument={caseDocument} />
          {renderNotices?.({ showField: focusField })}
          {localDraftUnreadable && (
            <Alert severity="warning" sx={{ mb: 2 }}>{t('save.draftUnreadable')}</Alert>
          )}
          {start.restored && editable && (
            <Alert severity="info" sx={{ mb: 2 }}>{t('save.restoredNotice')}</Alert>
          )}
          <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: panelProps ? 'minmax(0, 1fr) 400px' : 'minmax(0, 1fr)' } }}>
            <Box sx={{ minWidth: 0 }}>
              {/* Scroll arrows only on narrow screens, where four tabs may not fit. From md up they fit
                  (about 470 px in a column of at least 720), and MUI's overflow check (an IntersectionObserver
                  at a 99 % threshold) must not put arrows beside them (issue 15 §8); the strip still scrolls. */}
              <Tabs value={tab} aria-label={t('tabs.label')} variant="scrollable" scrollButtons={compact ? 'auto' : false} allowScrollButtonsMobile>
                {CASE_TABS.map((id) => (
                  <Tab key={id} id={`case-tab-${id}`} value={id} label={t(`tabs.${id}`)} component={RouterLink} to={caseTabPath(caseId, id)} aria-controls="case-tabpanel" />
                ))}
              </Tabs>
              <Box role="tabpanel" id="case-tabpanel" aria-labelledby={`case-tab-${tab}`} sx={{ py: 2 }}>
                {tabContent}
              </Box>
            </Box>
            {panelProps && wide && <DesignationPanelAside {...panelProps} />}
          </Box>
          {footer}
          {panelProps && !wide && (
            // Kept mounted: the panel, shut, still computes the verdict the bottom bar and the harm tab show.
            <DesignationPanelDrawer open={drawerOpen} onClose={() => setDrawerOpen(false)} keepMounted {...panelProps} />
          )}
          {bottomBar && <VerdictBottomBar store={liveVerdict} onOpen={() => setDrawerOpen(true)} />}
          {conflictOpen && (
            <ConflictDialog
              key={caseDocument.version}
              mine={autosave.current}
              theirs={caseDocument}
              base={autosave.baseContent}
              onLater={() => setPostponedConflict(conflictVersion)}
              onResolve={(merged) => {
                void autosave.resolveConflict(merged, caseDocument);
                form.reset(toCaseFormValues(merged));
              }}
            />
          )}
        </Container>
      </FormProvider>
    </WorkspaceContext.Provider>
  );
}
