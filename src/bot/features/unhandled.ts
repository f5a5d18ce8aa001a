import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { lineMark } from "../../render/bidi.js";
import { cutText, escapeHtml } from "../../render/html.js";
import { expired } from "../helpers/callbacks.js";

/** Last in line: every input no feature took gets a short, friendly answer in private chats. */
export function unhandledFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const privateChat = c.chatType("private");

  privateChat.on("message:text", async (ctx) => {
    const command = ctx.msg.text.split(/\s/, 1)[0] ?? "";
    await ctx.reply(lineMark(ctx.view.lang) + ctx.t("unknown-command", { command: escapeHtml(cutText(command, 40)) }), {
    });
  });
  privateChat.on("message", (ctx) => ctx.reply(lineMark(ctx.view.lang) + ctx.t("non-text")));
  // In groups, only commands addressed to this bot by name get an answer; others may be for other bots.
  c.chatType(["group", "supergroup"])
    .on("message:text")
    .filter((ctx) => new RegExp(`^/\\w+@${ctx.me.username}\\b`, "i").test(ctx.message.text))
    .use((ctx) =>
      ctx.reply(lineMark(ctx.view.lang) + ctx.t("unknown-command", { command: escapeHtml(cutText(ctx.message.text.split(/\s/, 1)[0] ?? "", 60)) }), {
      }),
    );
  c.on("callback_query", expired);
  return c;
}
