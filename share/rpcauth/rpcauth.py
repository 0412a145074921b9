#!/usr/bin/env python3
"""Make an -rpcauth credential for utxod.conf (Bitcoin Core's rpcauth format).

The line stores only a salted hash of the password, "USER:SALT$HASH" with
SALT 16 random bytes in hex and HASH = hex HMAC-SHA256(key=SALT as ASCII,
message=PASSWORD), so the config file never holds the password itself.
Python 3 standard library only; the functions can be imported by tests.
"""
import argparse
import base64
import getpass
import hashlib
import hmac
import json
import secrets
import sys


def generate_salt(size: int = 16) -> str:
    """Hex text of `size` random bytes."""
    return secrets.token_hex(size)


def generate_password() -> str:
    """32 random bytes, URL-safe base64 (44 characters)."""
    return base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii")


def password_to_hmac(salt: str, password: str) -> str:
    """What utxod compares: hex HMAC-SHA256 keyed with the salt text."""
    return hmac.new(salt.encode("utf-8"), password.encode("utf-8"), hashlib.sha256).hexdigest()


def rpcauth_value(username: str, salt: str, password: str) -> str:
    """The value of one rpcauth= line."""
    return f"{username}:{salt}${password_to_hmac(salt, password)}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Create login credentials for a JSON-RPC user")
    parser.add_argument("username", help="the username for authentication")
    parser.add_argument("password", nargs="?",
                        help='leave empty to generate a random password or specify "-" to prompt for password')
    parser.add_argument("-j", "--json", action="store_true", help="output data in json format")
    args = parser.parse_args(argv)

    # utxod splits the line at ':' and '$'; a ':' in the name would make the
    # line invalid and stop the node at startup.
    if ":" in args.username or "\n" in args.username:
        parser.error("the username may not contain ':' or a line break")
    if args.password is None:
        password = generate_password()
    elif args.password == "-":
        password = getpass.getpass()
    else:
        password = args.password

    rpcauth = rpcauth_value(args.username, generate_salt(), password)
    if args.json:
        print(json.dumps({"username": args.username, "password": password, "rpcauth": rpcauth}))
    else:
        print("String to be appended to utxod.conf:")
        print(f"rpcauth={rpcauth}")
        print("Your password:")
        print(password)
    return 0


if __name__ == "__main__":
    sys.exit(main())
