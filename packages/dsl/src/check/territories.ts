/**
 * Territory checks: rules are conditions on the account source; two territories of equal priority
 * whose rules (tests of fields against literals: equalities, lists, ranges) or named accounts can
 * match the same account overlap (AT5104, warning);
 * a rule whose tests contradict each other never matches (AT5105, warning); rules are read once
 * per account, for all payees and all periods, so they cannot read the payee (AT5008) or the
 * period (AT5010).
 */
import type { Range } from '../diagnostics/diagnostic.js';
import type { Expr, TerritoriesDecl, TerritoryDecl } from '../syntax/ast.js';
import { markEnclosed, recordsOf } from './aggregates.js';
import { type CheckContext, report } from './context.js';
import { checkCount } from './counts.js';
import { toDecimal } from './decimal.js';
import { typeCondition, typeExpr } from './expressions.js';
import { describeUse, type PayeeUse, rejectPayeeUses, rejectPeriodUses } from './no-payee.js';
import { type Conjunction, overlaps, type RuleContext, readRule } from './territory-rules.js';
import { formatType, isQuantity } from './types.js';

interface TerritoryInfo {
  decl: TerritoryDecl;
  name: string;
  priority: string;
  rule?: Conjunction[];
  /** Where the rule is written (its first `where`). */
  ruleRange?: Range;
}

/** Checks a `territories` block. */
export function checkTerritories(ctx: CheckContext, block: TerritoriesDecl): void {
  const source = block.source ? ctx.schema.sources.get(block.source.text) : undefined;
  const rc: RuleContext = { ctx, source, spellings: new Map() };
  const infos = block.territories.map((t) => checkTerritory(ctx, rc, t));
  if (block.by !== 'priority') return;
  checkNamedOverlaps(ctx, infos);
  for (let i = 0; i < infos.length; i++) {
    for (let j = i + 1; j < infos.length; j++) {
      const a = infos[i] as TerritoryInfo;
      const b = infos[j] as TerritoryInfo;
      if (a.priority !== b.priority || !a.rule || !b.rule || !b.ruleRange || !a.ruleRange) continue;
      const aRule = a.rule;
      if (!b.rule.some((y) => aRule.some((x) => overlaps(rc, x, y)))) continue;
      report(
        ctx,
        'AT5104',
        b.ruleRange,
        `Territories ${a.name} and ${b.name} can both match the same account, and neither has a higher priority: give them different priorities or make their rules exclusive`,
        [{ message: `The rule of ${a.name} is here`, range: a.ruleRange }],
      );
    }
  }
}

function checkTerritory(ctx: CheckContext, rc: RuleContext, territory: TerritoryDecl): TerritoryInfo {
  const name = territory.name?.text ?? 'this territory';
  const conditions: Expr[] = [];
  let priority = 'none';
  let ruleRange: Range | undefined;
  for (const clause of territory.clauses) {
    switch (clause.kind) {
      case 'TerritoryWhere':
        if (!clause.condition) break;
        if (rc.source) markEnclosed(ctx, clause.condition, recordsOf(rc.source));
        typeCondition(ctx, clause.condition, `after \`where\` in territory ${name}`);
        rejectRuleUses(ctx, clause.condition, `The \`where\` of territory ${name}`);
        conditions.push(clause.condition);
        ruleRange ??= clause.range;
        break;
      case 'TerritoryScore': {
        if (!clause.score) break;
        if (rc.source) markEnclosed(ctx, clause.score, recordsOf(rc.source));
        const type = typeExpr(ctx, clause.score);
        rejectRuleUses(ctx, clause.score, `The score of territory ${name}`);
        if (!isQuantity(type)) {
          report(
            ctx,
            'AT3001',
            clause.score.range,
            `A territory score must be a number, percentage or amount, but this is ${formatType(type)}`,
          );
        }
        break;
      }
      case 'TerritoryPriority':
        if (clause.priority) {
          if (!clause.priority.integer)
            report(ctx, 'AT3001', clause.priority.range, 'A priority must be a whole number');
          else checkCount(ctx, clause.priority, 'A priority', 0);
          priority = toDecimal(clause.priority.value)?.toString() ?? clause.priority.value;
        }
        break;
      default:
        break;
    }
  }
  const info: TerritoryInfo = { decl: territory, name, priority };
  if (conditions.length === 0 || !ruleRange) return info;
  info.ruleRange = ruleRange;
  const rule = readRule(rc, conditions);
  if (!rule) return info;
  info.rule = rule;
  const contradiction = rule.every((c) => c.contradiction) ? rule[0]?.contradiction : undefined;
  if (contradiction) {
    report(ctx, 'AT5105', ruleRange, `Territory ${name} can never match an account: ${contradiction}`);
  }
  return info;
}

/** AT5008 and AT5010: a territory rule reads neither the payee nor the period. */
function rejectRuleUses(ctx: CheckContext, expr: Expr, rule: string): void {
  const payee = rejectPayeeUses(ctx, expr, (use) => ruleReadsPayee(rule, use));
  rejectPeriodUses(ctx, expr, payee, (use) => ruleReadsPeriod(rule, use));
}

/**
 * AT5010 for the period read in a territory rule: an account is placed in each period by its own
 * fields (the engine reads `today` there as the period's last day, a `convert` without a date at
 * its rate), never by which period is paid.
 */
function ruleReadsPeriod(rule: string, use: PayeeUse): string {
  return `${rule} reads ${describeUse(use)}, but a territory's rules place an account by its own fields, never by the period paid: test the account's fields only, and change who covers the territory over time with \`assign ... from ... to ...\` dates`;
}

/** AT5008 for a payee read in a territory rule: rules test the account alone. */
function ruleReadsPayee(rule: string, use: PayeeUse): string {
  return `${rule} reads ${describeUse(use)}, but accounts are placed in territories once for all payees, before it is known whose credit a record is, so there is no payee there: test the account's fields only, and give the territory its payees with \`assign\``;
}

/** An account named in two territories of equal priority is claimed by both. */
function checkNamedOverlaps(ctx: CheckContext, infos: readonly TerritoryInfo[]): void {
  const claimed = new Map<string, { info: TerritoryInfo; range: Range }>();
  for (const info of infos) {
    for (const clause of info.decl.clauses) {
      if (clause.kind !== 'TerritoryNamed') continue;
      for (const account of clause.accounts) {
        const key = `${info.priority}\u0000${account.value}`;
        const first = claimed.get(key);
        if (!first) {
          claimed.set(key, { info, range: account.range });
        } else if (first.info !== info) {
          report(
            ctx,
            'AT5104',
            account.range,
            `Account ${JSON.stringify(account.value)} is named in territories ${first.info.name} and ${info.name}, and neither has a higher priority`,
            [{ message: `Named in ${first.info.name} here`, range: first.range }],
          );
        }
      }
    }
  }
}
