import { test } from 'vitest';
import { parse } from '../syntax/parse.js';
test('smoke', () => {
  const text = `plan "x" {
  currency USD
  /** Paid */
  commission a = 5 USD
}`;
  const r = parse(text);
  const strip = (k: string, v: unknown) => (k === 'range' && typeof v === 'object' && v ? `${(v as any).start.offset}-${(v as any).end.offset}` : v);
  console.log(JSON.stringify(r.file, strip, 1));
});
