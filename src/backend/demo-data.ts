// The demo database: six invented actors in different lifecycle states. It is built by replaying a
// scripted history through the rules module itself (with a clock that walks back in time), so every
// seeded case, verdict and audit event is one the backend could have produced, and stays so when a
// rule changes. All names, handles and links are fictional.
import type { CaseContent, CoordinationSignal, HarmAssessment, HarmEvidenceItem } from '../api/contract/case';
import { addDaysUtc } from '../engine/schedule';
import { createBackend, type BackendResponse } from './backend';
import type { EvaluateCase, IdKind } from './case-rules';
import { createMemoryStorage } from './memory-storage';
import { EMPTY_SEED, type StorageSeed } from './storage';

/** Stable ids of the seeded cases, for tests, e2e journeys and the README. */
export const DEMO_CASE_IDS = {
  /** Draft campaign, partly filled in. */
  draftCampaign: 'case-tidewater-pledge',
  /** Group in review with strong evidence: the engine recommends it. */
  inReviewGroup: 'case-copper-lantern',
  /** Designated movement: confirmed accounts, active actions and one expired visibility limit. */
  designatedMovement: 'case-grey-meridian',
  /** Rejected campaign: coordination never established. */
  rejectedCampaign: 'case-northgate-relay',
  /** Awareness campaign (R9 context) in draft, no established harm. */
  awarenessDraft: 'case-clearwater-week',
  /** Designated group whose periodic review is overdue (R17). */
  reviewDueGroup: 'case-ashfall-syndicate',
} as const;

/** The expired visibility limit on the designated movement, ready to be re-applied (R15). */
export const DEMO_EXPIRED_ACTION_ID = 'action-grey-relay-visibility';

export interface DemoSeedOptions {
  /** The instant the demo is seeded at; the history lies before it. */
  now: string;
  evaluate: EvaluateCase;
}

const day = (now: string, offset: number) => addDaysUtc(now, offset);
const date = (now: string, offset: number) => day(now, offset).slice(0, 10);

/** A copy-pasta both Grey Meridian and Tidewater hold (issue 16 §4, the text pivot of the demo). */
const GREY_MERIDIAN_LIST_TEXT = 'Tonight’s list is up. Every account on it gets a reply before midnight, no exceptions.';

function evidence(id: string, description: string, extra: Partial<HarmEvidenceItem> = {}): HarmEvidenceItem {
  return {
    id,
    description,
    observed: 'on-platform',
    date: null,
    source: 'Trust & Safety investigation notes',
    link: `https://example.org/evidence/${id}`,
    credibleSource: true,
    ...extra,
  };
}

/** A category rated at `severity` with a rubric that agrees with it (R6: no justification needed). */
function harm(severity: HarmAssessment['severity'], extra: Partial<HarmAssessment> = {}): HarmAssessment {
  const level = severity === null || severity === 'none' ? null : severity;
  return {
    policyAreas: [],
    evidence: [],
    rubric: { magnitude: level, sources: level, likelihood: level },
    severity,
    justification: '',
    ...extra,
  };
}

function signal(id: string, extra: Partial<CoordinationSignal> & Pick<CoordinationSignal, 'kind' | 'technique'>): CoordinationSignal {
  return {
    id,
    observed: 'on-platform',
    description: '',
    accounts: [],
    window: { start: null, end: null },
    sources: [],
    strength: 'moderate',
    evidenceState: 'unverified',
    origin: 'manual',
    ...extra,
  };
}

type Content = Omit<CaseContent, 'settings'> & { settings?: CaseContent['settings'] };

function content(value: Content): CaseContent {
  return { settings: { visibilityLimitDays: 30, reviewIntervalDays: 90 }, ...value };
}

// ---------------------------------------------------------------------------------------------

