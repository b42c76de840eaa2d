import { CvError } from "../errors";
import { type PurchaseHistory, purchaseHistory } from "./history";
import { type ExplainEscape, maximizeLikelihood } from "./optimize";
import { modelParams } from "./params";
import { orderFreeMean, patternsOf, type Patterns } from "./patterns";
import { digamma, lnGamma, logSumExp, logistic } from "./special";

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while
 * alive a customer buys at a Poisson rate λ, Gamma(r, α) across customers; after each
 * purchase they drop out with probability p, Beta(a, b) across customers.
 */
export interface BgNbdParams {
  r: number;
  /** in the time unit of the histories */
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** summed over the customers */
  logLikelihood: number;
  customers: number;
}

export const BG_NBD_PARAM_NAMES = ["r", "alpha", "a", "b"] as const;

/**
 * The log-likelihood of the histories (FHL 2005 eq. 6) and its gradient. Per customer
 *   ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b)
 *          + ln( (α+T)^-(r+x)  +  [x > 0] a/(b+x-1) (α+t_x)^-(r+x) )
 * where the first term of the sum is "still alive at T" and the second "dropped out right
 * after the last purchase"; the sum is taken in log space.
 */
export class BgNbdLikelihood {
  private readonly patterns: Patterns;

  constructor(histories: readonly PurchaseHistory[]) {
    this.patterns = patternsOf(histories.map((h) => [h.x, h.tx, h.T]));
  }

  /** Σ ln L at the parameters; fills `gradient` with d/d(r, α, a, b) when given. */
  logLikelihood(params: BgNbdParams, gradient?: number[]): number {
    const { r, alpha, a, b } = params;
    const { values, counts, distinctX, xIndex } = this.patterns;
    const [xs, txs, Ts] = values;
    const lnAlpha = Math.log(alpha);
    const lnA = Math.log(a);

    // Per distinct x: the gamma-function part, 1/(b+x-1) and the log of the weight a/(b+x-1)
    // of dropping out, and the digamma parts of the gradient.
    const k = distinctX.length;
    const shared = new Float64Array(k);
    const lnDropWeight = new Float64Array(k);
    const overBX1 = new Float64Array(k);
    const dR = new Float64Array(k);
    const dA = new Float64Array(k);
    const dB = new Float64Array(k);
    const lnGammaR = lnGamma(r);
    const lnGammaB = lnGamma(b);
    const lnGammaAB = lnGamma(a + b);
    const psiR = gradient ? digamma(r) : 0;
    const psiB = gradient ? digamma(b) : 0;
    const psiAB = gradient ? digamma(a + b) : 0;
    for (let j = 0; j < k; j++) {
      const x = distinctX[j];
      shared[j] =
        lnGamma(r + x) -
        lnGammaR +
        r * lnAlpha +
        lnGammaAB +
        lnGamma(b + x) -
        lnGammaB -
        lnGamma(a + b + x);
      overBX1[j] = x > 0 ? 1 / (b + x - 1) : 0;
      lnDropWeight[j] = lnA + Math.log(overBX1[j]);
      if (gradient) {
        const psiABX = digamma(a + b + x);
        dR[j] = digamma(r + x) - psiR + lnAlpha;
        dA[j] = psiAB - psiABX;
        dB[j] = psiAB + digamma(b + x) - psiB - psiABX;
      }
    }

    let sum = 0;
    let gR = 0;
    let gAlpha = 0;
    let gA = 0;
    let gB = 0;
    for (let i = 0; i < counts.length; i++) {
      const j = xIndex[i];
      const x = xs[i];
      const count = counts[i];
      const rx = r + x;
      const lnAlphaT = Math.log(alpha + Ts[i]);
      const alive = -rx * lnAlphaT;
      if (x === 0) {
        // no repeat purchase, so no dropping out: only the "alive" term
        sum += count * (shared[j] + alive);
        if (gradient) {
          gR += count * (dR[j] - lnAlphaT);
          gAlpha += count * (r / alpha - rx / (alpha + Ts[i]));
        }
        continue;
      }
      const lnAlphaTx = Math.log(alpha + txs[i]);
      const dropped = lnDropWeight[j] - rx * lnAlphaTx;
      sum += count * (shared[j] + logSumExp(alive, dropped));
      if (gradient) {
        // the two terms' shares of the sum
        const wDropped = logistic(dropped - alive);
        const wAlive = 1 - wDropped;
        gR += count * (dR[j] - wAlive * lnAlphaT - wDropped * lnAlphaTx);
        gAlpha +=
          count *
          (r / alpha - (wAlive * rx) / (alpha + Ts[i]) - (wDropped * rx) / (alpha + txs[i]));
        gA += count * (dA[j] + wDropped / a);
        gB += count * (dB[j] - wDropped * overBX1[j]);
      }
    }
    if (gradient) {
      gradient[0] = gR;
      gradient[1] = gAlpha;
      gradient[2] = gA;
      gradient[3] = gB;
    }
    return sum;
  }
}

