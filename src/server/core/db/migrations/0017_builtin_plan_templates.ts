import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Gives every workspace that existed before templates the built-in ones (new ones get them at
 * sign-up). Self-contained on purpose: the templates are copied here as they were when this
 * migration was written, so later changes to the application's templates never change what this
 * migration does.
 */
const TEMPLATES: { key: string; name: string; description: string; lengthDays: number; content: string }[] = [
  {
    key: "enterprise_evaluation",
    name: "Enterprise evaluation",
    description: "A multi-stakeholder evaluation: agree the outcome, validate fit and security, build the business case together, sign.",
    lengthDays: 75,
    content: "{\"milestones\":[{\"title\":\"Outcome and plan agreed\",\"due\":{\"anchor\":\"start\",\"days\":7}},{\"title\":\"Technical and security validation\",\"due\":{\"anchor\":\"start\",\"days\":35}},{\"title\":\"Business case and terms\",\"due\":{\"anchor\":\"target\",\"days\":-14}},{\"title\":\"Decision and signature\",\"due\":{\"anchor\":\"target\",\"days\":0}}],\"commitments\":[{\"milestoneIndex\":0,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Send a written summary of the agreed outcome and this plan\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":2}},{\"milestoneIndex\":0,\"side\":\"customer\",\"role\":\"Executive sponsor\",\"title\":\"Confirm the outcome, why it matters and what waiting would cost\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":7}},{\"milestoneIndex\":0,\"side\":\"customer\",\"role\":\"Project lead\",\"title\":\"Name the evaluation team and the decision criteria\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":7}},{\"milestoneIndex\":1,\"side\":\"customer\",\"role\":\"Security lead\",\"title\":\"Share the security questionnaire and how the review works\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":14}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Solutions engineer\",\"title\":\"Run a demo built around the decision criteria\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":21}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Solutions engineer\",\"title\":\"Return the completed security questionnaire\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":28}},{\"milestoneIndex\":1,\"side\":\"customer\",\"role\":\"IT lead\",\"title\":\"Confirm the technical fit in writing\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":35}},{\"milestoneIndex\":2,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Draft the business case with the customer\u2019s own numbers\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-28}},{\"milestoneIndex\":2,\"side\":\"customer\",\"role\":\"Finance\",\"title\":\"Check the business case figures\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-21}},{\"milestoneIndex\":2,\"side\":\"customer\",\"role\":\"Procurement\",\"title\":\"Share the purchasing steps and start vendor onboarding\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-21}},{\"milestoneIndex\":2,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Get the pricing and terms approved internally\",\"detail\":null,\"mustDo\":false,\"internalOnly\":true,\"due\":{\"anchor\":\"target\",\"days\":-20}},{\"milestoneIndex\":2,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Send the proposal and order form\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-18}},{\"milestoneIndex\":3,\"side\":\"customer\",\"role\":\"Legal\",\"title\":\"Return the contract changes\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-10}},{\"milestoneIndex\":3,\"side\":\"customer\",\"role\":\"Executive sponsor\",\"title\":\"Sign the order form\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":0}}]}",
  },
  {
    key: "pilot_to_purchase",
    name: "Pilot to purchase",
    description: "A time-boxed pilot with success criteria agreed up front, and a decision date set before it starts.",
    lengthDays: 60,
    content: "{\"milestones\":[{\"title\":\"Pilot scoped\",\"due\":{\"anchor\":\"start\",\"days\":7}},{\"title\":\"Pilot running\",\"due\":{\"anchor\":\"start\",\"days\":40}},{\"title\":\"Results and decision\",\"due\":{\"anchor\":\"target\",\"days\":0}}],\"commitments\":[{\"milestoneIndex\":0,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Send the pilot plan: scope, users, dates and the decision date\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":3}},{\"milestoneIndex\":0,\"side\":\"customer\",\"role\":\"Project lead\",\"title\":\"Agree the pilot\u2019s success criteria in writing\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":5}},{\"milestoneIndex\":0,\"side\":\"customer\",\"role\":\"IT lead\",\"title\":\"Provide test accounts and access to sample data\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":7}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Solutions engineer\",\"title\":\"Set up the pilot and onboard the pilot users\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":10}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Customer success\",\"title\":\"Hold a weekly check-in with the pilot users\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":21}},{\"milestoneIndex\":1,\"side\":\"customer\",\"role\":\"Pilot users\",\"title\":\"Use the product in real work every week of the pilot\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":35}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Get rollout pricing approved\",\"detail\":null,\"mustDo\":false,\"internalOnly\":true,\"due\":{\"anchor\":\"start\",\"days\":30}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Send the proposal for the full rollout\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":38}},{\"milestoneIndex\":2,\"side\":\"customer\",\"role\":\"Project lead\",\"title\":\"Share the pilot results against the success criteria\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-14}},{\"milestoneIndex\":2,\"side\":\"customer\",\"role\":\"Executive sponsor\",\"title\":\"Hold the decision meeting on the full rollout\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-7}},{\"milestoneIndex\":2,\"side\":\"customer\",\"role\":\"Procurement\",\"title\":\"Sign the order\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":0}}]}",
  },
  {
    key: "renewal",
    name: "Renewal",
    description: "Start well before the renewal date: review the value delivered, agree next year\u2019s goals, then the terms.",
    lengthDays: 90,
    content: "{\"milestones\":[{\"title\":\"Value review\",\"due\":{\"anchor\":\"start\",\"days\":21}},{\"title\":\"Renewal terms agreed\",\"due\":{\"anchor\":\"target\",\"days\":-30}},{\"title\":\"Renewed\",\"due\":{\"anchor\":\"target\",\"days\":0}}],\"commitments\":[{\"milestoneIndex\":0,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Check renewal risk and room to expand\",\"detail\":null,\"mustDo\":false,\"internalOnly\":true,\"due\":{\"anchor\":\"start\",\"days\":7}},{\"milestoneIndex\":0,\"side\":\"seller\",\"role\":\"Customer success\",\"title\":\"Prepare the value review: usage and results against last year\u2019s goals\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":14}},{\"milestoneIndex\":0,\"side\":\"customer\",\"role\":\"Sponsor\",\"title\":\"Attend the value review and share next year\u2019s goals\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"start\",\"days\":21}},{\"milestoneIndex\":1,\"side\":\"seller\",\"role\":\"Account executive\",\"title\":\"Send the renewal proposal\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-45}},{\"milestoneIndex\":1,\"side\":\"customer\",\"role\":\"Procurement\",\"title\":\"Confirm the budget and the renewal process\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-45}},{\"milestoneIndex\":1,\"side\":\"customer\",\"role\":\"Legal\",\"title\":\"Return any contract changes\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-21}},{\"milestoneIndex\":2,\"side\":\"customer\",\"role\":\"Sponsor\",\"title\":\"Sign the renewal\",\"detail\":null,\"mustDo\":true,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":-7}},{\"milestoneIndex\":2,\"side\":\"seller\",\"role\":\"Customer success\",\"title\":\"Agree the success plan for the coming year\",\"detail\":null,\"mustDo\":false,\"internalOnly\":false,\"due\":{\"anchor\":\"target\",\"days\":0}}]}",
  },
];

