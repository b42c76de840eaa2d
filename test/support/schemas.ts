/**
 * The official schemas of what Excel reads before it runs a line of ours, offline: the
 * custom-functions metadata against Microsoft's JSON schema, the manifest against the Office
 * add-in manifest XSDs. Used by test/schemas.test.ts and the production-build test.
 */
import * as fs from "fs";
import * as path from "path";
import type { ErrorObject } from "ajv";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { validateXML } from "xmllint-wasm";

const root = path.resolve(__dirname, "..", "..");

/*
 * @microsoft/app-manifest ships the JSON schemas of the unified app manifest
 * (MicrosoftTeams.schema.json, one per manifest version), not a schema of a standalone
 * functions.json. In the JSON manifest the custom functions sit in
 * `extensions[].runtimes[].customFunctions`, whose type is `#/definitions/extensionCustomFunctions`:
 * the object our XML manifest's <Metadata> points at, inlined (`functions`, `enums`,
 * `allowCustomDataForDataTypeAny`), plus two keys only the JSON manifest has (`namespace`, which
 * the XML manifest gives as <Namespace>, and `metadataUrl`), neither required. So a functions.json
 * is validated against that definition as it stands, $refs resolved inside the whole schema; its
 * `additionalProperties: false` rejects any top-level key neither format knows. The schemas are
 * draft-04, which Ajv 8 reads through ajv-draft-04 (Ajv's own draft-04 class, on this project's
 * ajv); options and formats are those of @microsoft/app-manifest's own validator.
 */
const manifestSchemas = path.join(
  path.dirname(require.resolve("@microsoft/app-manifest")),
  "json-schemas",
  "teams"
);
/** The newest released manifest version (vDevPreview is not one). */
export const manifestVersion = fs
  .readdirSync(manifestSchemas)
  .filter((name) => /^v\d+\.\d+$/.test(name))
  .sort((a, b) => {
    const [aMajor, aMinor] = a.slice(1).split(".").map(Number);
    const [bMajor, bMinor] = b.slice(1).split(".").map(Number);
    return aMajor - bMajor || aMinor - bMinor;
  })
  .at(-1) as string;
const manifestSchema = JSON.parse(
  fs.readFileSync(path.join(manifestSchemas, manifestVersion, "MicrosoftTeams.schema.json"), "utf8")
);

const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
ajv.addSchema(manifestSchema, "app-manifest");
const validateMetadata = ajv.compile({
  $ref: "app-manifest#/definitions/extensionCustomFunctions",
});

export function metadataErrors(metadata: unknown): string[] {
  if (validateMetadata(metadata)) return [];
  return (validateMetadata.errors ?? []).map(
    (error: ErrorObject) => `${error.instancePath || "/"} ${error.message}`
  );
}

/*
 * The schema leaves a parameter's `type` a free string and gives a result no `type` at all; the
 * values Excel takes are listed only in the description of the parameter's `type`. Read them
 * from there, so the list is Microsoft's, and check our types against it.
 */
const documentedTypes: string[] = [
  ...manifestSchema.definitions.extensionFunctionParameter.properties.type.description.matchAll(
    /'([^']+)'/g
  ),
].map((match) => match[1]);
const resultTypes = documentedTypes.filter((type) => !type.startsWith("CustomFunctions."));

export interface Metadata {
  functions: { id: string; parameters: { type?: string }[]; result: { type?: string } }[];
}
export function undocumentedTypes(metadata: Metadata): string[] {
  return metadata.functions.flatMap(({ id, parameters, result }) => [
    ...parameters
      .map((parameter) => parameter.type)
      .filter((type) => type !== undefined && !documentedTypes.includes(type))
      .map((type) => `${id}: parameter type ${type}`),
    ...[result?.type]
      .filter((type) => type !== undefined && !resultTypes.includes(type))
      .map((type) => `${id}: result type ${type}`),
  ]);
}

/*
 * The Office add-in manifest XSDs, vendored with their patches in schemas/office-addin-manifest
 * (see its README.md), checked by libxml2 compiled to WebAssembly: no network, no native build.
 */
const xsdDirectory = path.join(root, "schemas", "office-addin-manifest");
const mainXsd = "OfficeAppManifestV1_1.xsd";
const xsdFiles = fs
  .readdirSync(xsdDirectory)
  .filter((name) => name.endsWith(".xsd"))
  .map((fileName) => ({
    fileName,
    contents: fs.readFileSync(path.join(xsdDirectory, fileName), "utf8"),
  }));

export async function manifestErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: xsdFiles.filter((file) => file.fileName === mainXsd),
    preload: xsdFiles.filter((file) => file.fileName !== mainXsd),
  });
  return result.valid ? [] : result.errors.map((error) => error.message);
}
