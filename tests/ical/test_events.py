"""Occurrences -> event records: UIDs, summaries, descriptions, alarms, reminder events, public builds."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pactwatch.engine import Evaluation, evaluate
from pactwatch.ical.events import (
    UID_NAMESPACE,
    EventContext,
    LeanEvent,
    contract_facts,
    contract_notes,
    event_uid,
    lean_events,
    occurrence_events,
)
from pactwatch.ical.records import EventRecord
from pactwatch.model import Ack, Counterparty, Document, Milestone, Repeat, Settings, Term
from tests.ical.builders import SETTINGS, TODAY, D, contract, milestone, portfolio


def leans_of(ev: Evaluation, *, public: bool = False) -> dict[str, list[LeanEvent]]:
    """Every occurrence's events as the aggregate feeds list them."""
    ctx = EventContext.of(ev, public=public)
    facts = {c.id: contract_facts(c, ctx) for c in ev.portfolio.contracts}
    return {o.ref: lean_events(o, facts[o.contract.id], ctx) for o in ev.occurrences}


def events_of(ev: Evaluation, *, public: bool = False, own: bool = False) -> dict[str, list[EventRecord]]:
    """Every occurrence's events: as all.ics lists them, or ``own``: the contract feed's."""
    if not own:
        return {ref: [lean.event for lean in leans] for ref, leans in leans_of(ev, public=public).items()}
    ctx = EventContext.of(ev, public=public)
    facts = {c.id: contract_facts(c, ctx) for c in ev.portfolio.contracts}
    return {o.ref: occurrence_events(o, facts[o.contract.id], ctx) for o in ev.occurrences}


def only(ev: Evaluation, **kwargs: bool) -> EventRecord:
    (records,) = events_of(ev, **kwargs).values()
    return records[0]


def one(m: Milestone, today: date = TODAY, settings: Settings = SETTINGS, own: bool = False, **fields: object) -> EventRecord:
    return only(evaluate(portfolio(contract("C-1", m, **fields), settings=settings), today), own=own)


def notes(m: Milestone, *, public: bool = False, settings: Settings = SETTINGS, **fields: object) -> str:
    ev = evaluate(portfolio(contract("C-1", m, **fields), settings=settings), TODAY)
    return contract_notes(ev.portfolio.contracts[0], EventContext.of(ev, public=public))


def test_uid_is_a_uuid5_of_contract_and_milestone_without_a_host() -> None:
    record = one(milestone("M2"))
    assert record.uid == str(uuid.uuid5(UID_NAMESPACE, "C-1/M2"))
    assert uuid.UUID(record.uid).version == 5
    assert "@" not in record.uid


def test_uid_survives_title_date_owner_and_amount_changes() -> None:
    before = one(milestone("M2", "2026-12-10", title="第二期付款", owner="ann", amount=Decimal(100)))
    after = one(milestone("M2", "2027-03-01", title="第二期付款（改期）", owner="bob", amount=Decimal(200)), title="改名后的合同")
    assert before.uid == after.uid
    assert (before.start, after.start) == (D("2026-12-10"), D("2027-03-01"))
    assert before.summary != after.summary


@given(st.text(max_size=40), st.text(max_size=40), st.text(max_size=20))
def test_fast_uid_equals_the_uuid_module(contract_id: str, key: str, suffix: str) -> None:
    assert event_uid(contract_id, key, suffix) == str(uuid.uuid5(UID_NAMESPACE, f"{contract_id}/{key}{suffix}"))


def test_uids_differ_between_milestones_contracts_occurrences_and_reminders() -> None:
    keys = [("C-1", "M1", ""), ("C-1", "M2", ""), ("C-2", "M1", ""), ("C-1", "M1@2026-01-31", ""), ("C-1", "M1", "#reminder-7")]
    assert len({event_uid(*k) for k in keys}) == len(keys)


def test_recurring_occurrences_keep_their_uid_when_the_series_grows() -> None:
    def uids(count: int) -> list[str]:
        m = milestone("R1", "2026-01-31", repeat=Repeat(1, "month", count=count))
        return [r[0].uid for r in events_of(evaluate(portfolio(contract("C-1", m)), TODAY)).values()]

    three, six = uids(3), uids(6)
    assert six[:3] == three
    assert len(set(six)) == 6
    assert three[1] == event_uid("C-1", "R1@2026-02-28")


def test_summary_marks_the_state_and_reads_contract_then_milestone() -> None:
    assert one(milestone(due="2026-11-20", title="第二期付款"), title="年度设备采购合同").summary == "[逾期] 年度设备采购合同 · 第二期付款"
    assert one(milestone(due="2027-03-01")).summary == "合同 C-1 · 节点 M1"  # upcoming: no marker
    assert one(milestone(due="2026-11-30")).summary.startswith("[即将到期] ")
    english = replace(SETTINGS, language="en")
    assert one(milestone(due="2026-11-20"), settings=english).summary.startswith("[overdue] ")


def test_the_contract_feed_names_only_the_milestone_as_its_calendar_is_named_after_the_contract() -> None:
    assert one(milestone(due="2026-11-20", title="第二期付款"), title="年度设备采购合同", own=True).summary == "[逾期] 第二期付款"
    assert one(milestone(due="2027-03-01"), own=True).summary == "节点 M1"


