/** What every role that answers updates does first: know who the bot is and publish its command menu. */
import type { App } from "../app.js";
import { registerCommands } from "../bot/create-bot.js";

/** The updates the bot handles, the same for long polling and the webhook. */
export const ALLOWED_UPDATES = ["message", "edited_message", "callback_query", "inline_query", "my_chat_member"] as const;

export async function prepareBot(app: App): Promise<void> {
  await app.bot.init();
  await registerCommands(app.bot.api);
}
