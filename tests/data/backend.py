#!/usr/bin/env python3
"""backend.py NAME ADDR PORT CERT KEY: a tiny HTTPS backend for the routing test.

CERT "-" makes it plain HTTP (the 80 -> 8080 bridge of the web services).

Answers every request with 200 and "backend=NAME host=HOST path=PATH", so the
test can see which backend a proxy chose and which Host header reached it.
It stops by itself after 120 seconds.
"""
import http.server
import ssl
import sys
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = ("backend=%s host=%s path=%s\n" % (sys.argv[1], self.headers.get("Host", ""), self.path)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer((sys.argv[2], int(sys.argv[3])), Handler)
if sys.argv[4] != "-":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(sys.argv[4], sys.argv[5])
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
threading.Timer(120, server.shutdown).start()
server.serve_forever()
