/** Where an update comes from and whether it is meant for the bot. */
import type { BotContext } from "../context.js";
import { lineMark } from "../../render/bidi.js";

export function inGroup(ctx: BotContext): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** A group message meant for the bot: a command, a mention of it, or a reply to one of its messages. */
export function addressedToBot(ctx: BotContext): boolean {
  const msg = ctx.message;
  if (ctx.callbackQuery) return true;
  if (!msg?.text) return false;
  if (msg.text.startsWith("/")) return true;
  if (msg.reply_to_message?.from?.id === ctx.me.id) return true;
  const me = `@${ctx.me.username}`.toLowerCase();
  return (msg.entities ?? []).some((e) => e.type === "mention" && msg.text!.slice(e.offset, e.offset + e.length).toLowerCase() === me);
}

/** The one short note a group gets when it asks faster than the bot may answer there. */
export function groupLimitNote(ctx: BotContext): Promise<unknown> {
  return ctx.reply(lineMark(ctx.view.lang) + ctx.t("group-limited"));
}
