/**
 * Retrieval and answer figures over a question set, through the code path the bot uses (`prepareQuery` →
 * `Briefing.answer`). A result is a hit when it comes from a gold article and holds one of the entry's `must`
 * phrases after the development set's normalization (../shared/eval/README.md). A question judged not covered
 * shows no passages, so it has no hits; for a `none` question that is the right reply.
 */
import { existsSync, readFileSync } from "node:fs";
import { PAGE_SIZE, prepareQuery } from "../src/bot/helpers/answer.js";
import type { Briefing } from "../src/briefing/briefing.js";
import type { Answer, Hit, KeyPoint } from "../src/briefing/types.js";

export interface EvalQuestion {
  id: string;
  lang: string;
  kind: string;
  q: string;
  gold: Array<{ doc: string; must: string[] }>;
}

export const DEV_SET = "../shared/eval/questions.jsonl";

export function readQuestions(file = DEV_SET): EvalQuestion[] | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalQuestion);
}

/** The development set's normalization: NFKC, no diacritics or tatweel, one alef, ؤ ئ ى ة folded, ASCII digits, no quotes, one space, lower case. */
export function forMatch(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/["'“”«»]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

const isHit = (q: EvalQuestion, hit: Hit): boolean =>
  q.gold.some((g) => hit.article.source.startsWith(g.doc) && g.must.some((m) => forMatch(hit.paragraph.text).includes(forMatch(m))));

export interface QuestionOutcome {
  question: EvalQuestion;
  /** 1-based rank of the first hit in the top 5, 0 when none. */
  rank: number;
  notCovered: boolean;
  /** Gold articles found in the top 5. */
  goldArticles: number;
  /** The gold phrase is in the lead or a key point, citing a gold article. */
  inKeyPoints: boolean;
  /** The gold phrase is in the lead alone (the first line a reader sees). */
  inLead: boolean;
  answer: Answer;
}

export const TOP = 5;

export function evaluateQuestion(briefing: Briefing, question: EvalQuestion): QuestionOutcome {
  const text = prepareQuery(question.q).text;
  const ranked = briefing.answer(text, 0, TOP);
  const notCovered = ranked.covered === false;
  const hits = notCovered ? [] : ranked.hits;
  const rank = hits.findIndex((h) => isHit(question, h)) + 1;
  const goldArticles = question.gold.filter((g) => hits.some((h) => h.article.source.startsWith(g.doc))).length;
  // The key points a reader gets are those of the bot's first page.
  const answer = briefing.answer(text, 0, PAGE_SIZE);
  const points = notCovered ? [] : [...(answer.lead ? [answer.lead] : []), ...answer.keyPoints];
  const says = (k: KeyPoint) => {
    const hit = answer.hits[k.cite - 1];
    const said = forMatch(k.text.replace(/^…|…$/g, ""));
    return hit !== undefined && question.gold.some((g) => hit.article.source.startsWith(g.doc) && g.must.some((m) => said.includes(forMatch(m))));
  };
  const inKeyPoints = points.some(says);
  const inLead = points.length > 0 && answer.lead !== undefined && says(answer.lead);
  return { question, rank, notCovered, goldArticles, inKeyPoints, inLead, answer };
}

export interface Figures {
  n: number;
  r1: number;
  r3: number;
  mrr: number;
}

export function figures(outcomes: readonly QuestionOutcome[]): Figures {
  const n = outcomes.length;
  if (n === 0) return { n, r1: 0, r3: 0, mrr: 0 };
  const share = (f: (o: QuestionOutcome) => number) => outcomes.reduce((s, o) => s + f(o), 0) / n;
  return {
    n,
    r1: share((o) => (o.rank === 1 ? 1 : 0)),
    r3: share((o) => (o.rank >= 1 && o.rank <= 3 ? 1 : 0)),
    mrr: share((o) => (o.rank > 0 ? 1 / o.rank : 0)),
  };
}

export interface Report {
  rows: Array<{ group: string; odd: Figures; even: Figures; all: Figures }>;
  none: { said: number; of: number; odd: string; even: string };
  /** Answerable questions wrongly judged not covered. */
  falseNotCovered: { count: number; of: number; ids: string[] };
  multi: { found: number; of: number };
  answerLevel: { odd: number; even: number; all: number; n: number };
  /** The same for the lead alone. */
  leadLevel: { odd: number; even: number; all: number; n: number };
  outcomes: QuestionOutcome[];
}

const odd = (o: QuestionOutcome) => Number(o.question.id.replace(/\D/g, "")) % 2 === 1;

export function evaluate(briefing: Briefing, questions: readonly EvalQuestion[]): Report {
  const outcomes = questions.map((q) => evaluateQuestion(briefing, q));
  const answerable = outcomes.filter((o) => o.question.gold.length > 0);
  const row = (group: string, set: QuestionOutcome[]) => ({
    group,
    odd: figures(set.filter(odd)),
    even: figures(set.filter((o) => !odd(o))),
    all: figures(set),
  });
  const kinds = [...new Set(answerable.map((o) => o.question.kind))].sort();
  const rows = [
    row("all Arabic", answerable.filter((o) => o.question.lang === "ar")),
    row("all English", answerable.filter((o) => o.question.lang === "en")),
    ...kinds.map((k) => row(k, answerable.filter((o) => o.question.kind === k))),
  ];
  const none = outcomes.filter((o) => o.question.gold.length === 0);
  const saidOf = (set: QuestionOutcome[]) => `${set.filter((o) => o.notCovered).length}/${set.length}`;
  const wrong = answerable.filter((o) => o.notCovered);
  const multi = answerable.filter((o) => o.question.kind === "multi");
  const level = (set: QuestionOutcome[]) => (set.length ? set.filter((o) => o.inKeyPoints).length / set.length : 0);
  const leadLevel = (set: QuestionOutcome[]) => (set.length ? set.filter((o) => o.inLead).length / set.length : 0);
  return {
    rows,
    none: { said: none.filter((o) => o.notCovered).length, of: none.length, odd: saidOf(none.filter(odd)), even: saidOf(none.filter((o) => !odd(o))) },
    falseNotCovered: { count: wrong.length, of: answerable.length, ids: wrong.map((o) => o.question.id) },
    multi: { found: multi.reduce((s, o) => s + o.goldArticles, 0), of: multi.reduce((s, o) => s + o.question.gold.length, 0) },
    answerLevel: { odd: level(answerable.filter(odd)), even: level(answerable.filter((o) => !odd(o))), all: level(answerable), n: answerable.length },
    leadLevel: { odd: leadLevel(answerable.filter(odd)), even: leadLevel(answerable.filter((o) => !odd(o))), all: leadLevel(answerable), n: answerable.length },
    outcomes,
  };
}
