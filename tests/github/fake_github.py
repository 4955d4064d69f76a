"""A local HTTP server standing in for the parts of the GitHub REST API that pactwatch uses.

It keeps state (issues, pull requests, comments, labels) and records every request, so tests can
count writes. It models what the documentation says GitHub does:

- GET /repos/{o}/{r}/issues lists issues AND pull requests (those have a ``pull_request`` key),
  filters by ``labels`` (all must match, case-insensitively) and ``state`` (open | closed | all,
  default open), sorts by creation (newest first unless ``direction=asc``) and paginates with
  ``per_page``/``page`` and a ``Link`` header (rel next/prev/first/last).
- PATCH /issues/comments/{id} edits a comment (only the token's own: 403 for another author's).
- POST issues (title required; unknown labels are created; an assignee who is not a collaborator
  is a 422 on the ``assignees`` field), PATCH issues (title, body, state, state_reason, labels,
  assignees), comments, adding labels, listing labels and creating them (422 ``already_exists``
  for a duplicate name, whatever its case).
- 401 for a wrong token, 404 for another repository, 403 with ``x-accepted-github-permissions``
  for a write with a read-only token.
- Authors: GET /user answers the token's ``login`` (403 for an installation token, whose /user fails
  on GitHub too); issues and comments written through the API are by ``login``, those a test adds
  are by ``author`` (default "someone", a person). A title over 256 characters is a 422.
- Injected faults: any status and headers for requests matching a method and a path pattern,
  a number of times, optionally AFTER doing the work (GitHub did it, but the answer is a 502).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

Json = Any


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    body: Json

    @property
    def is_write(self) -> bool:
        return self.method != "GET"


@dataclass
class Fault:
    method: str
    pattern: str  # regular expression searched in the path
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Json = None
    times: int = 1
    after_work: bool = False  # do the request, then answer with the fault anyway
    skip: int = 0  # let this many matching requests through first
    raw: bytes | None = None  # answer these bytes (e.g. an HTML page), not JSON


@dataclass
class Answer:
    status: int
    body: Json
    headers: dict[str, str] = field(default_factory=dict)
    raw: bytes | None = None


def _validation(resource: str, code: str, field_name: str, value: object = None) -> Answer:
    error: dict[str, object] = {"resource": resource, "code": code, "field": field_name}
    if value is not None:
        error["value"] = value
    return Answer(422, {"message": "Validation Failed", "errors": [error]})


class FakeGitHub:
    def __init__(self, repo: str = "example-co/contracts", token: str = "ghs_fake_token_0123456789") -> None:
        self.repo = repo
        self.token = token
        self.read_only = False
        self.page_limit = 100  # GitHub's largest per_page
        self.issues: dict[int, dict[str, Json]] = {}
        self.comments: dict[int, list[dict[str, Json]]] = {}
        self.labels: dict[str, dict[str, Json]] = {}
        self.collaborators: set[str] = set()
        self.requests: list[Request] = []
        self.faults: list[Fault] = []
        self._next = 1
        self._lock = threading.Lock()
        self.url = ""
        self.link_base: str | None = None  # where Link headers point (default: this server)
        self.login = "pactwatch-bot"  # who the token is: the author of what the API writes
        self.installation = False  # an installation token: GET /user is refused
        self.pulls: dict[int, dict[str, Json]] = {}  # pull requests opened through the API (numbered with the issues)
        self.teams: dict[str, set[str]] = {}  # "org/slug" -> member logins (GET /orgs/{org}/teams/{slug}/memberships/{login})

    # ---- state helpers for tests -------------------------------------------------------------
    def add_issue(
        self,
        title: str,
        body: str = "",
        labels: tuple[str, ...] = (),
        state: str = "open",
        pull_request: bool = False,
        assignees: tuple[str, ...] = (),
        state_reason: str | None = None,
        author: str = "someone",
    ) -> int:
        number = self._next
        self._next += 1
        issue: dict[str, Json] = {
            "number": number,
            "title": title,
            "body": body,
            "state": state,
            "state_reason": state_reason,
            "labels": [self._label(name) for name in labels],
            "assignees": [{"login": a} for a in assignees],
            "user": {"login": author},
        }
        if pull_request:
            issue["pull_request"] = {"url": f"{self.url}/repos/{self.repo}/pulls/{number}"}
        self.issues[number] = issue
        self.comments[number] = []
        return number

    def add_comment(self, number: int, body: str, author: str = "someone") -> None:
        ident = 1 + sum(len(c) for c in self.comments.values())  # unique in the repository, as GitHub's comment ids are
        self.comments[number].append({"id": ident, "body": body, "user": {"login": author}})

    def fail(self, method: str, pattern: str, status: int, **options: Any) -> None:
        self.faults.append(Fault(method, pattern, status, **options))

    @property
    def writes(self) -> list[Request]:
        return [r for r in self.requests if r.is_write]

    def open_issues(self) -> list[dict[str, Json]]:
        return [i for i in self.issues.values() if i["state"] == "open" and "pull_request" not in i]

    def label_names(self, number: int) -> list[str]:
        return sorted(lb["name"] for lb in self.issues[number]["labels"])

    # ---- request handling -------------------------------------------------------------------
    def handle(self, method: str, raw_path: str, headers: dict[str, str], raw_body: bytes) -> Answer:
        parts = urlsplit(raw_path)
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        body = json.loads(raw_body) if raw_body else None
        with self._lock:
            self.requests.append(Request(method, parts.path, query, body))
            fault = self._fault(method, parts.path)
            if fault is not None and not fault.after_work:
                return Answer(fault.status, fault.body or {"message": "fault"}, dict(fault.headers), fault.raw)
            answer = self._route(method, parts.path, query, headers, body)
            if fault is not None:
                return Answer(fault.status, fault.body or {"message": "fault"}, dict(fault.headers), fault.raw)
            return answer

    def _fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.times > 0 and fault.method == method and re.search(fault.pattern, path):
                if fault.skip > 0:
                    fault.skip -= 1
                    continue
                fault.times -= 1
                return fault
        return None

    def _route(self, method: str, path: str, query: dict[str, str], headers: dict[str, str], body: Json) -> Answer:
        auth = headers.get("authorization")
        if auth is not None and auth != f"Bearer {self.token}":
            return Answer(401, {"message": "Bad credentials"})
        if method == "GET" and path == "/user":
            if auth is None:
                return Answer(401, {"message": "Requires authentication"})
            if self.installation:
                return Answer(403, {"message": "Resource not accessible by integration"})
            return Answer(200, {"login": self.login, "type": "User"})
        team = re.fullmatch(r"/orgs/([^/]+)/teams/([^/]+)/memberships/([^/]+)", path)
        if method == "GET" and team:
            members = self.teams.get(f"{team[1]}/{team[2]}", set())
            return Answer(200, {"state": "active", "role": "member"}) if team[3] in members else Answer(404, {"message": "Not Found"})
        prefix = f"/repos/{self.repo}"
        if not path.startswith(prefix + "/"):
            return Answer(404, {"message": "Not Found"})
        if method != "GET" and (auth is None or self.read_only):
            if auth is None:
                return Answer(401, {"message": "Requires authentication"})
            return Answer(403, {"message": "Resource not accessible by integration"}, {"x-accepted-github-permissions": "issues=write"})
        rest = path[len(prefix) :]
        for pattern, handler in self._routes():
            match = re.fullmatch(pattern, f"{method} {rest}")
            if match:
                return handler(query, body, *(int(g) for g in match.groups()))
        return Answer(404, {"message": "Not Found"})

    def _routes(self) -> list[tuple[str, Callable[..., Answer]]]:
        return [
            (r"GET /issues", self._list_issues),
            (r"POST /issues", self._create_issue),
            (r"PATCH /issues/(\d+)", self._update_issue),
            (r"GET /issues/(\d+)/comments", self._list_comments),
            (r"POST /issues/(\d+)/comments", self._add_comment),
            (r"PATCH /issues/comments/(\d+)", self._update_comment),
            (r"POST /issues/(\d+)/labels", self._add_labels),
            (r"GET /labels", self._list_labels),
            (r"POST /labels", self._create_label),
            (r"GET /pulls", self._list_pulls),
            (r"POST /pulls", self._create_pull),
        ]

    def _label(self, name: str, color: str = "ededed", description: str | None = None) -> dict[str, Json]:
        key = name.lower()
        if key not in self.labels:
            self.labels[key] = {"name": name, "color": color, "description": description}
        return self.labels[key]

    def _page(self, items: list[Json], query: dict[str, str], path: str) -> Answer:
        per_page = min(int(query.get("per_page", "30")), self.page_limit)
        page = int(query.get("page", "1"))
        last = max((len(items) + per_page - 1) // per_page, 1)
        chunk = items[(page - 1) * per_page : page * per_page]
        links = []

        def link(n: int, rel: str) -> str:
            return f'<{self.link_base or self.url}{path}?{urlencode({**query, "page": n})}>; rel="{rel}"'

        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        if page > 1:
            links += [link(1, "first"), link(page - 1, "prev")]
        return Answer(200, chunk, {"link": ", ".join(links)} if links else {})

    def _list_issues(self, query: dict[str, str], body: Json) -> Answer:
        state = query.get("state", "open")
        wanted = {name.strip().lower() for name in query.get("labels", "").split(",") if name.strip()}
        found = [
            issue
            for issue in self.issues.values()
            if (state == "all" or issue["state"] == state) and wanted <= {lb["name"].lower() for lb in issue["labels"]}
        ]
        found.sort(key=lambda i: i["number"], reverse=query.get("direction", "desc") == "desc")
        return self._page(found, query, f"/repos/{self.repo}/issues")

    def _check_assignees(self, logins: list[str]) -> Answer | None:
        for login in logins:
            if login not in self.collaborators:
                return _validation("Issue", "invalid", "assignees", login)
        return None

    def _create_issue(self, query: dict[str, str], body: Json) -> Answer:
        if not body or not body.get("title"):
            return _validation("Issue", "missing_field", "title")
        if len(body["title"]) > 256:
            return _validation("Issue", "custom", "title")
        refused = self._check_assignees(body.get("assignees", []))
        if refused is not None:
            return refused
        number = self.add_issue(
            body["title"],
            body.get("body") or "",
            tuple(body.get("labels", ())),
            assignees=tuple(body.get("assignees", ())),
            author=self.login,
        )
        return Answer(201, self.issues[number])

    def _update_issue(self, query: dict[str, str], body: Json, number: int) -> Answer:
        issue = self.issues.get(number)
        if issue is None:
            return Answer(404, {"message": "Not Found"})
        if len(body.get("title") or "") > 256:
            return _validation("Issue", "custom", "title")
        if body.get("state_reason") not in (None, "completed", "not_planned", "reopened"):
            return _validation("Issue", "invalid", "state_reason", body["state_reason"])
        if "assignees" in body:
            refused = self._check_assignees(body["assignees"])
            if refused is not None:
                return refused
            issue["assignees"] = [{"login": a} for a in body["assignees"]]
        for key in ("title", "body"):
            if key in body:
                issue[key] = body[key]
        if "labels" in body:
            issue["labels"] = [self._label(name) for name in body["labels"]]
        if "state" in body:
            was = issue["state"]
            issue["state"] = body["state"]
            if body["state"] == "closed":
                issue["state_reason"] = body.get("state_reason") or "completed"
            elif was == "closed":
                issue["state_reason"] = "reopened"
        return Answer(200, issue)

    def _list_comments(self, query: dict[str, str], body: Json, number: int) -> Answer:
        if number not in self.issues:
            return Answer(404, {"message": "Not Found"})
        return self._page(self.comments[number], query, f"/repos/{self.repo}/issues/{number}/comments")

    def _add_comment(self, query: dict[str, str], body: Json, number: int) -> Answer:
        if number not in self.issues:
            return Answer(404, {"message": "Not Found"})
        if not body or not body.get("body"):
            return _validation("IssueComment", "missing_field", "body")
        self.add_comment(number, body["body"], author=self.login)
        return Answer(201, self.comments[number][-1])

    def _update_comment(self, query: dict[str, str], body: Json, ident: int) -> Answer:
        for comments in self.comments.values():
            for comment in comments:
                if comment["id"] == ident:
                    if comment["user"]["login"] != self.login:
                        return Answer(403, {"message": "Resource not accessible by integration"})
                    comment["body"] = body["body"]
                    return Answer(200, comment)
        return Answer(404, {"message": "Not Found"})

    def _add_labels(self, query: dict[str, str], body: Json, number: int) -> Answer:
        issue = self.issues.get(number)
        if issue is None:
            return Answer(404, {"message": "Not Found"})
        have = {lb["name"].lower() for lb in issue["labels"]}
        issue["labels"] += [self._label(name) for name in body["labels"] if name.lower() not in have]
        return Answer(200, issue["labels"])

    def _list_pulls(self, query: dict[str, str], body: Json) -> Answer:
        state = query.get("state", "open")
        found = [
            pull
            for pull in self.pulls.values()
            if (state == "all" or pull["state"] == state)
            and query.get("head") in (None, f"{self.repo.split('/')[0]}:{pull['head']['ref']}")
        ]
        return self._page(sorted(found, key=lambda p: -p["number"]), query, f"/repos/{self.repo}/pulls")

    def _create_pull(self, query: dict[str, str], body: Json) -> Answer:
        if not body or not body.get("title") or not body.get("head") or not body.get("base"):
            return _validation("PullRequest", "missing_field", "head")
        if any(p["head"]["ref"] == body["head"] and p["state"] == "open" for p in self.pulls.values()):
            return _validation("PullRequest", "custom", "head")  # GitHub: a pull request already exists for this branch
        number = self._next
        self._next += 1
        self.pulls[number] = {
            "number": number,
            "title": body["title"],
            "body": body.get("body") or "",
            "state": "open",
            "head": {"ref": body["head"]},
            "base": {"ref": body["base"]},
            "html_url": f"https://github.com/{self.repo}/pull/{number}",
            "user": {"login": self.login},
        }
        return Answer(201, self.pulls[number])

    def _list_labels(self, query: dict[str, str], body: Json) -> Answer:
        return self._page(sorted(self.labels.values(), key=lambda lb: lb["name"].lower()), query, f"/repos/{self.repo}/labels")

    def _create_label(self, query: dict[str, str], body: Json) -> Answer:
        if body["name"].lower() in self.labels:
            return _validation("Label", "already_exists", "name")
        return Answer(201, self._label(body["name"], body.get("color") or "ededed", body.get("description")))


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGitHub

    def _serve(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        raw = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        answer = self.server.fake.handle(self.command, self.path, headers, raw)  # type: ignore[attr-defined]
        payload = answer.raw if answer.raw is not None else b"" if answer.body is None else json.dumps(answer.body).encode()
        self.send_response(answer.status)
        self.send_header("content-type", "text/html" if answer.raw is not None else "application/json; charset=utf-8")
        self.send_header("content-length", str(len(payload)))
        defaults = {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4999", "x-ratelimit-reset": "1800003600"}
        for key, value in {**defaults, **answer.headers}.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:  # quiet: tests read fake.requests instead
        pass


class Server:
    """Runs a FakeGitHub on 127.0.0.1 in a thread."""

    def __init__(self, fake: FakeGitHub) -> None:
        self.fake = fake
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.fake = fake  # type: ignore[attr-defined]
        self.httpd.daemon_threads = True
        host, port = self.httpd.server_address[:2]
        fake.url = f"http://{host!s}:{port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)

    def __enter__(self) -> FakeGitHub:
        self.thread.start()
        return self.fake

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()
