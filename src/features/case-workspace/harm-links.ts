// R6a on the evidence board: which harm categories a signal's coordination led to, as the harm
// evidence items name it. Computed once per board render and handed to the cards by context.
import { createContext, useContext } from 'react';
import type { CaseContent } from '../../api/contract/case';
import { HARM_CATEGORIES, type HarmCategory } from '../../engine/policy-terms';

/** Per signal id: the categories with evidence items naming it, in policy order, with how many. */
export type HarmLinks = ReadonlyMap<string, readonly { category: HarmCategory; items: number }[]>;

export function harmLinksBySignal(harm: CaseContent['harm']): HarmLinks {
  const links = new Map<string, { category: HarmCategory; items: number }[]>();
  for (const category of HARM_CATEGORIES) {
    const counts = new Map<string, number>();
    for (const item of harm[category].evidence) for (const id of new Set(item.signalIds ?? [])) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const [id, items] of counts) links.set(id, [...(links.get(id) ?? []), { category, items }]);
  }
  return links;
}

export const HarmLinksContext = createContext<HarmLinks>(new Map());

export function useHarmLinks(signalId: string): readonly { category: HarmCategory; items: number }[] {
  return useContext(HarmLinksContext).get(signalId) ?? [];
}
