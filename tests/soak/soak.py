#!/usr/bin/env python3
"""kill -9 soak of nanobanana-cli against the dev server (issue 15): `./dev soak`.

For each flavour of the dev server (sync, async):
  * N trials: `generate PROMPT --wait` killed with SIGKILL at a random moment, then `wait`;
  * M trials: a first `sync` of a 20,000-record history killed at a random moment, then `sync`.
Afterwards it reads the server's history (through a last `sync`) and the profile and prints:
jobs lost (a record the server made and charged that the profile does not hold as a completed
job with its image, or a job left unfinished), double charges (more than one record for one
prompt, and the stars taken against the records made), POSTs per job, and PRAGMA
integrity_check of the profile after every trial. Exits non-zero if anything was lost, charged
twice or damaged. Not part of ./dev test.
"""
import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request

OTP = "123456"
COST = 10  # stars of a 1K image on the dev server


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


class DevServer:
    def __init__(self, binary, flavor, data_dir, extra):
        self.log_path = os.path.join(data_dir, "requests.jsonl")
        args = [binary, "--port", "0", "--otp", OTP, "--flavor", flavor,
                "--log-requests", self.log_path] + extra
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE,
                                        stderr=open(os.path.join(data_dir, "devserver.log"), "w"),
                                        text=True)
        self.port = int(self.process.stdout.readline().strip())
        self.origin = "http://127.0.0.1:%d" % self.port

    def dev(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.origin + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read())

    def user(self, phone):
        for user in self.dev("GET", "/__dev/state")["users"]:
            if user["phoneNumber"] == phone:
                return user
        return None

    def generate_posts(self):
        return self.dev("GET", "/__dev/state")["generatePosts"]

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Cli:
    def __init__(self, binary, profile, server):
        self.binary = binary
        self.profile = profile
        self.server = server
        self.env = dict(os.environ, NANOBANANA_NO_KEYCHAIN="1", QT_QPA_PLATFORM="offscreen",
                        LANG="C.UTF-8", QT_LOGGING_RULES="*=false")
        self.env.pop("NANOBANANA_SERVER", None)
        self.env.pop("NANOBANANA_PROFILE", None)

    def args(self, arguments):
        return [self.binary, "--server", self.server, "--profile", self.profile] + arguments

    def run(self, arguments, timeout=300):
        # In the trial's folder: `generate --wait` saves its image into the current one.
        done = subprocess.run(self.args(arguments), env=self.env, capture_output=True, text=True,
                              timeout=timeout, cwd=os.path.dirname(self.profile))
        return done.returncode, done.stdout, done.stderr

    def start(self, arguments):
        return subprocess.Popen(self.args(arguments), env=self.env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=os.path.dirname(self.profile))


def integrity(profile):
    path = os.path.join(profile, "studio.sqlite")
    if not os.path.exists(path):
        return "no database"
    connection = sqlite3.connect("file:%s?mode=ro" % path, uri=True, timeout=30)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def query(profile, sql):
    connection = sqlite3.connect("file:%s?mode=ro" % os.path.join(profile, "studio.sqlite"),
                                 uri=True, timeout=30)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def kill_at_random(process, longest):
    try:
        process.wait(timeout=random.uniform(0.0, longest))
    except subprocess.TimeoutExpired:
        process.send_signal(signal.SIGKILL)
        process.wait()
        return True
    return False  # it finished first


