import {
  type PredictNames,
  type PredictOptions,
  type PredictionFit,
  type Roles,
  type TableGrid,
  fitPrediction,
} from "../engine";

/**
 * The Predict method's fit, kept per table: fitting is the slow part and depends only on the
 * data, the roles, the time unit and the calibration end, so typing a forecast period or a
 * discount rate, or writing the result, does not fit the models again. One fit per table.
 */
const fits = new WeakMap<TableGrid, { key: string; fit: PredictionFit }>();

export function cachedFit(
  grid: TableGrid,
  roles: Roles,
  options: PredictOptions,
  names: PredictNames
): PredictionFit {
  const key = JSON.stringify([roles, options.unit, options.calibrationEnd, names.calibrationEnd]);
  const cached = fits.get(grid);
  if (cached?.key === key) return cached.fit;
  const fit = fitPrediction(grid, roles, options, names);
  fits.set(grid, { key, fit });
  return fit;
}
