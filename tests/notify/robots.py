"""A local HTTP server standing in for the four chat-robot APIs, checking what each platform checks.

Each platform lives under its own path prefix, with the credential where the real one carries it:

    /dingtalk/robot/send?access_token=TOKEN[&timestamp=..&sign=..]   (DingTalk custom robot)
    /wecom/cgi-bin/webhook/send?key=KEY                              (WeCom group robot)
    /feishu/open-apis/bot/v2/hook/HOOK                               (Feishu custom bot)
    /slack/services/T000/B000/TOKEN                                  (Slack incoming webhook)

Signatures are verified the way the platforms document them, written here independently of
pactwatch.notify.signing: DingTalk ``base64(HmacSHA256(key=secret, msg=f"{ts}\\n{secret}"))`` in the
query string (URL-encoded, ``ts`` in ms, within an hour); Feishu ``base64(HmacSHA256(key=f"{ts}\\n{secret}",
msg=""))`` in the body (``ts`` in seconds, within an hour). A bad token or signature gets the platform's
error answer (DingTalk errcode 310000 / 300001, Feishu code 19021, WeCom errcode 93000, Slack 403).
Failures can be injected per platform: an HTTP status, or a platform error code with HTTP 200.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

DING_TOKEN = "dingtalk-access-token-3f9a1c77"
DING_SECRET = "SECdingtalk0123456789abcdefsecret"
WECOM_KEY = "wecom-key-7d2e4b1a-9c3f-4e21"
FEISHU_HOOK = "feishu-hook-5e3d587e-d78e-4a07"
FEISHU_SECRET = "feishu-signing-secret-nIMtb7r3N9"
SLACK_TOKEN = "slack-token-7IsoQTrixdUtE971O1xQ"
SECRETS = (DING_TOKEN, DING_SECRET, WECOM_KEY, FEISHU_HOOK, FEISHU_SECRET, SLACK_TOKEN)


@dataclass
class Received:
    platform: str
    path: str
    query: dict[str, str]
    body: Any
    accepted: bool


@dataclass
class Fault:
    status: int = 200
    code: int | None = None  # a platform error code answered with HTTP 200 (DingTalk/WeCom errcode, Feishu code)
    times: int = 10_000
    echo: int | None = None  # the error message echoes the request URL (token and all) after this many filler characters


@dataclass
class Robots:
    url: str = ""
    received: list[Received] = field(default_factory=list)
    faults: dict[str, Fault] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def env(self) -> dict[str, str]:
        """The environment variables a portfolio's notify block names, pointing here."""
        return {
            "DINGTALK_WEBHOOK": f"{self.url}/dingtalk/robot/send?access_token={DING_TOKEN}",
            "DINGTALK_SECRET": DING_SECRET,
            "WECOM_WEBHOOK": f"{self.url}/wecom/cgi-bin/webhook/send?key={WECOM_KEY}",
            "FEISHU_WEBHOOK": f"{self.url}/feishu/open-apis/bot/v2/hook/{FEISHU_HOOK}",
            "FEISHU_SECRET": FEISHU_SECRET,
            "SLACK_WEBHOOK": f"{self.url}/slack/services/T000/B000/{SLACK_TOKEN}",
        }

    def of(self, platform: str, accepted: bool = True) -> list[Received]:
        return [r for r in self.received if r.platform == platform and r.accepted == accepted]

    def answer(self, platform: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        fault = self.faults.get(platform)
        if fault is not None and fault.times > 0:
            fault.times -= 1
            if fault.code is None:
                return fault.status, {"message": "injected failure"} if platform != "slack" else "internal_error"
            key = "code" if platform == "feishu" else "errcode"
            text = "injected failure" if fault.echo is None else "." * fault.echo + f" rejected {self.url}{path}?{urlencode(query)}"
            return 200, {key: fault.code, ("msg" if platform == "feishu" else "errmsg"): text}
        return _CHECKS[platform](path, query, body)


def _fresh(seconds: float) -> bool:
    return abs(time.time() - seconds) < 3600


def _dingtalk(path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
    if query.get("access_token") != DING_TOKEN:
        return 200, {"errcode": 300001, "errmsg": "token is not exist"}
    timestamp, sign = query.get("timestamp", ""), query.get("sign", "")  # parse_qs has URL-decoded the sign
    string_to_sign = f"{timestamp}\n{DING_SECRET}".encode()
    expected = base64.b64encode(hmac.new(DING_SECRET.encode(), string_to_sign, hashlib.sha256).digest()).decode()
    if not timestamp.isdigit() or not _fresh(int(timestamp) / 1000) or not hmac.compare_digest(sign, expected):
        return 200, {"errcode": 310000, "errmsg": "sign not match"}
    if body.get("msgtype") != "markdown" or not {"title", "text"} <= set(body.get("markdown", {})):
        return 200, {"errcode": 40035, "errmsg": "missing markdown"}
    return 200, {"errcode": 0, "errmsg": "ok"}


def _wecom(path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
    if query.get("key") != WECOM_KEY:
        return 200, {"errcode": 93000, "errmsg": "invalid webhook url"}
    kind = body.get("msgtype")
    if kind == "markdown" and len(body["markdown"]["content"].encode()) > 4096:
        return 200, {"errcode": 40058, "errmsg": "markdown.content exceed max length 4096"}
    if kind not in ("markdown", "text"):
        return 200, {"errcode": 40008, "errmsg": "invalid message type"}
    return 200, {"errcode": 0, "errmsg": "ok"}


def _feishu(path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
    if not path.endswith(f"/hook/{FEISHU_HOOK}"):
        return 404, {"code": 19001, "msg": "param invalid: incoming webhook access token invalid"}
    timestamp, sign = str(body.get("timestamp", "")), str(body.get("sign", ""))
    key = f"{timestamp}\n{FEISHU_SECRET}".encode()
    expected = base64.b64encode(hmac.new(key, b"", hashlib.sha256).digest()).decode()
    if not timestamp.isdigit() or not _fresh(int(timestamp)) or not hmac.compare_digest(sign, expected):
        return 200, {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time"}
    if body.get("msg_type") != "interactive" or "elements" not in body.get("card", {}):
        return 400, {"code": 9499, "msg": "Bad Request"}
    return 200, {"code": 0, "msg": "success", "data": {}}


def _slack(path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
    if not path.endswith(f"/{SLACK_TOKEN}"):
        return 403, "invalid_token"
    if not isinstance(body.get("text"), str) or not isinstance(body.get("blocks"), list) or len(body["blocks"]) > 50:
        return 400, "invalid_blocks"
    return 200, "ok"


_CHECKS = {"dingtalk": _dingtalk, "wecom": _wecom, "feishu": _feishu, "slack": _slack}


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        robots: Robots = self.server.robots  # type: ignore[attr-defined]
        parts = urlsplit(self.path)
        platform = parts.path.split("/")[1]
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        body = json.loads(raw.decode("utf-8"))
        with robots.lock:
            status, answer = robots.answer(platform, parts.path, query, body)
            ok = status == 200 and (answer == "ok" or (isinstance(answer, dict) and answer.get("errcode", answer.get("code")) == 0))
            robots.received.append(Received(platform, parts.path, query, body, ok))
        payload = answer.encode() if isinstance(answer, str) else json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("content-type", "text/plain" if isinstance(answer, str) else "application/json")
        self.send_header("content-length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass


class RobotServer:
    def __init__(self) -> None:
        self.robots = Robots()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.robots = self.robots  # type: ignore[attr-defined]
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        self.robots.url = f"http://{host!s}:{port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self) -> Robots:
        self.thread.start()
        return self.robots

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