def test_done_milestones_stay_marked_done_and_cancelled_ones_are_cancelled() -> None:
    done = one(milestone(due="2026-11-01", status="done", completed_on=D("2026-11-03")), own=True)
    assert done.summary.startswith("[逾期完成] ")
    assert done.status == "CONFIRMED"
    assert "完成日期：2026年11月3日" in done.description
    assert "逾期天数：2" in done.description
    assert done.alarms == ()
    cancelled = one(milestone(due="2026-12-01", status="cancelled"))
    assert cancelled.status == "CANCELLED"
    assert cancelled.summary.startswith("[已取消] ")


def test_lean_description_has_what_a_subscriber_acts_on() -> None:
    """The aggregate feeds' event: counterparty, kind and amount, owner, lateness, the page link; the summary says
    the state, contract and milestone, so nothing of that is repeated, nor the file, documents or contract id."""
    ev = evaluate(portfolio(contract("C-1", milestone("M2", due="2026-11-17", amount=Decimal("720000"), owner="ann"))), TODAY)
    ((lean,),) = leans_of(ev).values()
    assert lean.event.summary == "[逾期] 合同 C-1 · 节点 M2"
    everyone = [
        "相对方：上海星瀚智能科技有限公司",
        "付款 · 应收 ¥720,000.00 CNY",  # a sales contract: the customer pays us (issue #14)
        "负责人：张伟",
        "逾期天数：10",
        "https://contracts.example.com/contracts/C-1.html",  # Google and Outlook show the description, not URL
    ]
    assert lean.event.description.split("\n") == everyone
    assert lean.person.split("\n") == everyone[:2] + everyone[3:]  # the feed is the owner's own
    assert lean.counterparty.split("\n") == everyone[1:]  # the feed is the counterparty's
    assert lean.event.categories == ()
    acknowledged = one(milestone("M2", due="2026-11-17", ack=Ack(D("2026-12-31"))))
    assert "状态：逾期 · 已确认延期" in acknowledged.description.split("\n")


def test_lean_event_renders_in_about_400_bytes() -> None:
    """980 bytes before: the description repeated the contract, its file and documents in every event; ~500 with
    the link twice (URL and description). A payment of a 15-character title is now ~440 bytes in all.ics (its
    three variants average ~385 in a generated 1,000-contract portfolio)."""
    from pactwatch.ical.writer import render_event

    record = one(milestone("M2", due="2026-11-17", title="第二期进度款", amount=Decimal("720000")), title="2026年度智能分拣设备销售合同")
    assert len(render_event(record, "20261127T000000Z")) <= 450


def test_the_contract_feed_says_the_contract_once_and_its_events_the_milestone() -> None:
    record = one(milestone("M2", due="2026-11-10", status="done", completed_on=D("2026-11-12"), amount=Decimal(5)), own=True)
    assert record.description.split("\n") == [
        "付款 · 应收 ¥5.00 CNY",
        "负责人：张伟",
        "完成日期：2026年11月12日",
        "逾期天数：2",  # done: no page link (the calendar's description has it once)
    ]
    overdue = one(milestone("M2", due="2026-11-10", amount=Decimal(5)), own=True)
    assert overdue.description.split("\n")[-1] == "https://contracts.example.com/contracts/C-1.html"  # open: to act on
    assert notes(milestone()).split("\n") == [
        "合同：合同 C-1（C-1）",
        "相对方：上海星瀚智能科技有限公司",
        "合同页面：https://contracts.example.com/contracts/C-1.html",
        "合同文件：https://github.com/acme/contracts/blob/main/contracts/sales/C-1.yaml",
        "文档：",
        "- 合同扫描件：https://dms.example.com/c/1",
    ]


def test_links_are_percent_encoded_and_unsafe_documents_are_left_out() -> None:
    docs = (Document("坏链接", "javascript:alert(1)"), Document("好", "https://dms.example.com/x"))
    said = notes(milestone(), source="contracts/销售/C-1.yaml", documents=docs)
    assert "https://github.com/acme/contracts/blob/main/contracts/%E9%94%80%E5%94%AE/C-1.yaml" in said
    assert "javascript" not in said
    assert "- 好：https://dms.example.com/x" in said


@pytest.mark.parametrize("own", [False, True])
def test_without_site_url_the_link_is_the_yaml_file_and_without_both_none(own: bool) -> None:
    no_site = replace(SETTINGS, site_url=None)
    link = "https://github.com/acme/contracts/blob/main/contracts/sales/C-1.yaml"
    assert one(milestone(), settings=no_site, own=own).description.endswith(f"\n{link}")
    assert "https://" not in one(milestone(), settings=replace(no_site, repository=None), own=own).description


@pytest.mark.parametrize("own", [False, True])
def test_public_builds_leave_amounts_and_documents_out(own: bool) -> None:
    ev = evaluate(portfolio(contract("C-1", milestone(amount=Decimal(5)))), TODAY)
    private, public = only(ev, own=own), only(ev, public=True, own=own)
    assert "¥5.00" in private.description
    assert "¥" not in public.description
    assert public.uid == private.uid
    assert "dms.example.com" in notes(milestone(amount=Decimal(5)))
    assert "dms.example.com" not in notes(milestone(amount=Decimal(5)), public=True)


