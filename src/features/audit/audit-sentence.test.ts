// Issue 15 §2: audit events read as sentences in the reader's language, policy terms by their labels,
// built from what the event's changes say; a change of an unexpected shape gives the plain sentence.
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/contract/audit';
import { createI18n } from '../../app/i18n';
import { resources } from '../../app/i18n-resources';
import { fieldPathLabel, formatChangeValue } from '../../components/field-change-list';
import type { Language } from '../../i18n/locale-shape';
import { auditSentence } from './audit-sentence';

const NAMES: Record<string, string> = { rui: 'Rui Takahashi', ana: 'Ana Kovač', sam: 'Samira Haddad' };
const userName = (id: string) => NAMES[id] ?? id;

function sentenceIn(language: Language, event: Partial<AuditEvent>): string {
  const { i18n } = createI18n(language, { resources });
  const t = i18n.getFixedT(language, ['audit', 'policy'] as const);
  const full: AuditEvent = { id: 'e-1', seq: 7, caseId: 'case-1', type: 'case.updated', actorId: 'rui', at: '2026-12-01T10:00:00.000Z', reason: null, changes: [], caseVersion: 3, ...event };
  return auditSentence(full, { t, userName, language });
}

const LIMIT = {
  id: 'action-9', type: 'limit-visibility', target: 'account', targetRef: 'grey_relay_07', basis: 'Amplifies.',
  appliedBy: 'rui', appliedAt: '2026-12-06T10:00:00.000Z', expiresAt: '2027-01-05T10:00:00.000Z', reappliesId: null, endedAt: null, endedReason: null,
};

/** A bulk decision's event (issue 10 §3): how many, from which statuses, how chosen. */
const bulk = (type: 'account.associated' | 'account.rejected', count: number) => ({
  type, changes: [
    { path: 'accounts.count', before: null, after: count },
    { path: 'accounts.statuses', before: { suggested: count }, after: { confirmed: count } },
    { path: 'accounts.selection', before: null, after: { handles: count } },
  ],
});

