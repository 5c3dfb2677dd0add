"""The report and the app in headless Debian Chromium: click-through, search, upload, screenshots, and hostile
report text that must execute nothing and fetch nothing."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimgraph.ingest import ingest
from claimgraph.store import Store
from claimgraph.story import story_from_store
from claimgraph.views.report import write_report
from claimgraph.views.story_view import StoryView
from claimgraph.views.top import Limits
from claimgraph.views.web import create_app, pages
from conftest import skip_unless_required
from views_fixtures import demo_store_copy, hostile_jsonl, served

pytestmark = pytest.mark.browser
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"


class Watch:
    """A loopback server that records every request; the hostile report aims its fetches here."""

    def __init__(self):
        self.hits: list[str] = []
        hits = self.hits

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hits.append(self.path)
                self.send_response(204)
                self.end_headers()

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(scope="module")
def watch():
    w = Watch()
    yield w
    w.close()


@pytest.fixture(scope="module")
def driver():
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        skip_unless_required(
            "browser",
            f"Debian chromium and chromium-driver are needed ({CHROMIUM}, {CHROMEDRIVER}); "
            "install them with: apt-get install -y chromium chromium-driver",
        )
    os.environ["SE_OFFLINE"] = "true"  # selenium must never download a browser or driver
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="claimgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory, watch):
    """The demo story plus one hostile report, both added through the real ingest."""
    folder = tmp_path_factory.mktemp("browser")
    url = demo_store_copy(tmp_path_factory, folder / "demo.db")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(hostile_jsonl(watch.port), encoding="utf-8")
    with Store(url) as store:
        report = ingest(store, [str(hostile)])
    assert report.added and report.analyzed
    return url


def requested_urls(driver) -> list[str]:
    """Every URL the browser asked for since the last call (from Chrome's performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def assert_nothing_ran(driver, watch, allowed_prefix: str) -> None:
    assert not driver.title.startswith("pwned-")  # what every payload would set it to
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert watch.hits == []
    # data: URLs are not network (Chromium's own date-picker icons are such), nor are the browser's own pages
    # (chrome:// and chrome-untrusted://: its new-tab page can still be loading when a test starts)
    strays = [
        u
        for u in requested_urls(driver)
        if not u.startswith((allowed_prefix, "data:", "chrome://", "chrome-untrusted://"))
    ]
    assert strays == [], f"the page fetched {strays}"


def wait(driver):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 30, poll_frequency=0.1)


def on_cluster_cards(story: dict, clusters: int, claims: int) -> set[str]:
    """The claims the first page of cluster cards shows: the largest clusters first, a few claims each."""
    view = StoryView(story)
    return {cid for k in view.clusters_by_size[:clusters] for cid in k["claims"][:claims]}


def source_claim(story: dict, ids: set[str]) -> dict:
    """A claim among ``ids`` that names its source at an offset."""
    return next(c for c in story["claims"] if c["id"] in ids and any(a["source_span"] for a in c["attribution"]))


def test_report_click_through_and_hostile_text(driver, watch, store_url, output_dir):
    from selenium.webdriver.common.by import By

    with Store(store_url) as store:
        story = story_from_store(store)
        path = write_report(store, output_dir / "report.html")
    requested_urls(driver)
    driver.get(path.as_uri())
    title = driver.title
    assert title.startswith("claimgraph story")
    claim = source_claim(story, on_cluster_cards(story, Limits().clusters, Limits().claims_per_cluster))
    text = next(d["text"] for d in story["documents"] if d["id"] == claim["document"])
    link = driver.find_element(By.CSS_SELECTOR, f'.cluster a.claim-link[href="#claim-{claim["id"]}"]')
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    wait(driver).until(lambda d: d.current_url.endswith("#claim-" + claim["id"]))
    card = driver.find_element(By.ID, "claim-" + claim["id"])
    shown = [e.text for e in card.find_elements(By.CSS_SELECTOR, ".in-context .hl-source")]
    expected = [text[slice(*a["source_span"])] for a in claim["attribution"] if a["source_span"]]
    assert shown and all(piece in "".join(expected) for piece in shown)
    driver.save_screenshot(str(output_dir / "report-claim.png"))
    driver.find_element(By.CSS_SELECTOR, "header nav a[href='#conflicts']").click()
    driver.save_screenshot(str(output_dir / "report-top.png"))
    hostile = next(d for d in story["documents"] if "Evil Wire" in (d["outlet"] or ""))
    driver.get(path.as_uri() + "#document-" + hostile["id"])
    driver.save_screenshot(str(output_dir / "report-hostile.png"))
    assert "window.__pwned" in driver.find_element(By.ID, "document-" + hostile["id"]).text  # shown as text
    assert driver.title == title
    assert_nothing_ran(driver, watch, "file://")


