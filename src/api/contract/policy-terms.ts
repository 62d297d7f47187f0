// zod schemas over the engine's vocabularies: the wire accepts exactly the policy's terms. zod/mini, as
// in scalars.ts: the first page parses with them; classic schemas wrap them (`z.optional(CaseStatus)`).
import { z } from 'zod/mini';
import {
  ACTOR_KINDS,
  ASSOCIATION_BASES,
  CASE_STATUSES,
  ENFORCEMENT_ACTION_TYPES,
  ENFORCEMENT_TARGETS,
  EVIDENCE_STATES,
  HARM_CATEGORIES,
  OBSERVED,
  POLICY_AREAS,
  PRIORITY_BANDS,
  ROLES,
  RUBRIC_LEVELS,
  SEVERITIES,
  SIGNAL_KINDS,
  SIGNAL_STRENGTHS,
  SIGNAL_TECHNIQUES,
  VERDICT_OUTCOMES,
} from '../../engine/policy-terms';

export const ActorKind = z.enum(ACTOR_KINDS);
export const HarmCategory = z.enum(HARM_CATEGORIES);
export const PolicyArea = z.enum(POLICY_AREAS);
export const Severity = z.enum(SEVERITIES);
export const RubricLevel = z.enum(RUBRIC_LEVELS);
export const Observed = z.enum(OBSERVED);
export const SignalKind = z.enum(SIGNAL_KINDS);
export const SignalTechnique = z.enum(SIGNAL_TECHNIQUES);
export const SignalStrength = z.enum(SIGNAL_STRENGTHS);
export const EvidenceState = z.enum(EVIDENCE_STATES);
export const CaseStatus = z.enum(CASE_STATUSES);
export const Role = z.enum(ROLES);
export const EnforcementActionType = z.enum(ENFORCEMENT_ACTION_TYPES);
export const EnforcementTarget = z.enum(ENFORCEMENT_TARGETS);
export const AssociationBasis = z.enum(ASSOCIATION_BASES);
export const VerdictOutcome = z.enum(VERDICT_OUTCOMES);
export const PriorityBand = z.enum(PRIORITY_BANDS);
