// The app against the real server (npm start on PGlite): two people in two browsers, each signed in
// with a password on the sign-in page. The analyst's case reaches the reviewer's queue; the
// analyst's own approval is refused by the server (four eyes, R18), whatever header the page
// sends; the reviewer approves; every screen passes axe under the server's CSP.
import { createCompleteCase } from './complete-case';
import { checkA11y, expectOwnApprovalRefused } from '../fixtures';
import { expect, signIn, test } from './server-fixtures';

test('sign-in: one message for a wrong password, the deep link kept, sign-out from the account menu; every screen passes axe', async ({ page }) => {
  await page.goto('/review');
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Demo identity')).toHaveCount(0);
  await checkA11y(page, 'sign-in');
  await page.getByLabel(/User name/).fill('sam');
  await page.getByLabel(/^Password/).fill('not the password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('The user name or password is not right.')).toBeVisible();
  await checkA11y(page, 'sign-in refused');
  await signIn(page, 'Samira Haddad');
  // The deep link survives signing in.
  await expect(page.getByRole('heading', { name: /Review queue/, level: 1 })).toBeVisible();
  await expect(page.getByTestId('signed-in-user')).toContainText('Reviewer');
  await checkA11y(page, '/review signed in');
  // The account menu and its change-password dialog, by keyboard.
  await page.getByRole('button', { name: 'Account of Samira Haddad' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Change password…' })).toBeFocused();
  await checkA11y(page, 'account menu');
  await page.keyboard.press('Enter');
  const changePassword = page.getByRole('dialog', { name: 'Change your password' });
  await expect(changePassword.getByLabel(/Current password/)).toBeVisible();
  await checkA11y(page, 'change-password dialog');
  await page.keyboard.press('Escape');
  await expect(changePassword).toHaveCount(0);
  await page.getByRole('button', { name: 'Account of Samira Haddad' }).click();
  await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in', level: 1 })).toBeVisible();
});

test('the admin invites a person; the set-password link signs them in as an analyst', async ({ signInAs, browser, baseURL }) => {
  const ada = await signInAs('Ada Lindqvist', '/');
  await expect(ada.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expect(ada.getByRole('rowheader', { name: 'Rui Takahashi' })).toBeVisible();
  await checkA11y(ada, '/admin/users');
  const login = `kim-${Date.now().toString(36)}`;
  await ada.getByRole('button', { name: 'Invite a person…' }).click();
  const invite = ada.getByRole('dialog', { name: 'Invite a person…' });
  await invite.getByLabel(/^Name/).fill('Kim Larsen');
  await invite.getByLabel(/^User name/).fill(login);
  await checkA11y(ada, 'invite dialog');
  await invite.getByRole('button', { name: 'Create' }).click();
  const linkDialog = ada.getByRole('dialog', { name: 'Set-password link for Kim Larsen' });
  const link = await linkDialog.getByTestId('set-password-link').inputValue();
  expect(link).toMatch(/\/set-password#token=[A-Za-z0-9_-]{43}$/);
  await checkA11y(ada, 'set-password link dialog');
  await linkDialog.getByRole('button', { name: 'Close' }).click();
  await expect(ada.getByTestId(`user-row-${login}`)).toContainText('Invited (no password yet)');

  const context = await browser.newContext({ baseURL });
  const kim = await context.newPage();
  await kim.goto(link);
  await expect(kim.getByRole('heading', { name: 'Choose your password', level: 1 })).toBeVisible();
  await checkA11y(kim, '/set-password');
  await kim.getByLabel(/^New password(?! again)/).fill('short');
  await kim.getByLabel(/New password again/).fill('short');
  await kim.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(kim.getByText('At least 12 characters.')).toBeVisible();
  await kim.getByLabel(/^New password(?! again)/).fill('tide tables and lanterns');
  await kim.getByLabel(/New password again/).fill('tide tables and lanterns');
  await kim.getByRole('button', { name: 'Set password and sign in' }).click();
  await expect(kim.getByTestId('signed-in-user')).toContainText('Kim Larsen · Analyst');
  await expect(kim.getByRole('heading', { name: /Cases/, level: 1 })).toBeVisible();
  expect(kim.url()).not.toContain('token');
  await context.close();
});

test('analyst submits in one browser, the reviewer approves in another; the analyst cannot approve her own case', async ({ signInAs }) => {
  test.setTimeout(300_000);
  const name = `Harbour Lantern Brigade ${Date.now().toString(36)}`;

  const ana = await signInAs('Ana Kovač');
  const caseId = await createCompleteCase(ana, name);

  await ana.goto(`/cases/${caseId}/overview`);
  await ana.getByRole('button', { name: 'Submit for review' }).click();
  const submitDialog = ana.getByRole('dialog', { name: `Submit “${name}” for review` });
  await expect(submitDialog.getByText('Designation recommended')).toBeVisible();
  await submitDialog.getByRole('button', { name: 'Submit' }).click();
  await expect(ana.getByText('In review: submitted by Ana Kovač on')).toBeVisible();
  await checkA11y(ana, '/cases/:id in review');

  // Four eyes: the page explains, and the server refuses even when the page claims to be a reviewer.
  await expectOwnApprovalRefused(ana, caseId, 'rui');

  // The reviewer, in another browser, finds it in the queue and approves it.
  const rui = await signInAs('Rui Takahashi', '/review');
  await expect(rui.getByRole('link', { name })).toBeVisible();
  await checkA11y(rui, '/review');
  await rui.getByRole('link', { name }).click();
  await expect(rui.getByRole('heading', { name: `Review: ${name}`, level: 1 })).toBeVisible();
  await checkA11y(rui, '/review/:caseId');
  const decision = rui.getByRole('region', { name: 'Decision' });
  await decision.getByRole('radio', { name: 'Approve the designation' }).check();
  await decision.getByRole('textbox', { name: /Rationale/ }).fill('Threats against named inspectors; coordination established by a sufficient technical signal.');
  await decision.getByRole('button', { name: 'Record the decision' }).click();
  await expect(rui.getByTestId('review-outcome')).toContainText('Decision recorded: Approve the designation.');

  // The analyst sees the outcome on reload: one server, one case.
  await ana.goto(`/cases/${caseId}/overview`);
  await expect(ana.getByText(/Designated/).first()).toBeVisible();
});