function greyMeridian(now: string): CaseContent {
  return content({
    actor: {
      kind: 'movement',
      name: 'Grey Meridian',
      aliases: ['GM Network', 'Meridian Watch'],
      purpose: 'A loose movement that names public-health workers as "collaborators" and organises crowds to confront them at home.',
      geographies: ['Norland (fictional)', 'Eastmarch (fictional)'],
      languages: ['en', 'de'],
      hashtags: ['#GreyMeridian', '#MeridianRising'],
      keywords: ['collaborator list', 'meridian visit'],
      trendTerms: ['GreyMeridianRising'],
      activismContext: false,
    },
    questions: {
      identifiableGroup: 'Yes: a movement with a shared purpose, a common name and symbols, and recurring organisers across three cities.',
      coordinatedActivity: 'Organisers post target lists in a messaging channel; dozens of accounts then reply to the named person within minutes. Several accounts are run by one operator.',
      harmAcrossCategories: 'Physical: two documented home visits with threats. Psychological: sustained dogpiling of named workers. Informational: manipulated clips presented as confessions.',
      risksOfApplying: 'Some members post legitimate criticism of health policy; actions target confirmed accounts only, never the topic.',
    },
    rightsRiskAssessment: 'Criticism of public-health policy is protected speech and stays untouched. The designation rests on the targeting of individuals, and each account is confirmed by a person before any action.',
    harm: {
      physical: harm('high', {
        policyAreas: ['violence', 'abuse-harassment'],
        evidence: [
          evidence('ev-gm-visit-1', 'Crowd gathered outside a nurse\'s home after her address was posted; police report filed.', { date: date(now, -80), source: 'Local news (fictional Norland Courier)', link: 'https://example.org/norland-courier/visit' }),
          evidence('ev-gm-visit-2', 'Second home visit announced with a countdown post and a map.', { date: date(now, -72) }),
        ],
      }),
      psychological: harm('high', {
        policyAreas: ['abuse-harassment', 'private-information'],
        evidence: [evidence('ev-gm-dogpile', 'Over 400 abusive replies to one clinic worker within two hours of a target-list post.', { date: date(now, -75) })],
      }),
      informational: harm('moderate', {
        policyAreas: ['synthetic-manipulated-media'],
        evidence: [evidence('ev-gm-clip', 'Edited interview clip presented as a confession; original footage available.', { date: date(now, -70), credibleSource: false, source: 'Reported by users' })],
      }),
    },
    signals: [
      signal('sig-gm-operator', {
        kind: 'technical', technique: 'multiple-accounts-same-message', strength: 'strong', evidenceState: 'sufficient',
        description: 'Five accounts share a device fingerprint and post identical target-list messages seconds apart.',
        accounts: ['meridian_signal', 'grey_relay_07', 'meridian_echo', 'northfield_ops', 'meridian_archive'],
        window: { start: day(now, -82), end: day(now, -70) },
        sharedTexts: [GREY_MERIDIAN_LIST_TEXT],
        sources: ['https://example.org/internal/linkage-report-gm'],
      }),
      signal('sig-gm-dogpile', {
        kind: 'social', technique: 'incitement-dogpiling', observed: 'off-platform', strength: 'strong', evidenceState: 'sufficient',
        description: 'Messaging channel posts "visit" instructions with a handle; replies spike within minutes.',
        accounts: ['meridian_signal', 'civic_watch_hub'],
        window: { start: day(now, -80), end: day(now, -66) },
        sources: ['https://example.org/channel-export-gm'],
      }),
    ],
  });
}

function copperLantern(now: string): CaseContent {
  return content({
    actor: {
      kind: 'group',
      name: 'Copper Lantern Collective',
      aliases: ['CLC', 'The Lanterns'],
      purpose: 'A closed group that coordinates harassment of election volunteers and spreads fabricated ballot-tampering claims.',
      geographies: ['Westvale (fictional)'],
      languages: ['en'],
      hashtags: ['#LightTheLantern'],
      keywords: ['lantern list'],
      trendTerms: ['LightTheLantern'],
      activismContext: false,
    },
    questions: {
      identifiableGroup: 'Yes: a named group with membership vetting, a shared goal and a recurring set of organisers.',
      coordinatedActivity: 'Bulk-posting tools push identical claims from 40 accounts; members are told in a forum whom to reply to.',
      harmAcrossCategories: 'Physical: threats against named volunteers. Psychological: doxxing of volunteers. Informational: fabricated ballot-tampering claims.',
      risksOfApplying: 'Election debate is sensitive; only confirmed accounts are acted on and the claims themselves are fact-checked rather than removed.',
    },
    rightsRiskAssessment: 'Political speech about elections carries high protection. The proposal rests on threats and doxxing, not on the opinions expressed.',
    harm: {
      physical: harm('high', {
        policyAreas: ['violence'],
        evidence: [evidence('ev-cl-threat', 'Explicit threats naming two volunteers and their polling station.', { date: date(now, -24) })],
      }),
      psychological: harm('moderate', {
        policyAreas: ['private-information'],
        evidence: [evidence('ev-cl-dox', 'Spreadsheet of volunteers\' home addresses shared in replies.', { date: date(now, -22) })],
      }),
      informational: harm('high', {
        policyAreas: ['civic-integrity'],
        evidence: [evidence('ev-cl-claims', 'Fabricated ballot-tampering claims reached 1.2 M impressions.', { date: date(now, -21), source: 'Fact-check (fictional Westvale Verify)' })],
      }),
    },
    signals: [
      signal('sig-cl-bulk', {
        kind: 'technical', technique: 'automation-bulk-posting', strength: 'strong', evidenceState: 'sufficient',
        description: 'Forty accounts post identical text through the same scheduling tool.',
        accounts: ['lantern_bearer', 'copper_wick', 'lantern_list_bot'],
        window: { start: day(now, -25), end: day(now, -19) },
        sources: ['https://example.org/internal/bulk-report-cl'],
      }),
      signal('sig-cl-forum', {
        kind: 'social', technique: 'organised-messaging-campaign', observed: 'off-platform', strength: 'moderate', evidenceState: 'corroborated',
        description: 'Forum threads assign reply targets each evening.',
        accounts: ['copper_wick'],
        sources: ['https://example.org/forum-archive-cl'],
      }),
    ],
  });
}

