/* Offline structure checks of manifest.xml (the online validator cannot be reached from every
 * machine): resource ids, the shared runtime, https, locale overrides, and, when a build is
 * given, that every URL of ours points at a file the build produced. */
const fs = require("fs");
const path = require("path");
const { JSDOM } = require("jsdom");

const LOCALES = ["zh-CN", "zh-TW"];
const DEV_URL = "https://localhost:3000/";

function checkManifest(xml, { dist } = {}) {
  const problems = [];
  const doc = new JSDOM(xml, { contentType: "text/xml" }).window.document;
  if (doc.getElementsByTagName("parsererror").length > 0)
    return ["manifest.xml is not well-formed XML"];
  const all = (name) => Array.from(doc.getElementsByTagName(name));
  const root = doc.documentElement;
  if (root.localName !== "OfficeApp" || root.getAttribute("xsi:type") !== "TaskPaneApp") {
    problems.push('the root must be <OfficeApp xsi:type="TaskPaneApp">');
  }
  if (
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
      all("Id")[0]?.textContent ?? ""
    )
  ) {
    problems.push("<Id> must be a GUID");
  }

  const resources = new Map();
  const resourceSection = all("Resources")[0];
  if (!resourceSection) return [...problems, "<Resources> is missing"];
  for (const tag of ["bt:Image", "bt:Url", "bt:String"]) {
    for (const element of Array.from(resourceSection.getElementsByTagName(tag))) {
      const id = element.getAttribute("id");
      if (resources.has(id)) problems.push(`resource id ${id} is defined twice`);
      resources.set(id, element);
      if (id.length > 32) problems.push(`resource id ${id} is longer than 32 characters`);
    }
  }
  const used = Array.from(doc.querySelectorAll("*"))
    .filter((e) => e.hasAttribute("resid"))
    .map((e) => ({ element: e.localName, resid: e.getAttribute("resid") }));
  for (const { element, resid } of used) {
    if (!resources.has(resid))
      problems.push(`<${element} resid="${resid}"> refers to an undefined resource`);
    if (resid.length > 32) problems.push(`resid ${resid} is longer than 32 characters`);
  }

  const sets = all("Set").map((s) => s.getAttribute("Name"));
  if (!sets.includes("SharedRuntime"))
    problems.push("the SharedRuntime requirement set is missing");
  const runtime = all("Runtime")[0];
  if (!runtime || runtime.getAttribute("lifetime") !== "long")
    problems.push('a <Runtime lifetime="long"> is required');
  const functionsPoint = all("ExtensionPoint").find(
    (e) => e.getAttribute("xsi:type") === "CustomFunctions"
  );
  const page = functionsPoint
    ?.getElementsByTagName("Page")[0]
    ?.getElementsByTagName("SourceLocation")[0];
  const functionFile = all("FunctionFile")[0];
  const taskpane = all("Action")
    .find((a) => a.getAttribute("xsi:type") === "ShowTaskpane")
    ?.getElementsByTagName("SourceLocation")[0];
  const shared = [runtime, page, functionFile, taskpane].map((e) => e?.getAttribute("resid"));
  if (new Set(shared).size !== 1 || !shared[0]) {
    problems.push(
      `the Runtime, the functions Page, FunctionFile and the task pane must share one resid (${shared.join(", ")})`
    );
  }
  const namespace = functionsPoint?.getElementsByTagName("Namespace")[0]?.getAttribute("resid");
  if (resources.get(namespace)?.getAttribute("DefaultValue") !== "CV")
    problems.push("the functions namespace must be CV");

  const urls = Array.from(doc.querySelectorAll("*")).flatMap((e) =>
    ["DefaultValue", "Value"]
      .map((attribute) => e.getAttribute(attribute))
      .filter((value) => value && /^[a-z]+:\/\//i.test(value))
  );
  urls.push(...all("AppDomain").map((e) => e.textContent.trim()));
  for (const url of urls) if (!url.startsWith("https://")) problems.push(`${url} is not https`);

  // the help pages (SupportUrl, Get Started's "Learn more") exist in every language, like the text
  const localized = ["DisplayName", "Description", "SupportUrl"].map((tag) => all(tag)[0]);
  localized.push(
    resources.get(
      functionsPoint
        ?.getElementsByTagName("Metadata")[0]
        ?.getElementsByTagName("SourceLocation")[0]
        ?.getAttribute("resid")
    ),
    resources.get(all("LearnMoreUrl")[0]?.getAttribute("resid"))
  );
  for (const element of resourceSection.getElementsByTagName("bt:String")) {
    if (element.getAttribute("id") !== namespace) localized.push(element);
  }
  for (const element of localized) {
    if (!element) continue;
    const overrides = Array.from(element.children).map((o) => o.getAttribute("Locale"));
    for (const locale of LOCALES) {
      if (!overrides.includes(locale)) {
        const name = [element.tagName, element.getAttribute("id")].filter(Boolean).join(" ");
        problems.push(`<${name}> has no ${locale} override`);
      }
    }
  }

  if (dist) {
    for (const url of urls.filter((u) => u.startsWith(DEV_URL))) {
      const file = url.slice(DEV_URL.length).split(/[?#]/)[0];
      if (file && !fs.existsSync(path.join(dist, file)))
        problems.push(`${url} is not produced by the build`);
    }
  }
  return problems;
}

module.exports = { checkManifest };