/** A UUIDv7 like the application's ids (time-ordered), without importing application code. */
function uuidv7(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

type Db = Kysely<{
  workspaces: { id: string };
  plan_templates: {
    id: string; workspace_id: string; name: string; description: string | null; builtin_key: string | null; length_days: number;
    content: string; created_by_id: string | null; archived_at: string | null; version: number; created_at: string; updated_at: string;
  };
  audit_events: {
    id: string; workspace_id: string; actor_id: string | null; actor_name: string; entity_type: string; entity_id: string;
    action: string; changes: string; occurred_at: string;
  };
}>;

export async function up(db: Kysely<unknown>): Promise<void> {
  const kdb = db as unknown as Db;
  const workspaces = await kdb.selectFrom('workspaces').select('id').execute();
  for (const { id: workspaceId } of workspaces) {
    const have = new Set(
      (await kdb.selectFrom('plan_templates').select('builtin_key').where('workspace_id', '=', workspaceId).where('builtin_key', 'is not', null).execute()).map((r) => r.builtin_key),
    );
    const now = new Date();
    const at = now.toISOString();
    const rows = TEMPLATES.filter((t) => !have.has(t.key)).map((t, i) => ({
      id: uuidv7(now.getTime() + i),
      workspace_id: workspaceId,
      name: t.name,
      description: t.description,
      builtin_key: t.key,
      length_days: t.lengthDays,
      content: t.content,
      created_by_id: null,
      archived_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    }));
    if (rows.length === 0) continue;
    await kdb.insertInto('plan_templates').values(rows).execute();
    await kdb
      .insertInto('audit_events')
      .values(
        rows.map((r, i) => ({
          id: uuidv7(now.getTime() + rows.length + i),
          workspace_id: workspaceId,
          actor_id: null,
          actor_name: 'Advance',
          entity_type: 'plan_template',
          entity_id: r.id,
          action: 'create',
          changes: JSON.stringify({ name: { before: null, after: r.name }, builtinKey: { before: null, after: r.builtin_key } }),
          occurred_at: at,
        })),
      )
      .execute();
  }
}
