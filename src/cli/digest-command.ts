import { readCatalog } from '../../db/catalog-read.repository.js';
import { CatalogView } from '../catalog/catalog-view.js';
import { renderText } from '../chat/render-text.js';
import { databaseNetworks } from '../digest/network-service.js';
import { renderDigest } from '../digest/render-digest.js';
import { fold } from '../search/text-processing.js';
import { type CliContext, CliExit, configFor, withReadyDatabase } from './context.js';

/**
 * `delmal digest [nätverk]`: prints the network's next weekly digest as it would go out now (the
 * period since its last digest), as plain text in the configured language. Reads only.
 */
export async function digestCommand(ctx: CliContext, name: string | undefined): Promise<void> {
  const { config, t } = configFor(ctx, false);
  await withReadyDatabase(ctx, config, t, async (db) => {
    const view = new CatalogView(await readCatalog(db.kysely));
    const networks = view.catalog.networks;
    const ids = networks.map((n) => n.id).join(', ') || '–';
    if (!name?.trim()) {
      ctx.err(t('cli.digest.missing', { networks: ids }));
      throw new CliExit(64);
    }
    const wanted = fold(name.trim());
    const network = networks.find((n) => n.id === wanted || fold(n.name) === wanted);
    if (!network) {
      ctx.err(t('cli.digest.unknown', { value: name, networks: ids }));
      throw new CliExit(64);
    }
    const message = await databaseNetworks(db, ctx.clock).preview(view, network);
    ctx.out(renderText(renderDigest(message, t, config.locale), t));
  });
}
