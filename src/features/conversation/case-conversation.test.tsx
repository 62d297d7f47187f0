import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { callApi, setApiUser } from '../../api/client/http-client';
import { renderWithProviders } from '../../test/render';
import { CaseConversation } from './case-conversation';

const COPPER = 'case-copper-lantern';

describe('CaseConversation (issue 12 §1)', () => {
  it('shows the newest 50 entries oldest first, and the earlier ones page by page however many there are', async () => {
    setApiUser('rui');
    for (let index = 1; index <= 55; index += 1) {
      await callApi('commentOnCase', { params: { caseId: COPPER }, body: { text: `Comment ${index}` } });
    }
    const copper = (await callApi('getCase', { params: { caseId: COPPER } })).data;
    const { user } = renderWithProviders(<CaseConversation caseDocument={copper} canComment={false} />, { userId: 'rui' });
    const list = await screen.findByRole('list', { name: 'Conversation, oldest first' });
    const texts = () => within(list).getAllByTestId('conversation-entry').map((entry) => entry.textContent ?? '');
    expect(texts()).toHaveLength(50);
    expect(texts()[0]).toContain('Comment 6');
    expect(texts().at(-1)).toContain('Comment 55');
    // The submission and the first five comments are earlier.
    await user.click(screen.getByRole('button', { name: 'Show 6 earlier entries' }));
    expect(await within(list).findByText('Comment 1')).toBeVisible();
    expect(texts()).toHaveLength(56);
    expect(texts()[0]).toContain('submitted the case for review');
    expect(screen.queryByRole('button', { name: /earlier/ })).toBeNull();
    // An admin or anyone without a case role reads, and is told why there is no box.
    expect(screen.getByText('Commenting needs the analyst or reviewer role.')).toBeVisible();
  });

  it('mentions someone picked from the team: written @Name in the text, said before sending, and kept with the comment (issue 12 §8)', async () => {
    setApiUser('ana');
    const copper = (await callApi('getCase', { params: { caseId: COPPER } })).data;
    const { user } = renderWithProviders(<CaseConversation caseDocument={copper} canComment />, { userId: 'ana' });
    const box = await screen.findByRole('textbox', { name: 'Add a comment' });
    await user.type(box, 'Could');
    const pick = await screen.findByRole('combobox', { name: 'Mention someone' });
    // The writer is not offered.
    expect(within(pick).queryByRole('option', { name: 'Ana Kovač' })).toBeNull();
    await user.selectOptions(pick, 'rui');
    expect(box).toHaveValue('Could @Rui Takahashi ');
    expect(box).toHaveFocus();
    // The count follows the text however it changed, against the contract's limit for a comment.
    expect(screen.getByTestId('character-count')).toHaveTextContent('21 / 5,000');
    await user.type(box, 'check the archive?');
    expect(screen.getByTestId('comment-mentions')).toHaveTextContent('Mentions Rui Takahashi: their notifications will show this comment.');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    const list = await screen.findByRole('list', { name: 'Conversation, oldest first' });
    const entry = (await within(list).findAllByTestId('conversation-entry')).find((item) => item.textContent?.includes('Could @Rui Takahashi check the archive?'));
    expect(entry).toHaveTextContent('Mentions Rui Takahashi');
    const stored = (await callApi('caseConversation', { params: { caseId: COPPER } })).data.items[0];
    expect(stored?.mentions).toEqual(['rui']);
  });
});
