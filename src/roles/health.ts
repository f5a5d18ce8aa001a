/**
 * /healthz (the process is up) and /readyz (its store, Redis and the Bot API answer) on a port of their own, for
 * the container's health check and the proxy. Kept apart from the webhook server, which only Telegram talks to.
 */
import { createServer } from "node:http";
import type { App } from "../app.js";

export async function startHealth(app: App, port: number, host = "0.0.0.0"): Promise<void> {
  const ready = async (): Promise<string[]> => {
    const checks: Array<[string, () => Promise<unknown>]> = [
      ["store", () => app.stores.subscriptions.subscriptionZones()],
      ["bot-api", () => app.bot.api.getMe()],
      ...(app.redis ? [["redis", () => app.redis!.ping()] as [string, () => Promise<unknown>]] : []),
    ];
    const failed: string[] = [];
    await Promise.all(checks.map(([name, check]) => check().catch(() => failed.push(name))));
    return failed;
  };
  const server = createServer((req, res) => {
    if (req.url === "/healthz") res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
    else if (req.url === "/readyz") {
      ready()
        .then((failed) =>
          failed.length === 0 ? res.writeHead(200, { "content-type": "text/plain" }).end("ready\n") : res.writeHead(503).end(`not ready: ${failed.join(", ")}\n`),
        )
        .catch(() => res.writeHead(503).end());
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  app.onStop(() => new Promise<void>((resolve) => server.close(() => resolve())));
}
