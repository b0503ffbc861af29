import * as z from 'zod/mini';
import { idSchema, isoDateSchema, noteTextSchema } from './primitives.js';
import { itemRefSchema } from './monitoring.js';
import { recordMetaShape } from './record-meta.js';

/** A free-text note on the case (Aktenvermerk). */
export const noteSchema = z.strictObject({
  id: idSchema,
  on: isoDateSchema,
  text: noteTextSchema,
  relatesTo: z.optional(itemRefSchema),
  ...recordMetaShape,
});

/** A note. */
export type Note = z.infer<typeof noteSchema>;
