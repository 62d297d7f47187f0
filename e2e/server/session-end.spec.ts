// A session that ends under an open case (here: "sign out on every device" from another browser)
// loses nothing: the edit typed after the end is refused by the server (401), the page asks to sign
// in again and says why, what was typed stays on this device, and once the analyst is back it is
// saved to the server.
import { expect, signIn, test } from './server-fixtures';

const RIGHTS = '#field-rightsRiskAssessment';

test('the session ends under an open case: sign in again and the edit typed meanwhile is saved', async ({ signInAs }) => {
  const ana = await signInAs('Ana Kovač');
  const caseId = await ana.evaluate(async () => {
    const created = await fetch('/api/cases', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ actor: { kind: 'group', name: `Tidewatch ${Date.now().toString(36)}`, purpose: 'Session test.', activismContext: false } }),
    });
    return ((await created.json()) as { id: string }).id;
  });
  await ana.goto(`/cases/${caseId}/overview`);
  await expect(ana.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');

  // Ana, on her phone, signs out everywhere: this browser's session ends too.
  const phone = await signInAs('Ana Kovač');
  expect(await phone.evaluate(async () => (await fetch('/api/me/sessions', { method: 'DELETE' })).status)).toBe(200);

  await ana.locator(RIGHTS).click();
  await ana.locator(RIGHTS).pressSequentially('Typed after the session ended.');
  await expect(ana.getByText(/Your session ended\. Sign in again: what you typed is kept on this device/)).toBeVisible();
  await signIn(ana, 'Ana Kovač');

  // Back on the case, with the edit, and the edit reaches the server.
  await expect(ana.locator(RIGHTS)).toHaveValue('Typed after the session ended.');
  await expect(ana.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 30_000 });
  await expect
    .poll(async () => ana.evaluate(async (id) => ((await (await fetch(`/api/cases/${id}`)).json()) as { rightsRiskAssessment: string }).rightsRiskAssessment, caseId))
    .toBe('Typed after the session ended.');
});