def test_alarms_at_nine_on_each_reminder_day_still_ahead() -> None:
    record = one(milestone(due="2026-12-10"))  # 13 days ahead: 7, 3 and 0 are all to come
    assert [a.trigger for a in record.alarms] == [timedelta(days=-7, hours=9), timedelta(days=-3, hours=9), timedelta(hours=9)]
    assert [a.description for a in record.alarms] == ["7 天后到期", "3 天后到期", "今天到期"]  # clients show them with the title
    english = one(milestone(due="2026-12-10", remind_days=(1, 0)), settings=replace(SETTINGS, language="en"))
    assert [a.description for a in english.alarms] == ["due in 1 day", "due today"]  # the reminders' words, singular for 1
    soon = one(milestone(due="2026-11-30", remind_days=(14, 7, 1)))  # 3 days ahead: only 1 is still to come
    assert [a.trigger for a in soon.alarms] == [timedelta(days=-1, hours=9)]
    assert one(milestone(due="2026-11-20")).alarms == ()  # overdue: reminders have passed


def test_alarms_are_written_once_their_day_is_within_the_lookahead() -> None:
    """Feeds are rebuilt daily: an alarm 40 days away waits for a later build (they filled a fifth of every feed)."""
    far = one(milestone(due="2027-01-10", remind_days=(14, 7, 0)))  # 44 days ahead: fires in 30, 37 and 44 days
    assert [a.trigger for a in far.alarms] == [timedelta(days=-14, hours=9)]
    assert one(milestone(due="2027-06-01")).alarms == ()
    later = evaluate(portfolio(contract("C-1", milestone(due="2027-06-01"))), D("2027-05-20"))  # the build that day
    assert [a.trigger for a in only(later).alarms] == [timedelta(days=-7, hours=9), timedelta(days=-3, hours=9), timedelta(hours=9)]


def test_reminder_events_are_separate_one_day_events_with_stable_uids() -> None:
    settings = replace(SETTINGS, reminder_events=True)
    records = events_of(evaluate(portfolio(contract("C-1", milestone("M1", "2026-12-10")), settings=settings), TODAY))["C-1/M1"]
    main, *extra = records
    assert [(r.start, r.end - r.start) for r in extra] == [(D("2026-12-03"), timedelta(days=1)), (D("2026-12-07"), timedelta(days=1))]
    assert [r.uid for r in extra] == [event_uid("C-1", "M1", "#reminder-7"), event_uid("C-1", "M1", "#reminder-3")]
    assert extra[0].summary == "[提醒 · 7 天后到期] 合同 C-1 · 节点 M1"
    assert extra[0].categories == ("提醒",)
    assert extra[0].description.startswith("计划日期：2026年12月10日\n")  # it sits on another day than the due one
    assert all(r.alarms == () for r in extra)
    assert main.alarms  # the event itself keeps its alarms
    (_, lean, _) = leans_of(evaluate(portfolio(contract("C-1", milestone("M1", "2026-12-10")), settings=settings), TODAY))["C-1/M1"]
    assert lean.person.startswith("计划日期：2026年12月10日\n相对方：") and "负责人" not in lean.person
    assert lean.counterparty.startswith("计划日期：2026年12月10日\n付款\n负责人：") and "相对方" not in lean.counterparty
    own = events_of(evaluate(portfolio(contract("C-1", milestone("M1", "2026-12-10")), settings=settings), TODAY), own=True)["C-1/M1"]
    assert own[1].summary == "[提醒 · 7 天后到期] 节点 M1"


def test_reminder_events_are_off_by_default() -> None:
    assert all(len(r) == 1 for r in events_of(evaluate(portfolio(contract("C-1", milestone())), TODAY)).values())


def test_notice_deadline_event_uses_the_notice_key() -> None:
    term = Term(D("2026-01-01"), D("2026-12-31"), auto_renew=True, renewal_months=12, notice_days=30)
    ev = evaluate(portfolio(contract("C-1", milestone(due="2026-06-01", status="done", completed_on=D("2026-06-01")), term=term)), TODAY)
    notice = next(o for o in ev.occurrences if o.derived)
    records = events_of(ev)[notice.ref]
    assert records[0].uid == event_uid("C-1", "_notice@2026-12-01")
    assert records[0].start == D("2026-12-01")
    assert records[0].description.split("\n")[1] == "续约"


@pytest.mark.parametrize("evil", ["x\nEND:VEVENT", "a\rb", "bell\x07", "tab\there"])
def test_text_from_yaml_is_cleaned(evil: str) -> None:
    record = one(milestone(title=evil), counterparty=Counterparty(evil))
    assert "\r" not in record.summary
    assert "\x07" not in record.summary + record.description


def test_owner_without_a_person_entry_shows_the_id() -> None:
    record = one(milestone(owner="ghost"))
    assert "负责人：ghost" in record.description
