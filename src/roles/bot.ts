/** What every role that answers updates does first: know who the bot is and publish its command menu. */
import type { App } from "../app.js";
import { registerCommands } from "../bot/create-bot.js";

/** The updates the bot handles, the same for long polling and the webhook. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

export async function prepareBot(app: App): Promise<void> {
  await knowBot(app);
  await registerCommands(app.bot.api);
}

/**
 * Who the bot is (getMe), for every role. Not bot.init(): grammY retries its getMe without end; the API layers'
 * bounded retries (each logged) decide, so an unreachable TELEGRAM_API_ROOT stops start-up with a message instead
 * of waiting forever.
 */
export async function knowBot(app: App): Promise<void> {
  if (!app.bot.isInited()) app.bot.botInfo = await app.bot.api.getMe();
}
