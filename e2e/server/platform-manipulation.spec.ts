// R3 on the real server, two people in two browsers: technical coordination established with
// sufficient evidence gets enforcement without a designation. Ben proposes permanent suspension for
// one account of the track on a draft case; Rui, who neither proposed it nor wrote the case, approves;
// the suspension is in force without expiry, and the decision record and statements of reasons
// (downloaded) rest on the R3 decision. Every screen on the way passes axe.
import { DecisionRecord } from '../../src/api/contract/decision-record';
import { StatementsOfReasonsExport } from '../../src/api/contract/decision-record-export';
import { checkA11y, downloadText } from '../fixtures';
import { createCompleteCase } from './complete-case';
import { expect, test } from './server-fixtures';

test('platform manipulation: proposed by an analyst, approved by another reviewer, suspended without a designation (R3, R18)', async ({ signInAs }) => {
  test.setTimeout(240_000);
  const name = `Lantern Relay ${Date.now().toString(36)}`;
  const ben = await signInAs('Ben Osei');
  const caseId = await createCompleteCase(ben, name);
  await ben.goto(`/cases/${caseId}/overview`);
  await ben.getByRole('link', { name: 'Enforcement (R3, R14)' }).click();
  const section = ben.getByRole('region', { name: 'Platform manipulation (R3)' });
  await expect(section).toContainText('accounts on the track: @lantern_amplifier, @lantern_operator');
  await section.getByRole('checkbox', { name: '@lantern_amplifier' }).uncheck();
  await section.getByRole('textbox', { name: /What the coordination is/ }).fill('One operator posts the same target lists from both accounts.');
  await checkA11y(ben, '/designations/:id, proposing R3 enforcement');
  await section.getByRole('button', { name: 'Propose permanent suspension' }).click();
  await expect(section.getByTestId('manipulation-pending')).toContainText('Accounts: @lantern_operator');

  const rui = await signInAs('Rui Takahashi', `/designations/${caseId}`);
  const ruiSection = rui.getByRole('region', { name: 'Platform manipulation (R3)' });
  await ruiSection.getByRole('radio', { name: 'Approve: suspend these accounts permanently' }).check();
  await ruiSection.getByRole('textbox', { name: /Rationale/ }).fill('The shared device is conclusive.');
  await ruiSection.getByRole('button', { name: 'Record the decision' }).click();
  await expect(ruiSection.getByTestId('manipulation-decided')).toContainText('Approved by Rui Takahashi');
  const actions = rui.getByRole('region', { name: 'Enforcement actions (R14-R15)' });
  await expect(actions).toContainText('Suspend permanently (platform manipulation, R3)');
  await expect(actions).toContainText('lantern_operator');
  await checkA11y(rui, '/designations/:id after the R3 decision');

  // The decision record and the statements of reasons, without a designation.
  const record = DecisionRecord.parse(JSON.parse((await downloadText(rui, 'Decision record (JSON)')).text));
  expect(record.designation).toBeNull();
  expect(record.rulesApplied).toEqual(['R3']);
  expect(record.actions.map((action) => [action.type, action.targetRef, action.expiresAt])).toEqual([['suspend-platform-manipulation', 'lantern_operator', null]]);
  const sor = StatementsOfReasonsExport.parse(JSON.parse((await downloadText(rui, 'Statements of reasons (DSA, JSON)')).text));
  expect(sor.statements.map((statement) => statement.decision_account)).toEqual(['DECISION_ACCOUNT_SUSPENDED']);
});

