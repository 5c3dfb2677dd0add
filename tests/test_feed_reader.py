"""RSS/Atom feed files: one Document per entry, markup removed, unsafe XML refused before parsing."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from claimgraph.config import Settings
from claimgraph.document import Document
from claimgraph.errors import InputError
from claimgraph.sources import read_inputs
from claimgraph.sources.feed import html_to_text

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbor Gazette</title>
  <link>https://harborgazette.example/</link>
  <item>
    <title>Port Aldren starts high-speed train production</title>
    <link>https://harborgazette.example/port-aldren</link>
    <dc:creator>Lena Kovar</dc:creator>
    <pubDate>Mon, 10 Feb 2025 18:30:00 +0000</pubDate>
    <description>short summary</description>
    <content:encoded><![CDATA[<p>Production began at the <b>Port Aldren</b> railway works, the ministry said.</p>
      <script>alert("x")</script><style>p {color: red}</style>
      <p>Up to 450 engineers<br/>work there.</p><iframe src="https://evil.example"></iframe>]]></content:encoded>
  </item>
  <item>
    <title>No body at all</title>
    <link>https://harborgazette.example/empty</link>
  </item>
  <item>
    <title>Trainset delayed</title>
    <link>https://harborgazette.example/delayed</link>
    <pubDate>Tue, 20 May 2025 23:30:00 -0200</pubDate>
    <description>&lt;p&gt;The first trainset will be delivered in September, the minister said.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Coastline Wire</title>
  <id>urn:coastline</id>
  <updated>2025-02-11T08:00:00Z</updated>
  <entry>
    <title type="html">Rusk: &lt;i&gt;450&lt;/i&gt; engineers</title>
    <link href="https://coastlinewire.example/rusk"/>
    <id>urn:coastline:1</id>
    <author><name>Omar Tesk</name></author>
    <published>2025-02-11T08:00:00Z</published>
    <updated>2025-02-12T08:00:00Z</updated>
    <content type="html">&lt;p&gt;Up to 450 Kestrian engineers are working at the plant, Rusk said.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Plain text entry</title>
    <link href="https://coastlinewire.example/plain"/>
    <id>urn:coastline:2</id>
    <updated>2025-02-13T08:00:00Z</updated>
    <summary type="text">Analysts said 3 &lt; 4 and the project could cut imports.</summary>
  </entry>
</feed>
"""

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss version="2.0"><channel><title>&lol4;</title>
<item><title>x</title><description>&lol4;</description></item></channel></rss>
"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title>
<item><title>x</title><description>&secret;</description></item></channel></rss>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def read_all(path: Path) -> list[Document | InputError]:
    return list(read_inputs([str(path)], Settings()))


def test_rss_entries_become_documents(tmp_path):
    items = read_all(write(tmp_path, "gazette.rss", RSS))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(docs) == 2 and len(errors) == 1
    first, second = docs
    assert first.title == "Port Aldren starts high-speed train production"
    assert first.outlet == "Harbor Gazette"
    assert first.author == "Lena Kovar"
    assert first.published == "2025-02-10"
    assert first.url == "https://harborgazette.example/port-aldren"
    assert first.kind == "feed"
    # content:encoded wins over the summary; markup, script, style and embeds are gone
    assert (
        first.text
        == "Production began at the Port Aldren railway works, the ministry said.\n\nUp to 450 engineers\nwork there."
    )
    # published is the UTC date: 23:30 at UTC-2 is the next day
    assert second.published == "2025-05-21"
    assert second.text == "The first trainset will be delivered in September, the minister said."
    # the bad entry is named and skipped; the rest are read
    assert "entry 2" in errors[0].name and "empty" in errors[0].name and "no content" in errors[0].reason


def test_atom_entries_and_plain_text_content(tmp_path):
    docs = read_all(write(tmp_path, "wire.atom", ATOM))
    assert all(isinstance(d, Document) for d in docs) and len(docs) == 2
    rusk, plain = docs
    assert rusk.title == "Rusk: 450 engineers"
    assert (rusk.author, rusk.outlet, rusk.published) == ("Omar Tesk", "Coastline Wire", "2025-02-11")
    assert rusk.meta["guid"] == "urn:coastline:1"
    assert rusk.text == "Up to 450 Kestrian engineers are working at the plant, Rusk said."
    assert plain.text == "Analysts said 3 < 4 and the project could cut imports."  # text/plain kept as text
    assert plain.published == "2025-02-13"  # no published date: the updated one


def test_each_entry_has_its_own_stable_hash(tmp_path):
    first = read_all(write(tmp_path, "a.xml", ATOM))
    again = read_all(write(tmp_path, "b.xml", ATOM))
    assert len({d.sha256 for d in first}) == 2
    assert [d.sha256 for d in first] == [d.sha256 for d in again]


def test_gzipped_feed(tmp_path):
    docs = read_all(write(tmp_path, "wire.atom.gz", gzip.compress(ATOM.encode())))
    assert len(docs) == 2 and all(isinstance(d, Document) for d in docs)


@pytest.mark.parametrize(
    "content, reason",
    [
        (BILLION_LAUGHS, "unsafe XML refused"),
        (XXE, "unsafe XML refused"),
        (RSS[: len(RSS) // 2], "not well-formed XML"),
        ("<html><body><p>Not a feed.</p></body></html>", "not an RSS or Atom feed"),
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', "no entries"),
        ("", "empty"),
    ],
)
def test_bad_feeds_get_one_clear_error(tmp_path, content, reason):
    path = write(tmp_path, "bad.xml", content)
    (item,) = read_all(path)
    assert isinstance(item, InputError)
    assert item.name == str(path) and reason in item.reason


def test_html_to_text_drops_markup_and_script():
    text = html_to_text(
        '<div>One <a href="#">two</a><script>bad()</script><!-- c --></div><ul><li>three</li><li>four</li></ul>'
    )
    assert text == "One two\n\nthree\n\nfour"
    assert html_to_text("") == ""


def test_an_external_dtd_is_read_past_and_never_fetched(tmp_path):
    """A DOCTYPE naming an external DTD is allowed (many feeds carry one); nothing it names is fetched."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            asked.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'<!ENTITY leak "fetched">')

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        dtd = f"http://127.0.0.1:{httpd.server_address[1]}/rss.dtd"
        feed = RSS.replace('<rss version="2.0"', f'<!DOCTYPE rss SYSTEM "{dtd}">\n<rss version="2.0"', 1)
        items = read_all(write(tmp_path, "dtd.xml", feed))
    finally:
        httpd.shutdown()
        httpd.server_close()
    assert asked == []
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "Document"]
    assert "fetched" not in items[0].text
