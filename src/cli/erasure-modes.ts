import type { ErasureMode } from '../../db/person-erasure.repository.js';

export type { ErasureMode };

/** `delmal person delete --mode`: kept apart from the command so the CLI's parser loads without it. */
export const ERASURE_MODES: readonly ErasureMode[] = ['pseudonymise', 'erase'];
