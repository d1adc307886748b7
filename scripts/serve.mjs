// @ts-check
//! A tiny static file server for the page, built on node's `http` module only (no dependencies).
//!
//! `node scripts/serve.mjs [--port N] [--root www] [--host 127.0.0.1]` serves the page for local work;
//! the end-to-end tests import `startServer` and start it in-process on port 0.
//!
//! Invariants:
//! - Only files inside `root` are ever read: the decoded request path is resolved against `root` and
//!   anything that lands outside it (`..`, encoded `%2e%2e`, NUL bytes, backslashes) is refused.
//! - Only GET and HEAD are answered; unknown files get 404, never a directory listing.
//! - Every response carries `Cache-Control: no-store` so a rebuilt `pkg/` is always picked up.

import { createServer } from 'node:http';
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @type {Readonly<Record<string, string>>} */
const MIME_TYPES = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
});

const DEFAULT_ROOT = fileURLToPath(new URL('../www/', import.meta.url));

/**
 * Maps a URL pathname to a file inside `root`.
 * @param {string} root absolute, resolved directory
 * @param {string} pathname raw (still percent-encoded) URL pathname
 * @returns {{ file: string } | { refused: 400 | 403 }}
 */
function resolveInsideRoot(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { refused: 400 };
  }
  // Backslashes would be separators on Windows and have no business in our URLs anywhere.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return { refused: 403 };
  const relative = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.resolve(root, `.${path.posix.normalize(relative)}`);
  if (file !== root && !file.startsWith(root + path.sep)) return { refused: 403 };
  return { file };
}

/**
 * @param {import('node:http').ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function sendText(response, status, text) {
  response.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(`${text}\n`);
}

/**
 * Builds the request handler for one root directory.
 * @param {string} root absolute, resolved directory
 * @returns {(request: import('node:http').IncomingMessage, response: import('node:http').ServerResponse) => Promise<void>}
 */
function staticHandler(root) {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      sendText(response, 405, 'Method Not Allowed');
      return;
    }
    const pathname = (request.url ?? '/').split(/[?#]/, 1)[0];
    if (!pathname.startsWith('/')) {
      sendText(response, 400, 'Bad Request');
      return;
    }
    const resolved = resolveInsideRoot(root, pathname);
    if ('refused' in resolved) {
      sendText(response, resolved.refused, resolved.refused === 400 ? 'Bad Request' : 'Forbidden');
      return;
    }
    const filePath = resolved.file;
    try {
      const info = await stat(filePath);
      if (!info.isFile()) {
        sendText(response, 404, 'Not Found');
        return;
      }
      const body = await readFile(filePath);
      response.writeHead(200, {
        'Content-Type': MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      sendText(response, 404, 'Not Found');
    }
  };
}

/**
 * Starts the server; resolves once it is listening.
 * @param {{ root?: string, port?: number, host?: string }} [options] port 0 picks a free port
 * @returns {Promise<{ server: import('node:http').Server, url: string }>} url ends with `/`
 */
export function startServer({ root = DEFAULT_ROOT, port = 8080, host = '127.0.0.1' } = {}) {
  const resolvedRoot = path.resolve(root);
  const server = createServer(staticHandler(resolvedRoot));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      const actualPort = typeof address === 'object' && address !== null ? address.port : port;
      resolve({ server, url: `http://${host}:${actualPort}/` });
    });
  });
}

/**
 * Reads `--port N`, `--root DIR` and `--host H` (also as `--port=N`).
 * @param {string[]} argv
 * @returns {{ root: string, port: number, host: string }}
 */
function parseArguments(argv) {
  const options = { root: DEFAULT_ROOT, port: 8080, host: '127.0.0.1' };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inlineValue] = argv[index].split(/=(.*)/s, 2);
    const value = inlineValue ?? argv[++index];
    if (value === undefined) throw new Error(`Missing value for ${flag}`);
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Bad port: ${value}`);
      options.port = port;
    } else if (flag === '--root') {
      options.root = path.resolve(value);
    } else if (flag === '--host') {
      options.host = value;
    } else {
      throw new Error(`Unknown option: ${flag} (use --port N, --root DIR, --host H)`);
    }
  }
  return options;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { url } = await startServer(parseArguments(process.argv.slice(2)));
    console.log(`Serving ${url}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
