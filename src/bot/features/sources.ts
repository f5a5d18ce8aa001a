import { Composer } from "grammy";
import { normalize } from "../../briefing/arabic.js";
import type { Article } from "../../briefing/types.js";
import type { BotContext, Deps } from "../context.js";
import { renderArticle, renderParagraph } from "../../render/article.js";
import { lineMark } from "../../render/bidi.js";
import { decode } from "../../render/callback-data.js";
import { escapeHtml, cutText } from "../../render/html.js";
import { renderSources } from "../../render/sources.js";
import { editOrIgnore, expired } from "./callbacks.js";

export async function sendParagraph(ctx: BotContext, article: Article, paragraph: number): Promise<void> {
  const { text, keyboard } = renderParagraph(article, paragraph, ctx.view);
  await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
}

export async function sendArticle(ctx: BotContext, deps: Deps, article: Article): Promise<void> {
  for (const part of renderArticle(article, deps.briefing.numberOf(article), ctx.view)) {
    await ctx.reply(part.text, { parse_mode: "HTML", reply_markup: part.keyboard });
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
      parse_mode: "HTML",
    });
  }
  return article;
}

/** /sources, /article n, and the buttons that open articles and step through paragraphs. */
export function sourcesFeature(deps: Deps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { briefing } = deps;

  c.command("sources", async (ctx) => {
    const { text, keyboard } = renderSources(briefing.articles, 0, ctx.view);
    await ctx.reply(text, { parse_mode: "HTML", reply_markup: keyboard });
  });

  c.command("article", async (ctx) => {
    if (!ctx.match.trim()) {
      return ctx.reply(lineMark(ctx.view.lang) + ctx.t("article-usage", { count: String(briefing.articles.length) }), { parse_mode: "HTML" });
    }
    const article = await articleFromCommand(ctx, deps, ctx.match);
    if (article) await sendArticle(ctx, deps, article);
  });

  c.callbackQuery(/^(o|g|r|src):/, async (ctx) => {
    const action = decode(ctx.callbackQuery.data);
    if (action?.kind === "sources") {
      await ctx.answerCallbackQuery();
      const { text, keyboard } = renderSources(briefing.articles, action.page, ctx.view);
      return editOrIgnore(ctx, text, keyboard);
    }
    const article = action && "articleId" in action ? briefing.find(action.articleId) : undefined;
    if (!action || !article) return expired(ctx);
    await ctx.answerCallbackQuery();
    if (action.kind === "open") return sendParagraph(ctx, article, action.paragraph);
    if (action.kind === "goto") {
      const { text, keyboard } = renderParagraph(article, action.paragraph, ctx.view);
      return editOrIgnore(ctx, text, keyboard);
    }
    return sendArticle(ctx, deps, article);
  });

  return c;
}