def generate_trials(cli, server, phone, flavor, trials, longest, figures):
    starting_stars = server.user(phone)["stars"]
    posts_before = server.generate_posts()
    prompts = []
    for trial in range(trials):
        prompt = "soak %s %d %d" % (flavor, trial, random.randrange(1 << 30))
        prompts.append(prompt)
        killed = kill_at_random(cli.start(["generate", prompt, "--wait"]), longest)
        code, _, err = cli.run(["wait"])
        checked = integrity(cli.profile)
        if checked != "ok":
            figures["integrity_failures"] += 1
            log("trial %d: integrity_check: %s" % (trial, checked))
        if code != 0:
            figures["wait_failures"] += 1
            log("trial %d: wait exited %d: %s" % (trial, code, err.strip()[-300:]))
        figures["generate_trials"] += 1
        figures["killed"] += int(killed)
    # The server's history, mirrored, against the profile's jobs.
    code, _, err = cli.run(["sync"])
    if code != 0:
        log("final sync exited %d: %s" % (code, err.strip()[-300:]))
    records = {}
    for prompt, count in query(cli.profile,
                               "SELECT prompt, count(*) FROM generated_images "
                               "WHERE id IS NOT NULL GROUP BY prompt"):
        records[prompt] = count
    jobs = {}
    for prompt, state, image in query(cli.profile,
                                      "SELECT prompt, state, local_image_path FROM jobs"):
        jobs.setdefault(prompt, []).append((state, image))
    made = 0
    for prompt in prompts:
        count = records.get(prompt, 0)
        made += count
        figures["double_charges"] += max(0, count - 1)
        kept = [j for j in jobs.get(prompt, []) if j[0] == "completed" and j[1]]
        if count > 0 and not kept:
            figures["jobs_lost"] += 1
            log("lost: %r made on the server, the profile has %r" % (prompt, jobs.get(prompt)))
        unfinished = [j for j in jobs.get(prompt, []) if j[0] not in ("completed", "failed",
                                                                         "cancelled")]
        if unfinished:
            figures["jobs_lost"] += 1
            log("unfinished after wait: %r %r" % (prompt, unfinished))
        figures["jobs"] += len(jobs.get(prompt, []))
    charged = starting_stars - server.user(phone)["stars"]
    figures["stars_charged"] += charged
    figures["records_made"] += made
    if charged != made * COST:
        figures["double_charges"] += max(1, (charged - made * COST) // COST)
        log("%s: %d stars charged for %d records" % (flavor, charged, made))
    figures["posts"] += server.generate_posts() - posts_before


def sync_trials(binary, server, workdir, flavor, trials, records, longest, figures):
    phone = "+1555000%04d" % random.randrange(10000)
    for trial in range(trials):
        profile = os.path.join(workdir, "sync-%s-%d" % (flavor, trial))
        cli = Cli(binary, profile, server.origin)
        code, _, err = cli.run(["login", "--phone", phone, "--code", OTP])
        if code != 0:
            raise SystemExit("login failed: " + err)
        killed = kill_at_random(cli.start(["sync"]), longest)
        code, _, err = cli.run(["sync"])
        checked = integrity(profile)
        count, distinct = query(profile, "SELECT count(*), count(DISTINCT id) FROM "
                                         "generated_images WHERE id IS NOT NULL")[0]
        figures["sync_trials"] += 1
        figures["killed"] += int(killed)
        if code != 0:
            figures["wait_failures"] += 1
            log("sync trial %d: sync exited %d: %s" % (trial, code, err.strip()[-300:]))
        if checked != "ok":
            figures["integrity_failures"] += 1
            log("sync trial %d: integrity_check: %s" % (trial, checked))
        if count != records or distinct != records:
            figures["records_lost"] += abs(records - distinct) + (count - distinct)
            log("sync trial %d: %d rows, %d distinct, %d on the server"
                % (trial, count, distinct, records))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="a build tree (build/test)")
    parser.add_argument("--generate", type=int, default=100, help="kill -9 trials of generate --wait per flavour")
    parser.add_argument("--sync", type=int, default=20, help="kill -9 trials of a first sync per flavour")
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--flavors", default="sync,async")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    options = parser.parse_args()
    random.seed(options.seed)
    devserver = os.path.join(options.bin, "tests/devserver/nanobanana-devserver")
    cli_binary = os.path.join(options.bin, "app/cli/nanobanana-cli")
    figures = {key: 0 for key in ("generate_trials", "sync_trials", "killed", "jobs",
                                  "jobs_lost", "records_made", "stars_charged", "double_charges",
                                  "posts", "integrity_failures", "wait_failures",
                                  "records_lost")}
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="nanobanana-soak-") as workdir:
        for flavor in options.flavors.split(","):
            data = os.path.join(workdir, flavor)
            os.makedirs(data)
            # A generation takes a moment, so kills land before, during and after the POST,
            # while polling and while downloading.
            server = DevServer(devserver, flavor, data,
                               ["--latency-ms", "400", "--seed-history", str(options.records)])
            try:
                phone = "+1555001%04d" % random.randrange(10000)
                cli = Cli(cli_binary, os.path.join(data, "profile"), server.origin)
                code, _, err = cli.run(["login", "--phone", phone, "--code", OTP])
                if code != 0:
                    raise SystemExit("login failed: " + err)
                server.dev("POST", "/__dev/users/%s/stars" % phone, {"stars": 1000000})
                # The first sync of the seeded history is not part of the trials.
                cli.run(["sync"])
                log("%s: %d generate trials" % (flavor, options.generate))
                generate_trials(cli, server, phone, flavor, options.generate, 2.5, figures)
                log("%s: %d sync trials" % (flavor, options.sync))
                sync_trials(cli_binary, server, workdir, flavor, options.sync, options.records,
                            4.0, figures)
            finally:
                server.stop()
    jobs = max(1, figures["jobs"])
    print("soak (seed %d, %.0f s, flavours %s)" % (options.seed, time.time() - started,
                                                    options.flavors))
    print("  generate --wait trials   %6d" % figures["generate_trials"])
    print("  sync trials              %6d" % figures["sync_trials"])
    print("  killed with SIGKILL      %6d" % figures["killed"])
    print("  jobs in the profiles     %6d" % figures["jobs"])
    print("  records made (charged)   %6d  (%d stars)" % (figures["records_made"],
                                                         figures["stars_charged"]))
    print("  POSTs per job            %6.2f  (%d POSTs)" % (figures["posts"] / jobs,
                                                          figures["posts"]))
    print("  jobs lost                %6d" % figures["jobs_lost"])
    print("  double charges           %6d" % figures["double_charges"])
    print("  sync records lost/extra  %6d" % figures["records_lost"])
    print("  wait/sync failures       %6d" % figures["wait_failures"])
    print("  integrity_check failures %6d  (of %d checks)" % (
        figures["integrity_failures"], figures["generate_trials"] + figures["sync_trials"]))
    bad = (figures["jobs_lost"] + figures["double_charges"] + figures["integrity_failures"]
           + figures["records_lost"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
