import { z } from 'zod';
import { CalendarDate, Id, Money, Text, UserRef } from './common.js';
import { OpportunityStatus } from './opportunities.js';
import { PlanStatus } from './plans.js';

export const SEARCH_LIMIT_DEFAULT = 5;
export const SEARCH_LIMIT_MAX = 20;
export const SEARCH_QUERY_MAX = 200;

/**
 * `GET /search?q=`: accounts, contacts, opportunities and plans whose words start with the query's
 * words — accents and case ignored ("zoe" finds "Zoë"), best matches first. Archived records are
 * left out; each list of the answer holds at most `limit` records.
 */
export const SearchQuery = z.strictObject({
  q: Text.trim().min(1, 'Type something to search for.').max(SEARCH_QUERY_MAX, `Keep this under ${SEARCH_QUERY_MAX} characters.`),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

const Ref = z.object({ id: Id, name: z.string() });

export const AccountHit = z.object({ id: Id, name: z.string(), domain: z.string().nullable(), owner: UserRef }).meta({ id: 'AccountHit' });
export const ContactHit = z.object({ id: Id, name: z.string(), title: z.string().nullable(), email: z.string().nullable(), account: Ref }).meta({ id: 'ContactHit' });
export const OpportunityHit = z
  .object({ id: Id, name: z.string(), account: Ref, amount: Money, status: OpportunityStatus, closeDate: CalendarDate })
  .meta({ id: 'OpportunityHit' });
export const PlanHit = z.object({ id: Id, title: z.string(), status: PlanStatus, targetDate: CalendarDate, opportunity: Ref, account: Ref }).meta({ id: 'PlanHit' });
export type AccountHit = z.infer<typeof AccountHit>;
export type ContactHit = z.infer<typeof ContactHit>;
export type OpportunityHit = z.infer<typeof OpportunityHit>;
export type PlanHit = z.infer<typeof PlanHit>;

/** Best matches first; `more` says there are further matches than the limit showed. */
function hits<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), more: z.boolean() });
}

export const SearchResults = z
  .object({
    accounts: hits(AccountHit),
    contacts: hits(ContactHit),
    opportunities: hits(OpportunityHit),
    plans: hits(PlanHit),
  })
  .meta({ id: 'SearchResults' });
export type SearchResults = z.infer<typeof SearchResults>;
