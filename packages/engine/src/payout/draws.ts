/**
 * Draws: advances paid when earnings fall short.
 *
 * In each period of the draw (with `for N periods`, N consecutive calendar periods from the one
 * containing the payee's first day on the plan, off-plan periods included; every period without), a draw of amount D pays `D − max(earned, 0)` when that is positive (a `draw`
 * line). A recoverable draw adds what it paid to the balance `draw:<name>`, which the payee owes;
 * a non-recoverable one keeps no balance and is never paid back.
 *
 * Recovery (recoverable draws): while the balance is positive, earnings above the draw are taken
 * back, at most the balance (a negative `draw-recovery` line): above D in the draw's periods, above
 * zero after them (the draw no longer applies, so every earning counts as excess). The earnings
 * recovered from are those the period pays: what holdbacks keep back this period is not paid, so
 * it is no excess (and what they release is). A recovery never takes more than the balance nor
 * more than the excess, so the balance never goes negative and the payout never drops below the
 * draw (below zero after the draw's periods) through a recovery. The excess leaves out the period's
 * clawback and manual lines: with them the payout can still end below it (engine.md, Draws).
 *
 * True-up (`true up at year end`): in the last period of a fiscal year, or the period the plan ends
 * in, a balance still owed after that period's draw and recovery is forgiven: the balance goes to
 * zero and a `draw` line of amount 0 (id `draw:<name>:true-up`) records the write-off in its trace.
 * Without a true-up the balance carries into the next year.
 *
 * With several draws, each sees earnings plus what the draws before it paid in the period, so two
 * draws never both pay the same shortfall.
 */
import type { Draw } from '@attain/dsl';
import { type Dec, ZERO } from '../decimal.js';
import type { AdjustmentLine } from '../results/results.js';
import { adjustmentLine, type LineEnv, moneyInput, moneyText } from './lines.js';
import { lineAmount, positive } from './money.js';
import type { DrawTerm } from './terms.js';

/** The balance name of a recoverable draw. */
export function drawBalance(draw: Draw): string {
  return `draw:${draw.name}`;
}

/**
 * The draw lines of one period. `balances` holds the balances carried in and is updated to the
 * balances carried out. `held`: the sum of the period's holdback lines (negative when they keep
 * money back), which recoveries do not take.
 */
export function drawLines(
  env: LineEnv,
  terms: readonly DrawTerm[],
  earned: Dec,
  balances: Map<string, Dec>,
  held: Dec = ZERO,
): AdjustmentLine[] {
  const lines: AdjustmentLine[] = [];
  let base = earned;
  for (const term of terms) {
    for (const { line, amount } of oneDraw(env, term, base, held, balances)) {
      lines.push(line);
      base = base.plus(amount);
    }
  }
  return lines;
}

interface Made {
  line: AdjustmentLine;
  amount: Dec;
}

function oneDraw(env: LineEnv, term: DrawTerm, base: Dec, held: Dec, balances: Map<string, Dec>): Made[] {
  const { draw } = term;
  const key = drawBalance(draw);
  const opening = draw.recoverable ? (balances.get(key) ?? ZERO) : ZERO;
  let balance = opening;
  const made: Made[] = [];
  const amount = term.amount === null ? null : lineAmount(term.amount, env.rounding);
  const active = term.position !== undefined && amount !== null;
  const covered = positive(base);
  // Read after its name: "draw period 1 of 2", "draw period ended".
  const periodText =
    term.position === undefined
      ? 'ended'
      : `${term.position}${draw.periods === undefined ? '' : ` of ${draw.periods}`}`;
  const m = (value: Dec) => moneyText(env, value);
  const inputs = (extra: { name: string; value: Dec }[]) => [
    ...(amount !== null && active ? [moneyInput(env, 'draw', amount)] : []),
    moneyInput(env, 'earned', base),
    { name: 'draw period', value: periodText },
    ...extra.map((e) => moneyInput(env, e.name, e.value)),
  ];

  if (active && amount.greaterThan(covered)) {
    const paid = amount.minus(covered);
    if (draw.recoverable) balance = balance.plus(paid);
    const owed = draw.recoverable ? `; ${m(balance)} now owed` : '; not recoverable';
    made.push({
      amount: paid,
      line: adjustmentLine(env, {
        id: `draw:${draw.name}`,
        kind: 'draw',
        element: draw,
        amount: paid,
        inputs: inputs(draw.recoverable ? [{ name: 'balance before', value: opening }] : []),
        text: `earnings of ${m(base)} fell short of the ${m(amount)} draw: it pays ${m(amount)} - max(${m(base)}, ${m(ZERO)}) = ${m(paid)}${owed}`,
      }),
    });
  } else if (draw.recoverable && balance.isPositive() && !balance.isZero()) {
    const threshold = active ? amount : ZERO;
    const paying = base.plus(held);
    const excess = paying.minus(threshold);
    if (excess.isPositive() && !excess.isZero()) {
      const recovered = excess.lessThan(balance) ? excess : balance;
      balance = balance.minus(recovered);
      made.push({
        amount: recovered.neg(),
        line: adjustmentLine(env, {
          id: `draw-recovery:${draw.name}`,
          kind: 'draw-recovery',
          ruleKind: 'draw',
          element: draw,
          amount: recovered.neg(),
          inputs: inputs([
            ...(held.isZero() ? [] : [{ name: 'holdbacks', value: held }]),
            { name: 'balance before', value: opening },
          ]),
          // With holdbacks, what the period pays is earnings plus its holdback lines (kept back:
          // negative; released: positive, even in a period that earns nothing).
          text: held.isZero()
            ? `recovers ${m(recovered)} of the ${m(opening)} draw balance from earnings above ${m(threshold)}; ${m(balance)} still owed`
            : `recovers ${m(recovered)} of the ${m(opening)} draw balance from what this period pays above ${m(threshold)} (earned ${m(base)} + holdbacks ${m(held)} = ${m(paying)}); ${m(balance)} still owed`,
        }),
      });
    }
  }

  if (draw.recoverable && draw.trueUpAtYearEnd && term.yearEnd && balance.isPositive() && !balance.isZero()) {
    made.push({
      amount: ZERO,
      line: adjustmentLine(env, {
        id: `draw:${draw.name}:true-up`,
        kind: 'draw',
        element: draw,
        amount: ZERO,
        inputs: [moneyInput(env, 'balance forgiven', balance)],
        text: `true-up at year end: the remaining draw balance of ${m(balance)} is forgiven`,
        reason: `year-end true-up: ${m(balance)} of draw balance forgiven`,
      }),
    });
    balance = ZERO;
  }
  if (draw.recoverable) balances.set(key, balance);
  return made;
}
