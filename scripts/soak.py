#!/usr/bin/env python3
"""Memory soak: the release bot against a fake Bot API on 127.0.0.1, many chats, RSS over time.

A small HTTP server plays Telegram: it hands out QUESTIONS private messages from CHATS different
chats through getUpdates (in batches, as Telegram does) and answers every method the bot calls.
The script samples the bot's resident memory (VmRSS from /proc) at start, after every tenth of
the questions has been answered, and after an idle period, then stops the bot with SIGTERM.

Telegram's own limits apply through the bot's Throttle (about 30 messages a second overall), so
the run takes about QUESTIONS / 30 seconds.

Usage (from the repository root, after `cargo build --release`; Linux only, for /proc):
    python3 scripts/soak.py [--questions 5000] [--chats 5000] [--idle 45]
"""

import argparse
import json
import os
import signal
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "kazuz-bot"
TOKEN = "4242424242:AAFakeSoakTokenFakeSoakTokenFakeSoak42"
QUESTIONS = [
    "How long is the border?", "When was the allied relations treaty signed?",
    "Who signed the border treaty?", "What does article 4 say?", "Who are Uzbekistan's allies?",
    "Когда подписали договор о союзнических отношениях?", "Какова длина границы?",
    "how many years between the 1998 friendship treaty and the 2013 partnership treaty?",
    "what is the weather in tashkent", "thanks!",
]


class Fake:
    def __init__(self, questions, chats):
        self.lock = threading.Lock()
        self.pending = []
        for i in range(questions):
            chat = 10_000 + i % chats
            self.pending.append({"update_id": i + 1, "message": {
                "message_id": i + 1, "date": 1_700_000_000,
                "chat": {"id": chat, "type": "private", "first_name": "U"},
                "from": {"id": chat, "is_bot": False, "first_name": "U", "language_code": "en"},
                "text": QUESTIONS[i % len(QUESTIONS)]}})
        self.sent = 0
        self.next_id = 1_000_000

    def updates(self, offset):
        with self.lock:
            self.pending = [u for u in self.pending if u["update_id"] >= offset]
            return self.pending[:100]

    def message(self, body):
        with self.lock:
            self.sent += 1
            self.next_id += 1
            return {"message_id": self.next_id, "date": 1_700_000_000,
                    "chat": {"id": int(body.get("chat_id", 1)), "type": "private", "first_name": "U"},
                    "text": "ok"}


def serve(fake):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            raw = self.rfile.read(length) if length else b"{}"
            try:
                body = json.loads(raw or b"{}")
            except ValueError:
                body = {}
            method = self.path.rsplit("/", 1)[-1].lower()
            if method == "getme":
                result = {"id": 4242424242, "is_bot": True, "first_name": "Soak",
                          "username": "soak_bot", "can_join_groups": True,
                          "can_read_all_group_messages": False, "supports_inline_queries": True,
                          "can_connect_to_business": False, "has_main_web_app": False}
            elif method == "getwebhookinfo":
                result = {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
            elif method == "getupdates":
                result = fake.updates(int(body.get("offset", 0)))
                if not result:
                    time.sleep(0.2)
            elif method in ("sendmessage", "editmessagetext"):
                result = fake.message(body)
            else:
                result = True
            data = json.dumps({"ok": True, "result": result}).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the bot closed the connection (it is stopping)

        do_GET = do_POST

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--chats", type=int, default=5000)
    parser.add_argument("--idle", type=int, default=45)
    args = parser.parse_args()
    fake = Fake(args.questions, args.chats)
    server = serve(fake)
    env = dict(os.environ, TELOXIDE_TOKEN=TOKEN, RUST_LOG="warn",
               TELOXIDE_API_URL=f"http://127.0.0.1:{server.server_address[1]}/")
    for name in ("QUESTION_LOG", "UNANSWERED_LOG", "ADMIN_CHAT_ID", "WEBHOOK_URL"):
        env.pop(name, None)
    log = open(os.environ.get("SOAK_LOG", os.devnull), "w")
    bot = subprocess.Popen([str(BINARY), "run"], env=env, stdout=log, stderr=log)
    start = time.time()
    time.sleep(1.0)
    print(f"questions: {args.questions} from {args.chats} chats")
    print(f"{'after':>10} {'answered':>9} {'RSS MiB':>8}")
    print(f"{'start':>10} {fake.sent:>9} {rss_mib(bot.pid):>8.1f}")
    step = max(args.questions // 10, 1)
    mark = step
    deadline = start + args.questions / 10 + 120
    last, last_change = fake.sent, time.time()
    # A few sends can fail at this small server under load; stop waiting when nothing moves.
    while fake.sent < args.questions and time.time() < deadline:
        time.sleep(0.5)
        if fake.sent != last:
            last, last_change = fake.sent, time.time()
        elif time.time() - last_change > 15:
            break
        if fake.sent >= mark:
            print(f"{time.time() - start:>9.0f}s {fake.sent:>9} {rss_mib(bot.pid):>8.1f}")
            mark += step
    time.sleep(args.idle)
    print(f"{'idle ' + str(args.idle) + 's':>10} {fake.sent:>9} {rss_mib(bot.pid):>8.1f}")
    bot.send_signal(signal.SIGTERM)
    print(f"exit status after SIGTERM: {bot.wait(timeout=30)}")
    server.shutdown()


if __name__ == "__main__":
    main()