function northgateRelay(now: string): CaseContent {
  return content({
    actor: {
      kind: 'campaign',
      name: 'Northgate Relay',
      aliases: [],
      purpose: 'A one-time campaign pushing a rumour that the Northgate bridge closure was staged.',
      geographies: ['Northgate (fictional)'],
      languages: ['en'],
      hashtags: ['#NorthgateTruth'],
      keywords: [],
      trendTerms: [],
      activismContext: false,
    },
    questions: {
      identifiableGroup: 'A campaign with a clear goal, but no stable organisers were identified.',
      coordinatedActivity: 'Similar posts appeared within a day, but no shared tooling or organising channel was found.',
      harmAcrossCategories: 'Informational only: a misleading claim about a bridge closure; no threats or targeting.',
      risksOfApplying: 'Local residents discussing a real closure could be caught up in enforcement.',
    },
    rightsRiskAssessment: 'High risk of chilling local civic discussion; the evidence does not show coordination.',
    harm: {
      physical: harm('none'),
      psychological: harm('none'),
      informational: harm('low', {
        policyAreas: ['civic-integrity'],
        evidence: [evidence('ev-ng-rumour', 'Rumour posts with limited reach (about 8 k impressions).', { date: date(now, -47) })],
      }),
    },
    signals: [
      signal('sig-ng-timing', {
        kind: 'social', technique: 'synchronised-posting', strength: 'weak', evidenceState: 'unverified',
        description: 'Posts cluster within one evening; could be organic after a local news story.',
        accounts: ['ng_commuter', 'bridge_watcher_9'],
        window: { start: day(now, -48), end: day(now, -47) },
      }),
    ],
  });
}

function tidewaterPledge(now: string): CaseContent {
  return content({
    actor: {
      kind: 'campaign',
      name: 'Tidewater Pledge Push',
      aliases: ['#TidePledge'],
      purpose: 'A campaign to flood a ferry operator\'s replies with a fabricated safety pledge attributed to its staff.',
      geographies: ['Tidewater Coast (fictional)'],
      languages: ['en'],
      hashtags: ['#TidePledge', '#FerryTruth'],
      keywords: ['pledge screenshot'],
      trendTerms: [],
      activismContext: false,
    },
    questions: {
      identifiableGroup: 'A one-time campaign with a clear goal: pressure the ferry operator through a fabricated pledge.',
      coordinatedActivity: 'Copy-paste replies seen from about 20 accounts; still checking whether they share an operator.',
      harmAcrossCategories: '',
      risksOfApplying: '',
    },
    rightsRiskAssessment: '',
    harm: {
      physical: harm(null),
      psychological: harm(null),
      informational: {
        policyAreas: ['synthetic-manipulated-media'],
        evidence: [evidence('ev-tw-pledge', 'Fabricated screenshot of a staff pledge, reposted 300 times.', { date: date(now, -4) })],
        rubric: { magnitude: 'moderate', sources: 'low', likelihood: null },
        severity: null,
        justification: '',
      },
    },
    signals: [
      signal('sig-tw-copy', {
        kind: 'technical', technique: 'copy-paste-amplification', strength: 'moderate', evidenceState: 'unverified', origin: 'detected',
        description: 'Identical replies with the same typo from accounts created the same week, and from @meridian_echo of the Grey Meridian network.',
        // @meridian_echo is also in Grey Meridian's signals: the demo's cross-case pivot (issue 16 §4).
        accounts: ['tide_pledger', 'ferry_truth_22', 'coastline_voice', 'meridian_echo'],
        // The same target-list text as Grey Meridian's operators: the text pivot of the demo.
        sharedTexts: ['The pledge is a lie, the ferry company payed them off. Ask them why before the vote.', GREY_MERIDIAN_LIST_TEXT],
        window: { start: day(now, -5), end: day(now, -3) },
      }),
    ],
  });
}

