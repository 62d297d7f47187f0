// Test data for the workspace tests: a valid case content and signals, built from the contract.
import { emptyCaseContent, type CaseContent, type CaseDocument, type CoordinationSignal } from '../../api/contract/case';

export function sampleContent(overrides: Partial<CaseContent> = {}): CaseContent {
  return {
    ...emptyCaseContent({
      kind: 'group',
      name: 'Harbour Watch',
      aliases: ['HW'],
      purpose: 'Coordinated pile-ons against inspectors',
      geographies: ['NL'],
      languages: ['nl'],
      hashtags: [],
      keywords: [],
      trendTerms: [],
      activismContext: false,
    }),
    ...overrides,
  };
}

export function sampleSignal(overrides: Partial<CoordinationSignal> = {}): CoordinationSignal {
  return {
    id: 'sig-1',
    kind: 'technical',
    technique: 'technical-linkage',
    observed: 'on-platform',
    description: 'Shared device fingerprint',
    accounts: ['alpha', 'beta'],
    window: { start: '2024-03-01T10:00:00Z', end: '2024-03-02T10:00:00Z' },
    sources: ['https://example.org/report'],
    strength: 'strong',
    evidenceState: 'sufficient',
    origin: 'manual',
    ...overrides,
  };
}

export function sampleDocument(content: CaseContent = sampleContent(), overrides: Partial<CaseDocument> = {}): CaseDocument {
  return {
    ...content,
    id: 'case-1',
    version: 3,
    status: 'draft',
    createdBy: 'ana',
    createdAt: '2024-03-01T09:00:00Z',
    updatedBy: 'ben',
    updatedAt: '2024-03-05T09:00:00Z',
    editorsSinceReview: ['ana'],
    authors: ['ana'],
    ownerId: 'ana',
    reviewerId: null,
    submission: null,
    contentAtLastReview: null,
    reviews: [],
    designation: null,
    accounts: [],
    enforcementActions: [],
    manipulationProposals: [],
    reapplicationProposals: [],
    autoReapply: null,
    ...overrides,
  };
}
