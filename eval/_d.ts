import { Briefing } from "../src/briefing/briefing.js";
import { digestFor } from "../src/briefing/digest.js";
const b = await Briefing.load({ dir: "seeds" });
for (const item of digestFor(b, new Set(), "الطاقة")) { console.log("==", item.article.source.slice(0,3)); for (const p of item.points) console.log(`- [${p.paragraph}] ${p.text}`); }
console.log("== briefing"); const s=b.summary(); for (const k of s.keyPoints) console.log(`- [${s.citations[k.cite-1]!.source.slice(0,3)}] ${k.text}`);
for (const q of ["كم بلغ حجم التبادل التجاري","هل الصين طرف في الحرب الأوكرانية؟","متى زار شي جين بينغ موسكو قبل زيارة بوتين إلى الصين؟","What did Putin say about geopolitical turbulence in his video call with Xi?"]) { const a=b.answer(q); console.log("\n#", q, "\nLEAD:", a.lead?.text, a.lead?.cite); for (const k of a.keyPoints) console.log("KP:", k.text, k.cite); for (const h of a.hits) console.log("W:", h.paragraph.text.slice(...h.window!)); }
