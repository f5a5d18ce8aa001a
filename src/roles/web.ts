/** The webhook server: Telegram posts updates to WEBHOOK_URL's path, checked by the secret token. */
import { webhookCallback } from "grammy";
import { createServer } from "node:http";
import type { App } from "../app.js";
import { ALLOWED_UPDATES, prepareBot } from "./bot.js";

export interface WebConfig {
  webhookUrl: string;
  webhookSecret: string;
  host: string;
  port: number;
}

export async function startWeb(app: App, web: WebConfig): Promise<void> {
  await prepareBot(app);
  const { logger } = app;
  const path = new URL(web.webhookUrl).pathname;
  const handle = webhookCallback(app.bot, "http", { secretToken: web.webhookSecret });
  const server = createServer((req, res) => {
    if (req.method === "POST" && req.url === path) {
      handle(req, res).catch((err: unknown) => {
        logger.error({ err }, "webhook: update failed");
        if (!res.headersSent) res.writeHead(500).end();
      });
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(web.port, web.host, resolve));
  app.onStop(() => new Promise<void>((resolve) => server.close(() => resolve())));
  await app.bot.api.setWebhook(web.webhookUrl, { secret_token: web.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
}
