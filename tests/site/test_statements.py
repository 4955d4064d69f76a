"""/statements/<slug>.html: a counterparty's statement on the internal site, never on the public one."""

from __future__ import annotations

from pactwatch import statement
from pactwatch.engine import evaluate
from pactwatch.load.portfolio import load_portfolio
from pactwatch.naming import group_key
from pactwatch.settings import load_settings
from tests.commands.test_statement import forbidden
from tests.conftest import TODAY
from tests.site.conftest import Built
from tests.voice.scan import visible_text


def test_each_counterparty_it_may_concern_has_a_statement_page_without_internal_fields(example_site: Built) -> None:
    ev = evaluate(load_portfolio(example_site.root, TODAY, settings=load_settings(example_site.root), use_cache=False).portfolio, TODAY)
    pages = {p.stem: p for p in (example_site.site / "statements").glob("*.html")}
    keys = {group_key(c.counterparty) for c in ev.portfolio.contracts if statement.shown(c)}
    assert len(pages) == len(keys)
    page = visible_text(pages["yunfan-logistics"].read_text(encoding="utf-8"))
    assert "合同履约对账单：杭州云帆物流有限公司" in page and "贵方履行" in page and "验收款 60%" in page
    body = page.split("合同履约对账单：杭州云帆物流有限公司")[-1].split("回到页面顶部")[0]  # the page, not the site's menu
    leaks = sorted({f for f in forbidden(ev, "id:yunfan-logistics", "zh") if f and f != "<" and f in body})
    assert leaks == []


def test_the_public_site_has_no_statements(public_site: Built) -> None:
    assert not (public_site.site / "statements").exists()
    assert not [p for p in public_site.site.rglob("*.html") if "对账单" in p.read_text(encoding="utf-8")]
