/** Sending an article or one paragraph, and finding the article a command names. */
import { normalize } from "../../briefing/arabic.js";
import type { Article } from "../../briefing/types.js";
import type { BotContext, Deps } from "../context.js";
import { renderArticle, renderParagraph } from "../../render/article.js";
import { lineMark } from "../../render/bidi.js";
import { escapeHtml, cutText } from "../../render/html.js";

export async function sendParagraph(ctx: BotContext, article: Article, paragraph: number): Promise<void> {
  const { text, keyboard } = renderParagraph(article, paragraph, ctx.view);
  await ctx.reply(text, { reply_markup: keyboard });
}

export async function sendArticle(ctx: BotContext, deps: Deps, article: Article): Promise<void> {
  for (const part of renderArticle(article, deps.briefing.numberOf(article), ctx.view)) {
    await ctx.reply(part.text, { reply_markup: part.keyboard });
  }
}

/**
 * The article a command's argument names by its number (Arabic-Indic digits too); when there is none, the
 * reader is told which numbers exist and undefined is returned.
 */
export async function articleFromCommand(ctx: BotContext, deps: Deps, argument: string): Promise<Article | undefined> {
  const ref = argument.trim();
  const n = normalize(ref);
  const article = /^\d{1,6}$/.test(n) ? deps.briefing.find(Number(n)) : undefined;
  if (!article) {
    await ctx.reply(lineMark(ctx.view.lang) + ctx.t("article-not-found", { ref: escapeHtml(cutText(ref, 40)), count: String(deps.briefing.articles.length) }), {
    });
  }
  return article;
}
