/**
 * Prints `territories` blocks: each territory is a block of its own, one rule per line.
 */
import type { TerritoriesDecl, TerritoryClause, TerritoryDecl } from '../syntax/ast.js';
import type { CommentContext } from './comments.js';
import type { Doc } from './doc.js';
import { printExpr, printName } from './expressions.js';
import { block, expression, label, numberLit, statement, textLit } from './layout.js';
import { required } from './unformattable.js';

/** `territories on accounts by priority { territories }`. */
export function printTerritories(ctx: CommentContext, decl: TerritoriesDecl): Doc {
  return [
    statement([
      'territories on ',
      printName(ctx, decl.source),
      ' by ',
      required(decl.by, 'territory assignment'),
    ]),
    block(ctx, decl, decl.territories, (territory) => printTerritory(ctx, territory)),
  ];
}

function printTerritory(ctx: CommentContext, territory: TerritoryDecl): Doc {
  return [
    statement(['territory ', printName(ctx, territory.name), label(ctx, territory.label)]),
    block(ctx, territory, territory.clauses, (clause) => statement(printClause(ctx, clause))),
  ];
}

function printClause(ctx: CommentContext, clause: TerritoryClause): Doc {
  switch (clause.kind) {
    case 'TerritoryWhere':
      return ['where ', expression(ctx, clause.condition)];
    case 'TerritoryNamed':
      return ['named ', clause.accounts.map((account, i) => [i > 0 ? ', ' : '', textLit(ctx, account)])];
    case 'TerritoryPriority':
      return ['priority ', numberLit(ctx, clause.priority)];
    case 'TerritoryScore':
      return ['score ', expression(ctx, clause.score)];
    case 'TerritoryAssign':
      return [
        'assign ',
        textLit(ctx, clause.payee),
        ' as ',
        required(clause.role, 'role'),
        clause.from === undefined ? '' : [' from ', printExpr(ctx, clause.from)],
        clause.to === undefined ? '' : [' to ', printExpr(ctx, clause.to)],
      ];
  }
}
