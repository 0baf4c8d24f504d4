import { useEffect, useState } from 'react';
import { useUsers } from '../../app/directory';
import { useMe } from '../../app/session';
import { useDebounced } from '../../lib/hooks';
import { SelectField, TextField } from '../../ui/Field';

/** The list's search box: types freely, updates the address (and the query) after a pause. */
export function ListSearch({ value, onChange, label }: { value: string; onChange: (v: string) => void; label: string }) {
  const [text, setText] = useState(value);
  const debounced = useDebounced(text, 300);
  // Only the debounced text drives the address; a cleared address ("Clear filters") clears the box.
  useEffect(() => {
    if (debounced.trim() !== value) onChange(debounced.trim());
  }, [debounced]);
  useEffect(() => {
    if (value === '') setText('');
  }, [value]);
  return <TextField className="toolbar-search" type="search" label={label} name="q" required value={text} onChange={setText} placeholder="Name or domain" />;
}

export function OwnerFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const me = useMe();
  const users = useUsers();
  const others = (users.data ?? []).filter((u) => u.id !== me.user.id).map((u) => ({ value: u.id, label: u.name }));
  return (
    <SelectField
      label="Owner"
      name="ownerId"
      required
      value={value}
      onChange={onChange}
      placeholder="Anyone"
      options={[{ value: me.user.id, label: 'Me' }, ...others]}
    />
  );
}

export function ArchivedFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  return (
    <SelectField
      label="Show"
      name="archived"
      required
      value={value}
      onChange={onChange}
      options={[
        { value: 'active', label: 'Active' },
        { value: 'archived', label: 'Archived' },
        { value: 'all', label: 'Active and archived' },
      ]}
    />
  );
}

export function SortBy({ value, onChange, options }: { value: string; onChange: (v: string) => void; options: { value: string; label: string }[] }) {
  return <SelectField label="Sort by" name="sort" required value={value} onChange={onChange} options={options} />;
}
