/**
 * Derives src/briefing/lexicon/whole-words.txt from the English–Arabic dictionary already in the project
 * (src/briefing/lexicon/eng-ara.tsv.gz, see lexicon/README.md). Run:
 *   npx tsx scripts/derive-whole-words.ts
 * One normalized word a line: each noun of the dictionary's Arabic side (written there with the article) whose
 * first letter is one that also attaches to words (و ف ب ك ل): وزارة, بيان, كبير, فريق, لقاء. The analyzer does not
 * read such a word as that letter and a shorter word (وزارة is not و + زارة), which would match unrelated words.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { normalize, tokenize } from "../src/briefing/arabic.js";

const tsv = gunzipSync(readFileSync("src/briefing/lexicon/eng-ara.tsv.gz")).toString("utf8");
const words = new Set<string>();
for (const line of tsv.split("\n")) {
  const senses = line.split("\t")[1];
  if (!senses) continue;
  for (const sense of senses.split("|")) {
    for (const t of tokenize(sense)) {
      if (t.length <= 4 || !t.startsWith("ال")) continue;
      const noun = normalize(t.slice(2));
      if (/^[وفبكل][\u0621-\u064A]{2,}$/u.test(noun)) words.add(noun);
    }
  }
}
writeFileSync("src/briefing/lexicon/whole-words.txt", `${[...words].sort().join("\n")}\n`);
console.log(`whole-words.txt: ${words.size} words`);
