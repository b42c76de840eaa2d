/* Webpack plugin: writes the help site (help/ under the output folder) from the function files'
 * metadata and the help sources (scripts/function-help.js). Used by both builds, so the pages are
 * in dist/ for Excel and in dist-preview/ for the browser preview. */
const path = require("path");
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { helpSourceFiles, readHelpSources, renderHelpSite } = require("./function-help");
const { LOCALES, localizeMetadata, readTranslations } = require("./localized-metadata");

/** The metadata of the function files in every language: { "en-US": ..., "zh-CN": ..., ... }. */
async function metadataByLocale(functionFiles, translationsDir) {
  const generated = await generateCustomFunctionsMetadata(
    functionFiles.map((file) => path.resolve(file)),
    false
  );
  if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
  const english = JSON.parse(generated.metadataJson);
  const byLocale = { "en-US": english };
  for (const locale of LOCALES) {
    byLocale[locale] = localizeMetadata(english, readTranslations(translationsDir, locale), locale);
  }
  return byLocale;
}

class HelpSitePlugin {
  constructor({ functionFiles, translations }) {
    this.functionFiles = functionFiles;
    this.translationsDir = translations;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    let files = null;
    let failure = null;
    compiler.hooks.beforeCompile.tapPromise("HelpSitePlugin", async () => {
      try {
        const metadata = await metadataByLocale(this.functionFiles, this.translationsDir);
        files = renderHelpSite(metadata, readHelpSources(metadata));
        failure = null;
      } catch (error) {
        failure = error;
      }
    });
    compiler.hooks.thisCompilation.tap("HelpSitePlugin", (compilation) => {
      for (const file of helpSourceFiles()) compilation.fileDependencies.add(file);
      compilation.hooks.processAssets.tap(
        { name: "HelpSitePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          if (failure) {
            compilation.errors.push(new WebpackError(`Help site: ${failure.message}`));
            return;
          }
          for (const [name, content] of files) {
            compilation.emitAsset(name, new sources.RawSource(content));
          }
        }
      );
    });
  }
}

module.exports = { HelpSitePlugin, metadataByLocale };
