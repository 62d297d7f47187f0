// The case form's resolver: the contract's schema (CaseContentFormSchema), run in a task of its own
// after the keystroke that asked for it. Once a field has been touched, react-hook-form validates on
// every change; run inside the keystroke, the schema delayed the live designation panel's update by
// about a third of a millisecond at full CPU speed (issue 3). The field errors arrive one task later,
// which no one can see; the values validated are the form's live values when the task runs.
import { zodResolver } from '@hookform/resolvers/zod';
import type { Resolver } from 'react-hook-form';
import { CaseContentFormSchema, type CaseFormValues } from './case-content';

const schemaResolver = zodResolver(CaseContentFormSchema);

export const caseFormResolver: Resolver<CaseFormValues, unknown, CaseFormValues> = async (values, context, options) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  return schemaResolver(values, context, options);
};
