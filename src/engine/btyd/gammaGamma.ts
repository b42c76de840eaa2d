import { type Dec, dec } from "../decimal";
import { CvError, invalid } from "../errors";
import { type SpendHistory, spendHistory } from "./history";
import { maximizeLikelihood } from "./optimize";
import { modelParams } from "./params";
import { orderFreeMean, patternsOf, type Patterns } from "./patterns";
import { digamma, lnGamma } from "./special";

/**
 * The Gamma-Gamma spend model (Colombo & Jiang 1999; Fader, Hardie & Lee 2005, "RFM and CLV:
 * using iso-value curves"; Hardie's note 025): the value of each purchase is Gamma(p, ν), and
 * ν is Gamma(q, γ) across customers. A customer's spend does not depend on how often they buy.
 */
export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** summed over the repeat buyers */
  logLikelihood: number;
  /** the repeat buyers the model was fitted to */
  customers: number;
}

export const GAMMA_GAMMA_PARAM_NAMES = ["p", "q", "gamma"] as const;

/**
 * The log-likelihood of the repeat buyers' mean spends (the density of the mean m of x
 * purchases) and its gradient. Customers without a repeat purchase are left out. Per customer
 *   ln L = ln Γ(px+q) - ln Γ(px) - ln Γ(q) + q ln γ + (px-1) ln m + px ln x - (px+q) ln(x m + γ)
 */
export class GammaGammaLikelihood {
  private readonly patterns: Patterns;
  readonly customers: number;

  constructor(histories: readonly SpendHistory[]) {
    const repeatBuyers = histories.filter((h) => h.x > 0);
    this.patterns = patternsOf(repeatBuyers.map((h) => [h.x, h.meanSpend]));
    this.customers = repeatBuyers.length;
  }

  /** Σ ln L at the parameters; fills `gradient` with d/d(p, q, γ) when given. */
  logLikelihood(params: GammaGammaParams, gradient?: number[]): number {
    const { p, q, gamma } = params;
    const { values, counts, distinctX, xIndex } = this.patterns;
    const [xs, spends] = values;
    const lnGammaParam = Math.log(gamma);
    const lnGammaQ = lnGamma(q);
    const psiQ = gradient ? digamma(q) : 0;

    // per distinct x: the terms without m, and their derivatives
    const k = distinctX.length;
    const shared = new Float64Array(k);
    const dP = new Float64Array(k);
    const dQ = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const x = distinctX[j];
      const px = p * x;
      const lnX = Math.log(x);
      shared[j] = lnGamma(px + q) - lnGamma(px) - lnGammaQ + q * lnGammaParam + px * lnX;
      if (gradient) {
        const psiPQ = digamma(px + q);
        dP[j] = x * (psiPQ - digamma(px) + lnX);
        dQ[j] = psiPQ - psiQ + lnGammaParam;
      }
    }

    let sum = 0;
    let gP = 0;
    let gQ = 0;
    let gGamma = 0;
    for (let i = 0; i < counts.length; i++) {
      const j = xIndex[i];
      const x = xs[i];
      const count = counts[i];
      const px = p * x;
      const lnM = Math.log(spends[i]);
      const total = x * spends[i] + gamma;
      const lnTotal = Math.log(total);
      sum += count * (shared[j] + (px - 1) * lnM - (px + q) * lnTotal);
      if (gradient) {
        gP += count * (dP[j] + x * (lnM - lnTotal));
        gQ += count * (dQ[j] - lnTotal);
        gGamma += count * (q / gamma - (px + q) / total);
      }
    }
    if (gradient) {
      gradient[0] = gP;
      gradient[1] = gQ;
      gradient[2] = gGamma;
    }
    return sum;
  }
}

/**
 * The maximum-likelihood Gamma-Gamma parameters, fitted to the repeat buyers (x > 0). The
 * search starts at p = q = 1 and γ = their mean spend, so a change of currency changes only γ.
 * Without a maximum (a parameter or a ratio running off to 0 or infinity), #NUM! spendNoMaximum.
 */
export function fitGammaGamma(histories: readonly SpendHistory[]): GammaGammaFit {
  for (const h of histories) spendHistory(h.x, h.meanSpend);
  const likelihood = new GammaGammaLikelihood(histories);
  if (likelihood.customers === 0) throw new CvError("na", "noRepeatBuyers", { arg: "x" });
  const meanSpend = orderFreeMean(histories.filter((h) => h.x > 0).map((h) => h.meanSpend));
  const fit = maximizeLikelihood(
    (theta, gradient) => likelihood.logLikelihood(gammaGammaParams(theta), gradient),
    likelihood.customers,
    [1, 1, meanSpend],
    "Gamma-Gamma",
    // Every way of running off says the same: the spends do not show how a customer's mean
    // varies around the population's (too few buyers, or spends that hardly vary).
    () => new CvError("num", "spendNoMaximum", { model: "Gamma-Gamma" })
  );
  return {
    params: gammaGammaParams(fit.theta),
    logLikelihood: fit.logLikelihood,
    customers: likelihood.customers,
  };
}

function gammaGammaParams([p, q, gamma]: readonly number[]): GammaGammaParams {
  return { p, q, gamma };
}

/** p, q, γ as a user gives them, optionally followed by the log-likelihood (GGFIT's row). */
export function gammaGammaParamsOf(values: readonly number[], arg: string): GammaGammaParams {
  return gammaGammaParams(modelParams(values, arg, GAMMA_GAMMA_PARAM_NAMES, "GGFIT"));
}

/**
 * E[Z | x, m]: the expected value of the customer's future purchases, the posterior mean
 * p (γ + x m)/(p x + q - 1), a weighted mean of the population mean pγ/(q-1) and the
 * customer's own mean m, with weight px/(px+q-1) on m. Without a repeat purchase it is the
 * population mean. Exists only for q > 1 (`arg` names the parameters in that error). Money, so
 * exact for the given numbers.
 */
export function expectedSpend(
  params: GammaGammaParams,
  history: SpendHistory,
  arg = "gg_params"
): Dec {
  const { p, q, gamma } = params;
  if (!(q > 1)) throw invalid("spendMeanUndefined", { arg, q });
  const { x, meanSpend } = history;
  const weight = dec(p).times(x).plus(q).minus(1);
  return dec(gamma).plus(dec(x).times(meanSpend)).times(p).div(weight);
}
