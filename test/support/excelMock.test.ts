import {
  CONNECTION_LOST,
  MockExcel,
  MockOfficeAddin,
  MockOfficeError,
  type VisibilityMode,
  xmlRootNamespace,
} from "./excelMock";

// The model of Excel the Office adapter is tested against: each test names a rule it keeps.

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

const NS = "http://schemas.example.com/customer-value/1.0";
const RECORD = `<records xmlns="${NS}"><record id="1">Gold &amp; Silver</record></records>`;

function workbook(): MockExcel {
  return MockExcel.withTable("Sheet1", [
    ["Customer", "Value"],
    ["Ana", 10],
    ["Bo", 20],
  ]);
}

const run = <T>(excel: MockExcel, batch: Batch<T>, options?: Excel.RunOptions) =>
  excel.run(options, batch);

/** Writes one value into Sheet1!A1 in a sync of its own. */
const write = (context: Excel.RequestContext, value: string) => {
  context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[value]];
  return context.sync();
};

async function addPart(excel: MockExcel, xml: string): Promise<string> {
  return run(excel, async (context) => {
    const part = context.workbook.customXmlParts.add(xml);
    part.load("id");
    await context.sync();
    return part.id;
  });
}

describe("custom XML parts (ExcelApi 1.5)", () => {
  test("a part is found by the namespace of its root, and its XML is read back", async () => {
    const excel = workbook();
    const id = await addPart(excel, RECORD);
    const read = await run(excel, async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(NS);
      parts.load("items/id,items/namespaceUri");
      const count = parts.getCount();
      const only = parts.getOnlyItemOrNullObject();
      await context.sync();
      const xml = only.getXml();
      await context.sync();
      return {
        items: parts.items.map((p) => [p.id, p.namespaceUri]),
        count: count.value,
        xml: xml.value,
      };
    });
    expect(read).toEqual({ items: [[id, NS]], count: 1, xml: RECORD });
    expect(excel.xmlParts).toEqual([{ id, namespaceUri: NS, xml: RECORD }]);
  });

  test("a root without xmlns has the empty namespace: getByNamespace cannot find it, its id can", async () => {
    const excel = workbook();
    const id = await addPart(excel, "<state>1</state>");
    const found = await run(excel, async (context) => {
      const scoped = context.workbook.customXmlParts.getByNamespace(NS).getCount();
      const part = context.workbook.customXmlParts.getItem(id);
      part.load("namespaceUri");
      await context.sync();
      return [scoped.value, part.namespaceUri];
    });
    expect(found).toEqual([0, ""]);
    // a prefixed root takes the namespace its prefix is bound to
    expect(xmlRootNamespace(`<c:r xmlns:c="${NS}"/>`)).toBe(NS);
  });

  test("malformed XML is refused with InvalidArgument when the sync reaches it, and nothing is added", async () => {
    const malformed = [
      "",
      "plain text",
      "<a>",
      "<a></b>",
      "<a/><b/>",
      "<a/>text",
      "<a>x & y</a>",
      '<a b="1" b="2"/>',
      "<a b=1/>",
      "<p:a/>",
      '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>',
      "<a><!-- a -- b --></a>",
      "<a>\u0001</a>",
      '<?xml version="1.0"?><?xml version="1.0"?><a/>',
    ];
    for (const xml of malformed) {
      const excel = workbook();
      await expect(addPart(excel, xml)).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(excel.xmlParts).toEqual([]);
    }
    const wellFormed = [
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- ours --><a x=\'1\'><![CDATA[<&>]]>&#169;<b/></a>\n',
      `<a xmlns="${NS}" xmlns:v="urn:v"><v:b v:c="&lt;"/></a>`,
    ];
    for (const xml of wellFormed) expect(await addPart(workbook(), xml)).toMatch(/^\{.+\}$/);
  });

  test("getXml's value is readable only after the sync", async () => {
    const excel = workbook();
    const id = await addPart(excel, RECORD);
    await run(excel, async (context) => {
      const xml = context.workbook.customXmlParts.getItem(id).getXml();
      expect(() => xml.value).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(xml.value).toBe(RECORD);
    });
  });

  test("setXml replaces the XML (well-formed only), delete removes the part", async () => {
    const excel = workbook();
    const id = await addPart(excel, RECORD);
    const next = `<records xmlns="${NS}"/>`;
    await run(excel, async (context) => {
      context.workbook.customXmlParts.getItem(id).setXml(next);
      await context.sync();
    });
    expect(excel.xmlParts[0].xml).toBe(next);
    await expect(
      run(excel, async (context) => {
        context.workbook.customXmlParts.getItem(id).setXml("<records>");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.xmlParts[0].xml).toBe(next);
    const gone = await run(excel, async (context) => {
      context.workbook.customXmlParts.getItem(id).delete();
      await context.sync();
      const again = context.workbook.customXmlParts.getItemOrNullObject(id);
      await context.sync();
      return again.isNullObject;
    });
    expect(gone).toBe(true);
    expect(excel.xmlParts).toEqual([]);
  });

  test("getOnlyItemOrNullObject is null unless the namespace has exactly one part; getOnlyItem fails", async () => {
    const excel = workbook();
    const only = () =>
      run(excel, async (context) => {
        const part = context.workbook.customXmlParts.getByNamespace(NS).getOnlyItemOrNullObject();
        await context.sync();
        return part.isNullObject;
      });
    expect(await only()).toBe(true);
    await addPart(excel, RECORD);
    expect(await only()).toBe(false);
    await addPart(excel, RECORD);
    expect(await only()).toBe(true);
    await expect(
      run(excel, async (context) => {
        context.workbook.customXmlParts.getByNamespace(NS).getOnlyItem().load("id");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  test("the XML counts against the request and the response payload", async () => {
    const big = `<r xmlns="${NS}">${"x".repeat(600_000)}</r>`;
    const excel = workbook();
    const id = await addPart(excel, big);
    expect(excel.journal.at(-1)!.writtenBytes).toBeGreaterThan(600_000);
    await run(excel, async (context) => {
      context.workbook.customXmlParts.getItem(id).getXml();
      await context.sync();
    });
    expect(excel.journal.at(-1)!.readBytes).toBeGreaterThan(600_000);
    excel.payloadLimit = 500_000;
    await expect(addPart(excel, big)).rejects.toMatchObject({
      code: "RequestPayloadSizeLimitExceeded",
    });
    await expect(
      run(excel, async (context) => {
        context.workbook.customXmlParts.getItem(id).getXml();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test("custom XML parts need ExcelApi 1.5", async () => {
    const excel = workbook();
    excel.apiVersion = "1.4";
    await expect(addPart(excel, RECORD)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("custom document properties", () => {
  const addProperty = (excel: MockExcel, key: string, value: unknown) =>
    run(excel, async (context) => {
      context.workbook.properties.custom.add(key, value);
      await context.sync();
    });

  test("custom property keys and values are trimmed to 255 characters on desktop", async () => {
    const excel = workbook();
    await addProperty(excel, "k".repeat(300), "v".repeat(300));
    expect([...excel.properties]).toEqual([["k".repeat(255), "v".repeat(255)]]);
  });

  test("on the web they are kept whole", async () => {
    const excel = workbook();
    excel.platform = "web";
    await addProperty(excel, "k".repeat(300), "v".repeat(300));
    expect([...excel.properties]).toEqual([["k".repeat(300), "v".repeat(300)]]);
  });

  test("keys are case-insensitive: adding under another case sets the existing property", async () => {
    const excel = workbook();
    await addProperty(excel, "Author", "Ana");
    await addProperty(excel, "AUTHOR", "Bo");
    expect([...excel.properties]).toEqual([["Author", "Bo"]]);
    const missing = await run(excel, async (context) => {
      const found = context.workbook.properties.custom.getItemOrNullObject("author");
      const absent = context.workbook.properties.custom.getItemOrNullObject("Editor");
      await context.sync();
      return [found.isNullObject, absent.isNullObject];
    });
    expect(missing).toEqual([false, true]);
  });
});

describe("run options", () => {
  test("mergeUndoGroup on a host below ExcelApi 1.20 is refused, before the batch runs", async () => {
    const excel = workbook();
    excel.apiVersion = "1.19";
    const batch = jest.fn(async () => undefined);
    await expect(run(excel, batch, { mergeUndoGroup: true })).rejects.toMatchObject({
      code: "InvalidArgument",
      message: expect.stringMatching(/mergeUndoGroup needs ExcelApi 1.20/),
    });
    expect(batch).not.toHaveBeenCalled();
  });

  test("a merged run that deletes a sheet fails with UndoNotSupported; the calls before it stay done", async () => {
    for (const platform of ["desktop", "web"] as const) {
      const excel = workbook();
      excel.platform = platform;
      excel.addSheet("Old");
      await expect(
        run(
          excel,
          async (context) => {
            context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["x"]];
            context.workbook.worksheets.getItem("Old").delete();
            await context.sync();
          },
          { mergeUndoGroup: true }
        )
      ).rejects.toMatchObject({ code: "UndoNotSupported" });
      expect(excel.sheet("Old")).toBeDefined();
      expect(excel.sheet("Sheet1")!.value(0, 2)).toBe("x");
    }
  });

  test("on desktop a merged run cannot rename, move or hide a sheet; on the web it can", async () => {
    const changes: ((sheet: Excel.Worksheet) => void)[] = [
      (sheet) => (sheet.name = "Renamed"),
      (sheet) => (sheet.position = 0),
      (sheet) => (sheet.visibility = "Hidden"),
    ];
    for (const change of changes) {
      for (const [platform, fails] of [
        ["desktop", true],
        ["web", false],
      ] as const) {
        const excel = workbook();
        excel.platform = platform;
        excel.addSheet("Other");
        const done = run(
          excel,
          async (context) => {
            change(context.workbook.worksheets.getItem("Other"));
            await context.sync();
          },
          { mergeUndoGroup: true }
        );
        if (fails) await expect(done).rejects.toMatchObject({ code: "UndoNotSupported" });
        else await done;
      }
    }
  });

  test("outside a merged run a sheet can be deleted, renamed, moved and hidden", async () => {
    const excel = workbook();
    excel.addSheet("A");
    excel.addSheet("B");
    await run(excel, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("A").delete();
      const b = sheets.getItem("B");
      b.name = "Bee";
      b.position = 0;
      sheets.getItem("Sheet1").visibility = "Hidden";
      await context.sync();
    });
    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Bee", "Visible"],
      ["Sheet1", "Hidden"],
    ]);
  });

  test("mergeUndoFails makes the first sync of every merged run fail, nothing applied", async () => {
    const excel = workbook();
    excel.mergeUndoFails = new MockOfficeError("GeneralException", "RichApi.Error on the web");
    const merged = () =>
      run(
        excel,
        async (context) => {
          await write(context, "first");
          await write(context, "second");
        },
        { mergeUndoGroup: true }
      );
    await expect(merged()).rejects.toMatchObject({ code: "GeneralException" });
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("Customer");
    await expect(merged()).rejects.toMatchObject({ code: "GeneralException" });
    // the same run without merging, and the later syncs of a merged run, go through
    await run(excel, (context) => write(context, "plain"));
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("plain");
    await run(
      excel,
      async (context) => {
        await write(context, "lost").catch(() => undefined);
        await write(context, "second");
      },
      { mergeUndoGroup: true }
    );
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("second");
  });

  test("an option the model does not know is refused", async () => {
    const options = { mergeUndoGroup: true, keepOpen: true } as Excel.RunOptions;
    await expect(run(workbook(), async () => undefined, options)).rejects.toThrow(/keepOpen/);
  });
});

describe("cell edit mode", () => {
  test("while the user edits a cell, every sync of a run without delayForCellEdit fails and applies nothing", async () => {
    const excel = workbook();
    excel.editingCell = true;
    const errors = await run(excel, async (context) => {
      const codes: string[] = [];
      for (const value of ["one", "two"])
        await write(context, value).catch((e: MockOfficeError) => codes.push(e.code));
      return codes;
    });
    expect(errors).toEqual(["InvalidOperationInCellEditMode", "InvalidOperationInCellEditMode"]);
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("Customer");
  });

  test("with delayForCellEdit the run goes through, as if it waited", async () => {
    const excel = workbook();
    excel.editingCell = true;
    await run(excel, (context) => write(context, "waited"), { delayForCellEdit: true });
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("waited");
  });
});

describe("calculation", () => {
  const suspend = (context: Excel.RequestContext) =>
    context.application.suspendApiCalculationUntilNextSync();

  test("values written with calculation suspended are stale until a calculate follows, in a later sync", async () => {
    const excel = workbook();
    await run(excel, async (context) => {
      suspend(context);
      await write(context, "x");
      expect(excel.staleAfterSuspend()).toBe(true);
      context.application.calculate("Recalculate");
      await context.sync();
    });
    expect(excel.staleAfterSuspend()).toBe(false);
    expect(excel.calculations).toEqual([{ run: 0, type: "Recalculate" }]);
  });

  test("a calculate in the same sync counts only after the writes", async () => {
    const after = workbook();
    await run(after, async (context) => {
      suspend(context);
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["x"]];
      context.application.calculate("Full");
      await context.sync();
    });
    expect(after.staleAfterSuspend()).toBe(false);
    const before = workbook();
    await run(before, async (context) => {
      suspend(context);
      context.application.calculate("Full");
      await write(context, "x");
    });
    expect(before.staleAfterSuspend()).toBe(true);
    expect(before.staleAfterSuspend(0)).toBe(true);
  });

  test("without suspension, or without a change to cells, nothing is stale", async () => {
    const excel = workbook();
    await run(excel, (context) => write(context, "x"));
    await run(excel, async (context) => {
      suspend(context);
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.font.bold = true;
      await context.sync();
    });
    expect(excel.staleAfterSuspend()).toBe(false);
  });

  test("a calculate in a later run clears the workbook, not the earlier run's own record", async () => {
    const excel = workbook();
    await run(excel, async (context) => {
      suspend(context);
      await write(context, "x");
    });
    await run(excel, async (context) => {
      context.application.calculate("Recalculate");
      await context.sync();
    });
    expect(excel.staleAfterSuspend()).toBe(false);
    expect(excel.staleAfterSuspend(0)).toBe(true);
  });

  test("an unknown calculation type is refused; suspending needs ExcelApi 1.6", async () => {
    const excel = workbook();
    await expect(
      run(excel, async (context) => {
        context.application.calculate("Partial" as Excel.CalculationType);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    excel.apiVersion = "1.5";
    await expect(run(excel, async (context) => suspend(context))).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });
});

describe("renaming a sheet", () => {
  const rename = (excel: MockExcel, from: string, to: string) =>
    run(excel, async (context) => {
      context.workbook.worksheets.getItem(from).name = to;
      await context.sync();
    });

  test("a name Excel does not allow is refused with InvalidArgument, at sync", async () => {
    const excel = workbook();
    for (const name of ["", "x".repeat(32), "a:b", "a\\b", "a/b", "a?b", "a*b", "a[b", "a]b"])
      await expect(rename(excel, "Sheet1", name)).rejects.toMatchObject({
        code: "InvalidArgument",
      });
    for (const name of ["'quoted", "quoted'", "History", "HISTORY"])
      await expect(rename(excel, "Sheet1", name)).rejects.toMatchObject({
        code: "InvalidArgument",
      });
    expect(excel.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a name another sheet has, in any case, is refused with ItemAlreadyExists; a sheet may change its own case", async () => {
    const excel = workbook();
    excel.addSheet("Notes");
    await expect(rename(excel, "Sheet1", "NOTES")).rejects.toMatchObject({
      code: "ItemAlreadyExists",
    });
    await rename(excel, "Sheet1", "SHEET1");
    expect(excel.sheets.map((s) => s.name)).toEqual(["SHEET1", "Notes"]);
  });

  test("the sheet keeps its cells, tables and selection, and its object follows it", async () => {
    const excel = workbook();
    excel.addTable("Sheet1", "Customers", { top: 0, left: 0, rows: 3, columns: 2 });
    const name = await run(excel, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Customers sheet";
      sheet.load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Customers sheet");
    expect(excel.table("Customers")!.sheet.name).toBe("Customers sheet");
    expect(excel.selection.sheet).toBe("Customers sheet");
    expect(excel.sheet("Customers sheet")!.value(1, 0)).toBe("Ana");
  });
});

describe("conditional formats", () => {
  const addRule = (excel: MockExcel, label: string, fill: string) =>
    run(excel, async (context) => {
      const cells = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B3");
      const format = cells.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = fill;
      format.cellValue.format.font.color = "#000000";
      format.cellValue.rule = { formula1: `="${label}"`, operator: "EqualTo" };
      await context.sync();
    });
  const order = (excel: MockExcel) => excel.sheet("Sheet1")!.rules.map((r) => r.formula1);

  test("a new rule goes first, priority 0; setting priority moves it, negative counts from the back", async () => {
    const excel = workbook();
    for (const label of ["A", "B", "C"]) await addRule(excel, label, "#FFFFFF");
    expect(order(excel)).toEqual(['="C"', '="B"', '="A"']);
    const setPriority = (index: number, priority: number) =>
      run(excel, async (context) => {
        const formats = context.workbook.worksheets
          .getItem("Sheet1")
          .getRange("B2").conditionalFormats;
        formats.load("items/id");
        await context.sync();
        formats.items[index].priority = priority;
        await context.sync();
      });
    await setPriority(0, 2);
    expect(order(excel)).toEqual(['="B"', '="A"', '="C"']);
    await setPriority(2, -3);
    expect(order(excel)).toEqual(['="C"', '="B"', '="A"']);
    await setPriority(1, 99);
    expect(order(excel)).toEqual(['="C"', '="A"', '="B"']);
  });

  test("a rule can be read fully: type, priority, stopIfTrue, operator, formulas, colours and range", async () => {
    const excel = workbook();
    await addRule(excel, "Gold", "#F2C744");
    await addRule(excel, "Lead", "#8795A3");
    await run(excel, async (context) => {
      const formats = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("B2").conditionalFormats;
      formats.load("items");
      await context.sync();
      formats.items[1].stopIfTrue = true;
      await context.sync();
    });
    const rules = await run(excel, async (context) => {
      const formats = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A:Z").conditionalFormats;
      formats.load(
        "items/type,items/priority,items/stopIfTrue,items/cellValue/rule,items/cellValue/format/fill/color,items/cellValue/format/font/color"
      );
      await context.sync();
      const ranges = formats.items.map((f) => f.getRange().load("address"));
      await context.sync();
      return formats.items.map((f, i) => ({
        type: f.type,
        priority: f.priority,
        stopIfTrue: f.stopIfTrue,
        rule: f.cellValue.rule,
        fill: f.cellValue.format.fill.color,
        font: f.cellValue.format.font.color,
        address: ranges[i].address,
      }));
    });
    const rule = (priority: number, label: string, fill: string, stopIfTrue: boolean) => ({
      type: "CellValue",
      priority,
      stopIfTrue,
      rule: { formula1: `="${label}"`, operator: "EqualTo" },
      fill,
      font: "#000000",
      address: "Sheet1!B2:B3",
    });
    expect(rules).toEqual([rule(0, "Lead", "#8795A3", false), rule(1, "Gold", "#F2C744", true)]);
  });

  test("after its priority changed the same object is refused, as Office.js wants it fetched again", async () => {
    const excel = workbook();
    await addRule(excel, "A", "#FFFFFF");
    await addRule(excel, "B", "#FFFFFF");
    await expect(
      run(excel, async (context) => {
        const formats = context.workbook.worksheets
          .getItem("Sheet1")
          .getRange("B2").conditionalFormats;
        formats.load("items/id");
        await context.sync();
        const format = formats.items[0];
        format.priority = 1;
        format.stopIfTrue = true;
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(order(excel)).toEqual(['="A"', '="B"']);
  });

  test("a rule needs a known operator, and Between a second formula", async () => {
    const excel = workbook();
    const ruleOf = (rule: Excel.ConditionalCellValueRule) =>
      run(excel, async (context) => {
        const cells = context.workbook.worksheets.getItem("Sheet1").getRange("B2:B3");
        cells.conditionalFormats.add("CellValue").cellValue.rule = rule;
        await context.sync();
      });
    await expect(ruleOf({ formula1: "1", operator: "Equal" as "EqualTo" })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(ruleOf({ formula1: "1", operator: "Between" })).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await ruleOf({ formula1: "1", formula2: "5", operator: "Between" });
    expect(excel.sheet("Sheet1")!.rules[0]).toMatchObject({ formula1: "1", formula2: "5" });
  });
});

describe("ranges", () => {
  test("numberFormat loads as each cell's format, General where none was set", async () => {
    const excel = workbook();
    excel.sheet("Sheet1")!.set(1, 1, { numberFormat: "0.0%" });
    const formats = await run(excel, async (context) => {
      const cells = context.workbook.worksheets
        .getItem("Sheet1")
        .getRange("A2:B3")
        .load("numberFormat");
      await context.sync();
      return cells.numberFormat;
    });
    expect(formats).toEqual([
      ["General", "0.0%"],
      ["General", "General"],
    ]);
  });

  test("font.bold loads true or false when the cells agree, null when they differ", async () => {
    const excel = workbook();
    const sheet = excel.sheet("Sheet1")!;
    sheet.set(0, 0, { bold: true });
    sheet.set(0, 1, { bold: true });
    const bold = await run(excel, async (context) => {
      const range = (address: string) => {
        const font = context.workbook.worksheets.getItem("Sheet1").getRange(address).format.font;
        return font.load("bold");
      };
      const fonts = [range("A1:B1"), range("A2:B3"), range("A1:A2")];
      const viaRange = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      viaRange.load("format/font/bold");
      await context.sync();
      return [...fonts.map((f) => f.bold), viaRange.format.font.bold];
    });
    expect(bold).toEqual([true, false, null, true]);
  });
  test("formulas load each cell's formula or constant; a quote prefix is lost, so text written back becomes a formula", async () => {
    const excel = workbook();
    await run(excel, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1:C2").values = [["=A1"], ["'=x"]];
      await context.sync();
    });
    const formulas = await run(excel, async (context) => {
      const cells = context.workbook.worksheets.getItem("Sheet1").getRange("B1:C3");
      cells.load("formulas");
      await context.sync();
      cells.formulas = cells.formulas;
      await context.sync();
      return cells.formulas;
    });
    expect(formulas).toEqual([
      ["Value", "=A1"],
      [10, "=x"],
      [20, ""],
    ]);
    // OfficeDev/office-js#6687: the round trip turned the text into a formula
    expect(excel.sheet("Sheet1")!.cell(1, 2)).toEqual({ value: "#NAME?", formula: "=x" });
  });
});

describe("table columns", () => {
  function withTable(): MockExcel {
    const excel = workbook();
    excel.addTable("Sheet1", "Customers", { top: 0, left: 0, rows: 3, columns: 2 });
    return excel;
  }
  const addColumn = (excel: MockExcel, name?: string) =>
    run(excel, async (context) => {
      context.workbook.tables.getItem("Customers").columns.add(-1, undefined, name);
      await context.sync();
    });

  test("a column named like one the table has, in any case, is refused with InvalidArgument and nothing moves", async () => {
    const excel = withTable();
    await expect(addColumn(excel, "VALUE")).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(excel.tableHeaders("Customers")).toEqual(["Customer", "Value"]);
    await addColumn(excel, "Tier");
    expect(excel.tableHeaders("Customers")).toEqual(["Customer", "Value", "Tier"]);
  });

  test("a table's worksheet is a navigation property (ExcelApi 1.2)", async () => {
    const excel = withTable();
    const name = await run(excel, async (context) => {
      const sheet = context.workbook.tables.getItem("Customers").worksheet.load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Sheet1");
  });

  test("without a name the column is called ColumnN", async () => {
    const excel = withTable();
    await addColumn(excel);
    expect(excel.tableHeaders("Customers")).toEqual(["Customer", "Value", "Column3"]);
  });
});

describe("selection events", () => {
  test("a handler counts from the sync that adds it, is called after the user selects, and goes with remove()", async () => {
    const excel = workbook();
    excel.addSheet("Notes");
    const seen: string[] = [];
    const handler = async () => {
      seen.push(`${excel.selection.sheet}!${JSON.stringify(excel.selection.area)}`);
    };
    const registration = await run(excel, async (context) => {
      const added = context.workbook.onSelectionChanged.add(handler);
      expect(excel.selectionListeners).toBe(0);
      await context.sync();
      return added;
    });
    expect(excel.selectionListeners).toBe(1);
    const selecting = excel.userSelects("Notes", "B2:C3");
    expect(excel.selection.sheet).toBe("Notes");
    expect(seen).toEqual([]);
    await selecting;
    expect(seen).toEqual(['Notes!{"top":1,"left":1,"rows":2,"columns":2}']);
    // as Office.js wants: removed through the context it was added in
    registration.remove();
    await registration.context.sync();
    await excel.userSelects("Sheet1", "A1");
    expect(seen).toHaveLength(1);
  });

  test("onSelectionChanged needs ExcelApi 1.2", async () => {
    const excel = workbook();
    excel.apiVersion = "1.1";
    await expect(
      run(excel, async (context) => {
        context.workbook.onSelectionChanged.add(async () => undefined);
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("Office.addin in the shared runtime", () => {
  test("show and hide call the visibility handler after the change, only on a change; the returned function removes it", async () => {
    const addin = new MockOfficeAddin();
    const seen: VisibilityMode[] = [];
    const removeHandler = await addin.onVisibilityModeChanged(({ visibilityMode }) =>
      seen.push(visibilityMode)
    );
    const showing = addin.show();
    expect(seen).toEqual([]);
    await showing;
    await addin.showAsTaskpane();
    await addin.hide();
    expect(seen).toEqual(["Taskpane", "Hidden"]);
    await removeHandler();
    await addin.show();
    expect(seen).toEqual(["Taskpane", "Hidden"]);
    expect(addin.listeners).toBe(0);
  });

  test("without the shared runtime the requirement check says no and the event cannot be registered", async () => {
    const addin = new MockOfficeAddin({ sharedRuntime: false });
    expect(addin.isSetSupported("SharedRuntime", "1.1")).toBe(false);
    await expect(addin.onVisibilityModeChanged(() => undefined)).rejects.toMatchObject({
      code: "ApiNotFound",
    });
    await addin.show();
    expect(addin.visibilityMode).toBe("Taskpane");
    const excel = workbook();
    expect(excel.isSetSupported("SharedRuntime", "1.1")).toBe(true);
    excel.sharedRuntime = undefined;
    expect(excel.isSetSupported("SharedRuntime", "1.1")).toBe(false);
    expect(new MockOfficeAddin().isSetSupported("SharedRuntime", "1.1")).toBe(true);
  });

  test("every Excel.run and sync is counted, a refused run too: a quiet start is zero runs", async () => {
    const excel = workbook();
    expect([excel.runs.length, excel.syncs()]).toEqual([0, 0]);
    await run(excel, async (context) => {
      await context.sync();
      await context.sync();
    });
    excel.apiVersion = "1.19";
    await run(excel, async () => undefined, { mergeUndoGroup: true }).catch(() => undefined);
    expect([excel.runs.length, excel.syncs(), excel.syncs(0)]).toEqual([2, 2, 2]);
  });
});

describe("fault injection", () => {
  test("the k-th sync fails before any of its calls, GeneralException by default", async () => {
    const excel = workbook();
    const fault = excel.failSync(2);
    const codes = await run(excel, async (context) => {
      const result: string[] = [];
      for (const value of ["one", "two", "three"])
        await write(context, value).then(
          () => result.push("ok"),
          (e: MockOfficeError) => result.push(e.code)
        );
      return result;
    });
    expect(codes).toEqual(["ok", "GeneralException", "ok"]);
    expect(fault.fired).toBe(true);
    expect(excel.journal.map((b) => b.error)).toEqual([undefined, "GeneralException", undefined]);
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("three");
  });

  test("the k-th sync fails at its i-th call, earlier calls stay done", async () => {
    const excel = workbook();
    excel.failSync(1, { at: 2, error: new MockOfficeError("InvalidReference", "gone") });
    await expect(
      run(excel, async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("B1").values = [["second"]];
        sheet.getRange("C1").values = [["third"]];
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidReference" });
    expect(excel.sheet("Sheet1")!.values({ top: 0, left: 0, rows: 1, columns: 3 })).toEqual([
      ["first", "Value", null],
    ]);
  });

  test("at the end every call is done and the answer is lost; past the last call nothing fails", async () => {
    const excel = workbook();
    excel.failSync(1, { at: "end" });
    await expect(run(excel, (context) => write(context, "done"))).rejects.toMatchObject({
      code: "GeneralException",
    });
    expect(excel.sheet("Sheet1")!.value(0, 0)).toBe("done");
    const beyond = excel.failSync(1, { at: 5 });
    await run(excel, (context) => write(context, "again"));
    expect(beyond.fired).toBe(false);
  });

  test("syncs are counted across runs", async () => {
    const excel = workbook();
    const fault = excel.failSync(3);
    await run(excel, async (context) => {
      await write(context, "1");
      await write(context, "2");
    });
    await expect(run(excel, (context) => write(context, "3"))).rejects.toMatchObject({
      code: "GeneralException",
    });
    expect(fault).toMatchObject({ sync: 3, fired: true });
  });

  test("after the k-th sync Excel is gone: later syncs and runs reject until a restart, which keeps the workbook", async () => {
    const excel = workbook();
    excel.closeAfterSync(1);
    const codes = await run(excel, async (context) => {
      await write(context, "saved");
      return write(context, "lost").catch((e: MockOfficeError) => e.code);
    });
    expect(codes).toBe(CONNECTION_LOST);
    await expect(run(excel, async () => undefined)).rejects.toMatchObject({
      code: CONNECTION_LOST,
    });
    expect(excel.closed).toBe(true);
    excel.restart();
    const value = await run(excel, async (context) => {
      const cell = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      return cell.values[0][0];
    });
    expect(value).toBe("saved");
  });

  test("in a loop, each k fails one more sync until the write gets through without reaching it", async () => {
    const results: string[] = [];
    for (let k = 1; ; k++) {
      const excel = workbook();
      const fault = excel.failSync(k, { at: 1 });
      await run(excel, async (context) => {
        await write(context, "a");
        await write(context, "b");
      }).catch(() => undefined);
      if (!fault.fired) break;
      results.push(`${k}: ${excel.sheet("Sheet1")!.value(0, 0)}`);
    }
    expect(results).toEqual(["1: Customer", "2: a"]);
  });
});

describe("the visible state", () => {
  test("two workbooks made in different orders compare equal: no ids, generated names or selection", async () => {
    const build = async (reversed: boolean) => {
      const excel = workbook();
      if (reversed) excel.id();
      const steps = [
        () => addPart(excel, RECORD),
        () =>
          run(excel, async (context) => {
            context.workbook.properties.custom.add("b", "2");
            context.workbook.properties.custom.add("a", "1");
            await context.sync();
          }),
      ];
      for (const step of reversed ? steps.reverse() : steps) await step();
      if (reversed) await excel.userSelects("Sheet1", "B2");
      return excel.visibleState();
    };
    const first = await build(false);
    expect(first).toEqual(await build(true));
    expect(first.customXmlParts).toEqual([{ namespaceUri: NS, xml: RECORD }]);
    expect(first.customProperties).toEqual([
      { key: "a", value: "1" },
      { key: "b", value: "2" },
    ]);
    expect(JSON.stringify(first)).not.toMatch(/"id"/);
  });

  test("what a user sees shows: a cell's format, a rule's place in the order, a table's columns", async () => {
    const a = workbook();
    const b = workbook();
    expect(a.visibleState()).toEqual(b.visibleState());
    b.sheet("Sheet1")!.set(0, 0, { bold: true });
    expect(a.visibleState()).not.toEqual(b.visibleState());
    const rule = (id: string, formula1: string) => ({
      id,
      type: "CellValue",
      area: { top: 1, left: 1, rows: 2, columns: 1 },
      operator: "EqualTo",
      formula1,
    });
    const c = workbook();
    const d = workbook();
    c.sheet("Sheet1")!.rules.push(rule("1", "1"), rule("2", "2"));
    d.sheet("Sheet1")!.rules.push(rule("8", "1"), rule("9", "2"));
    expect(c.visibleState()).toEqual(d.visibleState());
    d.sheet("Sheet1")!.rules.reverse();
    expect(c.visibleState()).not.toEqual(d.visibleState());
    const e = workbook();
    e.addTable("Sheet1", "T", { top: 0, left: 0, rows: 3, columns: 2 });
    expect(e.visibleState().tables).toEqual([
      {
        name: "T",
        sheet: "Sheet1",
        area: { top: 0, left: 0, rows: 3, columns: 2 },
        columns: ["Customer", "Value"],
        showTotals: false,
      },
    ]);
  });
});
