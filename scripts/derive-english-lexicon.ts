/**
 * Derives src/briefing/lexicon/eng-ara.tsv.gz from FreeDict's English–Arabic dictionary as Debian ships it
 * (package dict-freedict-eng-ara: freedict-eng-ara.index and freedict-eng-ara.dict.dz). Run:
 *   apt-get download dict-freedict-eng-ara && dpkg-deb -x dict-freedict-eng-ara_*.deb fd
 *   npx tsx scripts/derive-english-lexicon.ts fd/usr/share/dictd
 * One line per lower-cased English headword: the headword, a tab, its Arabic senses separated by "|", with
 * tashkeel, numbering and explanatory tails (" - …") left out. The output is committed so installing the project
 * needs nothing from apt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";

const dir = process.argv[2];
if (!dir) throw new Error("derive-english-lexicon: give the folder holding freedict-eng-ara.index and .dict.dz");
const dict = gunzipSync(readFileSync(join(dir, "freedict-eng-ara.dict.dz")));
const index = readFileSync(join(dir, "freedict-eng-ara.index"), "utf8");

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const b64 = (s: string) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);
const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g;

const senses = new Map<string, Set<string>>();
for (const line of index.split("\n")) {
  const [head, offset, length] = line.split("\t");
  if (!head || !offset || !length || head.startsWith("00database")) continue;
  const word = head.toLowerCase().trim();
  if (!/^[a-z][a-z' -]*$/.test(word)) continue;
  const body = dict.subarray(b64(offset), b64(offset) + b64(length)).toString("utf8").split("\n").slice(1);
  const set = senses.get(word) ?? new Set<string>();
  for (const raw of body) {
    const sense = raw.replace(/^\s*\d+\.\s*/, "").split(" - ")[0]!.replace(TASHKEEL, "").replace(/\s+/g, " ").trim();
    if (sense && /[\u0621-\u064A]/.test(sense) && !sense.includes("|")) set.add(sense);
  }
  if (set.size > 0) senses.set(word, set);
}
const tsv = [...senses].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([w, s]) => `${w}\t${[...s].join("|")}`).join("\n");
const out = new URL("../src/briefing/lexicon/eng-ara.tsv.gz", import.meta.url);
writeFileSync(out, gzipSync(Buffer.from(`${tsv}\n`), { level: 9 }));
console.log(`derive-english-lexicon: ${senses.size} headwords written to ${out.pathname}`);
