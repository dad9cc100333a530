/** The formats `delmal report uppfoljning` writes. Kept apart so the CLI can list them without loading the renderers. */
export const REPORT_FORMATS = ['docx', 'pdf', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
