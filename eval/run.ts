/**
 * `npm run eval`: the development set (../shared/eval/questions.jsonl, skipped when absent) and the project's own
 * questions through the bot's code path. Tune on odd ids; report both halves.
 *   npm run eval [-- --json] [-- --misses] [-- --no-glossary] [-- --set questions.jsonl]
 * --no-glossary measures English through the dictionary and name matching alone (issue 7 §3).
 * --set measures another question set in the development set's format (for example one written later as held-out).
 */
import { Briefing } from "../src/briefing/briefing.js";
import { LATER_ARTICLES, LATER_FACTS, summaryCoverage } from "../test/briefing/fixtures/summary-facts.js";
import { QUESTIONS } from "../test/briefing/questions.js";
import { DEV_SET, evaluate, readQuestions, type Figures } from "./evaluate.js";

const json = process.argv.includes("--json");
const misses = process.argv.includes("--misses");
const briefing = await Briefing.load({ dir: "seeds", english: { glossary: !process.argv.includes("--no-glossary") } });

// The project's own set: a hit is one of the question's relevant paragraphs ("003:4").
const ownRank = QUESTIONS.map(({ q, relevant }) => {
  const answer = briefing.answer(q, 0, 5);
  return answer.hits.findIndex((h) => relevant.includes(`${h.article.source.slice(0, 3)}:${h.paragraph.n}`)) + 1;
});
const ownR3 = ownRank.filter((r) => r >= 1 && r <= 3).length / ownRank.length;

const setAt = process.argv.indexOf("--set");
const dev = setAt > 0 ? readQuestions(process.argv[setAt + 1]) : readQuestions();
const report = dev ? evaluate(briefing, dev) : undefined;
if (json) {
  console.log(JSON.stringify({ dev: report && { ...report, outcomes: undefined }, own: { n: QUESTIONS.length, r3: ownR3 } }));
  process.exit(0);
}
const f = (x: Figures) => `${x.r1.toFixed(3)} ${x.r3.toFixed(3)} ${x.mrr.toFixed(3)}`;
if (!report) console.log(`development set: skipped (${setAt > 0 ? process.argv[setAt + 1] : DEV_SET} not found)`);
else {
  console.log("| group | n | odd R@1 R@3 MRR | even R@1 R@3 MRR | all R@1 R@3 MRR |");
  console.log("|---|---:|---|---|---|");
  for (const r of report.rows) console.log(`| ${r.group} | ${r.all.n} | ${f(r.odd)} | ${f(r.even)} | ${f(r.all)} |`);
  console.log(`none said "not covered": ${report.none.said}/${report.none.of} (odd ${report.none.odd}, even ${report.none.even})`);
  console.log(`answerable judged not covered: ${report.falseNotCovered.count}/${report.falseNotCovered.of} ${report.falseNotCovered.ids.join(" ")}`);
  console.log(`multi: gold articles in the top 5: ${report.multi.found}/${report.multi.of}`);
  const a = report.answerLevel;
  console.log(`answer level (gold phrase in lead + key points): odd ${a.odd.toFixed(3)}, even ${a.even.toFixed(3)}, all ${a.all.toFixed(3)} of ${a.n}`);
  const l = report.leadLevel;
  console.log(`lead level (gold phrase in the lead alone): odd ${l.odd.toFixed(3)}, even ${l.even.toFixed(3)}, all ${l.all.toFixed(3)} of ${l.n}`);
  if (misses)
    for (const o of report.outcomes)
      if (o.question.gold.length > 0 ? o.rank === 0 || o.rank > 3 : !o.notCovered)
        console.log(`miss ${o.question.id} ${o.question.kind} rank ${o.rank || "-"}${o.notCovered ? " (not covered)" : ""}: ${o.question.q}\n  got ${o.answer.hits.map((h) => `${h.article.source.slice(0, 3)}:${h.paragraph.n}`).join(" ")} want ${o.question.gold.map((g) => g.doc.slice(0, 3)).join(" ")}`);
  if (misses)
    for (const o of report.outcomes)
      if (o.question.gold.length > 0 && !o.inKeyPoints)
        console.log(`key points miss ${o.question.id} ${o.question.kind}: ${o.question.q}\n  lead: ${o.answer.lead?.text ?? "—"} [${o.answer.lead?.cite ?? "-"}]\n  ${o.answer.keyPoints.map((k) => `${k.text} [${k.cite}]`).join("\n  ")}\n  want: ${o.question.gold.map((g) => `${g.doc.slice(0, 3)} ${g.must.join(" | ")}`).join("; ")}`);
}
console.log(`project's own set: R@3 ${ownR3.toFixed(3)} of ${QUESTIONS.length}`);
for (const row of summaryCoverage(briefing))
  console.log(`summary ${row.source.slice(0, 3)}: ${row.found}/${row.facts} facts in ${row.chars} characters${row.missing.length ? ` — missing: ${row.missing.join(" | ")}` : ""}`);
const later = summaryCoverage(await Briefing.load({ dir: LATER_ARTICLES }), LATER_FACTS);
console.log(`summaries of the 16 later articles (test/briefing/fixtures/later-articles): ${later.reduce((n, r) => n + r.found, 0)}/${later.reduce((n, r) => n + r.facts, 0)} facts`);
