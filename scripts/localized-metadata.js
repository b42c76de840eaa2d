/* Localized custom-function metadata, generated from one source.
 *
 * English descriptions come from the JSDoc of the function files (src/functions/functions.ts
 * and btyd.ts, turned into functions.json by custom-functions-metadata-plugin). The translations live in
 * src/i18n/function-help/<locale>.json, keyed by function id and parameter name. This
 * module writes functions.<locale>.json next to functions.json and fails the build when a
 * translation is missing or names a function or parameter that does not exist. Every function
 * of every language gets a helpUrl: its page of the help site in that language. */
const fs = require("fs");
const path = require("path");
const { helpPagePath } = require("./function-help");

const LOCALES = ["zh-CN", "zh-TW"];

/** Returns the metadata with descriptions replaced, or throws listing every problem. */
function localizeMetadata(metadata, translations, locale) {
  const problems = [];
  const known = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(translations)) {
    if (!known.has(id)) problems.push(`${locale}: translation for unknown function ${id}`);
  }
  const functions = metadata.functions.map((fn) => {
    const entry = translations[fn.id];
    if (!entry || !entry.description) {
      problems.push(`${locale}: ${fn.id} has no description`);
      return fn;
    }
    const params = entry.parameters || {};
    const names = new Set((fn.parameters || []).map((p) => p.name));
    for (const name of Object.keys(params)) {
      if (!names.has(name)) problems.push(`${locale}: ${fn.id} has no parameter ${name}`);
    }
    const parameters = (fn.parameters || []).map((p) => {
      if (!params[p.name]) problems.push(`${locale}: ${fn.id}.${p.name} has no description`);
      return { ...p, description: params[p.name] || p.description };
    });
    return { ...fn, description: entry.description, parameters };
  });
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return { ...metadata, functions };
}

function readTranslations(dir, locale) {
  return JSON.parse(fs.readFileSync(path.join(dir, `${locale}.json`), "utf8"));
}

class LocalizedMetadataPlugin {
  /** `siteUrl`: the address the add-in is deployed at, ending in "/"; help pages live under it. */
  constructor({ input, translations, siteUrl }) {
    this.input = input;
    this.translationsDir = translations;
    this.siteUrl = siteUrl;
  }

  withHelpUrls(metadata, locale) {
    const functions = metadata.functions.map((fn) => ({
      ...fn,
      helpUrl: new URL(helpPagePath(locale, fn.id), this.siteUrl).href,
    }));
    return { ...metadata, functions };
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      for (const locale of LOCALES) {
        compilation.fileDependencies.add(path.join(this.translationsDir, `${locale}.json`));
      }
      compilation.hooks.processAssets.tap(
        { name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        (assets) => {
          const source = assets[this.input];
          if (!source) return; // the metadata plugin has already reported why
          const metadata = JSON.parse(source.source().toString());
          compilation.updateAsset(
            this.input,
            new sources.RawSource(JSON.stringify(this.withHelpUrls(metadata, "en-US"), null, 2))
          );
          for (const locale of LOCALES) {
            try {
              const localized = localizeMetadata(
                metadata,
                readTranslations(this.translationsDir, locale),
                locale
              );
              const name = this.input.replace(/\.json$/, `.${locale}.json`);
              compilation.emitAsset(
                name,
                new sources.RawSource(JSON.stringify(this.withHelpUrls(localized, locale), null, 2))
              );
            } catch (error) {
              compilation.errors.push(new WebpackError(String(error.message)));
            }
          }
        }
      );
    });
  }
}

module.exports = { LOCALES, localizeMetadata, readTranslations, LocalizedMetadataPlugin };
