import { useState } from 'react';

const KEY = 'advance.onTrack';

/**
 * "Still on track" for a commitment due soon is a note to oneself, not a change to the plan: it is
 * kept in this browser, per commitment and due date, so a re-dated commitment asks again.
 */
function read(): Record<string, string> {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function useOnTrack(today: string) {
  const [marks, setMarks] = useState(read);
  const confirm = (id: string, dueDate: string) => {
    // Only future and current due dates matter; older notes are dropped as new ones are written.
    const next = Object.fromEntries(Object.entries({ ...marks, [id]: dueDate }).filter(([, d]) => d >= today));
    setMarks(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // storage may be blocked: the note lasts until the page is left
    }
  };
  return { isConfirmed: (id: string, dueDate: string) => marks[id] === dueDate, confirm };
}
