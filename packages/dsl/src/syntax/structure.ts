/**
 * Structure checks of the syntax family that need the whole tree: required header settings
 * (AT1101), repeated settings (AT1102), a missing plan (AT1103) and unknown month names (AT1104).
 */
import type { Diagnostic, Range } from '../diagnostics/diagnostic.js';
import type { File, HeaderSetting, PlanDecl } from './ast.js';
import { likelyMonth } from './months.js';
import { diagnostic, quote } from './report.js';

type SettingKind = HeaderSetting['kind'];

const settingWords: Record<SettingKind, string> = {
  CurrencySetting: 'currency',
  PeriodSetting: 'period',
  FiscalYearSetting: 'fiscal year',
  EffectiveSetting: 'effective',
  RoundingSetting: 'rounding',
};

const requiredSettings: { kind: SettingKind; example: string }[] = [
  { kind: 'CurrencySetting', example: 'currency USD' },
  { kind: 'PeriodSetting', example: 'period quarter' },
  { kind: 'EffectiveSetting', example: 'effective 2026-01-01 to 2026-12-31' },
];

const settingKinds = new Set<string>(Object.keys(settingWords));

function isSetting(item: { kind: string }): item is HeaderSetting {
  return settingKinds.has(item.kind);
}

/**
 * Checks the plan's structure. `noPlanRange` is where to report a file without a plan (the first
 * token, or the start of the file).
 */
export function checkStructure(file: File, noPlanRange: Range): Diagnostic[] {
  const plan = file.plan;
  if (plan === undefined) {
    return [
      diagnostic('AT1103', 'This file has no plan: start it with `plan "Plan name" { ... }`', noPlanRange),
    ];
  }
  return [...checkSettings(plan), ...checkMonths(plan)];
}

function checkSettings(plan: PlanDecl): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const first = new Map<SettingKind, HeaderSetting>();
  for (const item of plan.items) {
    if (!isSetting(item)) continue;
    const earlier = first.get(item.kind);
    if (earlier === undefined) {
      first.set(item.kind, item);
      continue;
    }
    const word = settingWords[item.kind];
    diagnostics.push({
      ...diagnostic('AT1102', `The plan sets \`${word}\` more than once: keep one`, item.range),
      related: [{ message: `\`${word}\` is first set here`, range: earlier.range }],
    });
  }
  const headerRange = planHeaderRange(plan);
  for (const { kind, example } of requiredSettings) {
    if (first.has(kind)) continue;
    const word = settingWords[kind];
    const article = /^[aeiou]/.test(word) ? 'an' : 'a';
    diagnostics.push(
      diagnostic(
        'AT1101',
        `The plan needs ${article} \`${word}\` setting, for example \`${example}\``,
        headerRange,
      ),
    );
  }
  return diagnostics;
}

/** `plan "Name" version "x"`: where plan-level diagnostics are shown. */
function planHeaderRange(plan: PlanDecl): Range {
  const last = plan.version ?? plan.name;
  if (last === undefined) return { start: plan.range.start, end: plan.range.start };
  return { start: plan.range.start, end: last.range.end };
}

function checkMonths(plan: PlanDecl): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const item of plan.items) {
    if (item.kind !== 'FiscalYearSetting' || item.monthName === undefined || item.month !== undefined)
      continue;
    const guess = likelyMonth(item.monthName.text);
    const hint =
      guess === undefined ? 'write a month from january to december' : `did you mean \`${guess}\`?`;
    diagnostics.push(
      diagnostic(
        'AT1104',
        `${quote(item.monthName.text)} is not a month name: ${hint}`,
        item.monthName.range,
      ),
    );
  }
  return diagnostics;
}
