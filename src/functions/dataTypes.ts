import { CellObject } from "../engine";

/**
 * Excel's data types as custom functions receive them (functions.json allows them with
 * allowCustomDataForDataTypeAny): a cell holding a formatted number, a string, an error, an
 * entity or an image arrives as an object such as { type: "FormattedNumber", basicValue: 12.5,
 * numberFormat: "0.0" } instead of a plain value. `shownValue` turns each into what its cell
 * shows: a number, a string, a boolean, null (empty), an error text such as "#N/A", or, for a
 * value with none of these (an image, an entity, an array), a CellObject saying what it is and
 * the name it shows. An entity's name is its id where an id is wanted; it is not a number, as
 * in Excel, where =A1+1 on an entity is #VALUE!.
 */

/** Excel.ErrorCellValueType -> the error as a cell shows it. */
const ERROR_TEXT: Record<string, string> = {
  Blocked: "#BLOCKED!",
  Busy: "#BUSY!",
  Calc: "#CALC!",
  Connect: "#CONNECT!",
  Div0: "#DIV/0!",
  External: "#EXTERNAL!",
  Field: "#FIELD!",
  GettingData: "#GETTING_DATA",
  NotAvailable: "#N/A",
  Name: "#NAME?",
  Null: "#NULL!",
  Num: "#NUM!",
  Python: "#PYTHON!",
  Ref: "#REF!",
  Spill: "#SPILL!",
  Unknown: "#UNKNOWN!",
  Value: "#VALUE!",
};

interface DataType {
  type?: unknown;
  code?: unknown;
  basicValue?: unknown;
  basicType?: unknown;
  errorType?: unknown;
  text?: unknown;
}

/** How deep basic values are followed (a Reference to a NotAvailable value, ...). */
const MAX_DEPTH = 4;

export function shownValue(raw: unknown, depth = 0): unknown {
  if (raw === null || typeof raw !== "object" || raw instanceof CellObject) return raw;
  if (Array.isArray(raw)) return new CellObject("array");
  const value = raw as DataType;
  switch (value.type) {
    case "Double":
    case "FormattedNumber":
    case "String":
    case "Boolean":
    case "Reference":
    case "NotAvailable":
      return basic(value, depth);
    case "Empty":
      return null;
    case "Error":
      return errorText(value);
    case "Entity":
    case "LinkedEntity":
      return new CellObject(value.type === "Entity" ? "entity" : "linkedEntity", nameOf(value));
    case "WebImage":
    case "LocalImage":
      return new CellObject("image");
    case "Array":
      return new CellObject("array");
    case "Function":
      return new CellObject("function");
    default:
      // an error Excel hands over as an error object (CustomFunctions.Error has a code)
      if (typeof value.code === "string" && value.type === undefined) return errorOf(value.code);
      // a data type newer than this reader: its basic value, unless that is a stand-in error
      if (value.basicType !== "Error" && typeof value.basicValue !== "object")
        return value.basicValue === undefined ? new CellObject("dataType") : basic(value, depth);
      return new CellObject("dataType");
  }
}

/** The basic value of a Double, String, Boolean, Reference or NotAvailable value. */
function basic(value: DataType, depth: number): unknown {
  const inner = value.basicValue;
  if (inner === undefined || inner === null) return null;
  if (typeof inner === "object") {
    return depth < MAX_DEPTH ? shownValue(inner, depth + 1) : new CellObject("dataType");
  }
  if (value.basicType === "Error" && typeof inner === "string") return errorOf(inner);
  if (typeof inner === "number" && !Number.isFinite(inner)) return "#NUM!";
  return inner;
}

function errorText(value: DataType): string {
  const known = typeof value.errorType === "string" ? ERROR_TEXT[value.errorType] : undefined;
  return known ?? errorOf(value.basicValue);
}

/** An error's text as its basic value gives it; "#VALUE!" when it gives none. */
function errorOf(basicValue: unknown): string {
  if (typeof basicValue === "string" && /^#[A-Z0-9_/]+[!?A]?$/.test(basicValue)) return basicValue;
  return "#VALUE!";
}

/** The name an entity shows: its text, or a basic value that is not the #VALUE! stand-in. */
function nameOf(value: DataType): string | undefined {
  if (typeof value.text === "string" && value.text.trim() !== "") return value.text;
  const inner = value.basicValue;
  if (typeof inner === "string" && inner.trim() !== "" && !inner.startsWith("#")) return inner;
  if (typeof inner === "number" && Number.isFinite(inner)) return String(inner);
  return undefined;
}
