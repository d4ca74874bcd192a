import { describe, expect, test } from 'vitest';
import { compile } from '../compile.js';
import { format } from '../format/format.js';
import { generatePlan } from './generate-plan.js';

describe('generatePlan', () => {
  test('the same size and seed always give the same plan; another seed another plan', () => {
    expect(generatePlan(300, 42)).toBe(generatePlan(300, 42));
    expect(generatePlan(300, 42)).not.toBe(generatePlan(300, 43));
  });

  test.each([500, 2000])(
    'a plan of about %i lines compiles without errors',
    (lines) => {
      const text = generatePlan(lines, lines);
      const count = text.split('\n').length;
      expect(count).toBeGreaterThanOrEqual(lines);
      expect(count).toBeLessThan(lines * 1.05 + 20);
      const result = compile(text);
      expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(result.plan?.earnings.length).toBeGreaterThan(lines / 60);
    },
    60_000,
  );

  test('a 5,000-line plan compiles and formats to a fixed point', () => {
    const text = generatePlan(5000, 5);
    expect(text.split('\n').length).toBeGreaterThanOrEqual(5000);
    expect(compile(text).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const formatted = format(text).text ?? '';
    expect(format(formatted).text).toBe(formatted);
  }, 60_000);

  test('small requests still give a whole valid plan', () => {
    const text = generatePlan(0, 1);
    expect(compile(text).plan).toBeDefined();
  });
});
