import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwiseRegular, DeleteRegular, PeopleTeamRegular } from "@fluentui/react-icons";
import { useEffect, useRef } from "react";
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

/**
 * Segment, remove, progress with cancel, and the outcome, announced to screen readers: an error
 * at once (role alert), with Retry when Excel refused a write part-way, and the keyboard's focus
 * on it; anything else politely.
 */
export function ActionsSection({ model }: { model: PaneModel }) {
  const text = useText();
  const styles = useStyles();
  const { status, preview, table, message, undoNotice } = model;
  const ready = Boolean(preview && "segmentation" in preview) && status.kind === "idle";
  const writing = status.kind === "writing" ? status : undefined;
  const error = message?.intent === "error" ? message : undefined;
  const alert = useRef<HTMLDivElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const retried = useRef(false);
  useEffect(() => {
    if (error?.focus) alert.current?.focus();
  }, [error]);
  useEffect(() => {
    // Retry goes with its message: the keyboard's place is then the outcome of the retry
    if (status.kind !== "idle" || !retried.current) return;
    retried.current = false;
    if (!error?.focus) outcome.current?.focus();
  }, [status, error]);
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
      <div ref={outcome} role="status" aria-live="polite" tabIndex={-1}>
        {writing && <span>{text("writing", { done: writing.done, total: writing.total })}</span>}
        {message && !error && (
          <MessageBar intent={message.intent}>
            <MessageBarBody>{message.text}</MessageBarBody>
          </MessageBar>
        )}
        {undoNotice && (
          <MessageBar intent="info">
            <MessageBarBody>{text("undoSteps")}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {error && (
        <MessageBar
          ref={alert}
          intent="error"
          role="alert"
          tabIndex={-1}
          layout={error.retry ? "multiline" : "auto"}
        >
          <MessageBarBody>{error.text}</MessageBarBody>
          {error.retry && (
            <MessageBarActions>
              <Button
                size="small"
                icon={<ArrowClockwiseRegular />}
                disabled={status.kind !== "idle"}
                onClick={() => {
                  retried.current = true;
                  void model.actions.retry();
                }}
              >
                {text("retry")}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
    </div>
  );
}