/**
 * The maximum-likelihood BG/NBD parameters. Needs repeat buyers: without any, the likelihood
 * grows without bound as r goes to 0. The search starts at r = a = b = 1 and α = the mean T, so
 * a change of time unit changes only α. Without a maximum, #NUM!: noDropout when nobody seems
 * to stop buying, noMaximum otherwise.
 */
export function fitBgNbd(histories: readonly PurchaseHistory[]): BgNbdFit {
  for (const h of histories) purchaseHistory(h.x, h.tx, h.T);
  if (!histories.some((h) => h.x > 0)) throw new CvError("na", "noRepeatBuyers", { arg: "x" });
  const likelihood = new BgNbdLikelihood(histories);
  const meanT = orderFreeMean(histories.map((h) => h.T));
  const fit = maximizeLikelihood(
    (theta, gradient) => likelihood.logLikelihood(bgNbdParams(theta), gradient),
    histories.length,
    [1, meanT, 1, 1],
    "BG/NBD",
    // whole numbers: the sum is exact in any order
    explainBgNbd(histories.reduce((sum, h) => sum + h.x, 0))
  );
  return {
    params: bgNbdParams(fit.theta),
    logLikelihood: fit.logLikelihood,
    customers: histories.length,
  };
}

/**
 * Why a BG/NBD likelihood has no maximum, for the histories' `repeatPurchases` in all. The
 * usual reason is that nobody seems to drop out (every repeat buyer's last purchase recent,
 * t_x = T): the likelihood rises as the dropout probabilities go to 0 (a -> 0, b -> infinity,
 * or both), and the search stops where the slope left is below its tolerance, that is where
 * the model expects (almost) none of the purchases to have been followed by a dropout. So it
 * is this reason when, where the search stopped, the mean dropout probability a/(a+b) times
 * the repeat purchases is below one customer. Otherwise (dropout probabilities all alike, a
 * and b growing together; purchase rates all alike, r and alpha growing together; dropout
 * running to 1 with hardly any repeat buyers) the general one.
 */
function explainBgNbd(repeatPurchases: number): ExplainEscape {
  return ({ theta: [, , a, b] }) => {
    const nobodyStopped = (a / (a + b)) * repeatPurchases < 1;
    return new CvError("num", nobodyStopped ? "noDropout" : "noMaximum", { model: "BG/NBD" });
  };
}

function bgNbdParams([r, alpha, a, b]: readonly number[]): BgNbdParams {
  return { r, alpha, a, b };
}

/**
 * Parameters given by a user: r, α, a, b, each > 0, optionally followed by the
 * log-likelihood, so the row BGNBDFIT returns can be passed as it is.
 */
export function bgNbdParamsOf(values: readonly number[], arg: string): BgNbdParams {
  return bgNbdParams(modelParams(values, arg, BG_NBD_PARAM_NAMES, "BGNBDFIT"));
}
