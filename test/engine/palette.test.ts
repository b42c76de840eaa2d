import {
  LANGUAGES,
  PALETTE,
  schemeTiers,
  tierLabel,
  type TierKey,
  RFM_SEGMENTS,
  PYRAMID_TIERS,
} from "../../src/engine";

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, linear RGB. */
const DEFICIENCIES: Record<string, number[][]> = {
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
};

function lab(hex: string, matrix: number[][]): number[] {
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const [r, g, b] = matrix.map((row) =>
    Math.min(1, Math.max(0, row[0] * linear[0] + row[1] * linear[1] + row[2] * linear[2]))
  );
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

const SCHEMES: Record<string, readonly TierKey[]> = {
  value: schemeTiers("value"),
  strategic: schemeTiers("strategic"),
  frequency: schemeTiers("frequency"),
  pyramid: PYRAMID_TIERS,
  abc: ["A", "B", "C"],
  rfm: RFM_SEGMENTS,
  lifecycle: ["exploration", "formation", "stability", "decline"],
};

describe("tier colours", () => {
  test("every tier's text has at least 4.5:1 contrast on its fill (WCAG AA)", () => {
    for (const [tier, colour] of Object.entries(PALETTE)) {
      expect([tier, contrast(colour.fill, colour.text) >= 4.5]).toEqual([tier, true]);
    }
  });

  test("the fills of one scheme stay apart under simulated red-green colour blindness (CIE76 >= 12)", () => {
    for (const [scheme, tiers] of Object.entries(SCHEMES)) {
      for (const [deficiency, matrix] of Object.entries(DEFICIENCIES)) {
        for (let i = 0; i < tiers.length; i++) {
          for (let j = i + 1; j < tiers.length; j++) {
            const [a, b] = [
              lab(PALETTE[tiers[i]].fill, matrix),
              lab(PALETTE[tiers[j]].fill, matrix),
            ];
            const distance = Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
            expect([scheme, deficiency, tiers[i], tiers[j], distance >= 12]).toEqual([
              scheme,
              deficiency,
              tiers[i],
              tiers[j],
              true,
            ]);
          }
        }
      }
    }
  });

  test("the metals look like metals: gold is yellow, silver light grey, lead blue-grey, iron darkest", () => {
    const [gold, silver, iron, lead] = (["gold", "silver", "iron", "lead"] as const).map(
      (t) => PALETTE[t].fill
    );
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [gr, gg, gb] = rgb(gold);
    expect(gr > gb + 100 && gg > gb + 60).toBe(true);
    const [sr, sg, sb] = rgb(silver);
    expect(Math.max(sr, sg, sb) - Math.min(sr, sg, sb)).toBeLessThan(20);
    expect(luminance(iron)).toBeLessThan(luminance(lead));
    expect(rgb(lead)[2]).toBeGreaterThan(rgb(lead)[0]);
  });
});

describe("tier names", () => {
  test("the value matrix in three languages, as in the spec", () => {
    expect((["gold", "silver", "iron", "lead"] as const).map((t) => tierLabel(t, "zh-CN"))).toEqual(
      ["金质客户", "银质客户", "铁质客户", "铅质客户"]
    );
    expect((["gold", "silver", "iron", "lead"] as const).map((t) => tierLabel(t, "zh-TW"))).toEqual(
      ["金質客戶", "銀質客戶", "鐵質客戶", "鉛質客戶"]
    );
  });

  test("every tier has a name in every language and names within a scheme differ", () => {
    for (const tiers of Object.values(SCHEMES)) {
      for (const language of LANGUAGES) {
        const names = tiers.map((t) => tierLabel(t, language));
        expect(names.every((n) => n.length > 0)).toBe(true);
        expect(new Set(names).size).toBe(names.length);
      }
    }
  });
});
