// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one. Browsers (and
// the Chromium tests) have the real thing.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.assign(window, { ResizeObserver });
}

// jsdom has no CSS.escape; Fluent's focus management (tabster) uses it for arrow keys.
if (typeof window !== "undefined" && !(window as { CSS?: { escape?: unknown } }).CSS?.escape) {
  const escape = (value: string) => value.replace(/([^\w-])/g, "\\$1");
  Object.assign(window, { CSS: { ...(window as { CSS?: object }).CSS, escape } });
}

// findBy* waits up to 1 s by default; a loaded CI machine can take longer to render.
if (typeof window !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("@testing-library/dom").configure({ asyncUtilTimeout: 10_000 });
}
