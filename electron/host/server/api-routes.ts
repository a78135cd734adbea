import type { IncomingMessage } from 'node:http';

import type { ChooserPurpose, HostResult } from '../../../core/contract/host';
import { HostFailure, settle } from '../services/host-error';
import type { ChoosePath, HostServices } from '../services/host-services';
import { assertNoForbiddenKeys } from '../services/parse-request';
import {
  choiceIdSchema,
  maxExportBytes,
  maxPrintHtmlChars,
  maxProjectChars,
  type HostMethodName,
} from '../../../core/contract/request-schemas';
import { decodeFrame, encodeFrame, sliceRange } from '../../../core/contract/binary-frame';
import {
  httpApi,
  pixelCachePartBytes,
  type HttpBinaryMethod,
} from '../../../core/contract/channels';

/**
 * What an API route answers: JSON, or a binary frame. `closeConnection`: the
 * request body was not read (too large), so the connection must close after
 * the answer instead of reading the rest.
 */
export type ApiReply =
  | {
      readonly kind: 'json';
      readonly status: number;
      readonly body: unknown;
      readonly closeConnection?: boolean;
    }
  | { readonly kind: 'bytes'; readonly status: number; readonly body: Uint8Array };

const jsonMethods = new Set<HostMethodName>([
  'getAppInfo',
  'openProject',
  'openLaunchProject',
  'saveProject',
  'getRecentProjects',
  'pickDatasetFolder',
  'listDatasetFolder',
  'datasetScanProgress',
  'cancelDatasetScan',
  'getSettings',
  'updateSettings',
  'browse',
  'chooserPick',
  'createFolder',
  'writeRecovery',
  'listRecovery',
  'readRecovery',
  'discardRecovery',
]);
const maxProjectBody = maxProjectChars * 3 + 1024 * 1024;
const maxFrameBody = maxExportBytes + 64 * 1024 * 1024;
/** Body limit per route, checked against Content-Length before reading and while reading. */
const bodyLimits: Readonly<Record<string, number>> = {
  saveProject: maxProjectBody,
  writeRecovery: maxProjectBody,
  // 10,000 relative paths (the schema's most) of typical length; the renderer asks for ≤ 512.
  readDatasetFiles: 16 * 1024 * 1024,
  writeExportFolder: maxFrameBody,
  writePixelCache: pixelCachePartBytes + 1024 * 1024,
  printPdf: maxPrintHtmlChars * 3 + 1024 * 1024,
};
/** Every other call carries a few names, ids or settings. */
const smallBody = 1024 * 1024;
const limitOf = (method: string): number => bodyLimits[method] ?? smallBody;

/** The path the server recorded for a chooser pick (`ChooserChoices.take`); throws when there is none. */
export type TakeChoice = (choiceId: string, purpose: ChooserPurpose) => string;

/**
 * Routes `POST /api/call/<method>` (JSON `{ args, choiceId? }`),
 * `POST /api/bin/readDatasetFiles` (JSON in, frame out) and
 * `POST /api/bin/writeExportFolder` (frame in, JSON out) to the host services.
 * `choiceId` stands in for a native dialog's answer: the id under which the
 * server recorded the in-app chooser's pick (`chooserPick`); a path sent
 * with a call is never used.
 */
