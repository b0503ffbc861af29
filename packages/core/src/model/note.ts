import * as z from 'zod/mini';
import { idSchema, isoDateSchema } from './primitives.js';
import { itemRefSchema } from './monitoring.js';
import { recordMetaShape } from './record-meta.js';

/** A free-text note on the case (Aktenvermerk). */
export const noteSchema = z.object({
  id: idSchema,
  on: isoDateSchema,
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(20000)),
  relatesTo: z.optional(itemRefSchema),
  ...recordMetaShape,
});

/** A note. */
export type Note = z.infer<typeof noteSchema>;
