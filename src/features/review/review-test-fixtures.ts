// Test support: puts cases into the mock backend through the real HTTP client, as analysts would.
import { callApi, getApiUser, setApiUser } from '../../api/client/http-client';
import { emptyCaseContent, type CaseContent, type CaseDocument } from '../../api/contract/case';
import type { Severity } from '../../engine/policy-terms';

export interface SubmittedCaseSpec {
  name: string;
  physical?: Severity;
  psychological?: Severity;
  informational?: Severity;
  analyst?: string;
}

/** Creates, fills (questions, R10, harm) and submits a case as `analyst`; returns the case in review. */
export async function submitCaseAs(spec: SubmittedCaseSpec): Promise<CaseDocument> {
  const previous = getApiUser();
  setApiUser(spec.analyst ?? 'ana');
  try {
    const actor = { kind: 'group' as const, name: spec.name, purpose: 'Test actor.', activismContext: false, aliases: [], geographies: [], languages: [] };
    const created = (await callApi('createCase', { body: { actor } })).data;
    const content: CaseContent = {
      ...emptyCaseContent(created.actor),
      questions: { identifiableGroup: 'Yes.', coordinatedActivity: 'Bulk posting.', harmAcrossCategories: 'Threats.', risksOfApplying: 'Low.' },
      rightsRiskAssessment: 'Speech interests are low.',
    };
    content.harm.physical.severity = spec.physical ?? 'none';
    content.harm.psychological.severity = spec.psychological ?? 'none';
    content.harm.informational.severity = spec.informational ?? 'none';
    // A complete case (R13): a signal (R2), and evidence under every rating of moderate or above (R6a).
    content.signals = [{
      id: 'sig-queue', kind: 'technical', technique: 'automation-bulk-posting', observed: 'on-platform', description: 'Bulk posting.',
      accounts: [], window: { start: null, end: null }, sources: [], strength: 'strong', evidenceState: 'sufficient', origin: 'manual',
    }];
    for (const category of ['physical', 'psychological', 'informational'] as const) {
      if (content.harm[category].severity === 'moderate' || content.harm[category].severity === 'high') {
        content.harm[category].evidence = [{ id: `ev-${category}`, description: 'Documented harm.', observed: 'on-platform', date: null, source: 'Report', link: '', credibleSource: true }];
      }
    }
    const updated = (await callApi('updateCase', { params: { caseId: created.id }, body: content, ifMatch: created.version })).data;
    return (await callApi('submitCase', { params: { caseId: created.id }, body: { note: '' }, ifMatch: updated.version })).data;
  } finally {
    setApiUser(previous);
  }
}
