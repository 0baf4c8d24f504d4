import { useEffect, useState } from 'react';

export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Advance` : 'Advance';
  }, [title]);
}

export function useDebounced<T>(value: T, ms = 250): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}
