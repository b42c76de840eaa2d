import { Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { METHOD_ROLES, PYRAMID_TIERS, btyd, resolvePredictOptions } from "../../engine";
import { roleName, splitName, tierName, timeUnitName } from "../../i18n/strings";
import { useLocale, useText } from "../locale";
import { SPLIT_KINDS, type SplitKind } from "../options";
import { type PaneModel, choicesOpen } from "../usePane";
import { Section } from "./Section";

const useStyles = makeStyles({
  row: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "flex-end",
    flexWrap: "wrap",
  },
  narrow: { width: "6rem" },
});

/**
 * Where high starts on each axis (matrix methods), the pyramid's cut-offs, ABC's shares, and
 * Predict's time unit, periods, discount rate and optional holdout.
 */
export function OptionsSection({ model }: { model: PaneModel }) {
  const text = useText();
  const locale = useLocale();
  const styles = useStyles();
  const { method, inputs, checked } = model;
  const busy = !choicesOpen(model.status);
  const set = model.actions.setInputs;

  if (method === "value" || method === "strategic" || method === "frequency") {
    return (
      <Section title={text("splitHeading")}>
        {([0, 1] as const).map((axis) => {
          const role = roleName(locale, METHOD_ROLES[method][axis], method);
          const choice = inputs.splits[axis];
          const problem = checked.problems[axis === 0 ? "split0" : "split1"];
          const update = (next: Partial<typeof choice>) => {
            const splits = [...inputs.splits] as typeof inputs.splits;
            splits[axis] = { ...choice, ...next };
            set({ ...inputs, splits });
          };
          return (
            <div key={axis} className={styles.row}>
              <Field label={text("splitKind", { role })}>
                <Select
                  value={choice.kind}
                  onChange={(_, data) => update({ kind: data.value as SplitKind })}
                  disabled={busy}
                >
                  {SPLIT_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {splitName(locale, kind)}
                    </option>
                  ))}
                </Select>
              </Field>
              {(choice.kind === "percentile" || choice.kind === "fixed") && (
                <Field
                  label={text(choice.kind === "percentile" ? "percentileValue" : "fixedValue", {
                    role,
                  })}
                  validationMessage={problem}
                >
                  <Input
                    className={styles.narrow}
                    value={choice.value}
                    inputMode="decimal"
                    onChange={(_, data) => update({ value: data.value })}
                    disabled={busy}
                  />
                </Field>
              )}
            </div>
          );
        })}
      </Section>
    );
  }

  if (method === "pyramid") {
    const problem = checked.problems.cutoffs;
    return (
      <Section title={text("cutoffsHeading")}>
        <div className={styles.row}>
          {inputs.cutoffs.map((value, i) => (
            <Field
              key={i}
              label={`${tierName(locale, PYRAMID_TIERS[i])} (%)`}
              validationState={problem ? "error" : "none"}
              validationMessage={i === inputs.cutoffs.length - 1 ? problem : undefined}
            >
              <Input
                className={styles.narrow}
                value={value}
                inputMode="decimal"
                onChange={(_, data) => {
                  const cutoffs = [...inputs.cutoffs] as typeof inputs.cutoffs;
                  cutoffs[i] = data.value;
                  set({ ...inputs, cutoffs });
                }}
                disabled={busy}
              />
            </Field>
          ))}
        </div>
      </Section>
    );
  }

  if (method === "abc") {
    const problem = checked.problems.shares;
    return (
      <Section title={text("shareHeading")}>
        <div className={styles.row}>
          <Field label={`${text("aShare")} (%)`} validationState={problem ? "error" : "none"}>
            <Input
              className={styles.narrow}
              value={inputs.aShare}
              inputMode="decimal"
              onChange={(_, data) => set({ ...inputs, aShare: data.value })}
              disabled={busy}
            />
          </Field>
          <Field label={`${text("bShare")} (%)`} validationMessage={problem}>
            <Input
              className={styles.narrow}
              value={inputs.bShare}
              inputMode="decimal"
              onChange={(_, data) => set({ ...inputs, bShare: data.value })}
              disabled={busy}
            />
          </Field>
        </div>
      </Section>
    );
  }
  if (method === "predict") {
    const unit = timeUnitName(locale, inputs.unit);
    const { problems } = checked;
    const { period, horizon } = resolvePredictOptions({ unit: inputs.unit });
    return (
      <Section title={text("predictHeading")}>
        <div className={styles.row}>
          <Field label={text("timeUnit")}>
            <Select
              value={inputs.unit}
              // "52" weeks is not "52" months: a new unit starts from its own defaults
              onChange={(_, data) =>
                set({ ...inputs, unit: data.value as btyd.TimeUnit, period: "", horizon: "" })
              }
              disabled={busy}
            >
              {btyd.TIME_UNITS.map((u) => (
                <option key={u} value={u}>
                  {timeUnitName(locale, u)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={text("periodLabel", { unit })} validationMessage={problems.period}>
            <Input
              className={styles.narrow}
              value={inputs.period}
              placeholder={String(period)}
              inputMode="decimal"
              onChange={(_, data) => set({ ...inputs, period: data.value })}
              disabled={busy}
            />
          </Field>
          <Field label={text("horizonLabel", { unit })} validationMessage={problems.horizon}>
            <Input
              className={styles.narrow}
              value={inputs.horizon}
              placeholder={String(horizon)}
              inputMode="decimal"
              onChange={(_, data) => set({ ...inputs, horizon: data.value })}
              disabled={busy}
            />
          </Field>
          <Field label={text("discountLabel")} validationMessage={problems.discount}>
            <Input
              className={styles.narrow}
              value={inputs.discount}
              inputMode="decimal"
              onChange={(_, data) => set({ ...inputs, discount: data.value })}
              disabled={busy}
            />
          </Field>
        </div>
        <Field
          label={text("calibrationEndLabel")}
          hint={text("calibrationEndHint")}
          validationMessage={problems.calibrationEnd}
        >
          <Input
            value={inputs.calibrationEnd}
            placeholder="yyyy-mm-dd"
            onChange={(_, data) => set({ ...inputs, calibrationEnd: data.value })}
            disabled={busy}
          />
        </Field>
      </Section>
    );
  }
  return null;
}
