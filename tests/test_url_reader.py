"""The URL reader against a real HTTP server on loopback (no other network is touched)."""

from __future__ import annotations

import gzip
import ipaddress
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.errors import InputError
from claimgraph.sources import read_inputs, url

DEMO_PAGE = Path(__file__).resolve().parents[1] / "src/claimgraph/demo/reports/04-harbor-gazette.html"
TEXT_REPORT = b"Port officials said on Monday that the ferry strike had ended.\n"
FETCH_TIMEOUT = 0.6  # the reader's limit in these tests, far below how long the slow routes take
RELEASED = threading.Event()  # set when the tests are done: the slow routes stop waiting


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # the server closes after each response; bodies may omit Content-Length

    def log_message(self, *args) -> None:  # keep pytest output clean
        pass

    def do_GET(self) -> None:
        port = self.server.server_address[1]
        routes = {
            "/article.html": lambda: self.send(200, "text/html; charset=utf-8", DEMO_PAGE.read_bytes()),
            "/report.txt": lambda: self.send(200, "text/plain; charset=utf-8", TEXT_REPORT),
            "/image.png": lambda: self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
            "/hop": lambda: self.redirect("/article.html"),
            "/to-other-loopback": lambda: self.redirect(f"http://127.0.0.2:{port}/article.html"),
            "/to-metadata": lambda: self.redirect("http://169.254.169.254/latest/meta-data/"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/loop": lambda: self.redirect("/loop"),
            "/big-declared": lambda: self.send(200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
            "/big-undeclared": lambda: self.send(200, "text/html", b"<p>" + b"x" * 5000 + b"</p>", length=False),
            "/slow": self.slow,
            "/trickle": self.trickle,
            "/missing": lambda: self.send(404, "text/plain", b"not here"),
            "/gzipped": lambda: self.send(200, "text/html", gzip.compress(DEMO_PAGE.read_bytes()), encoding="gzip"),
            "/gzip-bomb": lambda: self.send(200, "text/html", gzip.compress(b"<p>" + b"a" * 200_000), encoding="gzip"),
        }
        routes.get(self.path, routes["/missing"])()

    def send(self, status: int, content_type: str, body: bytes, length: bool = True, encoding: str = "") -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.end_headers()

    def slow(self) -> None:
        # no answer for as long as the tests run: a reader without a deadline would hang here, one with a
        # deadline that never fires would get the report after 20 s and the test would fail on it
        RELEASED.wait(20)
        try:
            self.send(200, "text/plain", TEXT_REPORT)
        except OSError:
            pass  # the client gave up first, as the test wants

    def trickle(self) -> None:
        # headers at once, then one byte every 0.2 s for 8 s: each read is well within the reader's limit, the
        # whole is not, so only a deadline on the whole fetch (not on each read) stops it
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        for _ in range(40):
            try:
                self.wfile.write(b"a")
                self.wfile.flush()
            except OSError:
                return
            if RELEASED.wait(0.2):
                return


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    RELEASED.set()
    httpd.shutdown()
    httpd.server_close()


def only_test_server(ip) -> bool:
    """The public-address rule, except for the test server's own address."""
    return ip == ipaddress.ip_address("127.0.0.1") or url.is_public(ip)


def fetch(address: str, **kwargs) -> list:
    return list(url.read(address, kwargs.pop("settings", Settings()), **kwargs))


def test_loopback_refused_without_allow_private(server):
    with pytest.raises(InputError, match="refused.*127.0.0.1.*--allow-private"):
        fetch(server + "/article.html")


def test_localhost_name_is_checked_after_resolution(server):
    port = server.rsplit(":", 1)[1]
    with pytest.raises(InputError, match="refused"):
        fetch(f"http://localhost:{port}/article.html")


def test_html_page_fetched_with_allow_private(server):
    [doc] = fetch(server + "/article.html", allow_private=True)
    assert doc.title == "Port Aldren starts high-speed train production"
    assert doc.author == "Lena Kovar" and doc.published == "2025-02-10" and doc.outlet == "Harbor Gazette"
    assert doc.url == server + "/article.html"
    assert doc.meta["canonical_url"] == "https://harborgazette.example/2025/02/10/port-aldren-trains"
    assert "All rights reserved" not in doc.text and "Rusk said that up to 450 Kestrian engineers" in doc.text


def test_redirect_followed_and_final_url_kept(server):
    [doc] = fetch(server + "/hop", allow_private=True)
    assert doc.url == server + "/article.html"


@pytest.mark.parametrize("path", ["/to-other-loopback", "/to-metadata"])
def test_redirect_to_private_address_refused(server, path):
    # the first hop is allowed (the test server), the redirect target is checked again and refused
    with pytest.raises(InputError, match="refused"):
        fetch(server + path, address_allowed=only_test_server)


def test_first_hop_allowed_by_the_same_rule(server):
    [doc] = fetch(server + "/article.html", address_allowed=only_test_server)
    assert doc.outlet == "Harbor Gazette"


def test_redirect_to_other_scheme_refused(server):
    with pytest.raises(InputError, match="only http and https"):
        fetch(server + "/to-file", allow_private=True)


def test_redirect_loop_stops(server):
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch(server + "/loop", allow_private=True)


@pytest.mark.parametrize("path", ["/big-declared", "/big-undeclared"])
def test_oversize_body_refused(server, path):
    with pytest.raises(InputError, match="too large"):
        fetch(server + path, allow_private=True, settings=Settings(max_input_bytes=1000))


def test_gzip_encoded_body_is_unpacked(server):
    [doc] = fetch(server + "/gzipped", allow_private=True)
    assert doc.outlet == "Harbor Gazette"


def test_gzip_body_unpacking_is_bounded(server):
    # 200 kB of text compresses to a few hundred bytes: the size limit applies to the unpacked body too
    with pytest.raises(InputError, match="too large"):
        fetch(server + "/gzip-bomb", allow_private=True, settings=Settings(max_input_bytes=10_000))


@pytest.mark.parametrize("path", ["/slow", "/trickle"])
def test_a_server_too_slow_is_a_timeout_naming_the_url(server, path):
    with pytest.raises(InputError, match="timed out") as error:
        fetch(server + path, allow_private=True, timeout=FETCH_TIMEOUT)
    assert error.value.name == server + path
    assert str(error.value).startswith(server + path + ": ")


def test_plain_text_goes_to_the_text_reader(server):
    [doc] = fetch(server + "/report.txt", allow_private=True)
    assert doc.text == TEXT_REPORT.decode() and doc.kind == "text"
    assert doc.url == server + "/report.txt" and doc.meta["content_type"] == "text/plain"


def test_unsupported_content_type_refused(server):
    with pytest.raises(InputError, match="unsupported content type image/png"):
        fetch(server + "/image.png", allow_private=True)


def test_http_error_named(server):
    with pytest.raises(InputError, match="HTTP 404"):
        fetch(server + "/missing", allow_private=True)


def test_read_inputs_reports_refusal_as_an_error_and_goes_on(server):
    results = list(read_inputs([server + "/article.html", server + "/report.txt"], Settings()))
    assert [type(r).__name__ for r in results] == ["InputError", "InputError"]
    assert all("refused" in r.reason for r in results)
    docs = list(read_inputs([server + "/article.html"], Settings(), allow_private=True))
    assert docs[0].title == "Port Aldren starts high-speed train production"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "100.64.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::",
    ],
)
def test_non_public_addresses(address):
    assert not url.is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses(address):
    assert url.is_public(ipaddress.ip_address(address))


def test_credentials_in_a_url_are_neither_stored_nor_printed(server):
    host = server.removeprefix("http://")
    [doc] = fetch(f"http://reader:hunter2@{host}/report.txt", address_allowed=only_test_server)
    assert doc.url == server + "/report.txt" and "hunter2" not in repr(doc)
    (error,) = read_inputs([f"http://reader:hunter2@{host}/missing"], Settings())
    assert isinstance(error, InputError) and "hunter2" not in str(error) and "reader" not in str(error)
    assert error.name == server + "/missing"
