import { Field, Radio, RadioGroup, makeStyles, tokens } from "@fluentui/react-components";
import { METHODS, type Method } from "../../engine";
import { methodHint, methodName } from "../../i18n/strings";
import { useLocale, useText } from "../locale";
import { type PaneModel, choicesOpen } from "../usePane";
import { Section } from "./Section";

const useStyles = makeStyles({
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** The segmentation method, and for RFM where its data comes from. */
export function MethodSection({ model }: { model: PaneModel }) {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  const busy = !choicesOpen(model.status);
  return (
    <Section title={text("methodHeading")}>
      <RadioGroup
        value={model.method}
        onChange={(_, data) => model.actions.setMethod(data.value as Method)}
        aria-label={text("methodHeading")}
        disabled={busy}
      >
        {METHODS.map((method) => (
          <Radio
            key={method}
            value={method}
            label={
              <>
                {methodName(locale, method)}
                <br />
                <span className={styles.hint}>{methodHint(locale, method)}</span>
              </>
            }
          />
        ))}
      </RadioGroup>
      {model.method === "rfm" && (
        <Field label={text("rfmSourceLabel")}>
          <RadioGroup
            value={model.fromTransactions ? "transactions" : "columns"}
            onChange={(_, data) => model.actions.setFromTransactions(data.value === "transactions")}
            disabled={busy}
          >
            <Radio value="columns" label={text("rfmFromColumns")} />
            <Radio value="transactions" label={text("rfmFromTransactions")} />
          </RadioGroup>
        </Field>
      )}
    </Section>
  );
}
