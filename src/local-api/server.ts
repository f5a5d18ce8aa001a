/**
 * The local Bot API over HTTP on loopback, for running the real process (`npm start` with TELEGRAM_API_ROOT)
 * without Telegram. Besides /bot<token>/<method>, it takes test updates at POST /_local/updates, shows what the
 * bot sent at GET /_local/calls and the counts at GET /_local/stats, and switches fault mode on with
 * POST /_local/faults {"seed":1,"rates":{...}} (an empty object switches it off).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ConnectionReset, type FaultOptions } from "./faults.js";
import { LocalBotApi } from "./local-api.js";

export interface LocalServer {
  api: LocalBotApi;
  url: string;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return {};
  if ((req.headers["content-type"] ?? "").includes("application/json")) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}

export async function startLocalServer(token: string, api = new LocalBotApi(), port = 0): Promise<LocalServer> {
  const server: Server = createServer((req, res) => {
    const send = (status: number, payload: unknown) => {
      if (res.destroyed) return;
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    void (async () => {
      if (url.pathname === "/_local/updates" && req.method === "POST") return send(200, api.pushUpdate((await body(req)) as never));
      if (url.pathname === "/_local/calls") {
        // ?brief=1: method, outcome and chat only, for large runs.
        if (url.searchParams.get("brief")) return send(200, api.calls.map((c) => ({ method: c.method, ok: c.ok, chat_id: c.params.chat_id, description: c.description })));
        return send(200, api.calls);
      }
      if (url.pathname === "/_local/stats") return send(200, api.stats());
      if (url.pathname === "/_local/faults" && req.method === "POST") {
        const options = (await body(req)) as Partial<FaultOptions>;
        return send(200, { ok: true, on: api.setFaults(options.rates ? { seed: 1, ...options, rates: options.rates } : undefined) !== undefined });
      }
      const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
      if (!m) return send(404, { ok: false, error_code: 404, description: "Not Found" });
      if (m[1] !== token) return send(401, { ok: false, error_code: 401, description: "Unauthorized" });
      // A client that closes the connection ends a hang, as it does against Telegram.
      const gone = new AbortController();
      res.on("close", () => gone.abort());
      const answer = await api.handle(m[2]!, { ...Object.fromEntries(url.searchParams), ...(await body(req)) }, gone.signal);
      send(answer.ok ? 200 : (answer.error_code as number), answer);
    })().catch((err: unknown) => {
      if (err instanceof ConnectionReset) return void req.socket.destroy();
      send(500, { ok: false, error_code: 500, description: String(err) });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    api,
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
