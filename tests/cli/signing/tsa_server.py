# SPDX-License-Identifier: Apache-2.0
# tsa_server.py DIR - a time-stamping authority for the tests: RFC 3161 over HTTP on the loopback (a free
# port, written to DIR/tsa.port), each request answered by `openssl ts -reply` with DIR/tsa.key (make-pki.sh).
import http.server, subprocess, sys, os, tempfile
d = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get('Content-Length', 0))
        q = self.rfile.read(n)
        with tempfile.TemporaryDirectory() as t:
            open(os.path.join(t, 'q'), 'wb').write(q)
            subprocess.run(['openssl', 'ts', '-reply', '-config', os.path.join(d, 'pki.cnf'), '-queryfile', os.path.join(t, 'q'),
                            '-inkey', os.path.join(d, 'tsa.key'), '-signer', os.path.join(d, 'tsa.pem'), '-out', os.path.join(t, 'r')],
                           cwd=d, check=True, capture_output=True)
            r = open(os.path.join(t, 'r'), 'rb').read()
        self.send_response(200)
        self.send_header('Content-Type', 'application/timestamp-reply')
        self.send_header('Content-Length', str(len(r)))
        self.end_headers()
        self.wfile.write(r)
    def log_message(self, *a): pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
open(os.path.join(d, 'tsa.port'), 'w').write(str(s.server_address[1]))
s.serve_forever()
