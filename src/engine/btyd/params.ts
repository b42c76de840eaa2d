import { invalid } from "../errors";

/**
 * A model's parameters as a user gives them: the first names.length values, each > 0. One more
 * value is allowed, so the row a fit function returns (parameters, then the log-likelihood) can
 * be passed as it is.
 */
export function modelParams(
  values: readonly number[],
  arg: string,
  names: readonly string[],
  fit: string
): number[] {
  const count = names.length;
  const params = values.slice(0, count);
  if ((values.length !== count && values.length !== count + 1) || params.some((v) => !(v > 0)))
    throw invalid("modelParams", { arg, count, names: names.join(", "), fit });
  return params;
}
