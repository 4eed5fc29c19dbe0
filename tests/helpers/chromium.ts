// One Chromium configuration for every browser test, the screenshots and the bench: Debian's Chromium, the flags
// this sandbox needs (no downloads, no background networking) and the features turned off below.
import { chromium, type LaunchOptions } from "playwright";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Headless Chromium 156 builds the address bar's WebUI popup in a renderer of its own for every new page: about
 *  640 ms of CPU in the first 700 ms of each page load here (seen in a Chrome trace), on a 2-core machine. A reader's
 *  browser does not do that per page, so these features are off wherever Chromium runs for the project. */
export const OFF_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxFullPopup", "WebUIOmniboxAimPopup"];

let options: Promise<LaunchOptions> | undefined;

/**
 * Launch options for `chromium.launch` (and vitest's playwright provider). Chromium honours only the last
 * --disable-features switch and Playwright passes its own list, so OFF_FEATURES are merged into Playwright's list:
 * a probe launch (once per process) reads the list it would pass.
 */
export function chromiumLaunchOptions(): Promise<LaunchOptions> {
  return (options ??= (async () => {
    const probe = await chromium.launchServer({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const theirs = probe.process().spawnargs.find((a) => a.startsWith("--disable-features="));
    await probe.close();
    const merged = [...new Set([...(theirs?.slice("--disable-features=".length).split(",") ?? []), ...OFF_FEATURES])].filter(Boolean);
    return {
      executablePath: chromiumPath,
      args: [...chromiumArgs, `--disable-features=${merged.join(",")}`],
      ignoreDefaultArgs: theirs ? [theirs] : [],
      headless: true,
    };
  })());
}

/** Chromium launched with the project's one configuration. */
export async function launchChromium() {
  return chromium.launch(await chromiumLaunchOptions());
}
