import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadFunctions } = require("../../scripts/load-functions.js");

export const dist = path.resolve(__dirname, "..", "..", "dist");

/**
 * The production bundle dist/functions.js, loaded as Excel's runtime loads it: in a bare
 * JavaScript context with only a stand-in CustomFunctions global (`context` is that global, to
 * add an Office stand-in). Run `npm run build` first (`npm test` does).
 */
export function productionFunctions() {
  const { registry, CustomFunctions, context } = loadFunctions(dist);
  const call = (id: string, ...args: unknown[]) =>
    (registry.get(id) as (...a: unknown[]) => any)(...args);

  /** The error a call throws, as Excel would show it: code and message. */
  function excelError(id: string, ...args: unknown[]): { code: string; message?: string } {
    try {
      call(id, ...args);
    } catch (error) {
      expect(error).toBeInstanceOf(CustomFunctions.Error);
      const e = error as { code: string; message: string };
      return e.message ? { code: e.code, message: e.message } : { code: e.code };
    }
    throw new Error(`${id} did not fail`);
  }

  return {
    registry: registry as Map<string, unknown>,
    CustomFunctions,
    context: context as Record<string, unknown>,
    call,
    excelError,
  };
}

/** Values as a one-column range. */
export const column = (values: unknown[]) => values.map((v) => [v]);
