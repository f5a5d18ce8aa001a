import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { directed } from "../../render/bidi.js";

export function helpFeature(): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command("help", (ctx) => ctx.reply(directed(ctx.view.lang, ctx.t("help", { bot: ctx.me.username }))));
  return c;
}
