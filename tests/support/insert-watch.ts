import type {
  InsertQueryNode,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * A kysely plugin that shows a test every INSERT before it runs: `onInsert` gets the table and the
 * statement, and may count it or throw (a write that breaks, a process that dies right there).
 */
export class InsertWatch implements KyselyPlugin {
  constructor(private readonly onInsert: (table: string, node: InsertQueryNode) => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (node.kind === 'InsertQueryNode' && node.into) this.onInsert(node.into.table.identifier.name, node);
    return node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
