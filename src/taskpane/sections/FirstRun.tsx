import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { TableAddRegular } from "@fluentui/react-icons";
import { useText } from "../locale";
import type { PaneModel } from "../usePane";

const useStyles = makeStyles({
  firstRun: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalS,
  },
});

/**
 * While no customer table is selected: what the pane needs, and sample data to try it on, added
 * as a new sheet. The button stays focusable while it works, so a keyboard user keeps their place.
 */
export function FirstRun({ model }: { model: PaneModel }) {
  const text = useText();
  const styles = useStyles();
  const { status } = model;
  const inserting = status.kind === "inserting";
  return (
    <div className={styles.firstRun}>
      <Text>{text("firstRunText")}</Text>
      <Text size={200}>{text("sampleOffer")}</Text>
      <Button
        appearance="primary"
        icon={<TableAddRegular />}
        disabledFocusable={status.kind !== "idle"}
        onClick={() => void model.actions.insertSample()}
      >
        {inserting ? text("insertingSample") : text("insertSample")}
      </Button>
    </div>
  );
}
