import Link from "next/link";
import type { ComponentProps } from "react";

/**
 * `next/link` for the console's own pages, without viewport prefetching (issue 19 item 11). Every
 * console page is dynamic and has no `loading.js`, so Next does not prefetch its content anyway
 * (docs: "a dynamic route is skipped unless it has a loading.js boundary"); it still asked the
 * server for each visible link's route tree and segment, two requests a link: 25–39 requests and
 * 230–520 ms of server CPU right after every console page loaded, on a 2-core machine competing
 * with that page's hydration and with the next page (docs/scaling.md "First views"). A click
 * fetches the page as before: the same one round trip as after a skipped prefetch.
 */
export function AppLink(props: ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}

export default AppLink;
