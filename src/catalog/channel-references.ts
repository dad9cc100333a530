import type { Catalog } from '../../db/model/catalog-schema.js';
import type { CatalogIssue } from './catalog-issues.js';

/**
 * What the network schema cannot check about channels: one channel per platform per network (one
 * Slack and one Teams channel at once is fine), and a channel serving one network only — its
 * digest and `delmal digest` there must know which network it is.
 */
export function checkChannelReferences(file: Catalog, merged: Catalog): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const owner = new Map<string, string>();
  for (const network of merged.networks)
    for (const c of network.channels ?? []) {
      const key = `${c.platform}/${c.workspace}/${c.channel}`;
      if (!owner.has(key)) owner.set(key, network.id);
    }
  file.networks.forEach((network, i) => {
    const platforms = new Set<string>();
    (network.channels ?? []).forEach((c, j) => {
      const path = ['networks', i, 'channels', j];
      if (platforms.has(c.platform))
        issues.push({
          path: [...path, 'platform'],
          key: 'catalog.channel.onePerPlatform',
          params: { value: c.platform },
        });
      platforms.add(c.platform);
      const taken = owner.get(`${c.platform}/${c.workspace}/${c.channel}`);
      if (taken !== undefined && taken !== network.id)
        issues.push({
          path: [...path, 'channel'],
          key: 'catalog.channel.taken',
          params: { value: c.channel, other: taken },
        });
    });
  });
  return issues;
}
