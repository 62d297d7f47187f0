// Model-based property test (fast-check): random sequences of create / edit / submit / approve /
// return / reject / review / account / apply / re-apply / role change / clock moves by random users.
// The model tracks, independently of the backend, who submitted and who edited each case since its
// last review, and how many writes succeeded. After every command:
//   - nobody has approved (or otherwise decided) work they submitted or edited since the last review;
//   - no audit event is lost or changed: seq strictly increasing, earlier events unchanged, and one
//     write (case, version) per successful write, nothing for a refused one.
import * as fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../api/contract/audit';
import type { CaseContent, CaseDocument } from '../api/contract/case';
import type { EndpointName } from '../api/contract/endpoints';
import type { BackendResponse } from './backend';
import { createTestBackend, NEW_CASE, notRecommendedContent, recommendedContent, type CallOptions, type TestBackend } from './backend-test-kit';

const USERS = ['ana', 'ben', 'kim', 'rui', 'sam'] as const;
type UserId = (typeof USERS)[number];

/** Commands run outside the test body (fast-check calls them), so they fail by throwing. */
function invariant(condition: boolean, message: string, detail?: unknown): asserts condition {
  if (!condition) throw new Error(`${message}${detail === undefined ? '' : `: ${JSON.stringify(detail)}`}`);
}

interface CaseModel {
  submitter: string | null;
  /** R18: who created, edited or submitted the case at any time. */
  authors: Set<string>;
}

interface Model {
  cases: Map<string, CaseModel>;
  writes: number;
}

/** How often each outcome happened across all runs, so the test proves it exercised the rules. */
const coverage = new Map<string, number>();
const count = (key: string) => coverage.set(key, (coverage.get(key) ?? 0) + 1);

interface Real {
  kit: TestBackend;
  caseIds: string[];
  /** The trail as last seen, to prove earlier events never change. */
  seen: AuditEvent[];
}

const VARIANTS = {
  recommended: recommendedContent,
  notRecommended: notRecommendedContent,
  /** Fails submission: R12 question missing. */
  incomplete: (): CaseContent => ({ ...recommendedContent(), questions: { ...recommendedContent().questions, risksOfApplying: '' } }),
};
type Variant = keyof typeof VARIANTS;

abstract class BackendCommand implements fc.AsyncCommand<Model, Real> {
  constructor(readonly user: UserId, readonly caseIndex: number) {}
  abstract readonly label: string;
  check(): boolean {
    return true;
  }
  toString(): string {
    return `${this.label}(${this.user}, #${this.caseIndex})`;
  }

  /** The case this command targets, with its current version (so not every write is simply stale). */
  protected async target(real: Real): Promise<CaseDocument | null> {
    if (real.caseIds.length === 0) return null;
    const caseId = real.caseIds[this.caseIndex % real.caseIds.length] ?? '';
    const response = await real.kit.call('getCase', { user: 'rui', params: { caseId } });
    return response.body as CaseDocument;
  }

  /** Sends one write, then checks the four-eyes and audit invariants against the model. */
  protected async write(model: Model, real: Real, name: EndpointName, doc: CaseDocument | null, options: CallOptions): Promise<BackendResponse> {
    const caseModel = doc ? model.cases.get(doc.id) : undefined;
    const response = await real.kit.call(name, { ...options, user: this.user });
    const ok = response.status < 300;
    const fourEyes = response.status === 403 && String((response.body as { message?: unknown }).message).includes('Four eyes');
    count(fourEyes ? `${name}:four-eyes` : `${name}:${response.status}`);
    if (ok) {
      model.writes += 1;
      const written = response.body as CaseDocument;
      if (name === 'decideCase' && caseModel) {
        // R18 four eyes, against the model's own record of who did what.
        invariant(caseModel.submitter !== this.user, `four eyes: ${this.user} decided a case they submitted`);
        invariant(!caseModel.authors.has(this.user), `four eyes: ${this.user} decided a case they created or edited at some point`);
      }
      this.updateModel(model, written, name);
    }
    await checkTrail(model, real, ok ? (response.body as CaseDocument) : null);
    return response;
  }

  private updateModel(model: Model, written: CaseDocument, name: EndpointName): void {
    const entry = model.cases.get(written.id) ?? { submitter: null, authors: new Set<string>() };
    model.cases.set(written.id, entry);
    if (name === 'createCase' || name === 'updateCase' || name === 'submitCase') entry.authors.add(this.user);
    if (name === 'submitCase') entry.submitter = this.user;
  }

