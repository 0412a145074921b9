"""A SOCKS5 proxy (RFC 1928 CONNECT, RFC 1929 username/password) on
loopback for -proxy tests: it records every request (the methods offered,
credentials, address type, host and port), then either relays the connection
to where `route` says or answers with a chosen failure, or with garbage."""
import select
import socket
import struct
import threading

ATYP_IPV4, ATYP_NAME, ATYP_IPV6 = 1, 3, 4


class Socks5Request:
    def __init__(self):
        self.methods = None      # the authentication methods the client offered
        self.username = None
        self.password = None
        self.atyp = None
        self.host = None         # dotted quad, IPv6 text or the name
        self.port = None


class Socks5Proxy:
    def __init__(self, route, reply=0, garbage=None):
        """route(host, port) -> (ip, port) to connect to, or None (answer "host
        unreachable"). reply: the RFC 1928 reply code to give instead of
        connecting (0: connect). garbage: bytes sent instead of the method
        selection."""
        self.route = route
        self.reply = reply
        self.garbage = garbage
        self.requests = []
        self.lock = threading.Lock()
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.running = True
        self.thread = threading.Thread(target=self._accept_loop, daemon=True)
        self.thread.start()

    def close(self):
        self.running = False
        self.server.close()

    def requests_seen(self):
        with self.lock:
            return list(self.requests)

    def _accept_loop(self):
        while self.running:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    @staticmethod
    def _read(sock, n):
        data = b""
        while len(data) < n:
            chunk = sock.recv(n - len(data))
            if not chunk:
                raise ConnectionError("client closed")
            data += chunk
        return data

    def _serve(self, client):
        request = Socks5Request()
        try:
            version, count = self._read(client, 2)
            request.methods = list(self._read(client, count))
            if self.garbage is not None:
                with self.lock:
                    self.requests.append(request)
                client.sendall(self.garbage)
                client.recv(1)  # until the client gives up
                return
            if version != 5:
                return
            if 2 in request.methods:
                client.sendall(b"\x05\x02")
                _, ulen = self._read(client, 2)
                request.username = self._read(client, ulen).decode()
                plen = self._read(client, 1)[0]
                request.password = self._read(client, plen).decode()
                client.sendall(b"\x01\x00")
            else:
                client.sendall(b"\x05\x00")
            _, command, _, request.atyp = self._read(client, 4)
            if request.atyp == ATYP_IPV4:
                request.host = socket.inet_ntop(socket.AF_INET, self._read(client, 4))
            elif request.atyp == ATYP_IPV6:
                request.host = socket.inet_ntop(socket.AF_INET6, self._read(client, 16))
            else:
                request.host = self._read(client, self._read(client, 1)[0]).decode()
            request.port = struct.unpack(">H", self._read(client, 2))[0]
            with self.lock:
                self.requests.append(request)
            destination = self.route(request.host, request.port)
            reply = self.reply or (4 if destination is None else 0)
            if reply:
                client.sendall(bytes([5, reply, 0, 1, 0, 0, 0, 0, 0, 0]))
                return
            upstream = socket.create_connection(destination)
            client.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("127.0.0.1") + struct.pack(">H", self.port))
            self._relay(client, upstream)
        except (ConnectionError, OSError):
            pass
        finally:
            client.close()

    def _relay(self, a, b):
        try:
            while self.running:
                readable, _, _ = select.select([a, b], [], [], 1)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (b if sock is a else a).sendall(data)
        finally:
            b.close()
