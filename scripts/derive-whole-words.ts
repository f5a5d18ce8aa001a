/**
 * Derives src/briefing/lexicon/whole-words.txt from the English–Arabic dictionary already in the project
 * (src/briefing/lexicon/eng-ara.tsv.gz, see lexicon/README.md). Run:
 *   npx tsx scripts/derive-whole-words.ts
 * One normalized word a line: each noun of the dictionary's Arabic side (the nouns `isArabicNoun` reads) whose first
 * letter is one that also attaches to words (و ف ب ك ل): وزارة, بيان, كبير, فريق, لقاء. The analyzer does not read
 * such a word as that letter and a shorter word (وزارة is not و + زارة), which would match unrelated words.
 */
import { writeFileSync } from "node:fs";
import { dictionaryNouns } from "../src/briefing/english.js";

const words = [...dictionaryNouns()].filter((noun) => /^[وفبكل][\u0621-\u064A]{2,}$/u.test(noun)).sort();
writeFileSync("src/briefing/lexicon/whole-words.txt", `${words.join("\n")}\n`);
console.log(`whole-words.txt: ${words.length} words`);
