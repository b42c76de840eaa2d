/* Builds the add-in: the custom functions bundle (no DOM, loaded by Excel's shared runtime and by
 * tests in a bare JavaScript context), the task pane, and the function metadata in three
 * languages. `ADDIN_URL` sets the address the add-in is deployed at (default: the dev server). */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LocalizedMetadataPlugin } = require("./scripts/localized-metadata");
const { HelpSitePlugin } = require("./scripts/help-site-plugin");

const devUrl = "https://localhost:3000/";

async function httpsOptions() {
  // Only the dev server needs certificates; `npm run build` never asks for them.
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // office-addin-dev-certs installs a trusted CA (it needs sudo on Linux). Without it the
    // dev server makes a self-signed certificate: open https://localhost:3000 once to trust it.
    console.warn(
      `Developer certificates unavailable (${error.message}); using a self-signed certificate.`
    );
    return undefined;
  }
}

// The sample customer table is bundled as text (the pane's "Insert sample data").
const textRule = { test: /\.csv$/, type: "asset/source" };

const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // Type checking runs once in `npm test` (tsc --noEmit); the build only transpiles.
    options: { transpileOnly: true, compilerOptions: { noEmit: false } },
  },
};

// Custom functions live in several files; the metadata plugin reads them all and adds each
// file's CustomFunctions.associate calls to it, and all go into the one functions bundle.
const functionFiles = ["./src/functions/functions.ts", "./src/functions/btyd.ts"];
const translations = path.resolve(__dirname, "src/i18n/function-help");
// The help site (help/) is written into both builds, so the preview's Help link works too.
const helpSite = () => new HelpSitePlugin({ functionFiles, translations });

/** ADDIN_URL as the folder the add-in is served from: https, ending in "/". */
function deploymentUrl(value) {
  if (!value) return devUrl;
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must be an https address: ${value}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/** The manifest for a deployment at `deployUrl`: every development address replaced, the
 * AppDomain (an origin, without a path) by the deployment's origin. */
function deployedManifest(content, deployUrl) {
  const devOrigin = new URL(devUrl).origin;
  return content.split(devUrl).join(deployUrl).split(devOrigin).join(new URL(deployUrl).origin);
}

/** The browser preview (`npm run preview`): the task pane on an in-memory workbook. */
const preview = (dev) => ({
  name: "preview",
  devtool: dev ? "eval-source-map" : "source-map",
  entry: { preview: "./src/preview/index.tsx" },
  output: { path: path.resolve(__dirname, "dist-preview"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: { rules: [typescriptRule, textRule] },
  performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
  plugins: [
    new HtmlWebpackPlugin({ filename: "index.html", template: "./src/preview/preview.html" }),
    new CopyWebpackPlugin({
      patterns: [
        { from: "assets/sample-customers.csv", to: "sample-customers.csv" },
        { from: "assets/icon-32.png", to: "favicon.png" },
      ],
    }),
    helpSite(),
  ],
});

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const deployUrl = deploymentUrl(process.env.ADDIN_URL);
  const addin = {
    name: "addin",
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      functions: functionFiles,
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescriptRule, textRule] },
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: functionFiles,
      }),
      new LocalizedMetadataPlugin({ input: "functions.json", translations, siteUrl: deployUrl }),
      helpSite(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: the functions and the pane live in this one page.
        chunks: ["functions", "taskpane"],
        scriptLoading: "blocking",
        inject: "body",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => deployedManifest(content.toString(), deployUrl),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: env.WEBPACK_BUILD ? undefined : await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      static: { directory: path.resolve(__dirname, "dist") },
    },
  };
  return env.preview ? preview(dev) : [addin, preview(dev)];
};
