/**
 * A tenant id: lower-case letters, digits and inner hyphens, 1 to 40 characters, like a DNS label. The same
 * rule is a check constraint in `fallkit.tenant`; partition and channel names are derived from it without
 * quoting (`-` becomes `_`, and `_` is not allowed, so two ids never map to one name).
 */
export const TENANT_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Whether `value` is a valid tenant id. */
export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && TENANT_ID_PATTERN.test(value);
}

/** The `LISTEN`/`NOTIFY` channel of a tenant's changes. */
export function tenantChannel(tenantId: string): string {
  return `fallkit_${tenantId.replaceAll('-', '_')}`;
}
