// R15 on the real server, two people in two browsers: Ana imports a file of activity into the
// designated Grey Meridian case, in which @grey_relay_07 (whose visibility limit expired) posts the
// campaign's hashtag again; the import proposes the limit's re-application on the designation record;
// Rui reads the activity it rests on and re-applies the limit, which is in force for a new period.
// Every screen on the way passes axe.
import { checkA11y } from '../fixtures';
import { expect, test } from './server-fixtures';

const GREY = 'case-grey-meridian';

/** A day ago (after the seeded limit expired, ten days ago): the limited account repeats #GreyMeridian. */
function continuedActivity(): { name: string; mimeType: string; buffer: Buffer } {
  const at = Math.floor(Date.now() / 1000) - 86_400;
  const rows = [
    'message_id,user_id,username,repost_id,reply_id,message,timestamp,urls,device_hash,ip_hash',
    `9001,501,grey_relay_07,,,New list tonight #GreyMeridian,${at},,,`,
    `9002,501,grey_relay_07,,,the weather is fine,${at + 60},,,`,
    `9003,777,someone_else,,,#GreyMeridian is trending,${at + 120},,,`,
  ];
  return { name: 'week-12.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) };
}

test('an import finds a limited account continuing the behaviour; a reviewer re-applies its limit (R15)', async ({ signInAs }) => {
  test.setTimeout(180_000);
  const ana = await signInAs('Ana Kovač', `/cases/${GREY}/import`);
  await expect(ana.getByText(/also looks for accounts whose visibility limit expired/)).toBeVisible();
  await ana.getByTestId('activity-file-input').setInputFiles(continuedActivity());
  await expect(ana.getByTestId('detected-format')).toHaveText('Detected format: CSV');
  await ana.getByRole('button', { name: 'Start import' }).click();
  const notice = ana.getByTestId('reapplication-notice');
  await expect(notice).toContainText('One account whose visibility limit expired continues the group’s behaviour: a re-application proposal waits for a reviewer (R15).', { timeout: 20_000 });
  await checkA11y(ana, '/cases/:id/import with a re-application proposal');

  const rui = await signInAs('Rui Takahashi', `/designations/${GREY}`);
  const section = rui.getByRole('region', { name: 'Re-application from imported activity (R15)' });
  const proposal = section.getByTestId('reapplication-open');
  await expect(proposal).toContainText('@grey_relay_07: limit expired on');
  await expect(proposal).toContainText('1 post from');
  await expect(proposal).toContainText('in “week-12.csv”');
  await expect(proposal.getByText('repeats #GreyMeridian')).toBeVisible();
  await expect(proposal).toContainText('Found by Ana Kovač’s import on');
  await checkA11y(rui, '/designations/:id with a re-application proposal');

  const form = section.getByRole('form', { name: 'Decision on @grey_relay_07' });
  await form.getByRole('textbox', { name: /Why/ }).fill('Back to posting the campaign hashtag the day after the limit ended.');
  await form.getByRole('button', { name: 'Re-apply the limit' }).click();
  await expect(section.getByTestId('reapplication-decided')).toContainText('Re-applied');
  await expect(section.getByTestId('reapplication-decided')).toContainText('by Rui Takahashi on');
  const actions = rui.getByRole('region', { name: 'Enforcement actions (R14-R15)' });
  const reapplied = actions.getByRole('row', { name: /Re-applies an expired action/ });
  await expect(reapplied).toContainText('Active');
  await expect(reapplied).toContainText('grey_relay_07');
  await checkA11y(rui, '/designations/:id after the re-application');
});