export async function routeApi(
  services: HostServices,
  pathname: string,
  request: IncomingMessage,
  takeChoice: TakeChoice,
): Promise<ApiReply> {
  const callPrefix = httpApi.callPath('');
  const method = pathname.startsWith(callPrefix) ? pathname.slice(callPrefix.length) : undefined;
  const binary = (name: HttpBinaryMethod): boolean => pathname === httpApi.binaryPath(name);
  if (request.method !== 'POST')
    return json(405, failure('invalid-argument', 'API calls use POST.'));
  const limit = limitOf(method ?? pathname.slice(pathname.lastIndexOf('/') + 1));
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge('The request is larger than LayerLab accepts.');
  if (method !== undefined && jsonMethods.has(method as HostMethodName)) {
    const body = await readJsonBody(request, limit, takeChoice);
    if (!body.ok) return refusal(body);
    const { args, choose } = body.value;
    const call = services[method as HostMethodName] as (
      raw: unknown,
      chooser: ChoosePath,
    ) => Promise<HostResult<unknown>>;
    return json(200, await call(args, choose));
  }
  if (binary('readDatasetFiles')) {
    const body = await readJsonBody(request, limit, takeChoice);
    if (!body.ok) return refusal(body);
    const result = await services.readDatasetFiles(body.value.args);
    if (!result.ok) return { kind: 'bytes', status: 200, body: encodeFrame(result, []) };
    const chunks: Uint8Array[] = [];
    let offset = 0;
    const entries = result.value.map((entry) => {
      if (!entry.ok) return entry;
      chunks.push(entry.bytes);
      const range = { offset, length: entry.bytes.byteLength };
      offset += entry.bytes.byteLength;
      return { path: entry.path, ok: true, range };
    });
    return { kind: 'bytes', status: 200, body: encodeFrame({ ok: true, value: entries }, chunks) };
  }
  if (binary('writeExportFolder')) {
    const raw = await readBody(request, limit);
    if (raw === null) return tooLarge('The export is larger than LayerLab accepts.');
    const decoded = await settle(() => decodeExportFrame(raw, takeChoice));
    if (!decoded.ok) return json(200, decoded);
    return json(200, await services.writeExportFolder(decoded.value.args, decoded.value.choose));
  }
  if (binary('readPixelCache')) {
    const body = await readJsonBody(request, limit, takeChoice);
    if (!body.ok) return refusal(body);
    const result = await services.readPixelCache(body.value.args);
    // The blob travels as the frame's payload, not inside the JSON header.
    if (!result.ok || result.value === null)
      return { kind: 'bytes', status: 200, body: encodeFrame(result, []) };
    const range = { offset: 0, length: result.value.byteLength };
    return { kind: 'bytes', status: 200, body: encodeFrame({ ok: true, range }, [result.value]) };
  }
  if (binary('openDocument')) {
    const body = await readJsonBody(request, limit, takeChoice);
    if (!body.ok) return refusal(body);
    const result = await services.openDocument(body.value.args, body.value.choose);
    // A package's or submission's bytes travel as the payload; a project stays JSON in the header.
    if (!result.ok || result.value === null || result.value.kind === 'project')
      return { kind: 'bytes', status: 200, body: encodeFrame(result, []) };
    const { bytes, ...described } = result.value;
    const value = { ...described, range: { offset: 0, length: bytes.byteLength } };
    return { kind: 'bytes', status: 200, body: encodeFrame({ ok: true, value }, [bytes]) };
  }
  if (binary('printPdf')) {
    const body = await readJsonBody(request, limit, takeChoice);
    if (!body.ok) return refusal(body);
    const result = await services.printPdf(body.value.args);
    if (!result.ok) return { kind: 'bytes', status: 200, body: encodeFrame(result, []) };
    const range = { offset: 0, length: result.value.byteLength };
    return { kind: 'bytes', status: 200, body: encodeFrame({ ok: true, range }, [result.value]) };
  }
  if (binary('writePixelCache')) {
    const raw = await readBody(request, limit);
    if (raw === null) return tooLarge('The pixel cache part is larger than LayerLab accepts.');
    const decoded = await settle(() => decodePixelCacheFrame(raw));
    if (!decoded.ok) return json(200, decoded);
    return json(200, await services.writePixelCache(decoded.value));
  }
  return json(404, failure('not-found', 'No such API route.'));
}

/** `writePixelCache` over HTTP: header `{ args: { key, offset, total } }`, the part as the payload. */
function decodePixelCacheFrame(raw: Uint8Array): {
  key: unknown;
  offset: unknown;
  total: unknown;
  bytes: Uint8Array;
} {
  let frame;
  try {
    frame = decodeFrame(raw);
  } catch (error) {
    throw new HostFailure('invalid-argument', `Malformed frame: ${(error as Error).message}.`);
  }
  assertNoForbiddenKeys(frame.header);
  const args = (
    frame.header as { args?: { key?: unknown; offset?: unknown; total?: unknown } } | null
  )?.args;
  if (typeof args !== 'object' || args === null)
    throw new HostFailure('invalid-argument', 'The frame has no arguments.');
  return { key: args.key, offset: args.offset, total: args.total, bytes: frame.payload };
}