  abstract run(model: Model, real: Real): Promise<void>;
}

async function checkTrail(model: Model, real: Real, written: CaseDocument | null): Promise<void> {
  const trail = await real.kit.storage.listAudit();
  const seqs = trail.map((event) => event.seq);
  invariant(seqs.every((seq, i) => i === 0 || seq > (seqs[i - 1] ?? 0)), 'audit seq not strictly increasing', seqs);
  invariant(isDeepStrictEqual(trail.slice(0, real.seen.length), real.seen), 'an earlier audit event changed or vanished');
  const fresh = trail.slice(real.seen.length);
  if (written) {
    invariant(fresh.length > 0, 'a successful write left no audit event');
    invariant(
      fresh.every((event) => event.caseId === written.id && event.caseVersion === written.version),
      'new events do not belong to the write', fresh,
    );
  } else {
    invariant(fresh.length === 0, 'a refused write left audit events', fresh);
  }
  const distinctWrites = new Set(trail.map((event) => `${event.caseId}@${event.caseVersion}`));
  invariant(distinctWrites.size === model.writes, `audited writes ${distinctWrites.size} != successful writes ${model.writes}`);
  real.seen = trail;
}

class Create extends BackendCommand {
  readonly label = 'create';
  async run(model: Model, real: Real): Promise<void> {
    const response = await this.write(model, real, 'createCase', null, { body: NEW_CASE });
    if (response.status === 201) real.caseIds.push((response.body as CaseDocument).id);
  }
}

class Edit extends BackendCommand {
  readonly label = 'edit';
  constructor(user: UserId, caseIndex: number, readonly variant: Variant) {
    super(user, caseIndex);
  }
  override toString(): string {
    return `edit(${this.user}, #${this.caseIndex}, ${this.variant})`;
  }
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (doc) await this.write(model, real, 'updateCase', doc, { params: { caseId: doc.id }, ifMatch: doc.version, body: VARIANTS[this.variant]() });
  }
}

class Submit extends BackendCommand {
  readonly label = 'submit';
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (doc) await this.write(model, real, 'submitCase', doc, { params: { caseId: doc.id }, ifMatch: doc.version, body: {} });
  }
}

class Decide extends BackendCommand {
  readonly label = 'decide';
  constructor(user: UserId, caseIndex: number, readonly decision: 'approve' | 'return' | 'reject', readonly override: boolean) {
    super(user, caseIndex);
  }
  override toString(): string {
    return `${this.decision}(${this.user}, #${this.caseIndex}${this.override ? ', override' : ''})`;
  }
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (!doc) return;
    await this.write(model, real, 'decideCase', doc, {
      params: { caseId: doc.id }, ifMatch: doc.version,
      body: { decision: this.decision, rationale: 'Because.', overrideJustification: this.override ? 'Justified.' : null },
    });
  }
}

class Review extends BackendCommand {
  readonly label = 'review';
  constructor(user: UserId, caseIndex: number, readonly outcome: 'maintain' | 'modify' | 'withdraw') {
    super(user, caseIndex);
  }
  override toString(): string {
    return `${this.outcome}(${this.user}, #${this.caseIndex})`;
  }
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (doc) {
      await this.write(model, real, 'periodicReview', doc, {
        params: { caseId: doc.id }, ifMatch: doc.version, body: { outcome: this.outcome, rationale: 'Periodic.' },
      });
    }
  }
}

class ConfirmAccount extends BackendCommand {
  readonly label = 'confirm';
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (doc) {
      await this.write(model, real, 'decideAccount', doc, {
        params: { caseId: doc.id }, ifMatch: doc.version, body: { handle: 'harbor_one', status: 'confirmed', basis: ['signals'] },
      });
    }
  }
}

class Apply extends BackendCommand {
  readonly label = 'apply';
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (doc) {
      await this.write(model, real, 'applyAction', doc, {
        params: { caseId: doc.id }, ifMatch: doc.version,
        body: { type: 'limit-visibility', target: 'account', targetRef: 'harbor_one', basis: 'Amplifies.' },
      });
    }
  }
}

class Reapply extends BackendCommand {
  readonly label = 'reapply';
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    const action = doc?.enforcementActions[this.caseIndex % Math.max(1, doc.enforcementActions.length)];
    if (doc && action) {
      await this.write(model, real, 'reapplyAction', doc, {
        params: { caseId: doc.id, actionId: action.id }, ifMatch: doc.version, body: { justification: 'Continues.' },
      });
    }
  }
}

