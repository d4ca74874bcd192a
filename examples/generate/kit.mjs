/**
 * Helpers of the example data generator: a seeded random generator, names, money and dates as
 * text, and CSV output. Everything is deterministic.
 */
/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer from `min` to `max`, both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Margaret',
  'Dennis',
  'Radia',
  'Niklaus',
  'Hedy',
  'Tim',
  'Sophie',
  'Linus',
  'Karen',
  'Guido',
  'Anita',
  'Bjarne',
  'Joan',
  'James',
  'Shafi',
  'John',
  'Mary',
  'Leslie',
  'Evelyn',
  'Butler',
  'Jean',
  'Ivan',
  'Lynn',
  'Fernando',
  'Cynthia',
  'Whitfield',
  'Susan',
  'Robin',
  'Adele',
  'Vint',
  'Marissa',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Hamilton',
  'Ritchie',
  'Perlman',
  'Wirth',
  'Lamarr',
  'Berners-Lee',
  'Wilson',
  'Torvalds',
  'Jones',
  'van Rossum',
  'Borg',
  'Stroustrup',
  'Clarke',
  'Gosling',
  'Goldwasser',
  'McCarthy',
  'Keller',
  'Lamport',
  'Boyd',
  'Lampson',
  'Bartik',
  'Sutherland',
  'Conway',
  'Corbato',
  'Dwork',
  'Diffie',
  'Kare',
  'Milner',
  'Goldberg',
  'Cerf',
  'Mayer',
];

/** Made-up names drawn by `rng`, never the same one twice (nor one of `taken`). */
export function nameMaker(rng, taken = []) {
  const used = new Set(taken);
  return () => {
    for (;;) {
      const name = `${rng.pick(firstNames)} ${rng.pick(lastNames)}`;
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
  };
}

/** Cents as a decimal string: 1234550 -> "12345.50". */
export function money(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A date `days` days after `start` (both `YYYY-MM-DD`, UTC). */
export function addDays(start, days) {
  const date = new Date(`${start}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A random day from `from` to `to`, both included. */
export function dayBetween(rng, from, to) {
  const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return addDays(from, rng.int(0, span));
}

/** A CSV cell, quoted when it holds a comma, a quote or a line break. */
function cell(value) {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text: the header, then one line per row (rows are objects keyed by column). */
export function csv(columns, rows) {
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => cell(row[c])).join(','))];
  return `${lines.join('\n')}\n`;
}

export const byKeys =
  (...keys) =>
  (a, b) => {
    for (const key of keys) {
      if (a[key] < b[key]) return -1;
      if (a[key] > b[key]) return 1;
    }
    return 0;
  };

/** Numbers ids in order: `ids('D-', 2001)` gives D-2001, D-2002... */
export function ids(prefix, first) {
  let next = first;
  return () => `${prefix}${next++}`;
}
