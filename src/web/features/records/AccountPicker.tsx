import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { listAccounts } from '../../../shared/routes/operations/accounts';
import { call } from '../../app/api';
import { useDebounced } from '../../lib/hooks';
import { SelectField, TextField } from '../../ui/Field';

/**
 * Choosing an account among possibly thousands: a search box narrows a plain <select>, which stays
 * fully usable by keyboard and screen readers (no custom combobox to get wrong).
 */
export function AccountPicker({
  name = 'accountId',
  value,
  onChange,
  error,
  editableOnly = false,
}: {
  name?: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
  editableOnly?: boolean;
}) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(null);
  const q = useDebounced(text.trim(), 250);
  const list = useQuery({
    queryKey: ['accounts', 'picker', q],
    queryFn: () => call(listAccounts, { query: { q, limit: 30, sort: 'name' } }),
  });
  const found = (list.data?.data ?? []).filter((a) => !editableOnly || a.permissions.canEdit);
  const options = found.map((a) => ({ value: a.id, label: a.name }));
  if (chosen && chosen.id === value && !options.some((o) => o.value === value)) options.unshift({ value: chosen.id, label: chosen.name });

  return (
    <div className="form-grid">
      <div className="picker span-2">
        <TextField label="Find an account" type="search" required name="accountSearch" value={text} onChange={setText} placeholder="Type a name or domain" autoComplete="off" />
        <SelectField
          label="Account"
          name={name}
          required
          value={value}
          error={error}
          placeholder={list.isPending ? 'Loading accounts…' : options.length ? 'Choose an account' : 'No matching account'}
          options={options}
          onChange={(id) => {
            const a = found.find((x) => x.id === id);
            if (a) setChosen({ id: a.id, name: a.name });
            onChange(id);
          }}
          hint={editableOnly ? 'Only accounts you can change are listed.' : undefined}
        />
      </div>
    </div>
  );
}
