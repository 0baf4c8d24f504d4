/**
 * Qualifying a deal (method part 3, "focus on customers who will change"): the rules that do not
 * need a database. The stage gate decides whether a move needs an evidenced commitment to change,
 * and says in plain words what is missing; `missingEvidence` says which parts of the evidence an
 * "evidenced" commitment still lacks.
 */

/** none: nothing said yet · stated: the customer says they will change · evidenced: they showed it (what, who, when). */
export type ChangeCommitmentLevel = 'none' | 'stated' | 'evidenced';

/** A stage by its place in the pipeline (positions count archived stages too, in pipeline order). */
export type StagePlace = { id: string; name: string; position: number };

export type GateMove = {
  /** The workspace's gate stage; null when the gate is off. */
  gate: StagePlace | null;
  /** The stage the deal is in now; null when the deal is being created. */
  from: StagePlace | null;
  to: StagePlace;
  changeCommitment: ChangeCommitmentLevel;
};

export type GateRefusal = {
  gate: StagePlace;
  to: StagePlace;
  /** What the deal has instead of an evidenced commitment. */
  has: Exclude<ChangeCommitmentLevel, 'evidenced'>;
  creating: boolean;
  /** For people: which stage asks for what, what the deal has, and what to do. */
  message: string;
};

/**
 * Whether the gate refuses a move. Only a move forwards into the gate stage or a later one is
 * judged ("into or past"): staying in a stage, moving backwards (even between two stages past the
 * gate) and editing other fields never are — a deal that passed the gate before it was turned on,
 * or whose evidence was later revised, is not stuck, but it cannot advance further without it.
 * Creating a deal counts as a move from nowhere, so creating it in a gated stage is judged too.
 */
export function stageGateRefusal(move: GateMove): GateRefusal | null {
  const { gate, from, to, changeCommitment } = move;
  if (!gate || changeCommitment === 'evidenced') return null;
  if (to.position < gate.position) return null;
  if (from && (from.id === to.id || to.position <= from.position)) return null;
  const creating = from === null;
  return { gate, to, has: changeCommitment, creating, message: refusalMessage(gate, to, changeCommitment, creating) };
}

function refusalMessage(gate: StagePlace, to: StagePlace, has: 'none' | 'stated', creating: boolean): string {
  const where = to.id === gate.id ? `“${to.name}”` : `“${to.name}” (past the stage gate at “${gate.name}”)`;
  const needs = `${creating ? 'Creating a deal in' : 'Moving this deal to'} ${where} needs an evidenced commitment to change.`;
  if (creating) return `${needs} A new deal has none yet: create it in an earlier stage, record the evidence in its Qualification, then move it.`;
  if (has === 'none') return `${needs} None is recorded yet: record what the customer said or did to show they will change, who said it and when.`;
  return `${needs} So far it is only stated: add the evidence — what the customer said or did, who said it and when — and mark it evidenced.`;
}

export type EvidenceFacts = {
  level: ChangeCommitmentLevel;
  evidence: string | null;
  saidByContactId: string | null;
  saidByName: string | null;
  saidOn: string | null;
};

export type EvidencePart = 'evidence' | 'saidBy' | 'saidOn';

/** What an evidenced commitment still lacks (the words, who said it, the day); nothing for other levels. */
export function missingEvidence(facts: EvidenceFacts): EvidencePart[] {
  if (facts.level !== 'evidenced') return [];
  const missing: EvidencePart[] = [];
  if (!facts.evidence?.trim()) missing.push('evidence');
  if (!facts.saidByContactId && !facts.saidByName?.trim()) missing.push('saidBy');
  if (!facts.saidOn) missing.push('saidOn');
  return missing;
}
