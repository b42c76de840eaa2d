/**
 * The two things the adapter takes from the Office host, injectable so that tests can hand in
 * a fake workbook. Referenced lazily: outside Excel the globals do not exist.
 */
export type ExcelRun = <T>(
  options: Excel.RunOptions | undefined,
  batch: (context: Excel.RequestContext) => Promise<T>
) => Promise<T>;

/** `Office.context.requirements.isSetSupported`, with the version always as a string ("1.20" is not 1.2). */
export type RequirementCheck = (name: string, version: string) => boolean;

export const officeRun: ExcelRun = (options, batch) =>
  options ? Excel.run(options, batch) : Excel.run(batch);

export const officeRequirements: RequirementCheck = (name, version) =>
  Office.context.requirements.isSetSupported(name, version);

/** The part of `Office.addin` (SharedRuntime 1.1) the pane listens to. */
export interface AddinHost {
  onVisibilityModeChanged(
    handler: (message: { visibilityMode: string }) => void
  ): Promise<() => Promise<void>>;
}

/** Office.addin where the host has the shared runtime's visibility event, else undefined. */
export const officeAddin = (): AddinHost | undefined =>
  typeof Office !== "undefined" && officeRequirements("SharedRuntime", "1.1")
    ? Office.addin
    : undefined;
