// Every i18n namespace loaded at once, for tests (the app loads them on demand: i18n-namespaces.ts).
// A feature adds its `*-locales.ts` here and there (README: "add a locale").
import type { Language, LocaleShape } from '../i18n/locale-shape';
import * as common from '../i18n/locales/common';
import * as policy from '../i18n/locales/policy';
import * as cases from '../features/cases/cases-locales';
import * as workspace from '../features/case-workspace/workspace-locales';
import * as engine from '../components/verdict/engine-locales';
import * as fieldChange from '../components/field-change-locales';
import * as review from '../features/review/review-locales';
import * as enforcement from '../features/enforcement/enforcement-locales';
import * as submission from '../features/submission/submission-locales';
import * as audit from '../features/audit/audit-locales';
import * as activityImport from '../features/activity-import/import-locales';
import * as accounts from '../features/accounts/accounts-locales';
import * as conversation from '../features/conversation/conversation-locales';
import * as notifications from '../features/notifications/notifications-locales';
import * as live from '../features/live/live-locales';
import * as commandPalette from '../features/command-palette/command-palette-locales';
import * as caseTimeline from '../components/case-timeline/case-timeline-locales';
import * as crossCase from '../components/cross-case/cross-case-locales';
import * as activityTimeline from '../components/activity-timeline/activity-timeline-locales';

const en = { common: common.en, policy: policy.en, cases: cases.en, workspace: workspace.en, engine: engine.en,
  fieldChange: fieldChange.en, review: review.en, enforcement: enforcement.en, submission: submission.en, audit: audit.en,
  activityImport: activityImport.en, accounts: accounts.en, conversation: conversation.en, notifications: notifications.en, live: live.en,
  commandPalette: commandPalette.en, caseTimeline: caseTimeline.en, crossCase: crossCase.en, activityTimeline: activityTimeline.en };

/** The English texts of every namespace: the shape the typed `t()` keys are checked against. */
export type Resources = typeof en;

export const resources = {
  en,
  nl: { common: common.nl, policy: policy.nl, cases: cases.nl, workspace: workspace.nl, engine: engine.nl,
    fieldChange: fieldChange.nl, review: review.nl, enforcement: enforcement.nl, submission: submission.nl, audit: audit.nl,
    activityImport: activityImport.nl, accounts: accounts.nl, conversation: conversation.nl, notifications: notifications.nl, live: live.nl,
    commandPalette: commandPalette.nl, caseTimeline: caseTimeline.nl, crossCase: crossCase.nl, activityTimeline: activityTimeline.nl },
  tr: { common: common.tr, policy: policy.tr, cases: cases.tr, workspace: workspace.tr, engine: engine.tr,
    fieldChange: fieldChange.tr, review: review.tr, enforcement: enforcement.tr, submission: submission.tr, audit: audit.tr,
    activityImport: activityImport.tr, accounts: accounts.tr, conversation: conversation.tr, notifications: notifications.tr, live: live.tr,
    commandPalette: commandPalette.tr, caseTimeline: caseTimeline.tr, crossCase: crossCase.tr, activityTimeline: activityTimeline.tr },
} as const satisfies Record<Language, { [N in keyof Resources]: LocaleShape<Resources[N]> }>;

