import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.pbf': 'application/x-protobuf',
  '.csv': 'text/csv',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A tiny static server for built pages, on loopback only, with a content-length, an ETag and byte ranges as static hosts send them. */
export function serveStatic(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    const stat = file.startsWith(dir) ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (!stat?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    const etag = `"${stat.size}-${Math.floor(stat.mtimeMs)}"`;
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'accept-ranges': 'bytes', etag, 'last-modified': stat.mtime.toUTCString() };
    // One byte range (`bytes=a-b` or `bytes=a-`), as static hosts answer; a stale If-Range gets the whole file.
    const range = /^bytes=(\d+)-(\d*)$/.exec(request.headers.range ?? '');
    const ifRange = request.headers['if-range'];
    if (range && (!ifRange || ifRange === etag || ifRange === headers['last-modified'])) {
      const from = Number(range[1]);
      const to = range[2] === '' ? stat.size - 1 : Math.min(Number(range[2]), stat.size - 1);
      if (from > to) {
        response.writeHead(416, { 'content-range': `bytes */${stat.size}` }).end();
        return;
      }
      response.writeHead(206, { ...headers, 'content-length': to - from + 1, 'content-range': `bytes ${from}-${to}/${stat.size}` });
      createReadStream(file, { start: from, end: to }).pipe(response);
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': stat.size });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}
