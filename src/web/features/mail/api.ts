import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getMail, getMailPreferences, listMails, retryMail, updateMailPreferences } from '../../../shared/routes/operations/mail';
import type { MailStatus } from '../../../shared/mail';
import { call, type BodyOf } from '../../app/api';

const preferencesKey = ['mail-preferences'] as const;

export function useMailPreferences() {
  return useQuery({ queryKey: preferencesKey, queryFn: () => call(getMailPreferences) });
}

export function useUpdateMailPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<typeof updateMailPreferences>) => call(updateMailPreferences, { body }),
    onSuccess: (prefs) => client.setQueryData(preferencesKey, prefs),
  });
}

export function useOutbox(status: MailStatus | undefined) {
  return useQuery({ queryKey: ['mails', status ?? 'all'], queryFn: () => call(listMails, { query: { limit: 100, ...(status ? { status } : {}) } }), refetchInterval: 10_000 });
}

export function useMail(id: string | null) {
  return useQuery({ queryKey: ['mail', id], queryFn: () => call(getMail, { params: { id: id! } }), enabled: id !== null });
}

export function useRetryMail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call(retryMail, { params: { id } }),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['mails'] });
      void client.invalidateQueries({ queryKey: ['mail'] });
    },
  });
}
