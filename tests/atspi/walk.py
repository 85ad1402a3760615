#!/usr/bin/python3
"""Reads NanoBanana Studio as a screen reader does, through AT-SPI alone, and walks a blind
user's path: Generate, hear the job finish, find the image in the gallery by search, open it,
favourite it, export it. Prints the tree's figures and one PASS/FAIL line per step.

Usage: walk.py --bin DIR [--keep DIR]
DIR holds nanobanana-studio, nanobanana-cli and nanobanana-devserver (flat, or as in a build
tree: ui/, app/cli/, tests/devserver/). The script starts its own Xvfb display and private
D-Bus session; it never moves a mouse or sends a key."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

OTP = "123456"


def find_binary(bindir, name, subdirs):
    for sub in [""] + subdirs:
        path = os.path.join(bindir, sub, name)
        if os.access(path, os.X_OK):
            return os.path.abspath(path)
    sys.exit(f"walk.py: no {name} under {bindir}")


# ---------------------------------------------------------------- stage 1: display and bus
def outer(args):
    """Starts a private Xvfb, then runs stage 2 inside a private D-Bus session."""
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x1000x24",
                             "-nolisten", "tcp"], pass_fds=[write_fd],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    with os.fdopen(read_fd) as f:
        display = f.readline().strip()
    if not display:
        sys.exit("walk.py: Xvfb did not start")
    env = dict(os.environ, DISPLAY=":" + display)
    # A window manager, when one is installed, makes the main window active as on a desktop:
    # without one no window is ever active, and no object can report "focused".
    wm = None
    if shutil.which("matchbox-window-manager"):
        wm = subprocess.Popen(["matchbox-window-manager", "-use_titlebar", "no"], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"display :{display}, window manager: "
          f"{'matchbox' if wm else 'none (focus figures will read 0)'}", flush=True)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    env.pop("AT_SPI_BUS_ADDRESS", None)
    try:
        cmd = ["dbus-run-session", "--", sys.executable, os.path.abspath(__file__), "--inner"]
        cmd += sys.argv[1:]
        return subprocess.call(cmd, env=env)
    finally:
        if wm:
            wm.terminate()
            wm.wait()
        xvfb.terminate()
        xvfb.wait()


# ---------------------------------------------------------------- stage 2: the app and the walk
def start_app(args, state):
    bindir = args.bin
    studio = find_binary(bindir, "nanobanana-studio", ["ui"])
    cli = find_binary(bindir, "nanobanana-cli", ["app/cli"])
    devserver = find_binary(bindir, "nanobanana-devserver", ["tests/devserver"])
    log = open(os.path.join(state, "devserver.log"), "w")
    server = subprocess.Popen([devserver, "--port", "0", "--otp", OTP, "--seed-history", "200",
                               "--latency-ms", "4000", "--data", os.path.join(state, "server")],
                              stdout=subprocess.PIPE, stderr=log, text=True)
    port = server.stdout.readline().strip()
    url = f"http://127.0.0.1:{port}"
    print(f"dev server on {url} (log {state}/devserver.log)", flush=True)
    env = dict(os.environ, NANOBANANA_NO_KEYCHAIN="1")
    profile = os.path.join(state, "profile")
    # Signed in through the CLI, as ./dev run does.
    subprocess.run([cli, "--server", url, "--profile", profile, "login", "--phone",
                    "+15550001111", "--code", OTP], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([cli, "--profile", profile, "sync"], env=env, stdout=subprocess.DEVNULL)
    app_env = dict(env, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                   QT_QPA_PLATFORM="xcb", LANG="en_US.UTF-8", LANGUAGE="en",
                   HOME=os.path.join(state, "home"), XDG_CONFIG_HOME=os.path.join(state, "config"),
                   XDG_DATA_HOME=os.path.join(state, "data"))
    os.makedirs(app_env["HOME"], exist_ok=True)
    app = subprocess.Popen([studio, "--profile", profile], env=app_env,
                           stdout=open(os.path.join(state, "app.log"), "w"),
                           stderr=subprocess.STDOUT)
    return server, app


def main_inner(args):
    state = args.keep or tempfile.mkdtemp(prefix="nanobanana-atspi-")
    os.makedirs(state, exist_ok=True)
    # The accessibility bus, started now so the app finds it when it starts.
    launcher = subprocess.Popen(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1)
    server, app = start_app(args, state)
    try:
        import walker
        return walker.walk(app, state)
    finally:
        for p in (app, server, launcher):
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(5)
                except subprocess.TimeoutExpired:
                    p.kill()
        if not args.keep:
            shutil.rmtree(state, ignore_errors=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--keep", help="keep the profile, logs and exports in this folder")
    args = parser.parse_args()
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    sys.exit(main_inner(args) if args.inner else outer(args))
