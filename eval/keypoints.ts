/**
 * Answer-level figure on the development set (`../shared/eval/questions.jsonl`, skipped when absent): the share
 * of answerable questions whose gold phrase is in the lead or the key points of `Briefing.answer`, citing a gold
 * article; odd and even ids apart (tune on odd, report both). Also the summary coverage of the editor's facts.
 *   npx tsx eval/keypoints.ts [--misses]
 */
import { existsSync, readFileSync } from "node:fs";
import { prepareQuery } from "../src/bot/helpers/answer.js";
import { Briefing } from "../src/briefing/briefing.js";
import { summaryCoverage } from "../test/briefing/fixtures/summary-facts.js";

const FILE = "../shared/eval/questions.jsonl";
/** The development set's own normalization (its README): ours, plus quotation marks dropped and spaces collapsed. */
function norm(text: string): string {
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
    .toLowerCase();
}

interface Question {
  id: string;
  kind: string;
  q: string;
  gold: Array<{ doc: string; must: string[] }>;
}

const briefing = await Briefing.load({ dir: "seeds" });
const showMisses = process.argv.includes("--misses");

if (existsSync(FILE)) {
  const questions: Question[] = readFileSync(FILE, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Question);
  const answerable = questions.filter((q) => q.gold.length > 0);
  const halves = { odd: [] as boolean[], even: [] as boolean[] };
  for (const q of answerable) {
    const answer = briefing.answer(prepareQuery(q.q).text);
    const points = [...(answer.lead ? [answer.lead] : []), ...answer.keyPoints];
    const ok = points.some((k) => {
      const hit = answer.hits[k.cite - 1];
      const text = norm(k.text.replace(/^…|…$/g, ""));
      return hit !== undefined && q.gold.some((g) => hit.article.source.startsWith(g.doc) && g.must.some((m) => text.includes(norm(m))));
    });
    (Number(q.id.slice(1)) % 2 === 1 ? halves.odd : halves.even).push(ok);
    const goldRank = answer.hits.findIndex((h) => q.gold.some((g) => h.article.source.startsWith(g.doc) && g.must.some((m) => norm(h.paragraph.text).includes(norm(m))))) + 1;
    if (showMisses && !ok) console.log(`${q.id} ${q.kind} gold passage ${goldRank > 0 ? `at [${goldRank}]` : "not on the page"} ${q.q}\n  lead: ${answer.lead?.text ?? "—"} [${answer.lead?.cite}]\n  ${answer.keyPoints.map((k) => `${k.text} [${k.cite}]`).join("\n  ")}\n  want: ${q.gold.map((g) => `${g.doc.slice(0, 3)} ${g.must.join(" | ")}`).join("; ")}\n  hits: ${answer.hits.map((h) => `${h.article.source.slice(0, 3)}:${h.paragraph.n}`).join(" ")}`);
  }
  const share = (xs: boolean[]) => `${xs.filter(Boolean).length}/${xs.length} = ${(xs.filter(Boolean).length / xs.length).toFixed(3)}`;
  console.log(`answer level (gold phrase in lead + key points): odd ${share(halves.odd)}, even ${share(halves.even)}, all ${share([...halves.odd, ...halves.even])}`);
} else console.log(`answer level: skipped (${FILE} not found)`);

for (const row of summaryCoverage(briefing)) console.log(`summary ${row.source.slice(0, 3)}: ${row.found}/${row.facts} facts in ${row.chars} characters${row.missing.length ? ` — missing: ${row.missing.join(" | ")}` : ""}`);
