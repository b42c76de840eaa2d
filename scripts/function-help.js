/* Function help from one source: the help site (dist/help, dist-preview/help), the helpUrl of
 * every function's metadata, and the README's function reference.
 *
 * The sources, all in src/i18n/function-help/:
 *   - the function metadata (English from the JSDoc of src/functions, Chinese from
 *     zh-CN.json / zh-TW.json): one-line description, arguments;
 *   - <locale>.md: how each function works, in words, and the errors it gives. Text before the
 *     first heading introduces all functions; "# Title" starts a group (its text introduces the
 *     group); "## ID" starts a function; the function's first "### Title" starts its errors;
 *   - examples.json: worked examples, the same in every language (test/functions/examples.test.ts
 *     runs each through the production bundle);
 *   - site.json: the words of the pages themselves.
 * Every locale must describe every function, with errors; the build fails otherwise. */
const fs = require("fs");
const path = require("path");
const markdownIt = require("markdown-it");

const markdown = markdownIt({ html: false, linkify: false, typographer: false });

const HELP_LOCALES = ["en-US", "zh-CN", "zh-TW"];
const SOURCE_DIR = path.resolve(__dirname, "..", "src", "i18n", "function-help");

/** Where a function's page is, relative to the site root (dist/ or dist-preview/). */
function helpPagePath(locale, id) {
  return `help/${locale}/${id.toLowerCase()}.html`;
}

function helpIndexPath(locale) {
  return `help/${locale}/index.html`;
}

/** The markdown of one locale as { intro, groups: [{ title, intro, functions }] }. */
function parseHelp(source, locale, ids) {
  const problems = [];
  const intro = [];
  const groups = [];
  let group = null;
  let fn = null;
  let fenced = false;
  for (const line of source.split(/\r?\n/)) {
    if (/^```/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,3}) (.+)$/.exec(line);
    if (heading && heading[1] === "#") {
      group = { title: heading[2].trim(), intro: [], functions: [] };
      groups.push(group);
      fn = null;
    } else if (heading && heading[1] === "##") {
      if (!group) problems.push(`${locale}: ${heading[2]} is outside a group`);
      fn = { id: heading[2].trim(), body: [], errorsTitle: null, errors: [] };
      group?.functions.push(fn);
    } else if (heading && heading[1] === "###" && fn && fn.errorsTitle === null) {
      fn.errorsTitle = heading[2].trim();
    } else if (fn) {
      (fn.errorsTitle === null ? fn.body : fn.errors).push(line);
    } else {
      (group ? group.intro : intro).push(line);
    }
  }
  const text = (lines) => lines.join("\n").trim();
  const seen = new Map();
  for (const g of groups) {
    g.intro = text(g.intro);
    for (const f of g.functions) {
      f.body = text(f.body);
      f.errors = text(f.errors);
      seen.set(f.id, (seen.get(f.id) ?? 0) + 1);
      if (!ids.includes(f.id)) problems.push(`${locale}: help for unknown function ${f.id}`);
      if (!f.body) problems.push(`${locale}: ${f.id} says nothing about how it works`);
      if (!f.errors) problems.push(`${locale}: ${f.id} has no errors section`);
    }
  }
  for (const id of ids) {
    if (!seen.has(id)) problems.push(`${locale}: no help for ${id}`);
    else if (seen.get(id) > 1) problems.push(`${locale}: ${id} is described twice`);
  }
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return { intro: text(intro), groups };
}

/** Reads every source of the help; `metadataByLocale` maps a locale to its functions*.json. */
function readHelpSources(metadataByLocale, dir = SOURCE_DIR) {
  const ids = metadataByLocale["en-US"].functions.map((f) => f.id);
  const examples = JSON.parse(fs.readFileSync(path.join(dir, "examples.json"), "utf8"));
  const problems = [];
  for (const id of ids) if (!examples[id]?.length) problems.push(`${id} has no worked example`);
  for (const id of Object.keys(examples))
    if (!ids.includes(id)) problems.push(`examples.json: unknown function ${id}`);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  const site = JSON.parse(fs.readFileSync(path.join(dir, "site.json"), "utf8"));
  const help = {};
  for (const locale of HELP_LOCALES) {
    help[locale] = parseHelp(fs.readFileSync(path.join(dir, `${locale}.md`), "utf8"), locale, ids);
  }
  return { help, examples, site };
}

/** The files the help is made from, for watch mode. */
function helpSourceFiles(dir = SOURCE_DIR) {
  return [...HELP_LOCALES.map((l) => `${l}.md`), "examples.json", "site.json"].map((f) =>
    path.join(dir, f)
  );
}

function signature(fn) {
  const args = (fn.parameters ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name));
  return `CV.${fn.name}(${args.join(", ")})`;
}

/** A worked example's result as a reader sees it: a value, or a spilled array in braces. */
function resultText(result) {
  if (!Array.isArray(result)) return result;
  const rows = result.map((row) => row.join(", "));
  return rows.length === 1 && result[0].length === 1 ? rows[0] : `{${rows.join("; ")}}`;
}

function markdownTableCell(text) {
  return text.replace(/\|/g, "\\|");
}

function examplesMarkdown(examples, words) {
  const withColumn = examples.some((e) => e.with);
  const header = withColumn
    ? `| ${words.formula} | ${words.with} | ${words.result} |\n| --- | --- | --- |`
    : `| ${words.formula} | ${words.result} |\n| --- | --- |`;
  const rows = examples.map((e) => {
    const cells = [`\`${e.formula}\``];
    if (withColumn) cells.push(e.with ? `\`${e.with}\`` : "");
    cells.push(resultText(e.result));
    return `| ${cells.map(markdownTableCell).join(" | ")} |`;
  });
  return [header, ...rows].join("\n");
}