function clearwaterWeek(now: string): CaseContent {
  return content({
    actor: {
      kind: 'campaign',
      name: 'Clearwater Rivers Awareness Week',
      aliases: ['Clearwater Week'],
      purpose: 'Environmental groups coordinate posts to draw attention to river pollution by a (fictional) chemical plant.',
      geographies: ['Clearwater Valley (fictional)'],
      languages: ['en', 'fr'],
      hashtags: ['#ClearwaterWeek'],
      keywords: ['river sample'],
      trendTerms: ['ClearwaterWeek'],
      activismContext: true,
    },
    questions: {
      identifiableGroup: 'A one-time awareness campaign run by named environmental organisations.',
      coordinatedActivity: 'Partner organisations agreed on a posting schedule; this is social coordination in the open.',
      harmAcrossCategories: 'No harm found so far: posts share water-sample results and petition links.',
      risksOfApplying: 'Acting on an awareness campaign would chill environmental advocacy (R9).',
    },
    rightsRiskAssessment: 'Advocacy and speaking truth to power: the framework is unlikely to apply unless harm is established.',
    harm: {
      physical: harm('none'),
      psychological: harm('none'),
      informational: harm('low', {
        policyAreas: ['civic-integrity'],
        evidence: [evidence('ev-cw-sample', 'One post overstated a sample result; corrected by the author the same day.', { date: date(now, -7) })],
      }),
    },
    signals: [
      signal('sig-cw-schedule', {
        kind: 'social', technique: 'synchronised-posting', observed: 'off-platform', strength: 'moderate', evidenceState: 'corroborated',
        description: 'A public posting calendar shared by partner organisations.',
        accounts: ['clearwater_alliance', 'valley_rivers_fr'],
        window: { start: day(now, -8), end: day(now, -6) },
        sources: ['https://example.org/clearwater-week-calendar'],
      }),
    ],
  });
}

