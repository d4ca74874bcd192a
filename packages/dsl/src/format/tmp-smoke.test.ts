import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { format } from './format.js';
test('smoke', () => {
  const text = readFileSync(new URL('../syntax/fixtures/ae.attain', import.meta.url), 'utf8');
  const r = format(text);
  console.log(JSON.stringify(r.diagnostics));
  console.log(r.text);
  console.log(format(r.text ?? '').text === r.text);
});
