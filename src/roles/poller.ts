/** Long polling (Telegram allows one poller per bot): grammY's runner, updates of one chat in order. */
import { run } from "@grammyjs/runner";
import type { App } from "../app.js";
import { ALLOWED_UPDATES, prepareBot } from "./bot.js";

export async function startPoller(app: App): Promise<void> {
  await prepareBot(app);
  await app.bot.api.deleteWebhook();
  const runner = run(app.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  app.onStop(async () => {
    if (runner.isRunning()) await runner.stop();
  });
}
