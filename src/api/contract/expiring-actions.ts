// R15: enforcement actions expiring in a window (to re-apply or let lapse), across all cases.
import { z } from 'zod';
import { EnforcementAction } from './case';
import { Id, UtcTimestamp } from './scalars';

export const ExpiringActionsQuery = z
  .object({
    /** Inclusive. */
    from: UtcTimestamp,
    /** Exclusive. */
    to: UtcTimestamp,
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
  })
  .refine((query) => Date.parse(query.from) <= Date.parse(query.to), {
    message: 'window.order',
    path: ['to'],
  });
export type ExpiringActionsQuery = z.input<typeof ExpiringActionsQuery>;

export const ExpiringAction = z.object({
  caseId: Id,
  caseName: z.string(),
  action: EnforcementAction,
});
export type ExpiringAction = z.infer<typeof ExpiringAction>;

export const ExpiringActionsPage = z.object({
  items: z.array(ExpiringAction),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ExpiringActionsPage = z.infer<typeof ExpiringActionsPage>;
