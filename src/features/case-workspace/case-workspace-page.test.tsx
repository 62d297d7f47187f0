// The case page against the MSW node server: autosave round trip, the conflict view, restored and
// corrupt local drafts, the panel's live content and focusField, read-only cases, the small screens' bottom bar.
import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useCase } from '../../api/client/case-queries';
import { callApi, setApiUser } from '../../api/client/http-client';
import { queryKeys } from '../../api/client/query-keys';
import { AppShell } from '../../app/app-shell';
import { NOW } from '../../engine/test-fixtures';
import { DesignationPanel } from '../designation/designation-panel';
import { renderWithProviders } from '../../test/render';
import { stubScreenWidth } from '../../test/screen-width';
import { CaseWorkspacePage, type RenderDesignationPanel } from './case-workspace-page';
import { contentOf } from './case-content';
import { fieldId } from './field-ids';
import { draftKey, memoryDraftStorage, serialiseDraft, type DraftStorage } from './draft-storage';

const CASE = 'case-clearwater-week';

const panel: RenderDesignationPanel = ({ content, focusField }) => (
  <section aria-label="Test panel">
    <p data-testid="panel-name">{content.actor.name}</p>
    <button type="button" onClick={() => focusField('harm.physical.severity')}>Go to physical severity</button>
    <button type="button" onClick={() => focusField('rightsRiskAssessment')}>Go to rights</button>
    <button type="button" onClick={() => focusField('harm.psychological.evidence')}>Go to psychological evidence</button>
  </section>
);

function Route({ storage }: { storage: DraftStorage }) {
  const { caseId = '', tab } = useParams();
  const query = useCase(caseId);
  if (!query.data) return <p>Loading case</p>;
  return <CaseWorkspacePage caseDocument={query.data} tab={tab} renderDesignationPanel={panel} draftStorage={storage} />;
}

function SlowRoute({ storage }: { storage: DraftStorage }) {
  const { caseId = '', tab } = useParams();
  const query = useCase(caseId);
  if (!query.data) return <p>Loading case</p>;
  return <CaseWorkspacePage caseDocument={query.data} tab={tab} renderDesignationPanel={panel} draftStorage={storage} draftReadPatienceMs={50} />;
}

function renderCase(options: { tab?: string; storage?: DraftStorage; userId?: string } = {}) {
  const storage = options.storage ?? memoryDraftStorage();
  const result = renderWithProviders(null, {
    route: `/cases/${CASE}/${options.tab ?? 'overview'}`,
    routes: [{ path: '/cases/:caseId/:tab', element: <Route storage={storage} /> }],
    userId: options.userId ?? 'ana',
  });
  return { ...result, storage };
}

/** The case page inside the app's shell (its error boundary), as the app routes it. */
function renderCaseInShell(storage: DraftStorage = memoryDraftStorage()) {
  const result = renderWithProviders(null, {
    route: `/cases/${CASE}/overview`,
    routes: [{ element: <AppShell />, children: [{ path: '/cases/:caseId/:tab', element: <Route storage={storage} /> }] }],
    userId: 'ana',
  });
  return { ...result, storage };
}

const status = () => screen.getByTestId('save-status');
const tabLink = (name: string) => screen.findByRole('tab', { name }, { timeout: 5_000 });
const justification = () => document.getElementById(fieldId('harm.physical.justification'));
const rights = () => screen.getByRole('textbox', { name: /Risks of applying this policy, including impacts on speech/ });

async function serverCase() {
  return (await callApi('getCase', { params: { caseId: CASE } })).data;
}

/** Another analyst saves first. */
async function saveAsBen(change: (content: ReturnType<typeof contentOf>) => void) {
  setApiUser('ben');
  try {
    const current = await serverCase();
    const content = contentOf(current);
    change(content);
    await callApi('updateCase', { params: { caseId: CASE }, body: content, ifMatch: current.version });
  } finally {
    setApiUser('ana');
  }
}

