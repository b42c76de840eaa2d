import type { RfmSegment } from "./rfmSegments";
import { invalid } from "./errors";

/** The languages of tier and segment names (spec 0: an argument, so shared files agree). */
export type Language = "en" | "zh-CN" | "zh-TW";
export const LANGUAGES: readonly Language[] = ["en", "zh-CN", "zh-TW"];

const LANGUAGE_ALIASES: Record<string, Language> = {
  en: "en",
  "en-us": "en",
  "en-gb": "en",
  english: "en",
  "zh-cn": "zh-CN",
  "zh-hans": "zh-CN",
  "zh-sg": "zh-CN",
  zh: "zh-CN",
  "zh-tw": "zh-TW",
  "zh-hant": "zh-TW",
  "zh-hk": "zh-TW",
  "zh-mo": "zh-TW",
};

export function parseLanguage(raw: string | undefined, arg = "language"): Language {
  if (raw === undefined || raw.trim() === "") return "en";
  const language = LANGUAGE_ALIASES[raw.trim().toLowerCase()];
  if (!language) throw invalid("oneOf", { arg, options: '"en", "zh-CN", "zh-TW"' });
  return language;
}

export type QuadrantTier =
  | "gold"
  | "silver"
  | "iron"
  | "lead"
  | "strategic"
  | "profit"
  | "potential"
  | "ordinary"
  | "premium"
  | "spender"
  | "frequent"
  | "uncertain";
export type PyramidTier = "vip" | "major" | "regular" | "small";
export type AbcTier = "A" | "B" | "C";
export type LifecycleStage = "exploration" | "formation" | "stability" | "decline";
export type TierKey = QuadrantTier | PyramidTier | AbcTier | RfmSegment | LifecycleStage;

type Names = Record<Language, string>;

const NAMES: Record<TierKey, Names> = {
  gold: { en: "Gold", "zh-CN": "金质客户", "zh-TW": "金質客戶" },
  silver: { en: "Silver", "zh-CN": "银质客户", "zh-TW": "銀質客戶" },
  iron: { en: "Iron", "zh-CN": "铁质客户", "zh-TW": "鐵質客戶" },
  lead: { en: "Lead", "zh-CN": "铅质客户", "zh-TW": "鉛質客戶" },
  strategic: { en: "Strategic", "zh-CN": "战略客户", "zh-TW": "戰略客戶" },
  profit: { en: "Profit", "zh-CN": "利润客户", "zh-TW": "利潤客戶" },
  potential: { en: "Potential", "zh-CN": "潜力客户", "zh-TW": "潛力客戶" },
  ordinary: { en: "Ordinary", "zh-CN": "普通客户", "zh-TW": "普通客戶" },
  premium: { en: "Premium", "zh-CN": "优质型", "zh-TW": "優質型" },
  spender: { en: "Spender", "zh-CN": "消费型", "zh-TW": "消費型" },
  frequent: { en: "Frequent", "zh-CN": "经常型", "zh-TW": "經常型" },
  uncertain: { en: "Uncertain", "zh-CN": "不确定型", "zh-TW": "不確定型" },
  vip: { en: "VIP", "zh-CN": "贵宾客户", "zh-TW": "貴賓客戶" },
  major: { en: "Major", "zh-CN": "主要客户", "zh-TW": "主要客戶" },
  regular: { en: "Regular", "zh-CN": "普通客户", "zh-TW": "普通客戶" },
  small: { en: "Small", "zh-CN": "小客户", "zh-TW": "小客戶" },
  A: { en: "A", "zh-CN": "A", "zh-TW": "A" },
  B: { en: "B", "zh-CN": "B", "zh-TW": "B" },
  C: { en: "C", "zh-CN": "C", "zh-TW": "C" },
  champions: { en: "Champions", "zh-CN": "冠军客户", "zh-TW": "冠軍客戶" },
  loyal: { en: "Loyal", "zh-CN": "忠诚客户", "zh-TW": "忠誠客戶" },
  potentialLoyalist: { en: "Potential loyalist", "zh-CN": "潜力忠诚客户", "zh-TW": "潛力忠誠客戶" },
  new: { en: "New", "zh-CN": "新客户", "zh-TW": "新客戶" },
  promising: { en: "Promising", "zh-CN": "有望客户", "zh-TW": "有望客戶" },
  needAttention: { en: "Need attention", "zh-CN": "需关注客户", "zh-TW": "需關注客戶" },
  aboutToSleep: { en: "About to sleep", "zh-CN": "将沉睡客户", "zh-TW": "將沉睡客戶" },
  atRisk: { en: "At risk", "zh-CN": "风险客户", "zh-TW": "風險客戶" },
  cantLose: { en: "Can't lose", "zh-CN": "不能失去的客户", "zh-TW": "不能失去的客戶" },
  hibernating: { en: "Hibernating", "zh-CN": "休眠客户", "zh-TW": "休眠客戶" },
  lost: { en: "Lost", "zh-CN": "流失客户", "zh-TW": "流失客戶" },
  exploration: { en: "Exploration", "zh-CN": "考察期", "zh-TW": "考察期" },
  formation: { en: "Formation", "zh-CN": "形成期", "zh-TW": "形成期" },
  stability: { en: "Stability", "zh-CN": "稳定期", "zh-TW": "穩定期" },
  decline: { en: "Decline", "zh-CN": "退化期", "zh-TW": "退化期" },
};

export function tierLabel(tier: TierKey, language: Language): string {
  return NAMES[tier][language];
}

/** The value matrix's strategy for each tier (spec 4.1). */
const STRATEGIES: Partial<Record<TierKey, Names>> = {
  gold: {
    en: "Top priority: develop the relationship",
    "zh-CN": "重中之重，发展关系",
    "zh-TW": "重中之重，發展關係",
  },
  silver: {
    en: "Invest: keep the relationship",
    "zh-CN": "重点投入，保持关系",
    "zh-TW": "重點投入，保持關係",
  },
  iron: {
    en: "Invest moderately: rebuild the relationship",
    "zh-CN": "适当投入，关系再造",
    "zh-TW": "適當投入，關係再造",
  },
  lead: { en: "No investment: let go", "zh-CN": "不投入，关系解除", "zh-TW": "不投入，關係解除" },
};

export function tierStrategy(tier: TierKey, language: Language): string | undefined {
  return STRATEGIES[tier]?.[language];
}
