"""Small model builders and parsers shared by the feed tests."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import icalendar
import vobject

from pactwatch.model import Contract, Counterparty, Document, Milestone, Money, Person, Portfolio, Settings
from pactwatch.parties import default_by

D = date.fromisoformat
TODAY = date(2026, 11, 27)
SETTINGS = Settings(language="zh", timezone="Asia/Shanghai", site_url="https://contracts.example.com/", repository="acme/contracts")


def milestone(mid: str = "M1", due: str = "2026-12-10", **fields: Any) -> Milestone:
    return Milestone(id=mid, title=f"节点 {mid}", kind="payment", due=D(due), owner="ann", currency="CNY")._replace(**fields)


def contract(cid: str = "C-1", *milestones: Milestone, **fields: Any) -> Contract:
    base = Contract(
        id=cid,
        title=f"合同 {cid}",
        type="sales",
        status="active",
        owner="ann",
        counterparty=Counterparty("上海星瀚智能科技有限公司"),
        milestones=tuple(m._replace(index=i, by=default_by(m.kind, "sell")) for i, m in enumerate(milestones or (milestone(),))),
        side="sell",  # by: as the loader makes it for a sales contract
        source=f"contracts/sales/{cid}.yaml",
        currency="CNY",
        value=Money(Decimal(1000), "CNY"),
        documents=(Document("合同扫描件", "https://dms.example.com/c/1"),),
    )
    return replace(base, **fields)


def portfolio(*contracts: Contract, settings: Settings = SETTINGS) -> Portfolio:
    people = {"ann": Person("ann", "张伟"), "bob": Person("bob", "Bob Li"), "cy": Person("cy", "陈静")}
    return Portfolio(settings, people, tuple(sorted(contracts, key=lambda c: c.id)))


@dataclass(frozen=True)
class Parsed:
    """One VEVENT as a client sees it, from either parser."""

    uid: str
    start: date
    end: date
    summary: str
    description: str
    url: str | None
    categories: tuple[str, ...]
    status: str  # CONFIRMED when not written
    alarms: tuple[tuple[timedelta, str], ...]


def parse_icalendar(data: bytes) -> tuple[icalendar.Calendar, list[Parsed]]:
    calendar = icalendar.Calendar.from_ical(data)
    events = []
    for e in calendar.walk("VEVENT"):
        cats = e.get("categories")
        alarms = tuple((a.decoded("trigger"), str(a.get("description"))) for a in e.walk("VALARM"))
        events.append(
            Parsed(
                str(e["uid"]),
                e.decoded("dtstart"),
                e.decoded("dtend"),
                str(e["summary"]),
                str(e.get("description", "")),
                str(e["url"]) if "url" in e else None,
                tuple(str(c) for c in cats.cats) if cats is not None else (),
                str(e.get("status", "CONFIRMED")),  # the writer leaves out the status a client assumes
                alarms,
            )
        )
    return calendar, events


def parse_vobject(data: bytes) -> tuple[Any, list[Parsed]]:
    calendar = vobject.readOne(data.decode("utf-8"))
    events = []
    for e in getattr(calendar, "vevent_list", []):
        alarms = tuple((a.trigger.value, a.description.value) for a in getattr(e, "valarm_list", []))
        events.append(
            Parsed(
                e.uid.value,
                e.dtstart.value,
                e.dtend.value,
                e.summary.value,
                e.description.value if hasattr(e, "description") else "",
                e.url.value if hasattr(e, "url") else None,
                tuple(e.categories.value) if hasattr(e, "categories") else (),
                e.status.value if hasattr(e, "status") else "CONFIRMED",
                alarms,
            )
        )
    return calendar, events
