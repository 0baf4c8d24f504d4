import { useMemo } from 'react';
import { timeZoneLabel } from '../lib/format';
import { SelectField } from './Field';

export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function allTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [browserTimeZone(), 'UTC'];
  }
}

/** An IANA time zone picker; `defaultLabel` adds an empty choice meaning "use the default". */
export function TimeZoneSelect(props: { label: string; name: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; required?: boolean; defaultLabel?: string; disabled?: boolean }) {
  const { value, defaultLabel, ...rest } = props;
  const options = useMemo(() => {
    const zones = allTimeZones();
    if (value && !zones.includes(value)) zones.unshift(value);
    if (!zones.includes('UTC')) zones.push('UTC');
    return zones.map((z) => ({ value: z, label: timeZoneLabel(z) }));
  }, [value]);
  return <SelectField {...rest} required={props.required ?? true} value={value} options={options} placeholder={defaultLabel} />;
}
