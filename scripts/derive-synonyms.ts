/**
 * Derives src/briefing/lexicon/synonyms-ar.tsv.gz from the Arabic thesaurus LibreOffice ships, as Debian packages
 * it (package mythes-ar: th_ar_EG_v2.dat). Run:
 *   apt-get download mythes-ar && dpkg-deb -x mythes-ar_*.deb th
 *   npx tsx scripts/derive-synonyms.ts th/usr/share/mythes/th_ar_EG_v2.dat
 * One line per sense: the headword and its synonyms for that sense, tab-separated, tashkeel and glosses in
 * parentheses left out, single words only. The output is committed so installing the project needs nothing from apt.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const file = process.argv[2];
if (!file) throw new Error("derive-synonyms: give the path of th_ar_EG_v2.dat");
const TASHKEEL = /[\u064B-\u065F\u0670\u0640]/g;
const clean = (w: string) => w.replace(/\([^)]*\)/g, "").replace(TASHKEEL, "").replace(/[-–]/g, " ").trim();
const isWord = (w: string) => /^[\u0621-\u064A]{3,}$/.test(w);

const lines = readFileSync(file, "utf8").split("\n");
const groups = new Set<string>();
for (let i = 1; i < lines.length; ) {
  const [head, count] = lines[i]!.split("|");
  const n = Number(count);
  i++;
  if (!head || !Number.isInteger(n)) continue;
  const headword = clean(head);
  for (let k = 0; k < n && i < lines.length; k++, i++) {
    const words = [headword, ...lines[i]!.split("|").slice(1).map(clean)].filter(isWord);
    const unique = [...new Set(words)];
    if (unique.length >= 2) groups.add(unique.join("\t"));
  }
}
const out = new URL("../src/briefing/lexicon/synonyms-ar.tsv.gz", import.meta.url);
writeFileSync(out, gzipSync(Buffer.from(`${[...groups].sort().join("\n")}\n`), { level: 9 }));
console.log(`derive-synonyms: ${groups.size} senses written to ${out.pathname}`);
