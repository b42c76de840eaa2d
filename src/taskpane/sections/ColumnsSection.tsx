import { Field, Select } from "@fluentui/react-components";
import { roleName } from "../../i18n/strings";
import { useLocale, useText } from "../locale";
import { type PaneModel, choicesOpen } from "../usePane";
import { Section } from "./Section";

/** One picker per column the method reads, proposed from the headers; every one can be changed. */
export function ColumnsSection({ model }: { model: PaneModel }) {
  const text = useText();
  const locale = useLocale();
  const { table, roles, needed, preview, method } = model;
  if (!table) return null;
  const missing = preview && "missing" in preview ? preview.missing : [];
  return (
    <Section title={text("columnsHeading")}>
      {needed.map((role) => {
        const name = roleName(locale, role, method);
        return (
          <Field
            key={role}
            label={name}
            validationMessage={
              missing.includes(role) ? text("chooseColumn", { role: name }) : undefined
            }
          >
            <Select
              value={roles[role] === undefined ? "" : String(roles[role])}
              onChange={(_, data) =>
                model.actions.chooseRole(role, data.value === "" ? undefined : Number(data.value))
              }
              disabled={!choicesOpen(model.status)}
            >
              <option value="">{text("noColumn")}</option>
              {table.grid.header.map((header, column) => (
                <option key={column} value={String(column)}>
                  {header}
                </option>
              ))}
            </Select>
          </Field>
        );
      })}
    </Section>
  );
}
