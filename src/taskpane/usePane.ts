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
import { areaAddress, qualified } from "../workbook/address";
import { sampleSheet } from "../workbook/sample";
import { planFor, recordFor, withoutOwnColumns } from "../workbook/segmentation";
import {
  Blocked,
  Cancelled,
  type InsertedSheet,
  type SegmentationRecord,
  SheetNotAdded,
  type SourceTable,
  type StoredRecords,
  type PaneEvents,
  type UnfinishedWrite,
  WorkbookChanged,
  type WorkbookPort,
  WriteFailed,
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

/** How long the selection must stay put before the pane reads it again. */
export const SELECTION_SETTLES_MS = 300;

export type Status =
  /** nothing read yet: the pane waits to be shown or used */
  | { kind: "waiting" }
  | { kind: "idle" }
  | { kind: "reading" }
  /** reading again because the pane was shown or the selection moved: choices stay usable */
  | { kind: "refreshing" }
  | { kind: "writing"; done: number; total: number }
  | { kind: "removing" }
  | { kind: "inserting" };

/** Whether the user can change the method, columns and options now. */
export function choicesOpen(status: Status): boolean {
  return status.kind === "idle" || status.kind === "refreshing";
}

export interface Message {
  intent: "success" | "error" | "warning" | "info";
  text: string;
  /** what the message's Retry button runs again */
  retry?: "write" | "remove";
  /** the message takes the keyboard's focus, so the way on (Retry) is next */
  focus?: boolean;
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

/**
 * The roles chosen on a table, carried over to the same table read again: kept as they are
 * when the header is the same, else found again by column name, the rest guessed.
 */
function carriedRoles(before: TableGrid, roles: Roles, after: TableGrid): Roles {
  if (before.header.join("\u0000") === after.header.join("\u0000")) return roles;
  const names: Partial<Record<Role, string>> = {};
  for (const [role, column] of Object.entries(roles)) names[role as Role] = before.header[column];
  const kept = rolesByName(after, names);
  const taken = new Set(Object.values(kept));
  const guessed = Object.entries(guessRoles(after)).filter(
    ([role, column]) => kept[role as Role] === undefined && !taken.has(column)
  );
  return { ...Object.fromEntries(guessed), ...kept };
}

/** Whether a table's problem leaves nothing to segment ("oneCustomer" is only a caution). */
function blocks(problem: StringKey | undefined): boolean {
  return problem !== undefined && problem !== "oneCustomer";
}

function sameSource(a: SourceTable, b: SourceTable): boolean {
  return a.sheet === b.sheet && areaAddress(a.area) === areaAddress(b.area);
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
  const [status, setStatus] = useState<Status>({ kind: "waiting" });
  const [message, setMessage] = useState<Message>();
  const [unfinished, setUnfinished] = useState<UnfinishedWrite[]>([]);
  const [damaged, setDamaged] = useState(0);
  const [undoNotice, setUndoNotice] = useState(false);
  const abort = useRef<AbortController>();
  /** the first read has begun: the pane was shown or used */
  const started = useRef(false);
  /** reads, writes and removals under way; events wait for none of them, they are dropped */
  const busy = useRef(0);
  const settling = useRef<ReturnType<typeof setTimeout>>();
  const undoTold = useRef(false);
  // what the last render showed, for reads that must know whether the table is the same
  const latest = useRef({ table, roles });
  latest.current = { table, roles };

  /** A pending re-read on a moved selection gives way to anything the pane starts. */
  const settle = useCallback(() => {
    clearTimeout(settling.current);
    settling.current = undefined;
  }, []);

  const begin = useCallback(
    (next: Status) => {
      settle();
      busy.current++;
      setStatus(next);
    },
    [settle]
  );

  const end = useCallback(() => {
    busy.current--;
    setStatus({ kind: "idle" });
  }, []);

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

  /** A write or removal Excel refused part-way: its reason, what is left, and Retry. */
  const failedPartWay = useCallback(
    (error: WriteFailed, retry: "write" | "remove") => {
      const key =
        retry === "write"
          ? error.leftBehind
            ? "writeLeftBehind"
            : "writeFailed"
          : error.leftBehind
            ? "removeLeftBehind"
            : "removeFailed";
      const reason = error.code ? `${error.code}: ${error.reason}` : error.reason;
      setMessage({ intent: "error", text: t(locale, key, { reason }), retry, focus: true });
    },
    [locale]
  );

  const showStored = useCallback((stored: StoredRecords) => {
    setUnfinished(stored.unfinished);
    setDamaged(stored.damaged.length);
  }, []);

  /**
   * Reads the table at the selection and what the workbook holds of earlier runs. Read again
   * (`again`) and found to be the same table, it keeps the user's method, options and message
   * and only takes the new values; a new table gets its saved settings or a suggestion.
   */
  const load = useCallback(
    async (again = false) => {
      started.current = true;
      begin({ kind: again ? "refreshing" : "reading" });
      try {
        const read = await port.readTable();
        const stored = await port.loadRecords();
        showStored(stored);
        const record = recordFor(stored.records, read);
        const source = withoutOwnColumns(read, record);
        const grid = splitHeader(source.values, source.tableName !== undefined);
        setTable({ source, grid, ...(record ? { record } : {}), problem: tableProblem(grid) });
        const before = latest.current;
        // an unusable table had no choices worth keeping
        const earlier = before.table && !blocks(before.table.problem) ? before.table : undefined;
        if (again && earlier && sameSource(earlier.source, source)) {
          setRoles(carriedRoles(earlier.grid, before.roles, grid));
          return;
        }
        if (again) setMessage(undefined);
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
        end();
      }
    },
    [port, locale, fail, begin, end, showStored]
  );

  /** The first read, once: when the pane is first shown, or first used. */
  const start = useCallback(() => {
    if (started.current) return false;
    void load();
    return true;
  }, [load]);

  /** Read again, unless the pane is busy: what it is doing reads or changes the table itself. */
  const reread = useCallback(() => {
    if (busy.current === 0) void load(true);
  }, [load]);

  const paneEvents: PaneEvents = {
    shown: () => {
      if (!start()) reread();
    },
    // a selection the pane's own work moves (the sample selected, a sheet removed) is not news
    selectionChanged: () => {
      if (!started.current || busy.current > 0) return;
      settle();
      settling.current = setTimeout(() => {
        settling.current = undefined;
        reread();
      }, SELECTION_SETTLES_MS);
    },
  };
  const events = useRef(paneEvents);
  events.current = paneEvents;

  useEffect(() => {
    let listening = true;
    let stop: (() => Promise<void>) | undefined;
    const stopQuietly = (stopping: () => Promise<void>) => void stopping().catch(() => undefined);
    // a host that cannot tell when the pane is shown leaves the first read to the user's first action
    listenTo(port, {
      shown: () => listening && events.current.shown(),
      selectionChanged: () => listening && events.current.selectionChanged(),
    }).then(
      (stopping) => {
        if (listening) stop = stopping;
        else stopQuietly(stopping);
      },
      () => undefined
    );
    return () => {
      listening = false;
      clearTimeout(settling.current);
      if (stop) stopQuietly(stop);
    };
  }, [port]);

  const readTable = useCallback(() => {
    setMessage(undefined);
    return load();
  }, [load]);

  const undoSteps = useCallback(() => {
    if (undoTold.current) return;
    undoTold.current = true;
    setUndoNotice(true);
  }, []);

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
    if (!table || blocks(table.problem)) return undefined;
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
    setUndoNotice(false);
    begin({ kind: "writing", done: 0, total: 1 });
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
        onUndoSteps: undoSteps,
      });
      setTable({ ...table, record: plan.record });
      setUnfinished((entries) => entries.filter((entry) => entry.id !== plan.record.id));
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
      } else if (error instanceof WriteFailed) {
        failedPartWay(error, "write");
      } else {
        fail(error);
      }
    } finally {
      abort.current = undefined;
      end();
    }
  }, [
    table,
    preview,
    port,
    roles,
    method,
    checked,
    locale,
    fail,
    failedPartWay,
    begin,
    end,
    undoSteps,
  ]);

  const remove = useCallback(async () => {
    if (!table?.record) return;
    begin({ kind: "removing" });
    setMessage(undefined);
    setUndoNotice(false);
    try {
      const { id } = table.record;
      await port.remove(table.record);
      setTable({ ...table, record: undefined });
      setUnfinished((entries) => entries.filter((entry) => entry.id !== id));
      setMessage({ intent: "success", text: t(locale, "removed") });
    } catch (error) {
      if (error instanceof WriteFailed) failedPartWay(error, "remove");
      else fail(error);
    } finally {
      end();
    }
  }, [table, port, locale, fail, failedPartWay, begin, end]);

  /** Retry runs again what failed, on the pane's table and choices as they are now. */
  const retry = useCallback(() => {
    if (message?.retry === "write") return write();
    if (message?.retry === "remove") return remove();
    return Promise.resolve();
  }, [message, write, remove]);

  /** What a write Excel never finished left, taken away; then the table read again. */
  const cleanUp = useCallback(
    async (entry: UnfinishedWrite) => {
      begin({ kind: "removing" });
      setMessage(undefined);
      try {
        await port.cleanUp(entry);
      } catch (error) {
        fail(error);
        end();
        return;
      }
      end();
      await load(true);
      setMessage({
        intent: "success",
        text: t(locale, "cleanedUp", { address: qualified(entry.source.sheet, entry.source.area) }),
      });
    },
    [port, locale, fail, begin, end, load]
  );

  /** The first run: the sample customers on a new sheet, selected, then read as any table. */
  const insertSample = useCallback(async () => {
    begin({ kind: "inserting" });
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
      end();
      return;
    }
    end();
    setMessage({ intent: "success", text: t(locale, "sampleInserted", { name: inserted.sheet }) });
    await load();
  }, [port, locale, fail, load, begin, end]);

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
    unfinished,
    damaged,
    undoNotice,
    needed,
    actions: {
      start,
      readTable,
      insertSample,
      write,
      remove,
      retry,
      cleanUp,
      cancel,
      chooseRole,
      setMethod,
      setFromTransactions,
      setInputs,
    },
  };
}

/** `port.listen`, with a host that throws at once treated as one that refuses later. */
function listenTo(port: WorkbookPort, events: PaneEvents): Promise<() => Promise<void>> {
  try {
    return port.listen(events);
  } catch (error) {
    return Promise.reject(error);
  }
}

function errorText(error: Error, locale: Locale): string {
  return error instanceof CvError ? errorMessage(error.code, error.params, locale) : error.message;
}

export type PaneModel = ReturnType<typeof usePane>;
