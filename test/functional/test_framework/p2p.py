"""A minimal P2P peer for functional tests, written from the protocol
documentation: message framing (magic, command, length, checksum), the
version handshake, and the few payloads tests send. Used to play well-behaved
and badly behaved peers against utxod over loopback."""
import socket
import struct
import time

from .blocktools import compact_size, hash256, read_compact_size  # noqa: F401 (re-exported)
from .util import TIMEOUT_FACTOR

REGTEST_MAGIC = bytes.fromhex("fabfb5da")
PROTOCOL_VERSION = 70016
NODE_NETWORK = 1
NODE_WITNESS = 8
MSG_BLOCK = 2
MSG_WITNESS_FLAG = 1 << 30


def frame(command, payload, magic=REGTEST_MAGIC):
    return (magic + command.encode().ljust(12, b"\x00") + struct.pack("<I", len(payload)) +
            hash256(payload)[:4] + payload)


def net_addr(port=0):
    """A version message's address: services, IPv4-mapped 127.0.0.1, port (big-endian)."""
    return struct.pack("<Q", 0) + bytes(10) + b"\xff\xff" + bytes([127, 0, 0, 1]) + struct.pack(">H", port)


def version_payload(nonce=12345, start_height=0, user_agent=b"/utxod-test:0.1/", version=PROTOCOL_VERSION,
                    services=NODE_NETWORK | NODE_WITNESS):
    return (struct.pack("<iQq", version, services, int(time.time())) + net_addr() + net_addr() +
            struct.pack("<Q", nonce) + compact_size(len(user_agent)) + user_agent + struct.pack("<i", start_height) +
            b"\x00")


def locator_payload(hashes_hex, stop_hex="00" * 32):
    out = struct.pack("<I", PROTOCOL_VERSION) + compact_size(len(hashes_hex))
    for h in hashes_hex:
        out += bytes.fromhex(h)[::-1]
    return out + bytes.fromhex(stop_hex)[::-1]


def inv_payload(items):
    """items: [(type, hash_hex)]."""
    out = compact_size(len(items))
    for kind, h in items:
        out += struct.pack("<I", kind) + bytes.fromhex(h)[::-1]
    return out


def headers_payload(headers_hex):
    """Raw 80-byte headers (hex), each followed by a zero transaction count."""
    out = compact_size(len(headers_hex))
    for h in headers_hex:
        out += bytes.fromhex(h) + b"\x00"
    return out


class P2PConnection:
    """One TCP connection to utxod speaking the v1 transport (made by us, or
    accepted from the node when `sock` is given)."""

    def __init__(self, port=None, host="127.0.0.1", timeout=30, sock=None):
        self.sock = sock or socket.create_connection((host, port), timeout=timeout * TIMEOUT_FACTOR)
        self.sock.settimeout(timeout * TIMEOUT_FACTOR)
        self.buffer = b""

    def close(self):
        self.sock.close()

    def send_raw(self, data):
        self.sock.sendall(data)

    def send(self, command, payload=b""):
        self.send_raw(frame(command, payload))

    def recv(self):
        """The next (command, payload), or None when the node closed the connection."""
        while True:
            if len(self.buffer) >= 24:
                length = struct.unpack("<I", self.buffer[16:20])[0]
                if len(self.buffer) >= 24 + length:
                    command = self.buffer[4:16].rstrip(b"\x00").decode()
                    payload = self.buffer[24:24 + length]
                    self.buffer = self.buffer[24 + length:]
                    return command, payload
            try:
                chunk = self.sock.recv(1 << 16)
            except (ConnectionResetError, socket.timeout):
                return None
            if not chunk:
                return None
            self.buffer += chunk

    def wait_for(self, command):
        """Reads until `command` arrives (answering pings on the way); its payload, or None if closed."""
        while True:
            message = self.recv()
            if message is None:
                return None
            if message[0] == "ping":
                self.send("pong", message[1])
            if message[0] == command:
                return message[1]

    def handshake(self, **version_args):
        self.send("version", version_payload(**version_args))
        version = self.wait_for("version")
        assert version is not None, "no version from the node"
        self.send("verack")
        assert self.wait_for("verack") is not None, "no verack from the node"
        return version

    def answer_handshake(self, **version_args):
        """The node connected to us: its version first, then ours and the veracks."""
        theirs = self.wait_for("version")
        assert theirs is not None, "no version from the node"
        self.send("version", version_payload(**version_args))
        self.send("verack")
        assert self.wait_for("verack") is not None, "no verack from the node"
        return theirs

    def closed(self, timeout=30):
        """True once the node has closed the connection (reading and dropping what it still sends)."""
        self.sock.settimeout(timeout * TIMEOUT_FACTOR)
        try:
            while True:
                chunk = self.sock.recv(1 << 16)
                if not chunk:
                    return True
        except ConnectionResetError:
            return True
        except socket.timeout:
            return False


def addr_payload(entries):
    """An addr message (v1): entries are (time, "a.b.c.d", port)."""
    out = compact_size(len(entries))
    for when, ip, port in entries:
        out += struct.pack("<IQ", when, NODE_NETWORK | NODE_WITNESS) + bytes(10) + b"\xff\xff"
        out += bytes(int(part) for part in ip.split(".")) + struct.pack(">H", port)
    return out


def parse_addr_payload(payload):
    """(time, "a.b.c.d", port) for each IPv4 entry of an addr message."""
    count, pos = read_compact_size(payload, 0)
    out = []
    for _ in range(count):
        when = struct.unpack("<I", payload[pos:pos + 4])[0]
        ip = payload[pos + 12:pos + 28]
        port = struct.unpack(">H", payload[pos + 28:pos + 30])[0]
        if ip[:12] == bytes(10) + b"\xff\xff":
            out.append((when, ".".join(str(b) for b in ip[12:]), port))
        pos += 30
    return out


class P2PListener:
    """A listening socket on loopback for the node to connect to."""

    def __init__(self, timeout=30):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(4)
        self.server.settimeout(timeout * TIMEOUT_FACTOR)
        self.port = self.server.getsockname()[1]

    def accept(self):
        sock, _ = self.server.accept()
        return P2PConnection(sock=sock)

    def close(self):
        self.server.close()
