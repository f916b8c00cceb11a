"""A throw-away PostgreSQL server for the tests (import the fixtures into a test module).

``postgres_server`` (session scope) runs initdb into a temporary folder and starts the server
with pg_ctl on a free loopback port, its unix socket in that folder; it stops the server and
removes the folder at the end.  ``pg_url`` gives each test a fresh, empty database.

Where CI is set, a server that cannot start fails the tests (CI must test PostgreSQL);
elsewhere they are skipped with the reason.  As root, initdb refuses to run: the server then runs
as the ``postgres`` user (or ``nobody``) through runuser.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest

SUPERUSER = "zhengce"


def _unavailable(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL is required in CI: {reason}")
    pytest.skip(f"no PostgreSQL server for the tests: {reason}")


def find_pg_binary(name: str) -> str | None:
    """PATH first, then Debian's versioned folders, newest version first."""
    found = shutil.which(name)
    if found:
        return found
    candidates = glob.glob(f"/usr/lib/postgresql/*/bin/{name}")
    candidates.sort(key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0)
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_user() -> str | None:
    """None to run as ourselves; as root, an unprivileged account that exists."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    _unavailable("running as root and there is no postgres or nobody user to run initdb as")


def _run(argv: list[str], user: str | None) -> None:
    if user:
        argv = ["runuser", "-u", user, "--"] + argv
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        _unavailable(f"{' '.join(argv)} failed: {done.stderr.strip() or done.stdout.strip()}")


@pytest.fixture(scope="session")
def postgres_server():
    """The URL of a running server's maintenance database (postgres)."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg is not installed: pip install 'zhengce[postgres]'")
    initdb, pg_ctl = find_pg_binary("initdb"), find_pg_binary("pg_ctl")
    if not (initdb and pg_ctl):
        _unavailable("initdb/pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin")
    user = _server_user()
    base = tempfile.mkdtemp(prefix="zhengce-pg-")
    if user:
        record = pwd.getpwnam(user)
        os.chown(base, record.pw_uid, record.pw_gid)
    data, port = os.path.join(base, "data"), _free_port()
    try:
        _run([initdb, "-D", data, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
              "--locale=C", "--no-sync"], user)
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
        _run([pg_ctl, "-D", data, "-o", options, "-l", os.path.join(base, "log"), "-w",
              "-t", "60", "start"], user)
        yield f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres"
    finally:
        if os.path.exists(os.path.join(data, "postmaster.pid")):
            argv = [pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"]
            subprocess.run((["runuser", "-u", user, "--"] if user else []) + argv,
                           capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def pg_url(postgres_server):
    """A fresh, empty database on the test server, dropped after the test."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield postgres_server.rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
