import * as z from 'zod/mini';
import { idSchema, isoDateSchema, isoDateTimeSchema, shortTextSchema, textSchema, titleSchema } from './primitives.js';
import { itemRefSchema } from './monitoring.js';
import { recordMetaShape } from './record-meta.js';

/** The largest attachment a case takes (a scanned multi-page consent or a medical report fits easily). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

/**
 * File types a case file takes: PDF, images (scans, photos of a letter), plain text and office
 * documents. A type outside the list is refused: the browser would otherwise open whatever it is told.
 */
export const DOCUMENT_MEDIA_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'text/plain',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
] as const;

/**
 * A file name without any path: single-line text (NFC, well-formed, no control or bidi characters) of at
 * most 200 characters with no slash or backslash, so it can never name a place outside the download.
 */
export const documentFileNameSchema = textSchema({ max: 200, min: 1 }).check(z.regex(/^[^/\\]+$/));

/** SHA-256 of the content, 64 lowercase hex digits: the content's identity in the store. */
export const contentHashSchema = z.string().check(z.length(64), z.regex(/^[0-9a-f]{64}$/));

/**
 * An attachment of the case file (a signed consent's scan, a medical statement, a decision letter). The
 * journal holds this description; the bytes are in the store's content table under the case, encrypted
 * like the journal, found by `contentHash`, and gone with the case (retention) or with the document's
 * erasure. Classified like every item (categories, § 76 SGB X, § 65 SGB VIII): a reader who may not see
 * those gets a marker, and the content is never served to them.
 */
export const documentSchema = z.strictObject({
  id: idSchema,
  title: titleSchema,
  fileName: documentFileNameSchema,
  mediaType: z.enum(DOCUMENT_MEDIA_TYPES),
  size: z.int().check(z.positive(), z.maximum(DOCUMENT_MAX_BYTES)),
  contentHash: contentHashSchema,
  /** When the office received the document (default: the day it was attached). */
  receivedOn: isoDateSchema,
  relatesTo: z.optional(itemRefSchema),
  /** Taken out of the file: the content is deleted, the description stays in the history. */
  removed: z.optional(
    z.strictObject({ on: isoDateSchema, at: isoDateTimeSchema, by: idSchema, reason: shortTextSchema }),
  ),
  ...recordMetaShape,
});

/** A document of the case file. */
export type CaseDocument = z.infer<typeof documentSchema>;
