import {
  InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';

/**
 * A kysely plugin that shows a test every INSERT before it runs — on its own or inside a statement's
 * `with` (PostgreSQL's data-modifying CTEs): `onInsert` gets the table and the insert, and may count
 * it or throw (a write that breaks, a process that dies right there).
 */
export class InsertWatch implements KyselyPlugin {
  constructor(private readonly onInsert: (table: string, node: InsertQueryNode) => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    const inserts: OperationNode[] = [
      node,
      ...(node.kind === 'SelectQueryNode' && node.with ? node.with.expressions.map((e) => e.expression) : []),
    ];
    for (const insert of inserts)
      if (InsertQueryNode.is(insert) && insert.into) this.onInsert(insert.into.table.identifier.name, insert);
    return node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
