/** The formats `delmal catalog export` writes. Kept apart so the CLI can list them without loading the writers. */
export const EXPORT_FORMATS = ['yaml', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
