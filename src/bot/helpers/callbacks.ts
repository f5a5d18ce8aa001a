import { GrammyError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { BotContext } from "../context.js";

/** A button this build cannot read (forged, stale, or from an older version). */
export async function expired(ctx: BotContext): Promise<void> {
  await ctx.answerCallbackQuery({ text: ctx.t("expired"), show_alert: true });
}

/** Edit the message the button sits under; pressing twice yields "message is not modified", which is fine. */
export async function editOrIgnore(ctx: BotContext, text: string, keyboard: InlineKeyboardMarkup): Promise<void> {
  try {
    await ctx.editMessageText(text, { reply_markup: keyboard });
  } catch (err) {
    if (err instanceof GrammyError && err.description.includes("message is not modified")) return;
    throw err;
  }
}
