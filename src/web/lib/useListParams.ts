import { useSearchParams } from 'react-router';

/** A list's filters as the address gives them, each missing one at its default. */
export function listValues<K extends string>(defaults: Record<K, string>, search: URLSearchParams): Record<K, string> {
  return Object.fromEntries(Object.entries<string>(defaults).map(([k, d]) => [k, search.get(k) ?? d])) as Record<K, string>;
}

/**
 * List filters live in the address (shareable, survive reload and back). Defaults are left out of
 * the URL; changing a filter replaces the history entry instead of stacking one per keystroke.
 */
export function useListParams<K extends string>(defaults: Record<K, string>) {
  const [search, setSearch] = useSearchParams();
  const values = listValues(defaults, search);
  const set = (key: K, value: string) => {
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === defaults[key]) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };
  const reset = () => setSearch(new URLSearchParams(), { replace: true });
  const isFiltered = (Object.keys(defaults) as K[]).some((k) => k !== 'sort' && values[k] !== defaults[k]);
  /** Props for a filter control: its name, value and onChange. */
  const field = (key: K) => ({ name: key, value: values[key], onChange: (value: string) => set(key, value) });
  return { values, set, field, reset, isFiltered };
}
