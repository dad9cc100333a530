/** `delmal audit --format`: kept apart from the command so the CLI's parser loads without it. */
export const AUDIT_FORMATS = ['text', 'json'] as const;
type AuditFormat = (typeof AUDIT_FORMATS)[number];

export interface AuditOptions {
  readonly activity?: string;
  readonly person?: string;
  readonly since?: string;
  readonly format: AuditFormat;
}
