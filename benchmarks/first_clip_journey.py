"""Steps and wall time from sign-up to a playing first clip, as a newcomer does it in Chromium.

Run (both versions side by side, desktop 1366x900 and phone 390x844):
    git worktree add --detach /tmp/costar-before <commit before>
    .venv/bin/python -m benchmarks.first_clip_journey --before /tmp/costar-before

Each version of the app is started from its own folder with a fresh data folder. The person
signs up, registers a double (reference video, consent, webcam live check through Chromium's
fake camera), then makes a clip of a one-role preset and waits until it plays. "before" is the
route the old page offered (Studio tab, pick a preset, Star in this; on a phone the My doubles
tab sat behind the unlabelled overflow menu); "after" follows "Make your first clip".
A step is one click, tap, typed field or file chosen. Seconds include the machine's analysis
and rendering, which dominate; the CPU is shared, so compare versions within one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.app_server import free_port, wait_until_up
from tests.browser.conftest import CHROMIUM, CHROMIUM_FLAGS
from tests.browser.test_register_in_browser import live_check
from tests.double_media import person_video, write_fake_webcam
from tests.e2e.client_steps import PASSWORD

SCREENS = {
    "desktop": {"viewport": {"width": 1366, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}
TIMEOUT_MS = 420_000


def start_app(folder: Path, data: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "COSTAR_DATA_DIR": str(data), "COSTAR_PORT": str(port),
           "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}  # fmt: skip
    log = data / "app.log"
    data.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        process = subprocess.Popen([sys.executable, "app.py"], cwd=folder, env=env,
                                   stdout=out, stderr=out)  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    wait_until_up(url, process, log, timeout=180)
    return process, url


def open_tab(page, name: str, steps: list[str]) -> None:
    tab = page.get_by_role("tab", name=name)
    if not tab.is_visible():  # the old page hid it behind "More tabs" on a phone
        page.get_by_role("button", name="More tabs").click()
        steps.append("open More tabs")
        page.locator(".overflow-dropdown").get_by_role("button", name=name).click()
    else:
        tab.click()
    steps.append(f"{name} tab")


def journey(playwright, url: str, version: str, screen: str, folder: Path) -> tuple[int, float]:
    video, audio = write_fake_webcam(folder, "000000")
    browser = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True,
        args=[*CHROMIUM_FLAGS, "--use-fake-ui-for-media-stream",
              "--use-fake-device-for-media-stream", f"--use-file-for-fake-video-capture={video}",
              f"--use-file-for-fake-audio-capture={audio}",
              "--autoplay-policy=no-user-gesture-required"],
    )  # fmt: skip
    page = browser.new_context(**SCREENS[screen], permissions=["camera", "microphone"]).new_page()
    page.set_default_timeout(60_000)
    steps: list[str] = []
    page.goto(url)
    page.get_by_text("Browsing as a guest").wait_for()
    started = time.monotonic()
    for field, value in (("username", f"{version}_{screen}"), ("password", PASSWORD),
                         ("password-repeat", PASSWORD)):  # fmt: skip
        page.locator(f"#sign-up-{field}").get_by_role("textbox").fill(value)
        steps.append(f"type {field}")
    page.get_by_role("button", name="Create account").click()
    steps.append("Create account")
    page.get_by_text("Signed in as").wait_for()
    open_tab(page, "My doubles", steps)
    reference = person_video(folder / "reference.mp4", text="Hello, I am Eileen.")
    page.locator("#reference-video input[type=file]").set_input_files(str(reference))
    page.locator("#reference-video video").wait_for()
    page.locator("#analyze").click()
    steps += ["choose reference video", "Check my reference"]
    page.locator("#quality-report").get_by_text("One clear face").wait_for(timeout=TIMEOUT_MS)
    page.locator("#new-handle").get_by_role("textbox").fill(f"{version}{screen}")
    steps.append("type handle")
    for checkbox in ("#consent-age", "#consent-ownership", "#consent-statement-agree"):
        page.locator(checkbox).get_by_role("checkbox").check()
        steps.append("tick " + checkbox)
    shots = folder / "shots"
    shots.mkdir(exist_ok=True)
    for _attempt in range(3):
        steps += ["Get my code", "open webcam", "start recording", "stop recording",
                  "Create my double"]  # fmt: skip
        if live_check(page, folder, lambda p, n: p.screenshot(path=str(shots / f"{n}.png"))):
            break
    else:
        raise RuntimeError("the live check failed three times")
    if version == "after":
        page.locator("#first-clip").click()
        steps.append("Make your first clip")
    else:
        page.locator("#doubles-gallery").get_by_text(f"@{version}{screen}").wait_for()
        open_tab(page, "Studio", steps)
        page.locator("#template-gallery .thumbnail-item").nth(4).click()  # Stage debut, 1 role
        steps.append("choose a one-role preset")
    page.locator("#role-0 input").wait_for()
    page.wait_for_function("() => (document.querySelector('#role-0 input')?.value || '')"
                           ".includes('(yours)')")  # fmt: skip
    page.locator("#star-in").click()
    steps.append("Star in this")
    page.locator("#clip-info").get_by_text("Identity check").wait_for(timeout=TIMEOUT_MS)
    video_element = page.locator("#clip-video video")
    video_element.evaluate("el => el.play()")
    page.wait_for_function("el => el.currentTime > 0.5", arg=video_element.element_handle())
    seconds = time.monotonic() - started
    page.screenshot(path=str(shots / f"{version}-{screen}-playing.png"))
    browser.close()
    return len(steps), seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="checkout of the old version")
    parser.add_argument("--after", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--only", choices=["before", "after"], help="run one version")
    parser.add_argument("--screens", nargs="+", choices=list(SCREENS), default=list(SCREENS))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="first-clip-"))
    results = []
    with sync_playwright() as playwright:
        for version, folder in (("before", args.before), ("after", args.after)):
            if args.only and version != args.only:
                continue
            process, url = start_app(folder, work / f"data-{version}")
            try:
                for screen in args.screens:
                    place = work / f"{version}-{screen}"
                    place.mkdir()
                    steps, seconds = journey(playwright, url, version, screen, place)
                    results.append((version, screen, steps, seconds))
                    print(f"{version:6} {screen:7} {steps:3d} steps {seconds:7.1f} s", flush=True)
            finally:
                process.terminate()
                process.wait(timeout=30)
    print(f"screenshots and logs: {work}")


if __name__ == "__main__":
    main()
