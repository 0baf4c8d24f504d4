/** Currencies offered first; any ISO 4217 code already on a record is offered too. */
const COMMON = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'JPY', 'CNY', 'HKD', 'SGD', 'INR', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'BRL', 'MXN', 'ZAR', 'AED', 'ILS', 'KRW'];

const REGION_CURRENCY: Record<string, string> = { US: 'USD', GB: 'GBP', CH: 'CHF', CA: 'CAD', AU: 'AUD', NZ: 'NZD', JP: 'JPY', IN: 'INR', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', BR: 'BRL', MX: 'MXN', SG: 'SGD', ZA: 'ZAR' };
const EURO_REGIONS = new Set(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK']);
const STORAGE_KEY = 'advance.lastCurrency';

function names(): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames(undefined, { type: 'currency' });
  } catch {
    return null;
  }
}

export function currencyOptions(extra?: string): { value: string; label: string }[] {
  const display = names();
  const codes = extra && !COMMON.includes(extra) ? [extra, ...COMMON] : COMMON;
  return codes.map((c) => ({ value: c, label: display ? `${c} — ${display.of(c) ?? c}` : c }));
}

/** The currency a new opportunity starts with: the last one used here, else the browser region's. */
export function defaultCurrency(): string {
  try {
    const last = localStorage.getItem(STORAGE_KEY);
    if (last && /^[A-Z]{3}$/.test(last)) return last;
  } catch {
    // storage may be blocked; fall through
  }
  const region = new Intl.Locale(navigator.language || 'en-US').maximize().region ?? 'US';
  return EURO_REGIONS.has(region) ? 'EUR' : (REGION_CURRENCY[region] ?? 'USD');
}

export function rememberCurrency(currency: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, currency);
  } catch {
    // not important
  }
}
