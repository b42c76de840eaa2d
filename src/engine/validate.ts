import { invalid } from "./errors";

/** The argument rules of spec section 1, one function per rule, each naming the argument. */

export function rate(value: number, arg: string): number {
  if (!(value > -1)) throw invalid("rateAboveMinus100", { arg });
  return value;
}

export function wholeAtLeast(value: number, arg: string, min: number): number {
  if (!Number.isInteger(value) || value < min) throw invalid("wholeAtLeast", { arg, min });
  return value;
}

export function wholeBetween(value: number, arg: string, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max)
    throw invalid("wholeBetween", { arg, min, max });
  return value;
}

export function atLeast(value: number, arg: string, min: number): number {
  if (!(value >= min)) throw invalid("atLeast", { arg, min });
  return value;
}

export function greaterThan(value: number, arg: string, min: number): number {
  if (!(value > min)) throw invalid("greaterThan", { arg, min });
  return value;
}

/** Shares are shown to people as percentages: 0.5 reads "50%". */
function shown(value: number, percent: boolean): string | number {
  return percent ? `${+(value * 100).toPrecision(12)}%` : value;
}

/** min <= value <= max */
export function between(
  value: number,
  arg: string,
  min: number,
  max: number,
  percent = false
): number {
  if (!(value >= min && value <= max))
    throw invalid("between", { arg, min: shown(min, percent), max: shown(max, percent) });
  return value;
}

/** min < value <= max */
export function betweenOpenLow(
  value: number,
  arg: string,
  min: number,
  max: number,
  percent = false
): number {
  if (!(value > min && value <= max))
    throw invalid("betweenOpenLow", { arg, min: shown(min, percent), max: shown(max, percent) });
  return value;
}

export function oneOf<T extends string | number>(value: T, arg: string, options: readonly T[]): T {
  if (!options.includes(value)) throw invalid("oneOf", { arg, options: options.join(", ") });
  return value;
}
