"""A static file server for the benchmark that behaves like a common static host.

- HTTP/1.1 with keep-alive; ``Cache-Control: max-age=600`` and an ``ETag``
  (a ``304`` for ``If-None-Match``), as GitHub Pages sends them;
- gzip for text, JavaScript, JSON and WebAssembly when the browser asks for
  it (zip and wheel files are already compressed and go as they are);
- every response is logged (path, status, bytes on the wire), so the
  benchmark can count what a page, its worker and any service worker fetched.

Routes map URL prefixes to folders: the built site at ``/`` and the bench's
own pages at ``/_bench/`` (never copied into ``site/``).
"""

from __future__ import annotations

import email.utils
import gzip
import http.server
import mimetypes
import os
import pathlib
import threading
import time
import urllib.parse

__all__ = ["BenchServer"]

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".woff2": "font/woff2",
}
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm", "image/svg+xml",
                "application/xml", "application/manifest+json")


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, *args) -> None:  # the log is kept as data, not printed
        pass

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def _resolve(self, url_path: str) -> pathlib.Path | None:
        for prefix, folder in self.server.routes:
            if url_path.startswith(prefix):
                rel = urllib.parse.unquote(url_path[len(prefix):])
                target = (folder / rel).resolve()
                if folder.resolve() not in (target, *target.parents):
                    return None
                return target
        return None

    def _send(self, status: int, headers: dict, body: bytes, send_body: bool) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        sent = len(body) if send_body else 0
        if send_body and body:
            self.wfile.write(body)
        head = sum(len(k) + len(str(v)) + 4 for k, v in headers.items()) + 17
        self.server.record(self.path, status, head + sent, self.headers.get("Cache-Control", ""))

    def _serve(self, body: bool) -> None:
        url_path = urllib.parse.urlsplit(self.path).path
        target = self._resolve(url_path)
        if target is not None and target.is_dir():
            if not url_path.endswith("/"):
                self._send(301, {"Location": url_path + "/", "Content-Length": "0"}, b"", body)
                return
            target = target / "index.html"
        if target is None or not target.is_file():
            message = b"404 tidak ada"
            self._send(404, {"Content-Type": "text/plain", "Content-Length": str(len(message))}, message, body)
            return
        stat = target.stat()
        etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
        ctype = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        headers = {
            "Content-Type": ctype,
            "Cache-Control": "max-age=600",
            "ETag": etag,
            "Last-Modified": email.utils.formatdate(stat.st_mtime, usegmt=True),
            "Vary": "Accept-Encoding",
        }
        if self.headers.get("If-None-Match") == etag:
            headers["Content-Length"] = "0"
            self._send(304, headers, b"", body)
            return
        data = self.server.content(target, stat.st_mtime_ns)
        if self.server.gzip and ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = self.server.gzipped(target, stat.st_mtime_ns, data)
            headers["Content-Encoding"] = "gzip"
        headers["Content-Length"] = str(len(data))
        self._send(200, headers, data, body)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    routes: list[tuple[str, pathlib.Path]]
    gzip: bool

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lock = threading.Lock()
        # (monotonic time, path, status, bytes sent, the request's Cache-Control)
        self.log: list[tuple[float, str, int, int, str]] = []
        self._files: dict = {}
        self._gz: dict = {}

    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection mid-response (a page left, a context
        # closed) is normal here, not worth a traceback in the figures.
        pass

    def record(self, path: str, status: int, size: int, cache_control: str) -> None:
        with self.lock:
            self.log.append((time.monotonic(), path, status, size, cache_control))

    def content(self, target: pathlib.Path, mtime: int) -> bytes:
        key = (target, mtime)
        if key not in self._files:
            self._files[key] = target.read_bytes()
        return self._files[key]

    def gzipped(self, target: pathlib.Path, mtime: int, data: bytes) -> bytes:
        key = (target, mtime)
        with self.lock:
            if key not in self._gz:
                self._gz[key] = gzip.compress(data, compresslevel=6, mtime=0)
            return self._gz[key]


class BenchServer:
    """``with BenchServer({"/": site, "/_bench/": bare}) as server: server.url``."""

    def __init__(self, routes: dict[str, os.PathLike], *, use_gzip: bool = True) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        # Longest prefix first, so /_bench/ wins over /.
        self._server.routes = sorted(((p, pathlib.Path(d)) for p, d in routes.items()), key=lambda r: -len(r[0]))
        self._server.gzip = use_gzip
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> BenchServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def mark(self) -> int:
        """A position in the log; :meth:`since` returns what came after it."""
        with self._server.lock:
            return len(self._server.log)

    def since(self, mark: int) -> list[tuple[float, str, int, int, str]]:
        with self._server.lock:
            return list(self._server.log[mark:])