function ashfallSyndicate(now: string): CaseContent {
  return content({
    actor: {
      kind: 'group',
      name: 'Ashfall Syndicate',
      aliases: ['Ashfall'],
      purpose: 'A group selling fake engagement to push self-harm challenge content to teenagers.',
      geographies: ['Southmere (fictional)'],
      languages: ['en', 'es'],
      hashtags: ['#AshfallChallenge'],
      keywords: ['ash challenge'],
      trendTerms: ['AshfallChallenge'],
      activismContext: false,
    },
    questions: {
      identifiableGroup: 'Yes: a group with a storefront, a name and paying customers.',
      coordinatedActivity: 'Purchased likes and reposts from a pool of automated accounts push challenge posts into trends.',
      harmAcrossCategories: 'Physical: self-harm challenge content aimed at minors. Informational: manipulated trends.',
      risksOfApplying: 'Low: the group\'s activity is commercial engagement selling, not expression.',
    },
    rightsRiskAssessment: 'No credible speech interest in the coordinated promotion; recovery resources remain visible.',
    harm: {
      physical: harm('high', {
        policyAreas: ['suicide-self-harm'],
        evidence: [evidence('ev-as-challenge', 'Challenge posts with instructions, boosted to the top of a trend.', { date: date(now, -140) })],
      }),
      psychological: harm('moderate', {
        policyAreas: ['suicide-self-harm'],
        evidence: [evidence('ev-as-pressure', 'Replies pressuring named teenagers to "finish the challenge".', { date: date(now, -138) })],
      }),
      informational: harm('moderate', {
        policyAreas: ['platform-manipulation-spam'],
        evidence: [evidence('ev-as-trend', 'Trend inflated by purchased engagement.', { date: date(now, -139) })],
      }),
    },
    signals: [
      signal('sig-as-engagement', {
        kind: 'technical', technique: 'fake-engagement', strength: 'strong', evidenceState: 'sufficient',
        description: 'A pool of 300 automated accounts likes and reposts the same posts on order.',
        accounts: ['ashfall_store', 'ember_boost_01'],
        window: { start: day(now, -142), end: day(now, -136) },
        sources: ['https://example.org/internal/engagement-report-as'],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------

/** Builds the demo seed by replaying the history below through a private backend instance. */
export async function buildDemoSeed(options: DemoSeedOptions): Promise<StorageSeed> {
  const { now } = options;
  const storage = createMemoryStorage();
  let clock = now;
  const caseIds: string[] = [];
  const counters: Record<IdKind, number> = { case: 0, event: 0, action: 0, request: 0, proposal: 0 };
  const actionIds: string[] = [];
  const backend = createBackend({
    storage,
    now: () => clock,
    evaluate: options.evaluate,
    seed: async () => EMPTY_SEED,
    newId: (kind) => {
      counters[kind] += 1;
      const named = kind === 'case' ? caseIds.shift() : kind === 'action' ? actionIds.shift() : undefined;
      return named ?? `seed-${kind}-${String(counters[kind]).padStart(3, '0')}`;
    },
  });

  const versions = new Map<string, number>();

  async function call(at: number, userId: string, method: string, path: string, body?: unknown): Promise<BackendResponse> {
    clock = day(now, at);
    const caseId = path.split('/')[3] ?? '';
    const version = versions.get(caseId);
    const headers: Record<string, string> = {};
    if (version !== undefined) headers['if-match'] = `"${version}"`;
    const response = await backend.handle({ method, path, query: {}, headers, userId, body });
    if (response.status >= 400) {
      throw new Error(`demo seed step failed: ${method} ${path} -> ${response.status} ${JSON.stringify(response.body)}`);
    }
    const etag = response.headers.ETag;
    const id = (response.body as { id?: string }).id;
    if (etag && id) versions.set(id, Number(etag.replaceAll('"', '')));
    return response;
  }

  // Steps are collected per case, then run in time order, so the trail's `seq` follows its `at`.
  const steps: { at: number; run: () => Promise<unknown> }[] = [];
  const step = (at: number, userId: string, method: string, path: string, body?: unknown) =>
    steps.push({ at, run: () => call(at, userId, method, path, body) });

  function create(at: number, userId: string, id: string, value: CaseContent): void {
    const { kind, name, purpose, activismContext, aliases, geographies, languages } = value.actor;
    steps.push({
      at,
      run: () => {
        caseIds.push(id);
        return call(at, userId, 'POST', '/api/cases', { actor: { kind, name, purpose, activismContext, aliases, geographies, languages } });
      },
    });
    step(at + 0.05, userId, 'PUT', `/api/cases/${id}`, value);
  }

  /** Approves, adding an override justification only if the engine does not recommend (R8). */
  function approve(at: number, userId: string, id: string, rationale: string): void {
    steps.push({
      at,
      run: async () => {
        const current = await storage.getCase(id);
        const recommended = current?.submission?.verdict.outcome === 'recommended';
        return call(at, userId, 'POST', `/api/cases/${id}/decision`, {
          decision: 'approve',
          rationale,
          overrideJustification: recommended ? null : 'Seeded history: approved on the evidence recorded at the time.',
        });
      },
    });
  }

  /** Applies an action under a fixed id, so demos and tests can point at it. */
  function act(at: number, userId: string, caseId: string, actionId: string, body: unknown): void {
    steps.push({
      at,
      run: () => {
        actionIds.push(actionId);
        return call(at, userId, 'POST', `/api/cases/${caseId}/actions`, body);
      },
    });
  }

  const ids = DEMO_CASE_IDS;
  const gm = ids.designatedMovement;

  // Ashfall Syndicate: designated 100 days ago with a 90-day interval, so its review is overdue.
  create(-130, 'ben', ids.reviewDueGroup, ashfallSyndicate(now));
  step(-121, 'ben', 'POST', `/api/cases/${ids.reviewDueGroup}/submit`, { note: 'Engagement report attached.' });
  approve(-100, 'sam', ids.reviewDueGroup, 'Fake engagement pushing self-harm content to minors: physical harm is high and coordination is established.');
  step(-99, 'sam', 'POST', `/api/cases/${ids.reviewDueGroup}/accounts`, {
    handle: 'ashfall_store', status: 'confirmed', basis: ['signals', 'profile-information'], note: 'Storefront account named in the engagement report.', primaryUseFinding: true,
  });
  step(-99, 'sam', 'POST', `/api/cases/${ids.reviewDueGroup}/actions`, {
    type: 'suspend-primary-use', target: 'account', targetRef: 'ashfall_store', basis: 'Primary use is selling the engagement that propagates the challenge.',
  });

  // Grey Meridian: designated 55 days ago; accounts decided; one expired and several active actions.
  create(-62, 'ana', gm, greyMeridian(now));
  step(-58, 'ana', 'POST', `/api/cases/${gm}/submit`, { note: 'Both signals verified by the linkage team.' });
  approve(-55, 'rui', gm, 'Home visits and dogpiling of named workers: physical and psychological harm are high, coordination is established on two signals.');
  step(-54, 'sam', 'POST', `/api/cases/${gm}/accounts`, {
    handle: 'meridian_signal', status: 'confirmed', basis: ['signals', 'recent-behaviour'], note: 'Posts every target list.', primaryUseFinding: true,
  });
  step(-54, 'sam', 'POST', `/api/cases/${gm}/accounts`, {
    handle: 'grey_relay_07', status: 'confirmed', basis: ['signals'], note: 'Shares the operator device.', primaryUseFinding: false,
  });
  step(-53, 'ana', 'POST', `/api/cases/${gm}/accounts`, {
    handle: 'meridian_echo', status: 'confirmed', basis: ['signals', 'profile-information'], note: 'Profile links the movement\'s channel.', primaryUseFinding: false,
  });
  step(-53, 'ana', 'POST', `/api/cases/${gm}/accounts`, {
    handle: 'civic_watch_hub', status: 'rejected', basis: [], note: 'A local news aggregator that quoted the channel; not part of the movement.', primaryUseFinding: false,
  });
  act(-40, 'rui', gm, DEMO_EXPIRED_ACTION_ID, {
    type: 'limit-visibility', target: 'account', targetRef: 'grey_relay_07', basis: 'Amplifies target lists; limit while the linkage is investigated further.',
  });
  act(-20, 'rui', gm, 'action-meridian-suspension', {
    type: 'suspend-primary-use', target: 'account', targetRef: 'meridian_signal', basis: 'Primary use is posting target lists (finding recorded at confirmation).',
  });
  act(-20, 'rui', gm, 'action-meridian-trend', {
    type: 'prevent-trends', target: 'trend-term', targetRef: 'GreyMeridianRising', basis: 'Trend directly linked to the movement.',
  });
  act(-5, 'sam', gm, 'action-echo-visibility', {
    type: 'limit-visibility', target: 'account', targetRef: 'meridian_echo', basis: 'Continued amplification of a new target list.',
  });

  // Northgate Relay: submitted, then rejected: coordination was never established.
  create(-46, 'ana', ids.rejectedCampaign, northgateRelay(now));
  step(-40, 'ana', 'POST', `/api/cases/${ids.rejectedCampaign}/submit`, { note: '' });
  step(-35, 'sam', 'POST', `/api/cases/${ids.rejectedCampaign}/decision`, {
    decision: 'reject', rationale: 'Coordination is not established and the harm is low; the posts look like organic local discussion.', overrideJustification: null,
  });

  // Copper Lantern Collective: strong evidence, submitted two days ago, waiting for a reviewer.
  create(-20, 'ben', ids.inReviewGroup, copperLantern(now));
  step(-2, 'ben', 'POST', `/api/cases/${ids.inReviewGroup}/submit`, { note: 'Ready for review: threats and doxxing are documented.' });

  // Clearwater Rivers Awareness Week: an awareness campaign (R9), in draft.
  create(-6, 'ana', ids.awarenessDraft, clearwaterWeek(now));

  // Tidewater Pledge Push: a draft campaign, partly filled in.
  create(-3, 'ben', ids.draftCampaign, tidewaterPledge(now));

  steps.sort((a, b) => a.at - b.at);
  for (const entry of steps) await entry.run();
  return { cases: await storage.listCases(), audit: await storage.listAudit() };
}
