import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular, PeopleTeamRegular } from "@fluentui/react-icons";
import { useText } from "../locale";
import type { PaneModel } from "../usePane";

const useStyles = makeStyles({
  actions: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBlock: tokens.spacingVerticalM,
  },
  buttons: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  progress: { flexGrow: 1 },
});

/** Segment, remove, progress with cancel, and the outcome, announced to screen readers. */
export function ActionsSection({ model }: { model: PaneModel }) {
  const text = useText();
  const styles = useStyles();
  const { status, preview, table, message } = model;
  const ready = Boolean(preview && "segmentation" in preview) && status.kind === "idle";
  const writing = status.kind === "writing" ? status : undefined;
  return (
    <div className={styles.actions}>
      <div className={styles.buttons}>
        <Button
          appearance="primary"
          icon={<PeopleTeamRegular />}
          disabled={!ready}
          onClick={() => void model.actions.write()}
        >
          {text("segment")}
        </Button>
        {table?.record && (
          <Button
            icon={<DeleteRegular />}
            disabled={status.kind !== "idle"}
            onClick={() => void model.actions.remove()}
          >
            {text("remove")}
          </Button>
        )}
      </div>
      {(writing || status.kind === "removing") && (
        <div className={styles.buttons}>
          <ProgressBar
            className={styles.progress}
            aria-label={
              writing
                ? text("writing", { done: writing.done, total: writing.total })
                : text("working")
            }
            value={writing && writing.total > 0 ? writing.done / writing.total : undefined}
          />
          {writing && (
            <Button size="small" onClick={model.actions.cancel}>
              {text("cancel")}
            </Button>
          )}
        </div>
      )}
      <div role="status" aria-live="polite">
        {writing && <span>{text("writing", { done: writing.done, total: writing.total })}</span>}
        {message && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
