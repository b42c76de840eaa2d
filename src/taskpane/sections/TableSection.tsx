import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { TableSearchRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
import { qualified } from "../../workbook/address";
import { useText } from "../locale";
import type { PaneModel } from "../usePane";
import { FirstRun } from "./FirstRun";
import { Section } from "./Section";

/** An empty selection is where everyone starts, not a mistake; one customer is a caution. */
const INTENTS: Partial<Record<string, "info" | "warning">> = {
  emptyTable: "info",
  oneCustomer: "warning",
};

/**
 * Which table the pane reads, and why it cannot be segmented when it cannot; without a usable
 * table, what the pane needs and the sample data to try it on.
 */
export function TableSection({ model }: { model: PaneModel }) {
  const text = useText();
  const { table, status } = model;
  const firstRun = Boolean(table?.problem && table.problem !== "oneCustomer");
  const summary = useRef<HTMLSpanElement>(null);
  const wasFirstRun = useRef(firstRun);
  useEffect(() => {
    // the sample's button goes once its table is read: the keyboard's place moves to the table
    if (wasFirstRun.current && !firstRun && document.activeElement === document.body)
      summary.current?.focus();
    wasFirstRun.current = firstRun;
  }, [firstRun]);
  return (
    <Section title={text("tableHeading")}>
      {status.kind === "waiting" && <Text>{text("waiting")}</Text>}
      {table && (
        <Text ref={summary} tabIndex={-1}>
          {text("tableSummary", {
            address: qualified(table.source.sheet, table.source.area),
            rows: table.grid.rows.length,
            columns: table.grid.header.length,
          })}
          {table.source.tableName
            ? ` · ${text("excelTable", { name: table.source.tableName })}`
            : ""}
        </Text>
      )}
      {table && !table.grid.hasHeader && table.problem === undefined && (
        <Text size={200}>{text("noHeader")}</Text>
      )}
      {table?.problem && (
        <MessageBar intent={INTENTS[table.problem] ?? "error"}>
          <MessageBarBody>{text(table.problem)}</MessageBarBody>
        </MessageBar>
      )}
      {firstRun && <FirstRun model={model} />}
      <div>
        <Button
          icon={<TableSearchRegular />}
          onClick={() => void model.actions.readTable()}
          disabled={status.kind !== "idle" && status.kind !== "waiting"}
        >
          {status.kind === "reading" ? text("reading") : text("useSelection")}
        </Button>
      </div>
    </Section>
  );
}
