// The case page's deep-linked tabs (`/cases/:id/:tab`) and which tab holds which part of the case.
export const CASE_TABS = ['overview', 'harm', 'evidence', 'accounts'] as const;
export type CaseTab = (typeof CASE_TABS)[number];

export function isCaseTab(value: string | undefined): value is CaseTab {
  return (CASE_TABS as readonly string[]).includes(value ?? '');
}

export function caseTabPath(caseId: string, tab: CaseTab): string {
  return `/cases/${encodeURIComponent(caseId)}/${tab}`;
}
