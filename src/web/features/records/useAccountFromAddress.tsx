import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useRecord } from '../../app/records';

export type AccountFromAddress = { accountId: string; back: { to: string; label: string }; meta: ReactNode };

/**
 * A record created from an account's page (`?accountId=`) belongs to that account: the form hides
 * the account picker, the header names the account ("At Globex"), and Back and Cancel return to it.
 */
export function useAccountFromAddress(elsewhere: { to: string; label: string }, word: 'At' | 'With'): AccountFromAddress {
  const [search] = useSearchParams();
  const accountId = search.get('accountId') ?? '';
  const account = useRecord('accounts', accountId, { enabled: accountId !== '' });
  const back = accountId ? { to: `/accounts/${accountId}`, label: account.data?.name ?? 'Account' } : elsewhere;
  const meta = account.data ? (
    <span>
      {word} {account.data.name}
    </span>
  ) : null;
  return { accountId, back, meta };
}
