import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import {
  CvError,
  METHOD_ROLES,
  type Method,
  type Role,
  type Roles,
  type Segmentation,
  type TableGrid,
  classifyCell,
  guessRoles,
  looksLikeTransactions,
  segment,
  forecastPrediction,
  predictionSegmentation,
  segmentTransactions,
  splitHeader,
} from "../engine";
import { errorMessage } from "../i18n/errors";
import type { Locale } from "../i18n/locale";
import { type StringKey, roleName, t, timeUnitName } from "../i18n/strings";
import { qualified } from "../workbook/address";
import { sampleSheet } from "../workbook/sample";
import { planFor, recordFor, withoutOwnColumns } from "../workbook/segmentation";
import {
  Blocked,
  Cancelled,
  type InsertedSheet,
  type SegmentationRecord,
  SheetNotAdded,
  type SourceTable,
  WorkbookChanged,
  type WorkbookPort,
} from "../workbook/types";
import {
  type Checked,
  DEFAULT_INPUTS,
  type OptionInputs,
  PREDICT_FIELDS,
  checkInputs,
  inputsOf,
} from "./options";
import { cachedFit } from "./predictionCache";

/** The columns RFM reads from a transaction table. */
export const TRANSACTION_ROLES: readonly Role[] = [
  "customerId",
  "transactionDate",
  "amount",
  "quantity",
  "unitPrice",
];

export type Status =
  | { kind: "idle" }
  | { kind: "reading" }
  | { kind: "writing"; done: number; total: number }
  | { kind: "removing" }
  | { kind: "inserting" };

export interface Message {
  intent: "success" | "error" | "warning" | "info";
  text: string;
}

export interface Table {
  source: SourceTable;
  grid: TableGrid;
  /** the earlier segmentation of this table, if any */
  record?: SegmentationRecord;
  /** why the table cannot be segmented, or a caution */
  problem?: StringKey;
}

/** The roles the method needs, in display order. */
export function rolesFor(method: Method, fromTransactions: boolean): readonly Role[] {
  return readsTransactions(method, fromTransactions) ? TRANSACTION_ROLES : METHOD_ROLES[method];
}

/** RFM from a transaction table, and Predict, read one row per purchase. */
export function readsTransactions(method: Method, fromTransactions: boolean): boolean {
  return method === "predict" || (method === "rfm" && fromTransactions);
}

function tableProblem(grid: TableGrid): StringKey | undefined {
  const hasValue = (v: unknown) => classifyCell(v).kind !== "blank";
  if (!grid.hasHeader && grid.rows.every((row) => !row.some(hasValue))) return "emptyTable";
  if (grid.rows.length === 0 || grid.rows.every((row) => !row.some(hasValue))) return "headerOnly";
  if (!grid.header.some((_, c) => grid.rows.some((row) => classifyCell(row[c]).kind === "number")))
    return "noNumbers";
  if (grid.rows.length === 1) return "oneCustomer";
  return undefined;
}

/** The method a table suggests when nothing was saved for it. */
function suggestedMethod(
  grid: TableGrid,
  roles: Roles
): { method: Method; fromTransactions: boolean } {
  if (looksLikeTransactions(grid, roles)) return { method: "rfm", fromTransactions: true };
  if (roles.currentValue !== undefined && roles.growthPotential !== undefined)
    return { method: "value", fromTransactions: false };
  if (
    roles.recency !== undefined &&
    roles.frequency !== undefined &&
    roles.monetary !== undefined
  ) {
    return { method: "rfm", fromTransactions: false };
  }
  if (roles.currentValue !== undefined && roles.strategicMatch !== undefined)
    return { method: "strategic", fromTransactions: false };
  if (roles.currentValue !== undefined) return { method: "pyramid", fromTransactions: false };
  return { method: "value", fromTransactions: false };
}

/** Roles saved by column name, found again in the table as read now. */
function rolesByName(grid: TableGrid, saved: Partial<Record<Role, string>>): Roles {
  const roles: Roles = {};
  for (const [role, name] of Object.entries(saved)) {
    const column = grid.header.indexOf(name as string);
    if (column >= 0) roles[role as Role] = column;
  }
  return roles;
}

/** The preview: a segmentation, the columns still to choose, an option the user must fix (shown at the option), or why it failed. */
export type Preview =
  | { segmentation: Segmentation }
  | { missing: Role[] }
  | { invalidOption: true }
  | { problem: string };

