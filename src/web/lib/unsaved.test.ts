import { afterEach, describe, expect, it } from 'vitest';
import {
  askToLeave,
  confirmDiscard,
  currentQuestion,
  dialogClosed,
  dialogOpened,
  forgetForm,
  hasUnsavedChanges,
  hasUnsavedChangesIn,
  isDirty,
  newFormId,
  releaseAll,
  releaseForm,
  reportForm,
  sameFormValues,
  subscribe,
  valuesSignature,
} from './unsaved';

describe('whether a form holds unsaved changes', () => {
  const start = { title: '', why: '', owner: 'u1' };

  it('is clean when nothing changed, or a change was undone', () => {
    expect(isDirty(start, [start])).toBe(false);
    expect(isDirty({ ...start }, [start])).toBe(false);
  });

  it('is dirty once a field differs from the baseline', () => {
    expect(isDirty({ ...start, why: 'To be home by six' }, [start])).toBe(true);
    expect(isDirty({ ...start, owner: 'u2' }, [start])).toBe(true);
  });

  it('does not count spaces at either end: nothing is lost by leaving them', () => {
    expect(isDirty({ ...start, title: '   ' }, [start])).toBe(false);
    expect(sameFormValues({ a: 'Plan ' }, { a: ' Plan' })).toBe(true);
    expect(sameFormValues({ a: 'Plan A' }, { a: 'Plan  A' })).toBe(false);
  });

  it('is clean when the values are those stored now, though they differ from the ones it opened with', () => {
    // Saved elsewhere (or by this form, then read again): leaving loses nothing.
    const opened = { name: 'Ada' };
    const storedNow = { name: 'Ada Lovelace' };
    expect(isDirty({ name: 'Ada Lovelace' }, [opened, storedNow])).toBe(false);
    expect(isDirty({ name: 'Ada L.' }, [opened, storedNow])).toBe(true);
  });

  it('treats a missing field as empty', () => {
    expect(sameFormValues({ a: 'x', b: '' }, { a: 'x' })).toBe(true);
  });

  it('gives the same signature to the same values, whatever their order or outer spaces', () => {
    expect(valuesSignature({ a: '1', b: 'two ' })).toBe(valuesSignature({ b: 'two', a: '1' }));
    expect(valuesSignature({ a: '1' })).not.toBe(valuesSignature({ a: '2' }));
  });
});

describe('the registry of unsaved changes', () => {
  const used: number[] = [];
  const form = () => {
    const id = newFormId();
    used.push(id);
    return id;
  };
  afterEach(() => {
    used.splice(0).forEach(forgetForm);
    currentQuestion()?.answer(false);
  });

  it('counts a form while it reports dirty, and forgets it when clean or gone', () => {
    const a = form();
    const b = form();
    expect(hasUnsavedChanges()).toBe(false);
    reportForm(a, true, 'x');
    expect(hasUnsavedChanges()).toBe(true);
    reportForm(a, false, '');
    expect(hasUnsavedChanges()).toBe(false);
    reportForm(b, true, 'y');
    forgetForm(b);
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('tells listeners when unsaved changes come and go', () => {
    const a = form();
    const seen: boolean[] = [];
    const stop = subscribe(() => seen.push(hasUnsavedChanges()));
    reportForm(a, true, 'x');
    reportForm(a, false, '');
    stop();
    reportForm(a, true, 'x');
    expect(seen).toEqual([true, false]);
  });

  it('stops counting a saved form at once (a navigation right after is not blocked)', () => {
    const a = form();
    reportForm(a, true, 'sent');
    releaseForm(a, 'sent');
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('keeps counting a form typed into after its save was sent', () => {
    const a = form();
    reportForm(a, true, 'sent, and more');
    releaseForm(a, 'sent');
    expect(hasUnsavedChanges()).toBe(true);
  });

  it('counts a released form again once it changes', () => {
    const a = form();
    reportForm(a, true, 'v1');
    releaseForm(a);
    reportForm(a, true, 'v1');
    expect(hasUnsavedChanges()).toBe(false);
    reportForm(a, true, 'v2');
    expect(hasUnsavedChanges()).toBe(true);
  });

  it('knows the forms of a dialog: those that became dirty while it was on top', () => {
    const onPage = form();
    const inDialog = form();
    reportForm(onPage, true, 'page text');
    const dialog = {};
    dialogOpened(dialog);
    expect(hasUnsavedChangesIn(dialog)).toBe(false);
    reportForm(inDialog, true, 'dialog text');
    expect(hasUnsavedChangesIn(dialog)).toBe(true);
    // Leaving the dialog gives up its form only: the page's work still counts.
    releaseAll(dialog);
    dialogClosed(dialog);
    expect(hasUnsavedChangesIn(dialog)).toBe(false);
    expect(hasUnsavedChanges()).toBe(true);
    releaseAll();
    expect(hasUnsavedChanges()).toBe(false);
  });

  it('asks one question at a time, answered by whoever shows it', async () => {
    const stop = subscribe(() => undefined);
    const first = askToLeave();
    expect(askToLeave()).toBe(first);
    currentQuestion()!.answer(true);
    await expect(first).resolves.toBe(true);
    expect(currentQuestion()).toBe(null);
    stop();
  });

  it('before dropping the page: does not ask when nothing is unsaved, and gives the work up on Leave', async () => {
    const stop = subscribe(() => undefined);
    await expect(confirmDiscard()).resolves.toBe(true);
    const a = form();
    reportForm(a, true, 'x');
    const stay = confirmDiscard();
    currentQuestion()!.answer(false);
    await expect(stay).resolves.toBe(false);
    expect(hasUnsavedChanges()).toBe(true);
    const leave = confirmDiscard();
    currentQuestion()!.answer(true);
    await expect(leave).resolves.toBe(true);
    expect(hasUnsavedChanges()).toBe(false);
    stop();
  });
});
