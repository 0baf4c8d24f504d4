/**
 * A yearly target against the objectives planned to reach it, per currency. Amounts in different
 * currencies are never added and never converted: the gap is the target minus the objectives in
 * the target's own currency; objectives in any other currency are listed apart.
 *
 *   target 1 000 000 USD, objectives 300 000 USD + 250 000 USD → gap 450 000 USD ("to find").
 *   A negative gap means the objectives exceed the target: "ahead by …".
 *
 * Pure functions; amounts are integer minor units (cents).
 */

export type Amount = { amountMinor: number; currency: string };

export type TargetGap = {
  currency: string;
  targetMinor: number;
  /** Objectives in the target's currency only. */
  objectivesMinor: number;
  /** target − objectives: positive = still to find, 0 = on target, negative = ahead. */
  gapMinor: number;
};

export type Coverage = {
  /** Every objective amount, summed per currency (sorted by currency code). */
  objectives: Amount[];
  /** Null when there is no target to measure against. */
  gap: TargetGap | null;
  /** Objective totals in currencies other than the target's (all of them when there is no target): shown apart. */
  otherCurrencies: Amount[];
};

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Sums amounts per currency, never across currencies, in order of the currency code. */
export function sumByCurrency(amounts: readonly Amount[]): Amount[] {
  const totals = new Map<string, number>();
  for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + a.amountMinor);
  return [...totals].sort(([a], [b]) => byCode(a, b)).map(([currency, amountMinor]) => ({ amountMinor, currency }));
}

/** One person's target against their objectives' financial targets. */
export function coverage(target: Amount | null, objectives: readonly Amount[]): Coverage {
  const totals = sumByCurrency(objectives);
  if (!target) return { objectives: totals, gap: null, otherCurrencies: totals };
  const same = totals.find((t) => t.currency === target.currency)?.amountMinor ?? 0;
  return {
    objectives: totals,
    gap: { currency: target.currency, targetMinor: target.amountMinor, objectivesMinor: same, gapMinor: target.amountMinor - same },
    otherCurrencies: totals.filter((t) => t.currency !== target.currency),
  };
}

export type Standing = { kind: 'to_find'; amount: Amount } | { kind: 'on_target' } | { kind: 'ahead'; amount: Amount };

/** Where a gap leaves someone: an amount still to find, exactly on target, or ahead by an amount. */
export function standing(gap: Pick<TargetGap, 'currency' | 'gapMinor'>): Standing {
  if (gap.gapMinor > 0) return { kind: 'to_find', amount: { amountMinor: gap.gapMinor, currency: gap.currency } };
  if (gap.gapMinor === 0) return { kind: 'on_target' };
  return { kind: 'ahead', amount: { amountMinor: -gap.gapMinor, currency: gap.currency } };
}

/** The gap in plain words: "450 000 USD to find", "ahead by 50 000 USD", "on target" (the amount as `format` writes it). */
export function gapInWords(gap: Pick<TargetGap, 'currency' | 'gapMinor'>, format: (amount: Amount) => string): string {
  const s = standing(gap);
  if (s.kind === 'to_find') return `${format(s.amount)} to find`;
  if (s.kind === 'ahead') return `ahead by ${format(s.amount)}`;
  return 'on target';
}

export type CurrencyTotal = {
  currency: string;
  /** Sum of the targets set in this currency; null when nobody's target is in it. */
  targetMinor: number | null;
  /** Sum of the objectives in this currency. */
  objectivesMinor: number;
  /** target − objectives in this currency; null when there is no target in it (those objectives stand apart). */
  gapMinor: number | null;
};

/**
 * A team's totals, one line per currency: the targets set in it, every team objective in it, and
 * their gap. Within a currency a rep ahead of target offsets one behind (the per-rep lines show who
 * needs help); currencies are never mixed. Objectives of a rep without a target still count toward
 * the team's objectives in their currency.
 */
export function teamTotals(targets: readonly Amount[], objectives: readonly Amount[]): CurrencyTotal[] {
  const t = new Map(sumByCurrency(targets).map((a) => [a.currency, a.amountMinor]));
  const o = new Map(sumByCurrency(objectives).map((a) => [a.currency, a.amountMinor]));
  const currencies = [...new Set([...t.keys(), ...o.keys()])].sort(byCode);
  return currencies.map((currency) => {
    const targetMinor = t.get(currency) ?? null;
    const objectivesMinor = o.get(currency) ?? 0;
    return { currency, targetMinor, objectivesMinor, gapMinor: targetMinor === null ? null : targetMinor - objectivesMinor };
  });
}
