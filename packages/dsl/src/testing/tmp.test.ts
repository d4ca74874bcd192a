import { test } from 'vitest';
import fc from 'fast-check';
import { parse } from '../syntax/parse.js';
import { generatePlan } from './generate-plan.js';
import { validPlanArbitrary } from './arbitrary.js';
test('gen', () => {
  const text = generatePlan(200, 1);
  console.log(text);
  console.log(JSON.stringify(parse(text).diagnostics.slice(0, 5)));
  const [sample] = fc.sample(validPlanArbitrary({ maxDeclarations: 5 }), { numRuns: 1, seed: 3 });
  console.log(sample);
  console.log(JSON.stringify(parse(sample ?? '').diagnostics.slice(0, 5)));
});
