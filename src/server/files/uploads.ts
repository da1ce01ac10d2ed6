import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { createHash } from 'node:crypto';
import { RecertError } from '../../core/errors';

/**
 * Uploaded documents (evidence, application resumes and syllabi): one file per
 * multipart request, at most 10 MB, a PDF or a picture judged by its bytes,
 * never by its name or the type the client claims.
 */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_TYPES = new Map([
  ['application/pdf', 'pdf'],
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
]);

/** Registers multipart parsing once for the whole app, whichever route module asks first. */
export async function registerUploads(app: FastifyInstance): Promise<void> {
  if (app.hasContentTypeParser('multipart/form-data')) return;
  // One file per request; a larger one is cut off at the limit and refused.
  await app.register(multipart, { limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5 } });
}

/**
 * The file of a multipart request's field "file", read no further than `maxBytes` (a smaller limit than
 * the app's for files that are small by nature). `what` names such files in messages ("evidence").
 */
export async function readUpload(
  request: FastifyRequest,
  what: string,
  maxBytes = UPLOAD_MAX_BYTES,
): Promise<{ filename: string; bytes: Buffer }> {
  if (!request.isMultipart())
    throw new RecertError('unsupported-media-type', 'send the file as multipart/form-data in a field named "file"');
  const file = await request.file({ limits: { fileSize: maxBytes } });
  if (!file || file.fieldname !== 'file')
    throw new RecertError('invalid-input', 'no file', [{ path: 'file', message: 'is required' }]);
  const bytes = await file.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new RecertError('payload-too-large', `${what} files are at most ${sizeWords(maxBytes)}`);
    throw error;
  });
  return { filename: file.filename, bytes };
}

const sizeWords = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`);

export interface CheckedDocument {
  mediaType: string;
  extension: string;
  size: number;
  sha256: string;
}

/** Refuses empty, oversized and other-than-PDF/PNG/JPEG content; `what` names such files in messages ("evidence"). */
export async function checkDocument(bytes: Buffer, what: string): Promise<CheckedDocument> {
  if (bytes.length === 0) throw new RecertError('invalid-input', 'the file is empty', [{ path: 'file', message: 'is empty' }]);
  if (bytes.length > UPLOAD_MAX_BYTES) throw new RecertError('payload-too-large', `${what} files are at most 10 MB`);
  const detected = await fileTypeFromBuffer(bytes);
  const extension = detected && DOCUMENT_TYPES.get(detected.mime);
  if (!detected || !extension) {
    throw new RecertError(
      'unsupported-media-type',
      `${what} files must be PDF, PNG or JPEG; this one is ${detected ? detected.mime : 'not one of them'} (judged by its content, not its name)`,
    );
  }
  return { mediaType: detected.mime, extension, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** A readable file name for downloads: no path, no control or quote characters, ending in the real extension. */
export function safeFilename(name: string, extension: string, fallback: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()!
      .replace(/[^\w .()-]/g, '_')
      .slice(0, 120) || fallback;
  return base.toLowerCase().endsWith(`.${extension}`) ? base : `${base}.${extension}`;
}

/** Sends a stored document as a download that the browser must not sniff or run. */
export function sendDocument(reply: FastifyReply, file: { mediaType: string; filename: string }, bytes: Buffer): FastifyReply {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'")
    .send(bytes);
}
