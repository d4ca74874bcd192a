/**
 * The generated plan before layout: header settings and declarations as canonical lines, plus the
 * state the generators share (names in use, what has been declared so far).
 */
import { ExpressionGenerator } from './expressions.js';
import type { Random } from './random.js';
import { emptyScope, type Scope, type SourceModel } from './scope.js';

/** One generated declaration (or header setting) as canonical lines, indented relative to the plan body. */
export interface GenDecl {
  /** The AST kind it will parse to, for blank-line expectations. */
  kind: string;
  /** Doc comment text (without markers). */
  doc?: string;
  lines: string[];
}

/** A generated plan. */
export interface GenPlan {
  name: string;
  version?: string;
  /** Doc comment of the plan. */
  doc?: string;
  headers: GenDecl[];
  declarations: GenDecl[];
}

export type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** How many calculation periods a year has. */
export const periodsPerYear: Readonly<Record<PeriodKind, number>> = {
  month: 12,
  quarter: 4,
  half: 2,
  year: 1,
};

/** What the declaration generators know about the plan being generated. */
export class PlanState {
  readonly scope: Scope;
  private readonly used = new Set<string>();
  /** Sources with an owner and a dated field. */
  readonly transactions: SourceModel[] = [];
  splitSource?: SourceModel;
  accounts?: SourceModel;
  hasTerritories = false;
  readonly credits: string[] = [];
  readonly quotas: string[] = [];
  readonly earnings: string[] = [];
  /** Percent measures usable as what a rate table or pay curve is on. */
  readonly attainments: string[] = [];

  constructor(
    readonly random: Random,
    readonly currency: string,
    readonly year: number,
    readonly period: PeriodKind,
  ) {
    this.scope = emptyScope(currency, year);
  }

  /** A name not used yet, based on `base`. */
  fresh(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** Expressions over the plan-level scope. */
  expressions(): ExpressionGenerator {
    return new ExpressionGenerator(this.random, this.scope);
  }
}
