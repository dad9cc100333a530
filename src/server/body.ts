import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown when a request body is too large or not JSON; routes answer 413/400 with it. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Answers a refused body. A 413 closes the connection: the rest of the body was not read, so the
 * socket cannot carry another request (and the sender stops sending).
 */
export function refuseBody(res: ServerResponse, error: BodyError, body: unknown): void {
  res.writeHead(error.status, {
    'content-type': 'application/json; charset=utf-8',
    ...(error.status === 413 ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/**
 * Reads a request body up to `limit` bytes as a Buffer. A declared `content-length` over the
 * limit is refused before reading anything; a body that grows past it stops being read at once
 * (the socket is not destroyed, so the 413 still reaches the sender).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(new BodyError(413, `body larger than ${limit} bytes`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        req.pause();
        reject(new BodyError(413, `body larger than ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}

/** Reads and parses a JSON body; the caller validates its shape with zod. */
export async function readJson(req: IncomingMessage, limit = 64 * 1024): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new BodyError(415, 'expected application/json');
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new BodyError(400, 'body is not valid JSON');
  }
}
