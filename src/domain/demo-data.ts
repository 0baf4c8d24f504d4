/**
 * Pure building blocks for sample data (the demo workspace and the benchmark generator): a seeded
 * random generator, so the same seed always gives the same data, and pools of plausible names.
 * No I/O here.
 */

export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight: `weighted([['a', 3], ['b', 1]])` gives 'a' three times as often. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  chance(probability: number): boolean;
  shuffle<T>(items: readonly T[]): T[];
};

/** mulberry32: tiny, fast and good enough for sample data (not for secrets). */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return items[items.length - 1][0];
    },
    chance: (p) => next() < p,
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
  };
}

export type Country = 'GB' | 'US' | 'DE' | 'FR' | 'NL' | 'ES' | 'IT' | 'SE' | 'IE';

/** Given and family names by country, so a Lyon company's staff sound like a Lyon company's staff. */
const NAMES: Record<Country, { given: readonly string[]; family: readonly string[] }> = {
  GB: {
    given: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Jack', 'Grace', 'Thomas', 'Freya', 'James', 'Lucy', 'William', 'Chloe', 'Samuel', 'Ruth', 'Aisha', 'Rohan'],
    family: ['Hughes', 'Patel', 'Clarke', 'Turner', 'Wright', 'Walsh', 'Bennett', 'Shaw', 'Holmes', 'Fletcher', 'Ahmed', 'Barnes', 'Kaur', 'Doyle', 'Marsh', 'Ellis'],
  },
  IE: {
    given: ['Aoife', 'Cian', 'Niamh', 'Oisín', 'Siobhán', 'Darragh', 'Ciara', 'Eoin', 'Sinéad', 'Conor'],
    family: ['Murphy', 'Kelly', 'Byrne', 'Ryan', "O'Brien", 'Walsh', 'McCarthy', 'Gallagher', 'Doherty', 'Kennedy'],
  },
  US: {
    given: ['Michael', 'Jennifer', 'David', 'Ashley', 'Chris', 'Megan', 'Brian', 'Lauren', 'Kevin', 'Tanya', 'Jamal', 'Priscilla', 'Andre', 'Hannah', 'Luis', 'Kimberly'],
    family: ['Johnson', 'Martinez', 'Nguyen', 'Robinson', 'Brooks', 'Coleman', 'Ramirez', 'Sullivan', 'Foster', 'Hayes', 'Kim', 'Washington', 'Bryant', 'Price'],
  },
  DE: {
    given: ['Lukas', 'Anna', 'Maximilian', 'Katharina', 'Felix', 'Julia', 'Tobias', 'Sabine', 'Stefan', 'Lena', 'Matthias', 'Miriam', 'Florian', 'Jana'],
    family: ['Müller', 'Schneider', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Schulz', 'Koch', 'Richter', 'Wolf', 'Neumann', 'Zimmermann', 'Krüger', 'Hartmann'],
  },
  FR: {
    given: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Manon', 'Julien', 'Léa', 'Antoine', 'Claire', 'Mathieu', 'Inès', 'Nicolas', 'Élodie', 'Karim'],
    family: ['Martin', 'Bernard', 'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Roux', 'Fournier', 'Mercier', 'Blanc', 'Chevalier', 'Garnier', 'Benali', 'Faure'],
  },
  NL: {
    given: ['Daan', 'Sanne', 'Bram', 'Femke', 'Jeroen', 'Lotte', 'Ruben', 'Eva', 'Thijs', 'Anouk'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Mulder', 'Bos'],
  },
  ES: {
    given: ['Lucía', 'Javier', 'Marta', 'Pablo', 'Carmen', 'Sergio', 'Elena', 'Álvaro', 'Nuria', 'Diego'],
    family: ['García', 'Fernández', 'López', 'Martínez', 'Sánchez', 'Romero', 'Navarro', 'Torres', 'Gil', 'Ortega'],
  },
  IT: {
    given: ['Giulia', 'Marco', 'Francesca', 'Alessandro', 'Chiara', 'Luca', 'Valentina', 'Matteo', 'Sara', 'Davide'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
  },
  SE: {
    given: ['Erik', 'Maja', 'Oskar', 'Elsa', 'Johan', 'Ingrid', 'Nils', 'Astrid', 'Linnea', 'Gustav'],
    family: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Lindqvist', 'Berg'],
  },
};

export function personName(rng: Rng, country: Country): { given: string; family: string; full: string } {
  const pool = NAMES[country];
  const given = rng.pick(pool.given);
  const family = rng.pick(pool.family);
  return { given, family, full: `${given} ${family}` };
}

/** `Élodie O'Brien` -> `elodie.obrien`: the local part of a work email address. */
export function emailLocalPart(given: string, family: string): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${ascii(given)}.${ascii(family)}`;
}

/**
 * A phone number in each country's format. UK numbers use Ofcom's 020 7946 0xxx range and US
 * numbers 555-01xx, both set aside for fiction, so demo data never rings a real person.
 */
export function phoneNumber(rng: Rng, country: Country): string {
  const d = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  switch (country) {
    case 'GB':
      return `+44 20 7946 0${d(3)}`;
    case 'US':
      return `+1 (${rng.pick(['212', '415', '312', '617', '512'])}) 555-01${d(2)}`;
    case 'IE':
      return `+353 1 ${d(3)} ${d(4)}`;
    case 'DE':
      return `+49 ${rng.pick(['30', '89', '40', '69'])} ${d(4)} ${d(3)}`;
    case 'FR':
      return `+33 1 ${d(2)} ${d(2)} ${d(2)} ${d(2)}`;
    case 'NL':
      return `+31 20 ${d(3)} ${d(4)}`;
    case 'ES':
      return `+34 91 ${d(3)} ${d(2)} ${d(2)}`;
    case 'IT':
      return `+39 02 ${d(4)} ${d(4)}`;
    case 'SE':
      return `+46 8 ${d(3)} ${d(2)} ${d(2)}`;
  }
}

export const COUNTRIES: readonly Country[] = ['GB', 'US', 'DE', 'FR', 'NL', 'ES', 'IT', 'SE', 'IE'];

export const CURRENCY_OF: Record<Country, 'EUR' | 'GBP' | 'USD'> = {
  GB: 'GBP',
  US: 'USD',
  DE: 'EUR',
  FR: 'EUR',
  NL: 'EUR',
  ES: 'EUR',
  IT: 'EUR',
  SE: 'EUR',
  IE: 'EUR',
};

const TLD: Record<Country, string> = { GB: 'co.uk', US: 'com', DE: 'de', FR: 'fr', NL: 'nl', ES: 'es', IT: 'it', SE: 'se', IE: 'ie' };

export const INDUSTRIES = [
  'Logistics',
  'Industrial manufacturing',
  'Software',
  'Financial services',
  'Healthcare',
  'Retail',
  'Energy',
  'Construction',
  'Food & beverage',
  'Professional services',
  'Telecommunications',
  'Education',
] as const;

const NAME_STEMS = ['Kestrel', 'Northgate', 'Alder', 'Brightwater', 'Corvid', 'Halden', 'Meridian', 'Oakridge', 'Solvent', 'Tamar', 'Vireo', 'Wexford', 'Ashby', 'Calder', 'Ember', 'Fjord', 'Granite', 'Harbour', 'Iris', 'Juniper', 'Lumen', 'Marlow', 'Nimbus', 'Orchard', 'Pioneer', 'Quarry', 'Riverside', 'Saltire', 'Thistle', 'Upland', 'Vantage', 'Willow'];
const NAME_SUFFIXES = ['Logistics', 'Systems', 'Group', 'Holdings', 'Partners', 'Foods', 'Energy', 'Labs', 'Industries', 'Health', 'Analytics', 'Freight', 'Retail', 'Engineering', 'Capital', 'Networks'];

/** A plausible company with its domain, for bulk sample data; `n` keeps names distinct at scale. */
export function companyName(rng: Rng, n?: number): { name: string; domain: string; country: Country } {
  const country = rng.pick(COUNTRIES);
  const base = `${rng.pick(NAME_STEMS)} ${rng.pick(NAME_SUFFIXES)}`;
  const name = n === undefined ? base : `${base} ${n}`;
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.${TLD[country]}`;
  return { name, domain, country };
}

/**
 * A UUIDv7 for a given instant, from 16 random bytes (10 of them used). Sample data is backdated,
 * and its ids must carry the backdated time: lists and history page by id. (`newId()` cannot: it is
 * monotonic within the process, so it clamps a past time to "now".)
 */
export function uuidV7At(ms: number, random: Uint8Array): string {
  let h = '';
  for (let i = 0; i < 16; i++) {
    const byte =
      i < 6 ? Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff // 48-bit big-endian milliseconds
      : i === 6 ? 0x70 | (random[i] & 0x0f) // version 7
      : i === 8 ? 0x80 | (random[i] & 0x3f) // RFC 4122 variant
      : random[i];
    h += HEX[byte];
    if (i === 3 || i === 5 || i === 7 || i === 9) h += '-';
  }
  return h;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`. */
function zoneOffsetMs(ms: number, timeZone: string): number {
  let f = zoneFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    zoneFormatters.set(timeZone, f);
  }
  const parts = f.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant of a wall-clock time on a calendar date in `timeZone` (09:30 on 2026-11-20 in Paris).
 * Sample data dates each event in its owner's own day, so "done the day before it was due" reads
 * the same wherever the owner lives. The second pass settles the offset near a DST change.
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + hour * 3_600_000 + minute * 60_000;
  const first = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(first, timeZone);
}
