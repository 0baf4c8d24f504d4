import { useState } from 'react';

/** Whether a record page shows its edit form, with the two ways in and out. */
export function useEditToggle() {
  const [editing, setEditing] = useState(false);
  return { editing, start: () => setEditing(true), stop: () => setEditing(false) };
}

export type EditToggle = ReturnType<typeof useEditToggle>;
