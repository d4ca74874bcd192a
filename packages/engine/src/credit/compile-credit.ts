/**
 * Credits compiled for evaluation: the condition and amount as closures over the source's
 * records, and each recipient resolved to field positions.
 */
import type { Credit } from '@attain/dsl';
import type { SourceSchema } from '../data/model.js';
import { Dec } from '../decimal.js';
import { type CompileEnv, compile, type Fn } from '../evaluate/compile.js';
import type { Def } from '../evaluate/program.js';
import type { CreditRole } from '../results/results.js';

/** A recipient clause with its field positions. */
export type CompiledRecipient = (
  | { kind: 'field'; field: number }
  | { kind: 'territory'; account: number }
  | { kind: 'managers'; of: number; levels: number }
) & {
  share: Dec;
  /** The share is 100%: the recipient is credited the amount itself. */
  whole: boolean;
  overlay: boolean;
};

/**
 * The role of the lines recipient `r` credits (crediting gives it, explanations match on it):
 * an overlay recipient, or one reached through an overlay territory assignment (`cover`), is
 * `overlay`; else a field is `owner` for a full share and `split` for part, a territory
 * `territory`, a roll-up `manager`.
 */
export function recipientRole(r: CompiledRecipient, cover?: 'primary' | 'overlay'): CreditRole {
  if (r.overlay || cover === 'overlay') return 'overlay';
  return r.kind === 'field'
    ? r.whole
      ? 'owner'
      : 'split'
    : r.kind === 'territory'
      ? 'territory'
      : 'manager';
}

/** A split source: who gets which share of each record, by the record's key. */
export interface CompiledSplit {
  schema: SourceSchema;
  on: number;
  payee: number;
  share: number;
}

/** A credit ready to apply to records. */
export interface CompiledCredit {
  credit: Credit;
  def: Def;
  schema: SourceSchema;
  where: Fn | undefined;
  amount: Fn;
  recipients: CompiledRecipient[];
  split: CompiledSplit | undefined;
}

/** Compiles a credit; recipients naming unknown fields are dropped (the checker rejects them). */
export function compileCredit(credit: Credit, def: Def, env: CompileEnv): CompiledCredit {
  const schema = env.schemas.get(credit.source) as SourceSchema;
  const scopes = [{ source: credit.source, entries: false }];
  const recipients: CompiledRecipient[] = [];
  for (const to of credit.recipients) {
    const share = new Dec(to.share);
    const whole = share.eq(1);
    const r = to.recipient;
    const at = schema.index.get(
      r.kind === 'field' ? r.field : r.kind === 'territory' ? r.accountField : r.of,
    );
    if (at === undefined) continue;
    if (r.kind === 'field') recipients.push({ kind: 'field', field: at, share, whole, overlay: to.overlay });
    else if (r.kind === 'territory')
      recipients.push({ kind: 'territory', account: at, share, whole, overlay: to.overlay });
    else
      recipients.push({
        kind: 'managers',
        of: at,
        levels: r.levels ?? Number.POSITIVE_INFINITY,
        share,
        whole,
        overlay: to.overlay,
      });
  }
  let split: CompiledSplit | undefined;
  if (credit.split) {
    const splitSchema = env.schemas.get(credit.split.source);
    const on = splitSchema?.index.get(credit.split.on);
    const payee = splitSchema?.index.get('payee');
    const share = splitSchema?.index.get('share');
    if (splitSchema && on !== undefined && payee !== undefined && share !== undefined)
      split = { schema: splitSchema, on, payee, share };
  }
  return {
    credit,
    def,
    schema,
    where: credit.where ? compile(credit.where, env, scopes) : undefined,
    amount: compile(credit.amount, env, scopes),
    recipients,
    split,
  };
}

/** True for a credit whose only recipient is the owner field of its source (no split). */
export function ownerOnly(c: CompiledCredit): boolean {
  const [r] = c.recipients;
  return (
    c.split === undefined &&
    c.recipients.length === 1 &&
    r?.kind === 'field' &&
    c.schema.owner !== undefined &&
    r.field === c.schema.owner
  );
}
