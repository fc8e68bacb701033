"""Screenshots of the example site for the README: headless Chromium (Debian's
/usr/bin/chromium through Playwright) on a fresh build of this repository's example site.

    python3 docs/screenshots.py            # writes docs/screenshots/*.png

Not a test: it asserts nothing and takes about ten seconds. The pictures are viewport
shots at a device scale of 1, so each stays well under 300 kB.
"""

from __future__ import annotations

import sys
import tempfile
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.build import BuildOptions, build  # noqa: E402

OUT = REPO / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
DESKTOP = {"width": 1280, "height": 860}
PHONE = {"width": 390, "height": 844}
HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newspaper's story page</title>
<style>
body {{ margin: 0; font: 18px/1.6 Georgia, serif; background: #fff; color: #222; }}
header {{ border-bottom: 1px solid #ddd; padding: 14px 32px; font: 700 22px Georgia, serif; }}
main {{ max-width: 760px; margin: 0 auto; padding: 8px 24px 40px; }}
h1 {{ font-size: 34px; line-height: 1.2; margin: 24px 0 8px; }}
.dek {{ color: #555; margin: 0 0 20px; }}
</style></head>
<body><header>The Daily Example</header>
<main><h1>How Ankara became Damascus's closest partner</h1>
<p class="dek">Our reporters' timeline, embedded from the chronology with its own snippet.</p>
{snippet}
</main></body></html>
"""


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="annals-shots-") as tmp:
        root = Path(tmp)
        server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/site/"
        build(BuildOptions(REPO, output_dir=root / "site", base_url=base))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)

            def shoot(name: str, path: str, viewport: dict, scheme: str = "light",
                      scroll_to: str | None = None) -> None:
                context = browser.new_context(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page = context.new_page()
                page.goto(path if path.startswith("http") else base + path)
                page.wait_for_load_state("networkidle")
                if scroll_to:
                    page.eval_on_selector(scroll_to, "e => { document.documentElement.style.scrollBehavior"
                                                     " = 'auto'; e.scrollIntoView(); window.scrollBy(0, -8); }")
                page.wait_for_timeout(400)
                page.screenshot(path=str(OUT / f"{name}.png"))
                context.close()
                print(f"{name}.png {(OUT / f'{name}.png').stat().st_size // 1024} kB")

            shoot("home", "", DESKTOP)
            shoot("home-dark", "", DESKTOP, "dark", scroll_to="#month-2024-12")
            shoot("actor", "actors/turkiye/", DESKTOP)
            shoot("article", "articles/assad-rule-collapses/", DESKTOP)
            shoot("phone", "", PHONE, scroll_to=".overview")
            shoot("phone-dark", "", PHONE, "dark", scroll_to="#month-2025-07")

            context = browser.new_context(viewport=DESKTOP)
            page = context.new_page()
            page.goto(base)
            snippet = page.input_value("#embed-script")
            context.close()
            (root / "host.html").write_text(HOST_PAGE.format(snippet=snippet), encoding="utf-8")
            shoot("embed", base.replace("site/", "host.html"), DESKTOP)
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