describe('auditSentence', () => {
  it('says which action on which account until when, in English, Dutch and Turkish', () => {
    const event = { type: 'action.applied' as const, changes: [{ path: 'enforcementActions[action-9]', before: null, after: LIMIT }] };
    expect(sentenceIn('en', event)).toBe('Rui Takahashi applied “Limit visibility” to @grey_relay_07 until Jan 5, 2027');
    expect(sentenceIn('nl', event)).toMatch(/^Rui Takahashi heeft “.+” toegepast op @grey_relay_07 tot 5 jan\.? 2027$/);
    expect(sentenceIn('tr', event)).toMatch(/^Rui Takahashi, @grey_relay_07 için “.+” uyguladı, bitiş: 5 Oca 2027$/);
  });

  it('says when the system re-applied a limit on someone’s import (R15), and a permanent action has no end', () => {
    const automatic = { type: 'action.reapplied' as const, actorId: 'ana', changes: [{ path: 'enforcementActions[action-10]', before: null, after: { ...LIMIT, appliedBy: 'system' } }] };
    expect(sentenceIn('en', automatic)).toBe('The system re-applied “Limit visibility” to @grey_relay_07 until Jan 5, 2027, on Ana Kovač’s import (R15)');
    const permanent = { type: 'action.applied' as const, changes: [{ path: 'enforcementActions[action-11]', before: null, after: { ...LIMIT, type: 'suspend-primary-use', expiresAt: null } }] };
    expect(sentenceIn('en', permanent)).toMatch(/^Rui Takahashi applied “.+” to @grey_relay_07, with no expiry$/);
  });

  it('names the account of an association and the person of an assignment', () => {
    expect(sentenceIn('en', { type: 'account.associated', changes: [{ path: 'accounts[meridian_echo].status', before: 'suggested', after: 'confirmed' }] })).toBe(
      'Rui Takahashi confirmed @meridian_echo as an associated account (R16)',
    );
    expect(sentenceIn('en', { type: 'case.assigned', actorId: 'sam', changes: [{ path: 'reviewerId', before: null, after: 'sam' }] })).toBe('Samira Haddad assigned the review to Samira Haddad');
    expect(sentenceIn('en', { type: 'case.updated', actorId: 'ana', changes: [{ path: 'actor.name', before: 'a', after: 'b' }, { path: 'actor.purpose', before: '', after: 'c' }] })).toBe(
      'Ana Kovač edited the case (2 fields)',
    );
  });

  it('says how many accounts a bulk decision decided (issue 10 §3), in English, Dutch and Turkish', () => {
    expect(sentenceIn('en', bulk('account.associated', 10_000))).toBe('Rui Takahashi confirmed 10000 accounts as associated in one decision (R16)');
    expect(sentenceIn('en', bulk('account.associated', 1))).toBe('Rui Takahashi confirmed 1 account as associated in one decision (R16)');
    expect(sentenceIn('en', bulk('account.rejected', 3))).toBe('Rui Takahashi rejected the association of 3 accounts in one decision (R16)');
    expect(sentenceIn('nl', bulk('account.associated', 3))).toBe('Rui Takahashi heeft 3 accounts in één besluit als gekoppeld bevestigd (R16)');
    expect(sentenceIn('tr', bulk('account.rejected', 3))).toBe('Rui Takahashi, 3 hesabın ilişkisini tek kararla reddetti (R16)');
  });

  it('falls back to the plain sentence of its type when a change is not what it expects', () => {
    expect(sentenceIn('en', { type: 'action.applied', changes: [{ path: 'enforcementActions[x]', before: null, after: { type: 'not-an-action' } }] })).toBe(
      'Rui Takahashi applied an enforcement action',
    );
    expect(sentenceIn('en', { type: 'account.rejected', changes: [] })).toBe('Rui Takahashi ended an account’s association (R16)');
  });

  it('has a sentence for every event type in every language (no raw key)', () => {
    for (const language of ['en', 'nl', 'tr'] as const) {
      for (const type of Object.keys(resources.en.audit.type)) {
        const sentence = sentenceIn(language, { type: type as AuditEvent['type'] });
        expect(sentence, `${language} ${type}`).toMatch(/Rui Takahashi|The system|Het systeem|Sistem/);
        expect(sentence, `${language} ${type}`).not.toMatch(/sentence\.|\{\{/);
      }
    }
  });
});

describe('fieldPathLabel', () => {
  const { i18n } = createI18n('en', { resources });
  const t = i18n.getFixedT('en', ['fieldChange', 'policy'] as const);
  const label = (path: string) => fieldPathLabel(path, t, (key) => i18n.exists(key));

  it('reads a change’s path in words, items by their id or handle', () => {
    expect(label('harm.informational.severity')).toBe('Harm › informational › severity');
    expect(label('signals[sig-12].evidenceState')).toBe('Signal sig-12 › evidence state');
    expect(label('accounts[grey.relay_07]')).toBe('Account @grey.relay_07');
    expect(label('signals.$order')).toBe('Signal › order');
    expect(label('someNewField')).toBe('someNewField');
  });

  it('reads an added item as its fields in words, policy terms by their labels, not as JSON', () => {
    const text = formatChangeValue('enforcementActions[action-9]', LIMIT, t, 'en', (key) => i18n.exists(key));
    expect(text).toMatch(/^type: Limit visibility; kind of target: Account; target: grey_relay_07; basis: Amplifies\.; /);
    expect(text).toContain('expires: Jan 5, 2027');
    expect(text).not.toMatch(/[{}"]|limit-visibility|action-9/);
  });

  it('reads a signal’s activity timeline by its extent, not its thousands of marks (issue 16 §1)', () => {
    const activity = { start: '2026-11-01T10:00:00.000Z', end: '2026-11-01T12:00:00.000Z', binSeconds: 60, counts: [3, 4], bursts: [], lanes: [{ account: 'a1', posts: 40, marks: [[0, 4]] }, { account: 'a2', posts: 2, marks: [] }] };
    const signal = { id: 'sig-1', kind: 'technical', description: 'Detected', activity, sharedTexts: ['share this before they delete it, the council lies'] };
    const text = formatChangeValue('signals[sig-1]', signal, t, 'en', (key) => i18n.exists(key));
    expect(text).toContain('activity timeline: 2 accounts, 42 posts, from Nov 1, 2026');
    expect(text).toContain('texts posted alike: share this before they delete it');
    expect(text).not.toMatch(/lanes|marks|\[\[/);
  });

    it('reads a decision by its words and people by their names', () => {
    const review = { decision: 'approve', decidedBy: 'sam', decidedAt: '2026-08-29T02:49:00.000Z', rationale: 'Meets the threshold.' };
    const text = formatChangeValue('reviews.0', review, t, 'en', (key) => i18n.exists(key), (id) => (id === 'sam' ? 'Samira Haddad' : id));
    expect(text).toMatch(/^decision: approved; decided by: Samira Haddad; decided on: Aug 2[89], 2026, [^;]+; rationale: Meets the threshold\.$/);
  });
});
