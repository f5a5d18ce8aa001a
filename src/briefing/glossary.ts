/**
 * English words of the briefing's domain and their Arabic equivalents, so a question typed in English finds the
 * Arabic passages. Applied to queries only; Arabic text passes through unchanged.
 */
const ENTRIES: Record<string, string> = {
  putin: "بوتين",
  xi: "شي",
  jinping: "جين بينغ",
  china: "الصين",
  chinese: "الصيني الصينية",
  russia: "روسيا",
  russian: "الروسي الروسية",
  moscow: "موسكو",
  beijing: "بكين",
  ukraine: "أوكرانيا",
  ukrainian: "الأوكرانية",
  kyiv: "كييف",
  kiev: "كييف",
  war: "الحرب",
  trade: "التجاري التجارة",
  economy: "الاقتصاد",
  economic: "الاقتصادي الاقتصادية",
  energy: "الطاقة",
  oil: "النفط",
  gas: "الغاز",
  coal: "الفحم",
  pipeline: "خط أنابيب",
  siberia: "سيبيريا",
  sanction: "العقوبات",
  partnership: "الشراكة",
  partner: "الشريك",
  alliance: "التحالف",
  ally: "حلفاء",
  strategic: "الاستراتيجي",
  relation: "العلاقات",
  relationship: "العلاقات",
  tie: "العلاقات",
  visit: "زيارة",
  summit: "قمة",
  shanghai: "شنغهاي",
  sco: "منظمة شنغهاي للتعاون",
  brics: "بريكس",
  "security council": "مجلس الأمن",
  "united states": "الولايات المتحدة",
  usa: "الولايات المتحدة",
  america: "الولايات المتحدة",
  american: "الأمريكية الأمريكي",
  washington: "واشنطن",
  trump: "ترامب",
  west: "الغرب",
  western: "الغربية الغربي",
  europe: "أوروبا",
  european: "الأوروبي",
  eu: "الاتحاد الأوروبي",
  "north korea": "كوريا الشمالية",
  korea: "كوريا",
  kim: "كيم جونغ أون",
  pyongyang: "بيونغ يانغ",
  iran: "إيران",
  taiwan: "تايوان",
  japan: "اليابان",
  "world war": "الحرب العالمية",
  "cold war": "الحرب الباردة",
  parade: "العرض العسكري",
  military: "العسكري العسكرية",
  army: "الجيش",
  troop: "الجنود",
  soldier: "الجنود",
  eurasia: "أوراسيا",
  eurasian: "الأوراسي",
  "belt road": "الحزام والطريق",
  multipolar: "متعدد الأقطاب",
  friend: "صديق الصديق",
  chip: "رقائق",
  semiconductor: "أشباه موصلات",
  technology: "التكنولوجيا تقنيات",
  intelligence: "استخباراتية",
  tianjin: "تيانجين",
  harbin: "خاربين",
  kremlin: "الكرملين",
  soviet: "السوفياتي",
  mediation: "الوساطة",
  mediator: "الوسيط",
  peace: "السلام",
  stability: "الاستقرار",
  billion: "مليار",
  dollar: "دولار",
  import: "مستورد تستورد",
  export: "صادرات",
  defense: "الدفاع دفاعية",
  defence: "الدفاع دفاعية",
  term: "ولاية",
  cooperation: "التعاون",
  pressure: "الضغوط",
  support: "دعم",
  hegemony: "الهيمنة",
  dominance: "الهيمنة",
  order: "نظام",
  "global south": "الجنوب العالمي",
  "no limits": "بلا حدود",
  anniversary: "الذكرى",
  victory: "انتصار",
  council: "مجلس",
  security: "الأمن",
  un: "الأمم المتحدة",
  g20: "مجموعة العشرين",
};

/** Plural and possessive endings off, so "sanctions" and "China's" find their entries. */
function singular(word: string): string {
  const w = word.replace(/'s$/, "");
  if (w in ENTRIES) return w;
  if (w.endsWith("ies") && `${w.slice(0, -3)}y` in ENTRIES) return `${w.slice(0, -3)}y`;
  if (w.endsWith("s") && w.slice(0, -1) in ENTRIES) return w.slice(0, -1);
  return w;
}

/** The query with Arabic equivalents of its English domain words appended. */
export function expandQuery(query: string): string {
  const words = (query.toLowerCase().match(/[a-z0-9']+/g) ?? []).map(singular);
  if (words.length === 0) return query;
  const extra: string[] = [];
  const content = words.filter((w) => !["of", "and", "the", "&"].includes(w));
  for (let i = 0; i < content.length; i++) {
    const pair = `${content[i]} ${content[i + 1] ?? ""}`;
    if (pair in ENTRIES) extra.push(ENTRIES[pair]!);
    const one = ENTRIES[content[i]!];
    if (one) extra.push(one);
  }
  return extra.length > 0 ? `${query} ${extra.join(" ")}` : query;
}
