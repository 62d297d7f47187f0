// oxlint-disable-next-line import/no-unassigned-import -- installs the IndexedDB globals the dev storage uses
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import { createStore, set } from 'idb-keyval';
import { describe, expect, it, vi } from 'vitest';
import { callApi, setApiUser } from '../api/client/http-client';
import { queryKeys } from '../api/client/query-keys';
import { createBackend, randomId } from '../backend/backend';
import { T0 } from '../backend/backend-test-kit';
import { listingWith } from '../backend/case-listing';
import { buildDemoSeed } from '../backend/demo-data';
import { createIdbStorage } from '../backend/idb-storage';
import { evaluate } from '../engine/evaluate';
import { createHandlers } from '../mocks/handlers';
import { server } from '../mocks/node';
import { renderWithProviders } from '../test/render';
import { DemoDataReset, StorageNotice } from './storage-notice';

describe('StorageNotice (issue 14, defect 3)', () => {
  it('tells the user, in their language, that unreadable stored records were set aside and kept', async () => {
    // The browser's dev backend over IndexedDB with two records that no longer parse.
    const dbName = 'cha-storage-notice';
    const storage = createIdbStorage({ dbName });
    const seed = await buildDemoSeed({ now: T0, evaluate });
    await storage.reset(seed, listingWith(evaluate));
    await set(['case', 'case-broken'], { id: 'case-broken' }, createStore(dbName, 'records'));
    await set(['audit', 2], { seq: 2 }, createStore(dbName, 'records'));
    const backend = createBackend({ storage, now: () => T0, evaluate, newId: randomId, seed: async () => seed });
    server.use(...createHandlers(backend));
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    renderWithProviders(<StorageNotice />, { language: 'nl' });
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('2 opgeslagen records konden niet worden gelezen en zijn apart gezet');
    expect(notice).toHaveTextContent('gebruik dan “Demogegevens terugzetten” in de bovenbalk');
  });

  it('says nothing when every stored record reads', async () => {
    const { queryClient } = renderWithProviders(<StorageNotice />);
    await waitFor(() => expect(queryClient.getQueryState(queryKeys.devStorage)?.status).toBe('success'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('"Reset demo data…" asks first, then puts the demo data back (issue 15 §10)', async () => {
    setApiUser('ana');
    await callApi('commentOnCase', { params: { caseId: 'case-copper-lantern' }, body: { text: 'A comment the reset removes.' } });
    const { user } = renderWithProviders(<DemoDataReset />, { userId: 'ana' });
    await user.click(screen.getByRole('button', { name: 'Reset demo data…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the demo data?' });
    expect(dialog).toHaveAccessibleDescription(/What you changed here is lost/);
    await user.click(within(dialog).getByRole('button', { name: 'Reset' }));
    expect(await screen.findByText('The demo data is back.')).toBeVisible();
    const conversation = (await callApi('caseConversation', { params: { caseId: 'case-copper-lantern' } })).data.items;
    expect(conversation.map((event) => event.reason)).not.toContain('A comment the reset removes.');
  });
});
