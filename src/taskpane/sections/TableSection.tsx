import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { TableSearchRegular } from "@fluentui/react-icons";
import { qualified } from "../../workbook/address";
import { useText } from "../locale";
import type { PaneModel } from "../usePane";
import { Section } from "./Section";

/** Which table the pane reads, and why it cannot be segmented when it cannot. */
export function TableSection({ model }: { model: PaneModel }) {
  const text = useText();
  const { table, status } = model;
  return (
    <Section title={text("tableHeading")}>
      {table && (
        <Text>
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
        <MessageBar intent={table.problem === "oneCustomer" ? "warning" : "error"}>
          <MessageBarBody>{text(table.problem)}</MessageBarBody>
        </MessageBar>
      )}
      <div>
        <Button
          icon={<TableSearchRegular />}
          onClick={() => void model.actions.readTable()}
          disabled={status.kind !== "idle"}
        >
          {status.kind === "reading" ? text("reading") : text("useSelection")}
        </Button>
      </div>
    </Section>
  );
}
