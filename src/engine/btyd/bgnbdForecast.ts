import { invalid } from "../errors";
import type { BgNbdParams } from "./bgnbd";
import type { PurchaseHistory } from "./history";
import { lnHyp2f1, logistic } from "./special";

/**
 * What a fitted BG/NBD model predicts (FHL 2005 and Hardie's note 021). Times are in the
 * unit of the parameters' α.
 */

/**
 * The probability that the customer is still alive at T:
 * 1 / (1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)), or 1 without a repeat purchase (in BG/NBD a
 * customer can only drop out right after a purchase). Taken through the log-odds, since the
 * power overflows for heavy buyers.
 */
export function pAlive(params: BgNbdParams, history: PurchaseHistory): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = history;
  if (x === 0) return 1;
  const logOdds = (r + x) * Math.log((alpha + T) / (alpha + tx)) + Math.log(a / (b + x - 1));
  return logistic(-logOdds);
}

/**
 * (c/(a-1)) (1 - G · 2F1(k, b+x; c; z)), the shape of both expectations below, with
 * G = ((α+T)/(α+T+t))^k and z = t/(α+T+t). The bracket is taken as -expm1(ln 2F1 + ln G), so a
 * short t keeps its precision. At a = 1 the formula is 0/0 with a finite limit; there it is
 * the mean of a = 1 ± 1e-5 (error about 1e-10).
 */
function expectation(
  params: BgNbdParams,
  t: number,
  k: number,
  x: number,
  alphaT: number,
  arg: string
): number {
  const { a, b } = params;
  if (t === 0) return 0;
  if (Math.abs(a - 1) < NEAR_ONE) {
    const below = expectation({ ...params, a: 1 - AROUND_ONE }, t, k, x, alphaT, arg);
    const above = expectation({ ...params, a: 1 + AROUND_ONE }, t, k, x, alphaT, arg);
    return (below + above) / 2;
  }
  const c = a + b + x - 1;
  // c > 0 always holds for x >= 1; for x = 0 it needs a + b > 1, where 2F1 is a sum of
  // positive terms (its logarithm is real)
  if (!(c > 0)) throw invalid("purchasesUndefined", { arg });
  const lnG = -k * Math.log1p(t / alphaT);
  return (c / (a - 1)) * -Math.expm1(lnHyp2f1(k, b + x, c, t / (alphaT + t)) + lnG);
}

const NEAR_ONE = 1e-7;
const AROUND_ONE = 1e-5;

/**
 * E[Y(t) | x, t_x, T]: the expected number of purchases in the t time units after T (FHL 2005
 * eq. 10): P(alive) (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))].
 * `arg` names the parameters in the error for a + b <= 1 (see expectation).
 */
export function expectedPurchases(
  params: BgNbdParams,
  t: number,
  history: PurchaseHistory,
  arg = "params"
): number {
  const { r, alpha } = params;
  const { x, T } = history;
  return pAlive(params, history) * expectation(params, t, r + x, x, alpha + T, arg);
}

/**
 * E[X(t)]: the expected number of repeat purchases in the first t time units after a
 * customer's first purchase (FHL 2005 eq. 9), for a customer picked at random:
 * (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))].
 */
export function unconditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  arg = "params"
): number {
  return expectation(params, t, params.r, 0, params.alpha, arg);
}

/**
 * P(X(t) = x) for x = 0 .. count-1 (FHL 2005 eq. 8): the chance that a customer picked at
 * random makes exactly x repeat purchases in the first t time units,
 *   B(a, b+x)/B(a, b) NB(x)  +  [x > 0] B(a+1, b+x-1)/B(a, b) (1 - NB(0) - ... - NB(x-1))
 * with NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j, the purchases of a customer who never
 * drops out. The Beta and Gamma ratios are built up by their recurrences, x by x.
 */
export function repeatPurchaseProbabilities(
  params: BgNbdParams,
  t: number,
  count: number
): number[] {
  const { r, alpha, a, b } = params;
  const probabilities: number[] = [];
  const share = t / (alpha + t);
  let nb = Math.pow(alpha / (alpha + t), r); // NB(0)
  let nbBelow = 0; // NB(0) + ... + NB(x-1)
  let staying = 1; // B(a, b+x) / B(a, b)
  for (let x = 0; x < count; x++) {
    let p = staying * nb;
    if (x > 0) {
      // B(a+1, b+x-1) = B(a, b+x) a/(b+x-1); rounding can take the NB sum just past 1
      p += ((staying * a) / (b + x - 1)) * Math.max(0, 1 - nbBelow);
    }
    probabilities.push(p);
    nbBelow += nb;
    nb *= ((r + x) / (x + 1)) * share;
    staying *= (b + x) / (a + b + x);
  }
  return probabilities;
}
