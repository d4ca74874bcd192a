/**
 * Prints `credit` declarations: the source and its filter on the first line, then one clause per
 * line inside the block (`amount`, `to`, `split by`).
 */
import type { CreditClause, CreditDecl, Recipient } from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import type { Doc } from './doc.js';
import { printName } from './expressions.js';
import { block, effectiveAfterBlock, expression, label, numberLit, percentLit, statement } from './layout.js';
import { required } from './unformattable.js';

/** `credit name "Label" from source where condition { clauses }`. */
export function printCredit(ctx: CommentContext, decl: CreditDecl): Doc {
  return [
    statement([
      'credit ',
      printName(ctx, decl.name),
      label(ctx, decl.label),
      ' from ',
      printName(ctx, decl.source),
      decl.where === undefined ? '' : [' where ', expression(ctx, decl.where)],
    ]),
    block(ctx, decl, decl.clauses, (clause) => statement(printCreditClause(ctx, clause))),
    effectiveAfterBlock(ctx, decl.effective),
  ];
}

function printCreditClause(ctx: CommentContext, clause: CreditClause): Doc {
  switch (clause.kind) {
    case 'CreditAmount':
      return ['amount ', expression(ctx, clause.value)];
    case 'CreditTo':
      return [
        'to ',
        printRecipient(ctx, required(clause.recipient, 'recipient')),
        clause.share === undefined ? '' : [' share ', percentLit(ctx, clause.share)],
        clause.overlay ? ' as overlay' : '',
      ];
    case 'CreditSplit':
      return ['split by ', printName(ctx, clause.source), ' on ', printName(ctx, clause.on)];
  }
}

function printRecipient(ctx: CommentContext, recipient: Recipient): Doc {
  let doc: Doc;
  switch (recipient.kind) {
    case 'FieldRecipient':
      doc = printName(ctx, recipient.field);
      break;
    case 'TerritoryRecipient':
      doc = ['territory of ', printName(ctx, recipient.account)];
      break;
    case 'ManagersRecipient':
      doc = [
        'managers of ',
        printName(ctx, recipient.of),
        recipient.levels === undefined ? '' : [' up to ', numberLit(ctx, recipient.levels), ' levels'],
      ];
      break;
  }
  return ctx.wrap(recipient, doc);
}