/**
 * The pane's state and actions: read the table at the selection, propose roles and a method
 * (or the saved ones), compute the preview as the choices change, write and remove.
 */
export function usePane(port: WorkbookPort, locale: Locale) {
  const [table, setTable] = useState<Table>();
  const [roles, setRoles] = useState<Roles>({});
  const [method, setMethod] = useState<Method>("value");
  const [fromTransactions, setFromTransactions] = useState(false);
  const [inputs, setInputs] = useState<OptionInputs>(DEFAULT_INPUTS);
  const [status, setStatus] = useState<Status>({ kind: "reading" });
  const [message, setMessage] = useState<Message>();
  const abort = useRef<AbortController>();

  const fail = useCallback(
    (error: unknown) => {
      if (error instanceof WorkbookChanged) {
        setMessage({ intent: "error", text: t(locale, error.reason, { name: error.target }) });
        return;
      }
      const text = error instanceof Error ? error.message : String(error);
      setMessage({ intent: "error", text: t(locale, "failed", { message: text }) });
    },
    [locale]
  );

  const load = useCallback(async () => {
    try {
      const read = await port.readTable();
      const record = recordFor(await port.loadRecords(), read);
      const source = withoutOwnColumns(read, record);
      const grid = splitHeader(source.values, source.tableName !== undefined);
      setTable({ source, grid, ...(record ? { record } : {}), problem: tableProblem(grid) });
      if (record) {
        setRoles({ ...guessRoles(grid), ...rolesByName(grid, record.roles) });
        setMethod(record.method);
        setFromTransactions(record.fromTransactions);
        setInputs(inputsOf(record.options));
        setMessage({
          intent: "info",
          text: t(locale, "savedSettings", { date: record.date.slice(0, 10) }),
        });
      } else {
        const guessed = guessRoles(grid);
        const suggestion = suggestedMethod(grid, guessed);
        setRoles(guessed);
        setMethod(suggestion.method);
        setFromTransactions(suggestion.fromTransactions);
        setInputs(DEFAULT_INPUTS);
      }
    } catch (error) {
      fail(error);
    } finally {
      setStatus({ kind: "idle" });
    }
  }, [port, locale, fail]);

  useEffect(() => {
    void load();
  }, [load]);

  const readTable = useCallback(() => {
    setStatus({ kind: "reading" });
    setMessage(undefined);
    return load();
  }, [load]);

  const needed = rolesFor(method, fromTransactions);
  const predictNames = useMemo(() => {
    const unit = timeUnitName(locale, inputs.unit);
    return {
      period: t(locale, "periodLabel", { unit }),
      horizon: t(locale, "horizonLabel", { unit }),
      discount: t(locale, "discountLabel"),
      calibrationEnd: t(locale, "calibrationEndLabel"),
    };
  }, [locale, inputs.unit]);

  const checked: Checked = useMemo(() => {
    const [first, second = first] = METHOD_ROLES[method];
    return checkInputs(
      inputs,
      locale,
      [roleName(locale, first, method), roleName(locale, second, method)],
      predictNames
    );
  }, [inputs, locale, method, predictNames]);

  const preview: Preview | undefined = useMemo(() => {
    if (!table || (table.problem && table.problem !== "oneCustomer")) return undefined;
    const transactions = readsTransactions(method, fromTransactions);
    const required = transactions ? (["customerId", "transactionDate"] as Role[]) : [...needed];
    const missing = required.filter((role) => roles[role] === undefined);
    if (
      transactions &&
      roles.amount === undefined &&
      (roles.quantity === undefined || roles.unitPrice === undefined)
    ) {
      missing.push("amount");
    }
    if (missing.length > 0) return { missing };
    const relevant =
      method === "value" || method === "strategic" || method === "frequency"
        ? [checked.problems.split0, checked.problems.split1]
        : method === "pyramid"
          ? [checked.problems.cutoffs]
          : method === "abc"
            ? [checked.problems.shares]
            : method === "predict"
              ? PREDICT_FIELDS.map((field) => checked.problems[field])
              : [];
    if (relevant.some(Boolean)) return { invalidOption: true };
    try {
      const segmentation =
        method === "predict"
          ? predictionSegmentation(
              forecastPrediction(
                cachedFit(table.grid, roles, checked.options.predict ?? {}, predictNames),
                checked.options.predict,
                predictNames
              )
            )
          : method === "rfm" && fromTransactions
            ? segmentTransactions(table.grid, roles)
            : segment(table.grid, roles, method, checked.options);
      return { segmentation };
    } catch (error) {
      return { problem: error instanceof Error ? errorText(error, locale) : String(error) };
    }
  }, [table, roles, method, fromTransactions, checked, needed, locale, predictNames]);

  const write = useCallback(async () => {
    if (!table || !preview || !("segmentation" in preview)) return;
    const controller = new AbortController();
    abort.current = controller;
    setMessage(undefined);
    setStatus({ kind: "writing", done: 0, total: 1 });
    try {
      const plan = await planFor(
        port,
        {
          source: table.source,
          grid: table.grid,
          roles,
          method,
          options: checked.options,
          segmentation: preview.segmentation,
        },
        locale
      );
      await port.apply(plan, {
        signal: controller.signal,
        onProgress: (done, total) => setStatus({ kind: "writing", done, total }),
      });
      setTable({ ...table, record: plan.record });
      const columns = plan.columns
        ? t(locale, "doneColumns", { address: qualified(plan.columns.sheet, plan.columns.area) })
        : "";
      const sheets = t(locale, "doneSheets", {
        sheets: plan.sheets.map((s) => `"${s.name}"`).join(", "),
      });
      setMessage({
        intent: "success",
        text: t(locale, "done", { columns: columns ? `${columns}; ` : "", sheets }),
      });
    } catch (error) {
      if (error instanceof Cancelled) {
        setTable({ ...table, record: undefined });
        setMessage({ intent: "warning", text: t(locale, "cancelled") });
      } else if (error instanceof Blocked) {
        setMessage({
          intent: "error",
          text: t(locale, "blocked", { address: qualified(error.sheet, error.area) }),
        });
      } else {
        fail(error);
      }
    } finally {
      abort.current = undefined;
      setStatus({ kind: "idle" });
    }
  }, [table, preview, port, roles, method, checked, locale, fail]);

  const remove = useCallback(async () => {
    if (!table?.record) return;
    setStatus({ kind: "removing" });
    setMessage(undefined);
    try {
      await port.remove(table.record);
      setTable({ ...table, record: undefined });
      setMessage({ intent: "success", text: t(locale, "removed") });
    } catch (error) {
      fail(error);
    } finally {
      setStatus({ kind: "idle" });
    }
  }, [table, port, locale, fail]);

  /** The first run: the sample customers on a new sheet, selected, then read as any table. */
  const insertSample = useCallback(async () => {
    setStatus({ kind: "inserting" });
    setMessage(undefined);
    let inserted: InsertedSheet;
    try {
      inserted = await port.insertSheet(sampleSheet(locale));
    } catch (error) {
      if (error instanceof SheetNotAdded) {
        const key = error.leftBehind ? "sampleLeftBehind" : "sampleFailed";
        const text = t(locale, key, { message: error.reason, name: error.sheet });
        setMessage({ intent: "error", text });
      } else {
        fail(error);
      }
      setStatus({ kind: "idle" });
      return;
    }
    setMessage({ intent: "success", text: t(locale, "sampleInserted", { name: inserted.sheet }) });
    setStatus({ kind: "reading" });
    await load();
  }, [port, locale, fail, load]);

  const cancel = useCallback(() => abort.current?.abort(), []);

  const chooseRole = useCallback((role: Role, column: number | undefined) => {
    setRoles((current) => {
      const next = { ...current };
      // a column plays one role: taking it from another role frees that one
      for (const [other, c] of Object.entries(next))
        if (c === column && column !== undefined) delete next[other as Role];
      if (column === undefined) delete next[role];
      else next[role] = column;
      return next;
    });
  }, []);

  return {
    table,
    roles,
    method,
    fromTransactions,
    inputs,
    checked,
    preview,
    status,
    message,
    needed,
    actions: {
      readTable,
      insertSample,
      write,
      remove,
      cancel,
      chooseRole,
      setMethod,
      setFromTransactions,
      setInputs,
    },
  };
}

function errorText(error: Error, locale: Locale): string {
  return error instanceof CvError ? errorMessage(error.code, error.params, locale) : error.message;
}

export type PaneModel = ReturnType<typeof usePane>;