def test_app_cluster_to_claim_search_upload_and_hostile_pages(driver, watch, store_url, output_dir, tmp_path):
    from selenium.webdriver.common.by import By

    app = create_app(store_url)
    with served(app) as base:
        requested_urls(driver)
        driver.get(base + "/clusters")
        story = app.state.data.snapshot().story
        claim = source_claim(story, on_cluster_cards(story, pages.CLUSTERS_PAGE, pages.CLAIMS_PER_CARD))
        driver.save_screenshot(str(output_dir / "app-clusters.png"))
        link = driver.find_element(By.CSS_SELECTOR, f'.cluster a.claim-link[href="/claims/{claim["id"]}"]')
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
        link.click()
        wait(driver).until(lambda d: d.current_url == f"{base}/claims/{claim['id']}")
        text = next(d["text"] for d in story["documents"] if d["id"] == claim["document"])
        sources = driver.find_elements(By.CSS_SELECTOR, ".in-context .hl-source")
        expected = "".join(text[slice(*a["source_span"])] for a in claim["attribution"] if a["source_span"])
        assert sources and all(s.text in expected for s in sources)
        driver.save_screenshot(str(output_dir / "app-claim.png"))

        box = driver.find_element(By.ID, "search-box")
        box.send_keys("Kestria")
        driver.find_element(By.ID, "search-button").click()
        wait(driver).until(lambda d: "/search?q=Kestria" in d.current_url and d.find_elements(By.ID, "claim-results"))
        hits = driver.find_elements(By.CSS_SELECTOR, "#claim-results .claim-summary")
        assert hits and all("kestria" in h.text.lower() for h in hits)
        driver.save_screenshot(str(output_dir / "app-search.png"))

        upload = tmp_path / "ferry.md"
        upload.write_text(
            "# Ferry returns to Port Aldren\n\nHarbour officials said the ferry Aldren Star returned "
            "on 4 March 2025 with 120 passengers.\n",
            encoding="utf-8",
        )
        driver.get(base + "/upload")
        driver.find_element(By.ID, "upload-file").send_keys(str(upload))
        driver.find_element(By.NAME, "outlet").send_keys("Harbour Post")
        driver.find_element(By.ID, "upload-button").click()  # the analysis runs before the page answers
        wait(driver).until(lambda d: d.find_elements(By.ID, "upload-result") or d.find_elements(By.ID, "upload-error"))
        assert not driver.find_elements(By.ID, "upload-error"), driver.find_element(By.ID, "upload-error").text
        result = driver.find_element(By.ID, "upload-result")
        assert "Added 1 report" in result.text
        driver.save_screenshot(str(output_dir / "app-upload.png"))
        result.find_element(By.CSS_SELECTOR, "a.added-doc").click()
        wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".doc-text"))
        assert "Aldren Star" in driver.find_element(By.CSS_SELECTOR, ".doc-text").text
        assert "Harbour Post" in driver.page_source

        hostile = next(d for d in app.state.data.snapshot().story["documents"] if "Evil Wire" in (d["outlet"] or ""))
        hostile_claims = [c["id"] for c in story["claims"] if c["document"] == hostile["id"]]
        for path in [
            f"/documents/{hostile['id']}",
            "/documents",
            "/claims",
            "/search?q=script",
            "/",
            "/conflicts",
            "/timeline",
            "/clusters",
            "/sources",
        ] + [f"/claims/{cid}" for cid in hostile_claims[:3]]:
            driver.get(base + path)
            assert driver.title.endswith(" · claimgraph"), path
        driver.get(base + f"/documents/{hostile['id']}")
        driver.save_screenshot(str(output_dir / "app-hostile.png"))
        assert "<script>" in driver.find_element(By.CSS_SELECTOR, ".doc-text").text
        assert_nothing_ran(driver, watch, base + "/")
