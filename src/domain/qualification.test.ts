import { describe, expect, it } from 'vitest';
import { missingEvidence, stageGateRefusal, type ChangeCommitmentLevel, type StagePlace } from './qualification.js';

// The default pipeline: Qualify 0, Discover 1, Solution fit 2, Proposal 3, Negotiate 4, Commit 5.
const stage = (name: string, position: number): StagePlace => ({ id: name.toLowerCase(), name, position });
const QUALIFY = stage('Qualify', 0);
const DISCOVER = stage('Discover', 1);
const FIT = stage('Solution fit', 2);
const PROPOSAL = stage('Proposal', 3);
const NEGOTIATE = stage('Negotiate', 4);
const COMMIT = stage('Commit', 5);

const move = (from: StagePlace | null, to: StagePlace, changeCommitment: ChangeCommitmentLevel = 'none', gate: StagePlace | null = PROPOSAL) =>
  stageGateRefusal({ gate, from, to, changeCommitment });

describe('the stage gate', () => {
  it('lets every move through when the gate is off', () => {
    expect(move(QUALIFY, COMMIT, 'none', null)).toBeNull();
    expect(move(null, COMMIT, 'none', null)).toBeNull();
  });

  it('lets moves before the gate stage through whatever the commitment', () => {
    expect(move(QUALIFY, DISCOVER)).toBeNull();
    expect(move(DISCOVER, FIT, 'stated')).toBeNull();
    expect(move(null, FIT)).toBeNull();
  });

  it('refuses a move into the gate stage, or past it, without an evidenced commitment', () => {
    const into = move(FIT, PROPOSAL, 'none');
    expect(into).toMatchObject({ gate: PROPOSAL, to: PROPOSAL, has: 'none', creating: false });
    expect(into?.message).toBe(
      'Moving this deal to “Proposal” needs an evidenced commitment to change. None is recorded yet: record what the customer said or did to show they will change, who said it and when.',
    );
    const past = move(QUALIFY, NEGOTIATE, 'stated');
    expect(past).toMatchObject({ to: NEGOTIATE, has: 'stated' });
    expect(past?.message).toBe(
      'Moving this deal to “Negotiate” (past the stage gate at “Proposal”) needs an evidenced commitment to change. So far it is only stated: add the evidence — what the customer said or did, who said it and when — and mark it evidenced.',
    );
  });

  it('lets the same moves through once the commitment is evidenced', () => {
    expect(move(FIT, PROPOSAL, 'evidenced')).toBeNull();
    expect(move(QUALIFY, COMMIT, 'evidenced')).toBeNull();
  });

  it('judges a forward move between two stages past the gate (a deal that passed before the gate was on cannot advance further)', () => {
    expect(move(PROPOSAL, NEGOTIATE, 'none')).toMatchObject({ to: NEGOTIATE, has: 'none' });
    expect(move(NEGOTIATE, COMMIT, 'stated')).toMatchObject({ to: COMMIT, has: 'stated' });
  });

  it('never judges staying in a stage or moving backwards, even between stages past the gate', () => {
    expect(move(NEGOTIATE, NEGOTIATE, 'none')).toBeNull();
    expect(move(COMMIT, PROPOSAL, 'none')).toBeNull();
    expect(move(NEGOTIATE, DISCOVER, 'stated')).toBeNull();
  });

  it('judges creating a deal in the gate stage or later, and says to start earlier', () => {
    expect(move(null, PROPOSAL)?.message).toBe(
      'Creating a deal in “Proposal” needs an evidenced commitment to change. A new deal has none yet: create it in an earlier stage, record the evidence in its Qualification, then move it.',
    );
    expect(move(null, COMMIT)).toMatchObject({ creating: true, to: COMMIT });
  });

  it('follows positions, not names: a gate on the first stage judges every forward move and every creation', () => {
    expect(move(null, QUALIFY, 'none', QUALIFY)).toMatchObject({ to: QUALIFY });
    expect(move(QUALIFY, DISCOVER, 'stated', QUALIFY)).toMatchObject({ to: DISCOVER });
  });
});

describe('missing evidence', () => {
  const facts = { evidence: null, saidByContactId: null, saidByName: null, saidOn: null };

  it('asks nothing of none and stated', () => {
    expect(missingEvidence({ ...facts, level: 'none' })).toEqual([]);
    expect(missingEvidence({ ...facts, level: 'stated' })).toEqual([]);
  });

  it('asks an evidenced commitment for the words, who said it and the day', () => {
    expect(missingEvidence({ ...facts, level: 'evidenced' })).toEqual(['evidence', 'saidBy', 'saidOn']);
    expect(missingEvidence({ ...facts, level: 'evidenced', evidence: '   ', saidByName: ' ' })).toEqual(['evidence', 'saidBy', 'saidOn']);
    expect(missingEvidence({ level: 'evidenced', evidence: 'Signed the budget request', saidByContactId: 'c1', saidByName: null, saidOn: '2026-03-02' })).toEqual([]);
    expect(missingEvidence({ level: 'evidenced', evidence: 'CFO approved', saidByContactId: null, saidByName: 'Dana (CFO)', saidOn: null })).toEqual(['saidOn']);
  });
});