function escapeHtml(text) {
  return String(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

const STYLE = `:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #ffffff; --muted: #505050;
  --line: #d0d0d0; --accent: #0f5ea8; --code: #f3f3f3; }
@media (prefers-color-scheme: dark) { :root { --fg: #f0f0f0; --bg: #1f1f1f; --muted: #c8c8c8;
  --line: #4a4a4a; --accent: #8cc4ff; --code: #2c2c2c; } }
body { font: 16px/1.5 "Segoe UI", system-ui, "Noto Sans CJK SC", "Noto Sans CJK TC", sans-serif;
  color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 58rem; padding: 1rem 1.25rem 3rem; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 1rem; top: 1rem; background: var(--bg); }
header, footer { color: var(--muted); font-size: 0.9rem; }
header { display: flex; flex-wrap: wrap; gap: 1rem; align-items: baseline; }
header p { margin: 0; }
header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: 0; }
h1 { font-size: 1.75rem; margin: 1rem 0 0.25rem; } h2 { font-size: 1.3rem; margin-top: 2rem; }
code, pre { font-family: Consolas, "Cascadia Mono", monospace; background: var(--code); border-radius: 3px; }
code { padding: 0 0.2em; } pre { padding: 0.75rem; white-space: pre-wrap; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.75rem 0; } th, td { border: 1px solid var(--line);
  padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
dl.functions dt { margin-top: 0.75rem; font-weight: 600; } dl.functions dd { margin: 0 0 0 1.5rem; }
.summary { font-size: 1.1rem; }
table.arguments th, table.arguments td:nth-child(2) { white-space: nowrap; }`;

function render(text) {
  // Wide tables scroll inside their own box instead of widening the page.
  return markdown
    .render(text)
    .replace(/<table>/g, '<div class="table"><table>')
    .replace(/<\/table>/g, "</table></div>");
}

function page({ locale, title, words, languageLinks, body, indexHref }) {
  const languages = languageLinks
    .map(({ locale: l, href, label }) =>
      l === locale
        ? `<li><span aria-current="page">${escapeHtml(label)}</span></li>`
        : `<li><a href="${href}" lang="${l}" hreflang="${l}">${escapeHtml(label)}</a></li>`
    )
    .join("");
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<a class="skip" href="#content">${escapeHtml(words.skip)}</a>
<header>
${indexHref ? `<p><a href="${indexHref}">${escapeHtml(words.allFunctions)}</a></p>\n` : ""}<nav aria-label="${escapeHtml(words.languages)}"><ul>${languages}</ul></nav>
</header>
<main id="content">
${body}
</main>
<footer><p>${escapeHtml(words.footer)}</p></footer>
</body>
</html>
`;
}

function languageLinks(site, file) {
  return HELP_LOCALES.map((locale) => ({
    locale,
    href: `../${locale}/${file}`,
    label: site[locale].language,
  }));
}

function functionPage(locale, fn, help, examples, site) {
  const words = site[locale];
  const rows = (fn.parameters ?? [])
    .map(
      (p) =>
        `<tr><th scope="row"><code>${escapeHtml(p.name)}</code></th><td>${
          p.optional ? escapeHtml(words.optional) : escapeHtml(words.yes)
        }</td><td>${escapeHtml(p.description ?? "")}</td></tr>`
    )
    .join("\n");
  const body = `<h1>CV.${escapeHtml(fn.name)}</h1>
<p class="summary">${escapeHtml(fn.description)}</p>
<h2>${escapeHtml(words.syntax)}</h2>
<pre><code>=${escapeHtml(signature(fn))}</code></pre>
${
  rows
    ? `<h2>${escapeHtml(words.arguments)}</h2>
<div class="table"><table class="arguments">
<thead><tr><th scope="col">${escapeHtml(words.argument)}</th><th scope="col">${escapeHtml(words.required)}</th><th scope="col">${escapeHtml(words.description)}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>`
    : ""
}
<h2>${escapeHtml(words.howItWorks)}</h2>
${render(help.body)}
<h2>${escapeHtml(words.examples)}</h2>
${render(examplesMarkdown(examples, words))}
<h2>${escapeHtml(help.errorsTitle)}</h2>
${render(help.errors)}`;
  const file = path.basename(helpPagePath(locale, fn.id));
  return page({
    locale,
    title: `CV.${fn.name} · ${words.title}`,
    words,
    languageLinks: languageLinks(site, file),
    body,
    indexHref: "index.html",
  });
}

function indexPage(locale, metadata, help, site) {
  const words = site[locale];
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  const groups = help.groups
    .map((group) => {
      const items = group.functions
        .map((f) => {
          const fn = byId.get(f.id);
          const href = path.basename(helpPagePath(locale, f.id));
          return `<dt><a href="${href}"><code>CV.${escapeHtml(fn.name)}</code></a></dt><dd>${escapeHtml(fn.description)}</dd>`;
        })
        .join("\n");
      return `<h2>${escapeHtml(group.title)}</h2>\n<dl class="functions">\n${items}\n</dl>`;
    })
    .join("\n");
  const body = `<h1>${escapeHtml(words.title)}</h1>\n${render(help.intro)}\n${groups}`;
  return page({
    locale,
    title: words.title,
    words,
    languageLinks: languageLinks(site, "index.html"),
    body,
    indexHref: null,
  });
}

/** The site's root: a plain page that links to the three languages. */
function rootPage(site) {
  const links = HELP_LOCALES.map(
    (l) =>
      `<li><a href="${helpIndexPath(l).replace(/^help\//, "")}" lang="${l}" hreflang="${l}">${escapeHtml(site[l].title)}</a></li>`
  ).join("\n");
  return `<!doctype html>
<html lang="en-US">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(site["en-US"].title)}</title>
<style>
${STYLE}
</style>
</head>
<body>
<main>
<h1>${escapeHtml(site["en-US"].title)}</h1>
<ul>
${links}
</ul>
</main>
</body>
</html>
`;
}

/** Every file of the help site: path relative to the site root -> content. */
function renderHelpSite(metadataByLocale, { help, examples, site }) {
  const files = new Map();
  files.set("help/index.html", rootPage(site));
  for (const locale of HELP_LOCALES) {
    const metadata = metadataByLocale[locale];
    const helpOf = new Map(help[locale].groups.flatMap((g) => g.functions.map((f) => [f.id, f])));
    files.set(helpIndexPath(locale), indexPage(locale, metadata, help[locale], site));
    for (const fn of metadata.functions) {
      files.set(
        helpPagePath(locale, fn.id),
        functionPage(locale, fn, helpOf.get(fn.id), examples[fn.id], site)
      );
    }
  }
  return files;
}

/** The README's function reference (English), from the same sources as the help site. */
function readmeFunctions(metadata, { help, examples, site }) {
  const en = help["en-US"];
  const words = site["en-US"];
  const byId = new Map(metadata.functions.map((f) => [f.id, f]));
  const parts = [en.intro];
  for (const group of en.groups) {
    parts.push(`### ${group.title}`);
    if (group.intro) parts.push(group.intro);
    for (const f of group.functions) {
      const fn = byId.get(f.id);
      parts.push(`#### \`${signature(fn)}\``);
      parts.push(f.body);
      parts.push(examplesMarkdown(examples[f.id], words));
      parts.push(`**${f.errorsTitle}**\n\n${f.errors}`);
    }
  }
  return parts.join("\n\n");
}

module.exports = {
  HELP_LOCALES,
  helpIndexPath,
  helpPagePath,
  helpSourceFiles,
  parseHelp,
  readHelpSources,
  readmeFunctions,
  renderHelpSite,
  resultText,
};
