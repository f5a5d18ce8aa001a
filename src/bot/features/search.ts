import { Composer } from "grammy";
import { typed } from "../../briefing/follow-up.js";
import type { BotContext, Deps } from "../context.js";
import { answerMessage, replyToText, replyWithAnswer } from "../helpers/answer.js";
import { lineMark } from "../../render/bidi.js";
import { actionFilter, decode } from "../../render/callback-data.js";
import { editOrIgnore, expired } from "../helpers/callbacks.js";
import { exampleButtons } from "../helpers/examples.js";

/** /search, free text in private chats, and the "more results" buttons that page by editing the answer. */
export function searchFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();

  c.command("search", async (ctx) => {
    if (typed(ctx.match).trim()) return replyWithAnswer(ctx, deps, typed(ctx.match));
    await ctx.reply(lineMark(ctx.view.lang) + ctx.t("search-usage"), { reply_markup: { inline_keyboard: exampleButtons(ctx) } });
  });

  c.chatType("private")
    .on("message:text")
    .filter((ctx) => !ctx.msg.text.startsWith("/"))
    .use((ctx) => replyToText(ctx, deps, ctx.msg.text));

  c.callbackQuery(actionFilter("page"), async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    const query = action?.kind === "page" ? await deps.stores.queries.getQuery(action.queryId) : undefined;
    if (action?.kind !== "page" || query === undefined) return expired(ctx);
    const page = await answerMessage(ctx, deps, query, action.offset);
    if (!page) return ctx.answerCallbackQuery({ text: ctx.t("nothing-more") });
    await ctx.answerCallbackQuery();
    await editOrIgnore(ctx, page.text, page.keyboard);
  });

  return c;
}
