import type {
  InsertedSheet,
  NewSheet,
  SegmentationRecord,
  RunOptions,
  WritePlan,
} from "../workbook/types";
import { type MemoryWorkbook, MemoryWorkbookPort } from "../workbook/memory";

/**
 * The in-memory port, telling the page after every block written, every removal and every
 * sheet inserted so the grid redraws as Excel would. The short pause between blocks lets the
 * browser paint the progress bar and take a cancel, as the Office adapter's syncs do.
 */
export class LivePort extends MemoryWorkbookPort {
  constructor(
    workbook: MemoryWorkbook,
    private readonly changed: () => void
  ) {
    super(workbook, { blockRows: 5_000, pauseMs: 0 });
  }

  override async apply(plan: WritePlan, options: RunOptions = {}): Promise<void> {
    try {
      await super.apply(plan, {
        ...options,
        onProgress: (done, total) => {
          options.onProgress?.(done, total);
          this.changed();
        },
      });
    } finally {
      this.changed();
    }
  }

  override async remove(record: SegmentationRecord): Promise<void> {
    try {
      await super.remove(record);
    } finally {
      this.changed();
    }
  }

  /** The sample sheet the pane inserts: the grid shows it, selected. */
  override async insertSheet(content: NewSheet): Promise<InsertedSheet> {
    try {
      return await super.insertSheet(content);
    } finally {
      this.changed();
    }
  }
}