/** A write based on an old version: must be refused, and leave no event. */
class StaleEdit extends BackendCommand {
  readonly label = 'staleEdit';
  async run(model: Model, real: Real): Promise<void> {
    const doc = await this.target(real);
    if (doc && doc.version > 1) {
      const response = await this.write(model, real, 'updateCase', doc, {
        params: { caseId: doc.id }, ifMatch: doc.version - 1, body: recommendedContent(),
      });
      invariant(response.status !== 200, 'a stale write was accepted');
    }
  }
}

/** Kim switches between analyst and reviewer: the way someone could try to approve their own work. */
class ToggleKim implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true;
  }
  async run(_model: Model, real: Real): Promise<void> {
    const kim = real.kit.users.find((user) => user.id === 'kim');
    if (kim) kim.roles = kim.roles.includes('analyst') ? ['reviewer'] : ['analyst'];
  }
  toString(): string {
    return 'toggleKim';
  }
}

class AdvanceClock implements fc.AsyncCommand<Model, Real> {
  constructor(readonly days: number) {}
  check(): boolean {
    return true;
  }
  async run(_model: Model, real: Real): Promise<void> {
    real.kit.clock.advanceDays(this.days);
  }
  toString(): string {
    return `advance(${this.days}d)`;
  }
}

const anyUser = fc.constantFrom(...USERS);
// Mostly the right role for the command (so the lifecycle moves on), sometimes not (so refusals are
// exercised), and often kim, who switches roles and is the one who could review her own work.
const analystUser = fc.constantFrom<UserId>('ana', 'ben', 'kim', 'kim', 'rui');
const reviewerUser = fc.constantFrom<UserId>('rui', 'sam', 'kim', 'kim', 'ben');
// Few cases, so commands pile up on the same ones and reach the later lifecycle states.
const index = fc.nat({ max: 2 });
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const command = fc.oneof(
  weighted(1, fc.tuple(analystUser, index).map(([u, i]): fc.AsyncCommand<Model, Real> => new Create(u, i))),
  weighted(3, fc.tuple(analystUser, index, fc.constantFrom<Variant>('recommended', 'recommended', 'notRecommended', 'incomplete')).map(([u, i, v]) => new Edit(u, i, v))),
  weighted(3, fc.tuple(analystUser, index).map(([u, i]) => new Submit(u, i))),
  weighted(4, fc.tuple(reviewerUser, index, fc.constantFrom('approve', 'approve', 'return', 'reject' as const), fc.boolean()).map(([u, i, d, o]) => new Decide(u, i, d, o))),
  weighted(2, fc.tuple(reviewerUser, index, fc.constantFrom('maintain', 'modify', 'withdraw' as const)).map(([u, i, o]) => new Review(u, i, o))),
  weighted(2, fc.tuple(anyUser, index).map(([u, i]) => new ConfirmAccount(u, i))),
  weighted(2, fc.tuple(reviewerUser, index).map(([u, i]) => new Apply(u, i))),
  weighted(2, fc.tuple(reviewerUser, index).map(([u, i]) => new Reapply(u, i))),
  weighted(1, fc.tuple(analystUser, index).map(([u, i]) => new StaleEdit(u, i))),
  weighted(2, fc.constant(new ToggleKim())),
  weighted(1, fc.integer({ min: 1, max: 40 }).map((days) => new AdvanceClock(days))),
);

describe('backend model (fast-check)', () => {
  it('never lets anyone decide their own work and never loses or changes an audit event', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands([command], { maxCommands: 60, size: 'max' }), async (sequence) => {
        await fc.asyncModelRun(async () => {
          const kit = createTestBackend();
          kit.users.push({ id: 'kim', name: 'Kim Larsen', roles: ['analyst'] });
          const model: Model = { cases: new Map(), writes: 0 };
          const real: Real = { kit, caseIds: [], seen: [] };
          // Two cases to start with, so most commands act on something from the first step on:
          // ana's draft, and kim's case already in review (kim may become a reviewer later).
          for (const owner of ['ana', 'kim'] as const) {
            await new Create(owner, 0).run(model, real);
            await new Edit(owner, real.caseIds.length - 1, 'recommended').run(model, real);
          }
          await new Submit('kim', 1).run(model, real);
          return { model, real };
        }, sequence);
      }),
      { numRuns: 60 },
    );
    // The runs did reach the interesting places: decisions made, and four-eyes refusals.
    expect(coverage.get('decideCase:200') ?? 0).toBeGreaterThan(0);
    expect(coverage.get('decideCase:four-eyes') ?? 0).toBeGreaterThan(0);
  });
});
