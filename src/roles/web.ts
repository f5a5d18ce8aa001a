/**
 * The webhook server: Telegram posts updates to WEBHOOK_URL's path, checked by the secret token. It answers 200
 * as soon as the update is read and handles it afterwards: Telegram waits only so long for the answer and posts
 * the update again after an error or a timeout, so a reply that takes longer (a slow Bot API) must not hold the
 * answer. The last update_ids are remembered, so an update posted twice (its 200 lost on the way) is handled once.
 */
import type { Update } from "grammy/types";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { App } from "../app.js";
import { StartupError } from "../config.js";
import { ALLOWED_UPDATES, prepareBot } from "./bot.js";

export interface WebConfig {
  webhookUrl: string;
  webhookSecret: string;
  host: string;
  port: number;
}

/** Update ids remembered against redelivery: far more than Telegram keeps unconfirmed (it retries for a day). */
const REMEMBERED_UPDATES = 10_000;
/** Telegram's updates are small; anything larger is not one. */
const MAX_BODY_BYTES = 1 << 20;

export async function startWeb(app: App, web: WebConfig): Promise<AddressInfo> {
  await prepareBot(app);
  const { logger, bot } = app;
  const path = new URL(web.webhookUrl).pathname;
  const seen = new Set<number>();
  const handling = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    if (req.method !== "POST" || req.url !== path) return void res.writeHead(404).end();
    if (req.headers["x-telegram-bot-api-secret-token"] !== web.webhookSecret) return void res.writeHead(401).end();
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("error", (err) => logger.warn({ err }, "webhook: the request broke off"));
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on("end", () => {
      let update: Update;
      try {
        update = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Update;
        if (size > MAX_BODY_BYTES || !Number.isSafeInteger(update.update_id)) throw new Error("not an update");
      } catch {
        logger.warn({ bytes: size }, "webhook: ignored a body that is not an update");
        return void res.writeHead(400).end();
      }
      res.writeHead(200).end();
      if (seen.has(update.update_id)) return void logger.info({ update_id: update.update_id }, "webhook: update posted again; already handled");
      seen.add(update.update_id);
      if (seen.size > REMEMBERED_UPDATES) seen.delete(seen.values().next().value!);
      const handled: Promise<void> = bot
        .handleUpdate(update)
        .catch((err: unknown) => logger.error({ err, update_id: update.update_id }, "webhook: update failed"))
        .finally(() => handling.delete(handled));
      handling.add(handled);
    });
  });
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(listenError(err, web)));
    server.listen(web.port, web.host, () => resolve(server.address() as AddressInfo));
  });
  app.onStop(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all(handling);
  });
  await bot.api.setWebhook(web.webhookUrl, { secret_token: web.webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  return address;
}

function listenError(err: NodeJS.ErrnoException, web: WebConfig): Error {
  if (err.code === "EADDRINUSE") return new StartupError(`PORT: ${web.port} is already in use on ${web.host}; stop what listens there or set PORT to a free port`);
  if (err.code === "EACCES") return new StartupError(`PORT: listening on ${web.port} is not allowed for this user; set PORT above 1023`);
  if (err.code === "ENOTFOUND" || err.code === "EAI_AGAIN") return new StartupError(`HOST: "${web.host}" does not resolve; set HOST to an address of this machine (0.0.0.0 for all)`);
  if (err.code === "EADDRNOTAVAIL") return new StartupError(`HOST: ${web.host} is not an address of this machine; set HOST to one of its addresses (0.0.0.0 for all)`);
  return err;
}
