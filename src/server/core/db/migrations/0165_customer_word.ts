import { sql, type Kysely } from 'kysely';
import type { CommitmentFacts } from '../../../../domain/commitments.js';
import { customerWordSnapshot } from '../../../../domain/customer-word.js';

/**
 * The customer side's word on each deal, stored on the deal's row so the `customer_unreliable` focus
 * flag is one indexed comparison (src/domain/customer-word.ts has the meaning of each column; the
 * commitment engine keeps them, src/server/features/commitments/customer-word.ts):
 *
 * - `customer_judged_count`, `customer_kept_count` (kept on time), `customer_late_count`,
 *   `customer_missed_count`, `customer_open_count`: the customer-side plan commitments per bucket;
 *   `customer_judged_weight`, `customer_kept_weight`: the same with must-dos weighing double;
 * - `customer_counts_until`: the instant the counts stop holding (an open commitment's day ends),
 *   null while nothing is due to turn into a miss;
 * - `customer_unreliable_from`: the instant the flag is up from, null when it is not before the next
 *   write.
 *
 * Existing deals are judged here with the domain's own rule (not a copy of it): the stored figures
 * must be the rule's, so a later change of the rule comes with a migration that judges them again.
 * The partial index serves the list filtered by `customer_unreliable` (few deals carry it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const int = (name: string) => db.schema.alterTable('opportunities').addColumn(name, 'integer', (c) => c.notNull().defaultTo(0)).execute();
  for (const name of ['customer_judged_count', 'customer_kept_count', 'customer_late_count', 'customer_missed_count', 'customer_open_count', 'customer_judged_weight', 'customer_kept_weight']) await int(name);
  await db.schema.alterTable('opportunities').addColumn('customer_counts_until', 'text').execute();
  await db.schema.alterTable('opportunities').addColumn('customer_unreliable_from', 'text').execute();
  await db.schema
    .createIndex('opps_ws_customer_unreliable')
    .on('opportunities')
    .columns(['workspace_id', 'customer_unreliable_from'])
    .where(sql.ref('customer_unreliable_from'), 'is not', null)
    .execute();
  await backfill(db);
}

type Row = {
  id: string;
  opportunity_id: string;
  title: string;
  must_do: number;
  status: 'open' | 'done' | 'dropped';
  due_date: string;
  original_due_date: string;
  done_at: string | null;
  created_at: string;
  plan_status: string;
  time_zone: string;
};
type Change = { commitment_id: string; from_date: string; to_date: string; requested_at: string; decided_at: string | null; status: 'pending' | 'accepted' | 'declined'; id: string };

async function backfill(db: Kysely<unknown>): Promise<void> {
  const now = new Date();
  const { rows } = await sql<Row>`
    select c.id, p.opportunity_id, c.title, c.must_do, c.status, c.due_date, c.original_due_date, c.done_at, c.created_at,
      p.status as plan_status, coalesce(p.customer_time_zone, w.default_time_zone) as time_zone
    from commitments c inner join plans p on p.id = c.plan_id inner join workspaces w on w.id = c.workspace_id
    where c.subject_kind = 'plan' and c.side = 'customer'`.execute(db);
  if (rows.length === 0) return;
  const { rows: changes } = await sql<Change>`
    select r.id, r.commitment_id, r.from_date, r.to_date, r.requested_at, r.decided_at, r.status
    from commitment_renegotiations r inner join commitments c on c.id = r.commitment_id
    where c.subject_kind = 'plan' and c.side = 'customer'
    order by r.requested_at, r.id`.execute(db);
  const history = new Map<string, Change[]>();
  for (const ch of changes) history.set(ch.commitment_id, [...(history.get(ch.commitment_id) ?? []), ch]);
  const byDeal = new Map<string, CommitmentFacts[]>();
  for (const r of rows) {
    const status = r.plan_status === 'abandoned' && r.status === 'open' ? 'dropped' : r.status;
    const facts: CommitmentFacts = {
      id: r.id,
      title: r.title,
      side: 'customer',
      ownerKey: '',
      ownerTimeZone: r.time_zone,
      mustDo: Number(r.must_do) === 1,
      status,
      dueDate: r.due_date,
      originalDueDate: r.original_due_date,
      doneAt: r.done_at,
      dateChanges: (history.get(r.id) ?? []).map((ch) => ({ fromDate: ch.from_date, toDate: ch.to_date, requestedAt: ch.requested_at, decidedAt: ch.decided_at, status: ch.status })),
      createdAt: r.created_at,
    };
    byDeal.set(r.opportunity_id, [...(byDeal.get(r.opportunity_id) ?? []), facts]);
  }
  for (const [id, facts] of byDeal) {
    const s = customerWordSnapshot(facts, now);
    await sql`update opportunities set customer_judged_count = ${s.judged}, customer_kept_count = ${s.keptOnTime}, customer_late_count = ${s.keptLate},
      customer_missed_count = ${s.missed}, customer_open_count = ${s.open}, customer_judged_weight = ${s.judgedWeight}, customer_kept_weight = ${s.keptWeight},
      customer_counts_until = ${s.countsUntil}, customer_unreliable_from = ${s.unreliableFrom} where id = ${id}`.execute(db);
  }
}