describe('CaseWorkspacePage', () => {
  beforeEach(() => {
    // A wide screen, so the panel sits beside the tabs.
    stubScreenWidth('wide');
    return () => vi.unstubAllGlobals();
  });

  it('saves a change automatically with If-Match and shows the new version; the panel sees every keystroke', async () => {
    const { user } = renderCase();
    const before = await serverCase();
    await user.clear(await screen.findByRole('textbox', { name: /Name of the group/ }));
    await user.type(screen.getByRole('textbox', { name: /Name of the group/ }), 'Clearwater Week 2');
    await waitFor(() => expect(screen.getByTestId('panel-name')).toHaveTextContent('Clearwater Week 2'));
    await user.type(rights(), ' Reviewed.');
    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'saved'), { timeout: 5_000 });
    expect(status()).toHaveTextContent(`version ${before.version + 1}`);
    // The version once, in the save status, not again in the header (issue 15 §8).
    expect(screen.getAllByText(new RegExp(`version ${before.version + 1}\\b`, 'i'))).toHaveLength(1);
    const after = await serverCase();
    expect(after.version).toBe(before.version + 1);
    expect(after.actor.name).toBe('Clearwater Week 2');
    expect(after.rightsRiskAssessment).toMatch(/Reviewed\.$/);
  });

  it('on a 412 opens the conflict view with both versions, field by field, and saves the merge', async () => {
    const { user } = renderCase();
    await screen.findByRole('textbox', { name: /Name of the group/ });
    await saveAsBen((content) => {
      content.actor.purpose = 'Ben’s purpose';
    });
    await user.type(rights(), ' Ana’s addition.');
    const dialog = within(await screen.findByRole('dialog', { name: 'Someone else saved this case first' }, { timeout: 5_000 }));
    expect(await dialog.findByText(/Ben Osei saved version/)).toBeVisible();
    const rows = dialog.getAllByTestId('conflict-row');
    expect(rows.map((row) => row.getAttribute('data-path'))).toEqual(['actor.purpose', 'rightsRiskAssessment']);
    const purpose = within(rows[0] ?? document.body);
    expect(purpose.getByText('Changed by them')).toBeVisible();
    expect(purpose.getByRole('radio', { name: 'Take theirs' })).toBeChecked();
    expect(within(rows[1] ?? document.body).getByRole('radio', { name: 'Keep mine' })).toBeChecked();

    // Override one choice, then save.
    await user.click(purpose.getByRole('radio', { name: 'Keep mine' }));
    await user.click(dialog.getByRole('button', { name: 'Take all theirs' }));
    expect(purpose.getByRole('radio', { name: 'Take theirs' })).toBeChecked();
    await user.click(within(rows[1] ?? document.body).getByRole('radio', { name: 'Keep mine' }));
    await user.click(dialog.getByRole('button', { name: 'Save merged version' }));

    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'saved'), { timeout: 5_000 });
    const stored = await serverCase();
    expect(stored.actor.purpose).toBe('Ben’s purpose');
    expect(stored.rightsRiskAssessment).toMatch(/Ana’s addition\.$/);
    expect(screen.getByRole('textbox', { name: /The campaign’s goal/ })).toHaveValue('Ben’s purpose');
  });

  it('shows a newer version someone else saved while nothing was unsent, each label floated over its new value', async () => {
    const { queryClient } = renderCase({ tab: 'harm' });
    await waitFor(() => expect(justification()).toHaveValue(''));
    expect((justification() as HTMLTextAreaElement).labels[0]).toHaveAttribute('data-shrink', 'false');
    await saveAsBen((content) => {
      content.harm.physical.justification = 'Ben’s reason';
    });
    await queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
    // The inputs hold their own values: the tab remounts with the adopted version's content.
    await waitFor(() => expect(justification()).toHaveValue('Ben’s reason'));
    expect((justification() as HTMLTextAreaElement).labels[0]).toHaveAttribute('data-shrink', 'true');
    expect(status()).toHaveAttribute('data-status', 'saved');
  });

  it('issue 14 defect 1: typing and switching tabs at once, several times, saves everything with no conflict with oneself', async () => {
    const { user } = renderCaseInShell();
    const before = await serverCase();
    for (const round of [1, 2, 3]) {
      await user.type(await screen.findByRole('textbox', { name: /Risks of applying this policy/ }, { timeout: 5_000 }), ` R${round}.`);
      // No wait for "All changes saved": the switch comes while the edit waits for the debounce.
      await user.click(await tabLink('Harm'));
      await user.type(await waitFor(() => justification() ?? Promise.reject(new Error('no field'))), ` H${round}.`);
      await user.click(await tabLink('Overview'));
    }
    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'saved'), { timeout: 10_000 });
    expect(screen.queryByRole('dialog', { name: 'Someone else saved this case first' })).toBeNull();
    const after = await serverCase();
    expect(after.updatedBy).toBe('ana');
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.rightsRiskAssessment).toMatch(/ R1\. R2\. R3\.$/);
    expect(after.harm.physical.justification).toMatch(/ H1\. H2\. H3\.$/);
  }, 60_000);

  it('restores unsent edits kept on this device, says so, and sends them', async () => {
    const current = await serverCase();
    const content = contentOf(current);
    content.rightsRiskAssessment = 'Typed before the browser crashed.';
    const storage = memoryDraftStorage({
      [draftKey('ana', CASE)]: serialiseDraft({ caseId: CASE, userId: 'ana', baseVersion: current.version, content, savedAt: '2024-01-01T00:00:00Z' }),
    });
    renderCase({ storage });
    expect(await screen.findByText(/restored changes you made earlier on this device/)).toBeVisible();
    expect(rights()).toHaveValue('Typed before the browser crashed.');
    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'saved'), { timeout: 5_000 });
    expect((await serverCase()).rightsRiskAssessment).toBe('Typed before the browser crashed.');
    expect(storage.entries.has(draftKey('ana', CASE))).toBe(false);
  });

  it('a slow read of the kept edits shows the case read-only meanwhile, then opens it with those edits restored', async () => {
    setApiUser('ana');
    const current = await serverCase();
    const content = contentOf(current);
    content.rightsRiskAssessment = 'Kept while the storage was slow.';
    const kept = memoryDraftStorage({
      [draftKey('ana', CASE)]: serialiseDraft({ caseId: CASE, userId: 'ana', baseVersion: current.version, content, savedAt: '2024-01-01T00:00:00Z' }),
    });
    const gate: { open: () => void } = { open: () => undefined };
    const released = new Promise<void>((resolve) => {
      gate.open = resolve;
    });
    // The storage answers only when released, like an IndexedDB open that stalls.
    const slow: DraftStorage = { ...kept, read: async (key) => { await released; return kept.read(key); } };
    renderWithProviders(null, {
      route: `/cases/${CASE}/overview`,
      routes: [{ path: '/cases/:caseId/:tab', element: <SlowRoute storage={slow} /> }],
      userId: 'ana',
    });
    expect(await screen.findByTestId('draft-pending')).toHaveTextContent('Reading the edits kept on this device is taking long.');
    // Read-only meanwhile: the server's text, and nothing can be typed over the kept edits.
    expect(rights()).toHaveValue(current.rightsRiskAssessment);
    expect(rights()).toHaveAttribute('readonly');
    gate.open();
    await waitFor(() => expect(rights()).toHaveValue('Kept while the storage was slow.'));
    expect(screen.queryByTestId('draft-pending')).toBeNull();
    expect(rights()).not.toHaveAttribute('readonly');
    await waitFor(() => expect(status()).toHaveAttribute('data-status', 'saved'), { timeout: 5_000 });
    expect((await serverCase()).rightsRiskAssessment).toBe('Kept while the storage was slow.');
  });

  it('discards an unreadable local draft with a warning and shows the server’s version', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const storage = memoryDraftStorage({ [draftKey('ana', CASE)]: { format: 1, caseId: CASE, userId: 'ana', baseVersion: 1, content: { actor: 42 }, savedAt: 'x' } });
    renderCase({ storage });
    expect(await screen.findByText(/could not be read and was discarded/)).toBeVisible();
    expect(status()).toHaveAttribute('data-status', 'saved');
  });

  it('focusField switches to the field’s tab and focuses it', async () => {
    const { user, router } = renderCase();
    await user.click(await screen.findByRole('button', { name: 'Go to physical severity' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE}/harm`));
    const group = await screen.findByRole('group', { name: 'Severity of Physical harm' });
    await waitFor(() => expect(group).toContainElement(document.activeElement as HTMLElement));
    expect(screen.getByRole('tab', { name: /^Physical:/ })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('button', { name: 'Go to rights' }));
    await waitFor(() => expect(rights()).toHaveFocus());
    // R6a's missing input ("add harm evidence") lands in the category's evidence list, its sub-tab opened first (issue 15 §4).
    await user.click(screen.getByRole('button', { name: 'Go to psychological evidence' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE}/harm`));
    expect(screen.getByRole('tab', { name: /^Psychological:/ })).toHaveAttribute('aria-selected', 'true');
    const evidence = document.getElementById('field-harm--psychological--evidence');
    expect(evidence).not.toBeNull();
    expect(evidence).toBeVisible();
    await waitFor(() => expect(evidence).toContainElement(document.activeElement as HTMLElement));
    // The sub-tab stays where the jump left it across top-level tab switches.
    await user.click(screen.getByRole('button', { name: 'Go to rights' }));
    await waitFor(() => expect(rights()).toHaveFocus());
    await user.click(await tabLink('Harm'));
    expect(await screen.findByRole('tab', { name: /^Psychological:/ })).toHaveAttribute('aria-selected', 'true');
  });

  it('shows the live panel’s verdict beside the severity matrix, as the panel computed it (issue 15 §4)', async () => {
    renderWithProviders(null, {
      route: `/cases/${CASE}/harm`,
      routes: [{ path: '/cases/:caseId/:tab', element: <LiveRoute /> }],
      userId: 'ana',
    });
    const beside = await screen.findByRole('region', { name: 'Live verdict' }, { timeout: 5_000 });
    const panelOutcome = await screen.findByTestId('verdict-outcome');
    const verdict = panelOutcome.querySelector('.MuiAlertTitle-root')?.textContent ?? '';
    expect(verdict).not.toBe('');
    await waitFor(() => expect(beside).toHaveTextContent(verdict));
    expect(beside).toHaveAttribute('data-outcome', screen.getByTestId('designation-panel').getAttribute('data-outcome') ?? 'none');
  });

  it('redirects an unknown tab to the overview', async () => {
    const { router } = renderCase({ tab: 'nonsense' });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/cases/${CASE}/overview`));
  });

  it('says why a rejected case was rejected, by whom, and that the live panel is only the engine’s recommendation (issue 12 §3)', async () => {
    renderWithProviders(null, {
      route: '/cases/case-northgate-relay/overview',
      routes: [{ path: '/cases/:caseId/:tab', element: <Route storage={memoryDraftStorage()} /> }],
    });
    const banner = await screen.findByTestId('decision-banner');
    await waitFor(() => expect(banner).toHaveTextContent('Rejected by Samira Haddad on'));
    expect(banner).toHaveTextContent('Coordination is not established and the harm is low');
    expect(banner).toHaveTextContent('The live panel shows what the engine recommends for this content today');
  });

  it('is read-only for a case in review, with the reason', async () => {
    renderWithProviders(null, {
      route: '/cases/case-copper-lantern/overview',
      routes: [{ path: '/cases/:caseId/:tab', element: <Route storage={memoryDraftStorage()} /> }],
    });
    expect(await screen.findByText(/This case is In review and cannot be edited here/)).toBeVisible();
    expect(screen.getByText(/A reviewer must return it to draft first \(R17\)/)).toBeVisible();
    expect(screen.getByRole('textbox', { name: /Name of the group/ })).toHaveAttribute('readonly');
    expect(status()).toHaveAttribute('data-status', 'readonly');
  });

  it('is read-only for a reviewer (R18)', async () => {
    renderCase({ userId: 'rui' });
    expect(await screen.findByText(/Reviewers decide on cases; analysts build them \(R18\)/)).toBeVisible();
  });
});

describe('CaseWorkspacePage on a narrow screen', () => {
  it('puts the panel in a drawer that closes when a field is focused from it', async () => {
    const { user } = renderCase();
    await user.click(await screen.findByRole('button', { name: 'Designation panel' }));
    const drawer = await screen.findByRole('presentation');
    await user.click(within(drawer).getByRole('button', { name: 'Go to rights' }));
    await waitFor(() => expect(rights()).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Go to rights' })).not.toBeInTheDocument();
  });
});

/** The app's panel (features may meet in a test): the bar must show the verdict it computed. */
const livePanel: RenderDesignationPanel = ({ content, focusField }) => <DesignationPanel content={content} now={NOW} onFocusField={focusField} />;

function LiveRoute() {
  const { caseId = '', tab } = useParams();
  const query = useCase(caseId);
  const [storage] = useState(memoryDraftStorage);
  if (!query.data) return <p>Loading case</p>;
  return <CaseWorkspacePage caseDocument={query.data} tab={tab} renderDesignationPanel={livePanel} draftStorage={storage} />;
}

describe('CaseWorkspacePage on a small screen', () => {
  beforeEach(() => {
    // Below `md`: the bottom bar instead of the panel beside the tabs.
    stubScreenWidth('small');
    return () => vi.unstubAllGlobals();
  });

  it('shows the panel’s verdict in a bottom bar, the one way to the panel, which opens it and gets the focus back', async () => {
    const { user } = renderWithProviders(null, {
      route: `/cases/${CASE}/overview`,
      routes: [{ path: '/cases/:caseId/:tab', element: <LiveRoute /> }],
      userId: 'ana',
    });
    const bar = await screen.findByRole('button', { name: /^Designation panel: / }, { timeout: 5_000 });
    // The header's button is gone: the bar is the one way to the panel.
    expect(screen.queryByRole('button', { name: 'Designation panel' })).toBeNull();

    await user.click(bar);
    const drawer = await screen.findByRole('dialog', { name: 'Designation' });
    const outcome = within(drawer).getByTestId('verdict-outcome');
    const verdict = outcome.querySelector('.MuiAlertTitle-root')?.textContent ?? '';
    expect(verdict).not.toBe('');
    expect(bar).toHaveAccessibleName(`Designation panel: ${verdict}`);
    expect(bar).toHaveTextContent(verdict);

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Designation' })).toBeNull());
    expect(bar).toHaveFocus();
  });

  it('follows the verdict as the analyst types, without opening the panel', async () => {
    const { user } = renderWithProviders(null, {
      route: `/cases/${CASE}/overview`,
      routes: [{ path: '/cases/:caseId/:tab', element: <LiveRoute /> }],
      userId: 'ana',
    });
    const bar = await screen.findByRole('button', { name: /^Designation panel: / }, { timeout: 5_000 });
    expect(bar).toHaveAccessibleName('Designation panel: Not recommended');
    // Emptying a required answer leaves the case incomplete (R10): the bar says so, and says it aloud.
    await user.clear(rights());
    await waitFor(() => expect(bar).toHaveAccessibleName('Designation panel: Incomplete'));
    expect(bar).toHaveTextContent('Incomplete');
    const bottomBar = bar.parentElement ?? document.body;
    expect(within(bottomBar).getByText('Verdict changed: Incomplete')).toBeInTheDocument();
  });
});