function json(status: number, body: unknown): ApiReply {
  return { kind: 'json', status, body };
}

/** 413, closing the connection: the rest of the body is never read. */
function tooLarge(message: string): ApiReply {
  return { kind: 'json', status: 413, body: failure('too-large', message), closeConnection: true };
}

/** A body that could not be taken: too large (413, connection closed) or not a JSON object (400). */
function refusal(body: Extract<HostResult<unknown>, { ok: false }>): ApiReply {
  return body.error.code === 'too-large' ? tooLarge(body.error.message) : json(400, body);
}

function failure(
  code: 'invalid-argument' | 'not-found' | 'too-large',
  message: string,
): HostResult<never> {
  return { ok: false, error: { code, message } };
}

function chooserFrom(envelope: Record<string, unknown>, takeChoice: TakeChoice): ChoosePath {
  if ('chosenPath' in envelope)
    throw new HostFailure(
      'outside-grant',
      'A path sent with a call is not used: pick it in the chooser (chooserPick) and send its choiceId.',
    );
  const given = envelope.choiceId;
  if (given === undefined || given === null) return async () => null;
  const parsed = choiceIdSchema.safeParse(given);
  if (!parsed.success) throw new HostFailure('invalid-argument', 'choiceId must be an opaque id.');
  return async (request) => takeChoice(parsed.data, request.purpose);
}

async function readJsonBody(
  request: IncomingMessage,
  limit: number,
  takeChoice: TakeChoice,
): Promise<HostResult<{ args: unknown; choose: ChoosePath }>> {
  const raw = await readBody(request, limit);
  if (raw === null) return failure('too-large', 'The request is larger than LayerLab accepts.');
  return settle(() => {
    let envelope: unknown;
    try {
      envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      throw new HostFailure('invalid-argument', 'The request body is not JSON.');
    }
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope))
      throw new HostFailure('invalid-argument', 'The request body must be an object.');
    const record = envelope as Record<string, unknown>;
    return { args: record.args ?? {}, choose: chooserFrom(record, takeChoice) };
  });
}

function decodeExportFrame(
  raw: Uint8Array,
  takeChoice: TakeChoice,
): { args: unknown; choose: ChoosePath } {
  let frame;
  try {
    frame = decodeFrame(raw);
  } catch (error) {
    throw new HostFailure(
      'invalid-argument',
      `Malformed export frame: ${(error as Error).message}.`,
    );
  }
  assertNoForbiddenKeys(frame.header);
  const header = frame.header as {
    args?: { suggestedName?: unknown; overwrite?: unknown; files?: unknown };
    choiceId?: unknown;
  } | null;
  if (
    typeof header !== 'object' ||
    header === null ||
    typeof header.args !== 'object' ||
    header.args === null
  ) {
    throw new HostFailure('invalid-argument', 'The export frame has no arguments.');
  }
  const specs = header.args.files;
  if (typeof specs !== 'object' || specs === null || Array.isArray(specs))
    throw new HostFailure('invalid-argument', 'The export frame lists no files.');
  const files: Record<string, string | Uint8Array> = {};
  for (const [name, spec] of Object.entries(specs as Record<string, unknown>)) {
    if (typeof spec === 'string') {
      files[name] = spec;
      continue;
    }
    try {
      files[name] = sliceRange(frame.payload, spec);
    } catch (error) {
      throw new HostFailure(
        'invalid-argument',
        `Export file "${name.slice(0, 100)}": ${(error as Error).message}.`,
      );
    }
  }
  return {
    args: { ...header.args, files },
    choose: chooserFrom(header as Record<string, unknown>, takeChoice),
  };
}

/**
 * Collects a request body, or null as soon as it is known to exceed `limit`
 * bytes (declared in Content-Length, or once that many have arrived): the
 * rest is not read, and the caller answers with `closeConnection`.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.byteLength;
      if (size > limit) {
        chunks.length = 0;
        request.off('data', onData);
        request.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    request.on('error', reject);
  });
}
