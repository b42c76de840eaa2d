/**
 * Offline schema validation of what Excel reads before it runs a line of ours: the
 * custom-functions metadata (dist/functions*.json) against Microsoft's JSON schema, and the
 * manifest (source and build) against the Office add-in manifest XSDs.
 */
import * as fs from "fs";
import * as path from "path";
import {
  type Metadata,
  manifestErrors,
  manifestVersion,
  metadataErrors,
  undocumentedTypes,
} from "./support/schemas";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

const metadataFiles = fs
  .readdirSync(dist)
  .filter((name) => /^functions.*\.json$/.test(name))
  .sort();
const metadataOf = (file: string): Metadata =>
  JSON.parse(fs.readFileSync(path.join(dist, file), "utf8"));

describe(`dist/functions*.json against the custom-functions schema of app manifest ${manifestVersion}`, () => {
  test("the build wrote the metadata in English, Simplified and Traditional Chinese", () => {
    expect(metadataFiles).toEqual([
      "functions.json",
      "functions.zh-CN.json",
      "functions.zh-TW.json",
    ]);
  });

  test.each(metadataFiles)("%s is valid custom-functions metadata", (file) => {
    expect(metadataErrors(metadataOf(file))).toEqual([]);
  });

  test.each(metadataFiles)(
    "%s uses only the parameter and result types the schema documents",
    (file) => {
      expect(undocumentedTypes(metadataOf(file))).toEqual([]);
    }
  );

  test("rejects a bad dimensionality, a function id Excel cannot take, a missing result and an unknown key", () => {
    const broken = metadataOf("functions.json");
    const clv = broken.functions.find((f) => f.id === "CLV") as Metadata["functions"][number];
    const index = broken.functions.indexOf(clv);
    Object.assign(clv.parameters[0], { dimensionality: "vector", type: "decimal" });
    Object.assign(broken.functions[index + 1], { id: "2CLV" });
    delete (broken.functions[index + 2] as Partial<Metadata["functions"][number]>).result;
    Object.assign(broken, { allowErrorsEverywhere: true });

    expect(metadataErrors(broken)).toEqual(
      expect.arrayContaining([
        `/functions/${index}/parameters/0/dimensionality must be equal to one of the allowed values`,
        `/functions/${index + 1}/id must match pattern "^[a-zA-Z][a-zA-Z0-9._]*$"`,
        `/functions/${index + 2} must have required property 'result'`,
        "/ must NOT have additional properties",
      ])
    );
    expect(undocumentedTypes(broken)).toEqual(["CLV: parameter type decimal"]);
  });
});

describe("manifest.xml against the Office add-in manifest XSDs", () => {
  const manifest = read("manifest.xml");

  test.each(["manifest.xml", "dist/manifest.xml"])("%s is valid", async (file) => {
    expect(await manifestErrors(read(file))).toEqual([]);
  });

  test("rejects an unknown element, an unknown runtime lifetime and a resid over 32 characters", async () => {
    const broken = manifest
      .replace("<GetStarted>", "<GetStarted><Frobnicate/>")
      .replace('lifetime="long"', 'lifetime="forever"')
      .replace(
        '<Label resid="Group.Label"/>',
        '<Label resid="Group.Label.Far.Too.Long.For.A.Resid"/>'
      );
    const errors = await manifestErrors(broken);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/Element '\{[^}]+\}Frobnicate': This element is not expected/),
        expect.stringMatching(/attribute 'lifetime': \[facet 'enumeration'\] The value 'forever'/),
        expect.stringMatching(/attribute 'resid': \[facet 'maxLength'\]/),
      ])
    );
  });

  test("takes the shared runtime only as the first child of Host", async () => {
    const runtimes = /\s*<Runtimes>[\s\S]*?<\/Runtimes>/.exec(manifest)?.[0] as string;
    const moved = manifest
      .replace(runtimes, "")
      .replace("</AllFormFactors>", `</AllFormFactors>${runtimes}`);
    expect(await manifestErrors(moved)).toEqual([
      expect.stringMatching(/Element '\{[^}]+\}Runtimes': This element is not expected/),
    ]);
  });
});
