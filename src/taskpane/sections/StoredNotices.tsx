import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { methodName } from "../../i18n/strings";
import { qualified } from "../../workbook/address";
import type { UnfinishedWrite } from "../../workbook/types";
import { useLocale, useText } from "../locale";
import type { PaneModel } from "../usePane";

const useStyles = makeStyles({
  notices: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalM,
  },
});

/**
 * What the workbook holds that needs the user: writes Excel never finished, each with the way to
 * take away what it wrote, and records that could not be read. The region stays in the page, so
 * what appears in it is announced.
 */
export function StoredNotices({ model }: { model: PaneModel }) {
  const text = useText();
  const styles = useStyles();
  const { unfinished, damaged } = model;
  const any = unfinished.length > 0 || damaged > 0;
  return (
    <div className={any ? styles.notices : undefined} role="status">
      {unfinished.map((entry) => (
        <UnfinishedNotice key={entry.id} entry={entry} model={model} />
      ))}
      {damaged > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {damaged === 1 ? text("damagedRecord") : text("damagedRecords", { count: damaged })}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

function UnfinishedNotice({ entry, model }: { entry: UnfinishedWrite; model: PaneModel }) {
  const text = useText();
  const locale = useLocale();
  const body = useId();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody id={body}>
        {text("unfinishedWrite", {
          address: qualified(entry.source.sheet, entry.source.area),
          method: methodName(locale, entry.method),
          date: entry.date.slice(0, 10),
        })}
      </MessageBarBody>
      <MessageBarActions>
        {/* several notices have the same button: each is described by its own notice */}
        <Button
          size="small"
          aria-describedby={body}
          disabledFocusable={model.status.kind !== "idle"}
          onClick={() => void model.actions.cleanUp(entry)}
        >
          {text("cleanUpUnfinished")}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
