/* Loads the production custom-functions bundle the way Excel's runtime does, in a bare
 * JavaScript context: no DOM, no Office, only a stand-in for the CustomFunctions global.
 * Used by the bundle test and by the benchmark. */
const fs = require("fs");
const path = require("path");
const vm = require("vm");

class CustomFunctionError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

/**
 * `isolated` (the default) runs the bundle in its own context, proving it needs nothing but
 * CustomFunctions. The benchmark passes false: code in a separate vm context reaches builtins
 * such as Math through a slow interceptor, which Excel's runtime does not have.
 */
function loadFunctions(dist = path.resolve(__dirname, "..", "dist"), { isolated = true } = {}) {
  const source = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
  const registry = new Map();
  const CustomFunctions = {
    associate(id, fn) {
      if (typeof id === "object") {
        for (const [key, value] of Object.entries(id)) registry.set(key, value);
      } else {
        registry.set(id, fn);
      }
    },
    Error: CustomFunctionError,
    ErrorCode,
  };
  if (!isolated) {
    new Function("CustomFunctions", source)(CustomFunctions);
    return { registry, CustomFunctions };
  }
  const context = vm.createContext({ CustomFunctions, console });
  vm.runInContext(source, context, { filename: "functions.js" });
  return { registry, CustomFunctions, context };
}

module.exports = { loadFunctions, ErrorCode };
