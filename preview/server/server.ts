/**
 * The preview's HTTP server (node:http): the page, its JSON API and the add-on's pages with the
 * google.script.run shim. All state lives in one PreviewSession; every request that changes it
 * answers with the new state (or a clear 4xx error that changed nothing).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PreviewSession, type PreviewSessionOptions } from './session.js';
import { ScriptRunError } from './scriptRunArgs.js';
import { buildWebAssets, injectShim } from './webAssets.js';

export interface PreviewServerOptions extends PreviewSessionOptions {
  port: number;
  /** No start-up lines on stdout (tests). */
  quiet?: boolean;
}

export interface PreviewServer {
  url: string;
  port: number;
  session: PreviewSession;
  stop(): Promise<void>;
}

/** A request the server refuses: status and a message saying what to send instead. */
class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAX_BODY_BYTES = 5 * 1024 * 1024;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new RequestError(413, 'The request body is larger than 5 MB.');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new RequestError(
      400,
      `The request body is not valid JSON (${(error as Error).message}).`,
    );
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new RequestError(400, 'Send a JSON object.');
  return body as Record<string, unknown>;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  const assets = await buildWebAssets();
  const session = await PreviewSession.start(options);

  const routes: Record<string, (body: Record<string, unknown>) => unknown> = {
    '/api/cell': (body) => session.editCell(body),
    '/api/menu': (body) => session.runMenuItem(body),
    '/api/answer': (body) => session.answerQuestion(body),
    '/api/ui/close': (body) => session.closePage(body),
    '/api/clock': (body) => session.moveClock(body),
    '/api/user': (body) => session.switchUser(body),
    '/api/workbook': (body) => session.switchWorkbook(body),
    '/api/triggers/run': (body) => session.runTrigger(body),
    '/api/triggers/run-due': () => session.runDueTriggers(),
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (request.method === 'GET') {
      if (path === '/' || path === '/index.html')
        return send(response, 200, 'text/html; charset=utf-8', assets.indexHtml);
      if (path === '/app.js')
        return send(response, 200, 'text/javascript; charset=utf-8', assets.appJs);
      if (path === '/app.css') return send(response, 200, 'text/css; charset=utf-8', assets.appCss);
      if (path === '/api/state') return sendJson(response, 200, session.state());
      const shown = /^\/ui\/(sidebar|dialog)$/.exec(path);
      if (shown)
        return send(
          response,
          200,
          'text/html; charset=utf-8',
          injectShim(session.shownPageHtml(shown[1] as 'sidebar' | 'dialog'), assets.shimJs),
        );
      const page = /^\/pages\/([A-Za-z0-9_-]+)(\.html)?$/.exec(path);
      if (page)
        return send(
          response,
          200,
          'text/html; charset=utf-8',
          injectShim(session.builtPageHtml(page[1]!), assets.shimJs),
        );
      throw new RequestError(404, `No page at ${path}. Open / for the preview.`);
    }
    if (request.method !== 'POST')
      throw new RequestError(
        405,
        `${request.method} is not supported; use GET for pages and POST for /api calls.`,
      );
    const body = await readJson(request);
    if (path === '/api/run') {
      const outcome = session.runScriptFunction(body);
      return sendJson(response, outcome.ok ? 200 : 500, outcome);
    }
    const route = routes[path];
    if (!route) throw new RequestError(404, `Unknown API call ${path}.`);
    return sendJson(response, 200, route(objectBody(body)));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const status =
        error instanceof RequestError || error instanceof ScriptRunError ? error.status : 500;
      const message = error instanceof Error ? error.message : String(error);
      if (status === 500 && !options.quiet) console.error(error);
      sendJson(response, status, { ok: false, error: message });
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}/`;
  return {
    url,
    port,
    session,
    stop: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
