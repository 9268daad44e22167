"""A tiny HTTP endpoint for acknowledging an alarm from a phone.

`GET /ack/<alarm>/<activation>/<token>` shows a confirmation page (so a mail client's
link preview acknowledges nothing); `POST` to the same path acknowledges (ntfy's action
button posts directly). The token is the dispatcher's HMAC for that alarm activation.
"""

from __future__ import annotations

import html
import logging
import threading
import urllib.parse
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

log = logging.getLogger(__name__)

Ack = Callable[[str, str], bool]  # (alarm id, who) -> acknowledged?
Check = Callable[[str, str, str], bool]  # (alarm id, activation, token) -> valid?


class AckServer:
    def __init__(self, host: str, port: int, check: Check, ack: Ack) -> None:
        self._check, self._ack = check, ack
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer._handle(self, post=False)

            def do_POST(self) -> None:
                outer._handle(self, post=True)

            def log_message(self, fmt: str, *args: object) -> None:
                log.debug("ack server: " + fmt, *args)

        self._httpd = ThreadingHTTPServer((host, port), Handler)
        self.port = self._httpd.server_address[1]
        self._thread: threading.Thread | None = None

    def start(self) -> AckServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        name="lineside-ack", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(2)

    def _handle(self, req: BaseHTTPRequestHandler, *, post: bool) -> None:
        url = urllib.parse.urlsplit(req.path)
        parts = [urllib.parse.unquote(p) for p in url.path.split("/") if p]
        if len(parts) != 4 or parts[0] != "ack":
            return _reply(req, 404, "Not found")
        _, alarm, activation, token = parts
        who = urllib.parse.parse_qs(url.query).get("by", ["phone"])[0][:80]
        if not self._check(alarm, activation, token):
            return _reply(req, 403, "This acknowledgement link is not valid.")
        if not post:
            page = (f"<form method='post'><p>Acknowledge alarm <b>{html.escape(alarm)}</b>?"
                    f"</p><button style='font-size:2em'>Acknowledge</button></form>")
            return _reply(req, 200, page, html_page=True)
        done = self._ack(alarm, who)
        _reply(req, 200, "Acknowledged." if done else "Already acknowledged or cleared.")


def _reply(req: BaseHTTPRequestHandler, code: int, text: str, *,
           html_page: bool = False) -> None:
    body = text.encode("utf-8")
    req.send_response(code)
    req.send_header("Content-Type", "text/html; charset=utf-8" if html_page
                    else "text/plain; charset=utf-8")
    req.send_header("Content-Length", str(len(body)))
    req.end_headers()
    req.wfile.write(body)
