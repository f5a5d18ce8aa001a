/**
 * Command line: search, ask, sources, summary. The JSON shapes are read by outside checks; keep them stable.
 *   search "<query>" [--limit N] [--json]      search --json --stdin [--limit N]
 *   ask "<question>" [--lang ar|en]            sources [--json]            summary [<source>] [--json]
 *   --help
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { loadBriefing } from "./app.js";
import type { Briefing } from "./briefing/briefing.js";
import { createI18n, translator } from "./bot/i18n.js";
import { numberOf } from "./bot/create-bot.js";
import { saysNotCovered, renderAnswer, renderNotCovered } from "./render/answer.js";
import { renderSummary } from "./render/sources.js";
import { formatDate } from "./render/view.js";
import { PAGE_SIZE, PRIVATE_SNIPPET, prepareQuery } from "./bot/helpers/answer.js";
import { loadDotEnv, readBaseConfig } from "./config.js";
import { htmlToPlain } from "./console/plain.js";
import { createLogger } from "./logger.js";
import { queryId } from "./store/sqlite-store.js";
import type { Language } from "./store/store.js";

const USAGE = `usage: npm run -s cli -- <command>   (--help for this)
  search "<query>" [--limit N] [--json]
  search --json --stdin [--limit N]     one query per line in, one JSON object per line out
  ask "<question>" [--lang ar|en]       the answer as the bot sends it, as plain text
  sources [--json]                      the articles
  summary [<source>] [--json]           key points of one article (by source name or number) or of the briefing`;

class UsageError extends Error {}

function searchJson(briefing: Briefing, query: string, limit: number) {
  const { hits } = briefing.search(prepareQuery(query).text, { limit });
  return {
    query,
    results: hits.map((h) => ({
      source: h.article.source,
      title: h.article.title,
      paragraph: h.paragraph.n,
      text: h.paragraph.text,
      score: Math.round(h.score * 1000) / 1000,
    })),
  };
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      limit: { type: "string" },
      json: { type: "boolean", default: false },
      stdin: { type: "boolean", default: false },
      lang: { type: "string", default: "ar" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || positionals[0] === "help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [command, ...rest] = positionals;
  const limit = values.limit === undefined ? 3 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new UsageError("--limit takes a whole number from 1 to 100");
  if (values.lang !== "ar" && values.lang !== "en") throw new UsageError("--lang takes ar or en");
  const lang: Language = values.lang;
  if (!command || !["search", "ask", "sources", "summary"].includes(command)) throw new UsageError(command ? `unknown command "${command}"` : "no command");

  loadDotEnv();
  const config = readBaseConfig();
  const logger = createLogger("warn", undefined, process.stderr as never);
  const briefing = await loadBriefing(config, logger);
  const i18n = createI18n();
  const view = { lang, t: translator(i18n, lang), articleNumber: numberOf({ briefing }) };
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };

  switch (command) {
    case "search": {
      if (values.stdin) {
        if (!values.json) throw new UsageError("--stdin goes with --json");
        for await (const line of createInterface({ input: process.stdin })) {
          // One line out for every line in, so outputs line up with inputs; an empty query has no results.
          const query = line.trim();
          out(JSON.stringify(query ? searchJson(briefing, query, limit) : { query, results: [] }));
        }
        return;
      }
      const query = rest.join(" ").trim();
      if (!query) throw new UsageError("search needs a query");
      const result = searchJson(briefing, query, limit);
      if (values.json) return out(JSON.stringify(result));
      if (result.results.length === 0) return out(`no passage matches "${query}"`);
      result.results.forEach((r, i) => out(`${i + 1}. [${r.source} ¶${r.paragraph}] ${r.title}  (score ${r.score})\n   ${r.text}\n`));
      return;
    }
    case "ask": {
      const question = prepareQuery(rest.join(" "));
      if (!question.text) throw new UsageError("ask needs a question");
      const answer = briefing.answer(question.text, 0, PAGE_SIZE);
      if (saysNotCovered(answer)) return out(htmlToPlain(renderNotCovered(answer, view).text));
      if (answer.total === 0) return out(htmlToPlain(view.t("no-match", { query: question.text })));
      const { text } = renderAnswer(answer, view, { queryId: queryId(question.text), snippetChars: PRIVATE_SNIPPET, pageSize: PAGE_SIZE });
      return out(htmlToPlain(text));
    }
    case "sources": {
      const list = briefing.articles.map((a, i) => ({ n: i + 1, source: a.source, title: a.title, date: a.date ?? null, paragraphs: a.paragraphs.length }));
      if (values.json) return out(JSON.stringify(list));
      for (const a of briefing.articles) out(`${briefing.numberOf(a)}. ${a.title} — ${formatDate(a.date, view)} — ${a.source} (${a.paragraphs.length} ¶)`);
      return;
    }
    case "summary": {
      const ref = rest.join(" ").trim();
      const article = ref ? briefing.find(ref) : undefined;
      if (ref && !article) throw new UsageError(`no article "${ref}" (use a source name from \`sources\` or its number)`);
      const summary = briefing.summary(article);
      if (values.json) {
        const cited = (cite: number) => summary.citations.find((c) => c.n === cite)!;
        const points = summary.keyPoints.map((k) => ({
          text: k.text,
          paragraph: cited(k.cite).paragraph,
          ...(article ? {} : { source: cited(k.cite).source }),
        }));
        return out(JSON.stringify(article ? { source: article.source, points } : { source: null, points }));
      }
      return out(htmlToPlain(renderSummary(summary, view, briefing.articles.length, article && briefing.numberOf(article)).text));
    }
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError || (err instanceof Error && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"))) {
    process.stderr.write(`cli: ${err.message}\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`cli: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
