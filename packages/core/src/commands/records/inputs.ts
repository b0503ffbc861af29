import * as z from 'zod/mini';
import { itemRefSchema } from '../../model/monitoring.js';
import {
  contentHashSchema,
  DOCUMENT_MAX_BYTES,
  DOCUMENT_MEDIA_TYPES,
  documentFileNameSchema,
} from '../../model/document.js';
import { idSchema, isoDateSchema, noteTextSchema, requiredTextSchema, titleSchema } from '../../model/primitives.js';
import { classificationInputShape } from '../../model/record-meta.js';

/** Input of `recordNote`. */
export const recordNoteInput = z.strictObject({
  on: z.optional(isoDateSchema),
  text: noteTextSchema,
  relatesTo: z.optional(itemRefSchema),
  ...classificationInputShape,
});

/**
 * Input of `attachDocument`: the description of a file whose bytes the caller hands to
 * `attachDocument(...)` of `@fallkit/core` (which checks them against `contentHash` and `size`).
 */
export const attachDocumentInput = z.strictObject({
  title: titleSchema,
  fileName: documentFileNameSchema,
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
  size: z.int().check(z.positive(), z.maximum(DOCUMENT_MAX_BYTES)),
  contentHash: contentHashSchema,
  receivedOn: z.optional(isoDateSchema),
  relatesTo: z.optional(itemRefSchema),
  ...classificationInputShape,
});

/** Input of `removeDocument`: takes a document out of the file; its content is deleted (the reason is kept). */
export const removeDocumentInput = z.strictObject({
  documentId: idSchema,
  reason: requiredTextSchema,
});

/** The input schema of each command of this slice, by command name. */
export const recordsInputs = {
  recordNote: recordNoteInput,
  attachDocument: attachDocumentInput,
  removeDocument: removeDocumentInput,
} as const;
