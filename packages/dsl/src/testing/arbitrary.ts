/**
 * fast-check arbitraries for property tests: valid plans as text, in a tidy or a random layout
 * with comments, and well-typed expressions inside a valid plan. Every plan they produce compiles
 * without errors (warnings, such as unused definitions, may remain).
 */
import fc from 'fast-check';
import { ExpressionGenerator } from './expressions.js';
import { randomLayout, tidyLayout } from './layout.js';
import { generatePlanModel, startPlan } from './plan-gen.js';
import { FastCheckRandom } from './random.js';
import type { ValueType } from './scope.js';

/** Options of {@link validPlanArbitrary}. */
export interface PlanArbitraryOptions {
  /** Most declarations after the fixed start (payee, sources, a credit, a quota, an attainment). */
  maxDeclarations?: number;
  /** `random` (default): random whitespace, line breaks and comments; `tidy`: a conventional layout. */
  layout?: 'random' | 'tidy';
}

/** Valid plans as text. */
export function validPlanArbitrary(options: PlanArbitraryOptions = {}): fc.Arbitrary<string> {
  const max = options.maxDeclarations ?? 12;
  return fc.gen().map((gen) => {
    const random = new FastCheckRandom(gen);
    const plan = generatePlanModel(random, random.int(0, max));
    return options.layout === 'tidy' ? tidyLayout(plan) : randomLayout(plan, random);
  });
}

/** A well-typed expression and a valid plan that uses it as `let probe: <type> = <expression>`. */
export interface TypedExpression {
  type: ValueType;
  expression: string;
  plan: string;
}

/** Well-typed expressions of `type`, with a plan around them that declares what they use. */
export function typedExpressionArbitrary(type: ValueType, maxDepth = 3): fc.Arbitrary<TypedExpression> {
  return fc.gen().map((gen) => {
    const random = new FastCheckRandom(gen);
    const { state, plan } = startPlan(random);
    const expression = new ExpressionGenerator(random, state.scope).generate(type, random.int(0, maxDepth));
    plan.declarations.push({ kind: 'Let', lines: [`let ${state.fresh('probe')}: ${type} = ${expression}`] });
    return { type, expression, plan: tidyLayout(plan) };
  });
}
