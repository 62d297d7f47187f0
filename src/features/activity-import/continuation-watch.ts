// R15 at import time: what an import into a designated case looks for. The accounts whose visibility
// limit expired by itself and may be re-applied (one engine definition, which the backend applies to
// what the import sends), and the group's markers the case records: its hashtags and keywords, and
// the links its harm evidence cites.
import { designationInForce, type CaseDocument } from '../../api/contract/case';
import type { ContinuationFinding } from '../../api/contract/continuation';
import type { ContinuationWatch } from '../../engine/detection/continuation';
import { HARM_CATEGORIES } from '../../engine/policy-terms';
import { reapplicableLimits } from '../../engine/reapplication';

/** The watch for an import into this case now, or null when the case has no limit to re-apply. */
export function continuationWatchFor(caseDocument: CaseDocument, now: string): ContinuationWatch | null {
  if (!designationInForce(caseDocument)) return null;
  const accounts = reapplicableLimits(caseDocument.enforcementActions, caseDocument.accounts, now);
  if (accounts.length === 0) return null;
  const links = HARM_CATEGORIES.flatMap((category) => caseDocument.harm[category].evidence.map((item) => item.link)).filter((link) => link !== '');
  return { accounts, hashtags: caseDocument.actor.hashtags, keywords: caseDocument.actor.keywords, links: [...new Set(links)] };
}

/**
 * The findings of an import that the case can still act on: a limit re-applied, lifted or whose
 * association ended since the import ran is left out (the backend would refuse it).
 */
export function actionableFindings(caseDocument: CaseDocument, findings: readonly ContinuationFinding[], now: string): ContinuationFinding[] {
  if (!designationInForce(caseDocument)) return [];
  const open = new Set(reapplicableLimits(caseDocument.enforcementActions, caseDocument.accounts, now).map((limit) => limit.actionId));
  return findings.filter((finding) => open.has(finding.actionId) && finding.examples.length > 0);
}
