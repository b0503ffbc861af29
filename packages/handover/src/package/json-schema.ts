import * as z from 'zod/mini';
import { handoverPackageSchema, statusMessageSchema, withdrawalNoticeSchema } from './package-schema.js';

/**
 * The JSON Schemas (draft 2020-12) of the signed payloads, generated from the zod schemas the
 * verification uses, so `docs/schemas/*.schema.json` cannot drift from the code (a test compares).
 */
export function handoverJsonSchemas(): Record<string, unknown> {
  const schema = (value: z.ZodMiniType, id: string, title: string) => ({
    $id: `https://fallkit.example/schemas/${id}.schema.json`,
    title,
    ...(z.toJSONSchema(value) as Record<string, unknown>),
  });
  return {
    'handover-package': schema(handoverPackageSchema, 'handover-package', 'Fallkit handover package (signed payload)'),
    'handover-status': schema(statusMessageSchema, 'handover-status', 'Fallkit handover status message'),
    'handover-withdrawal': schema(withdrawalNoticeSchema, 'handover-withdrawal', 'Fallkit handover withdrawal notice'),
  };
}
