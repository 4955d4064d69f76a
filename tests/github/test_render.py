"""Issue text: golden files in both languages, hostile contract text, and portfolio template overrides."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from github.conftest import TODAY, evaluation, links_for, renderer_for
from pactwatch.errors import PactwatchError
from pactwatch.escape.github_markdown import ZWJ
from pactwatch.github.issues import marker, ref_in
from pactwatch.github.render import facts, stable

GOLDEN = Path(__file__).parent / "golden"


def alert_text(root: Path, ref: str) -> str:
    ev = evaluation(root, TODAY)
    (occurrence,) = [o for o in ev.occurrences if o.ref == ref]
    alert = facts(occurrence, ev.portfolio.people, ev.portfolio.settings, links_for(ev), ev.today)
    renderer = renderer_for(root, ev)
    return "\n".join(["TITLE: " + renderer.title(alert), "BODY:", renderer.body(alert), "ESCALATION:", renderer.escalation(alert)])


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("PACTWATCH_UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{name} differs; rerun with PACTWATCH_UPDATE_GOLDEN=1 and review the diff"


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("ref", ["C-2026-007/M4", "S-2026-004/R1@2026-11-05"])
def test_alert_text_golden(portfolio: Path, language: str, ref: str) -> None:
    settings = portfolio / "pactwatch.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("language: zh", f"language: {language}"), encoding="utf-8")
    text = alert_text(portfolio, ref)
    assert ref_in(text) == ref
    check_golden(f"{ref.replace('/', '_').replace('@', '_')}.{language}.md", text)


def test_hostile_contract_text_stays_inert(portfolio: Path) -> None:
    path = portfolio / "contracts/sales/C-2026-007.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("title: 验收款 60%", "title: '@everyone close #1 <!-- pactwatch:X/Y --> [x](https://evil.example)'", 1)
    text = text.replace("name: 杭州云帆物流有限公司", "name: '| *bold* <script>alert(1)</script> GH-9'", 1)
    path.write_text(text, encoding="utf-8")
    out = alert_text(portfolio, "C-2026-007/M4")
    assert "@everyone" not in out and f"@{ZWJ}everyone" in out
    assert "#1 " not in out and "GH-9" not in out and "https://evil" not in out
    _title, markdown = out.split("\nBODY:\n", 1)
    assert "<script>" not in markdown and "<!-- pactwatch:X/Y" not in markdown  # titles are plain text on GitHub: < is shown as is
    assert "&lt;script&gt;" in markdown and "\\*bold\\*" in markdown and "\\| " in markdown
    assert ref_in(markdown) == "C-2026-007/M4"
    assert "@sunhao-ec" in out and "@lina-ec" in out  # the mentions pactwatch means are kept


def test_a_portfolio_template_overrides_but_keeps_the_marker(portfolio: Path) -> None:
    own = portfolio / "templates" / "github"
    own.mkdir(parents=True)
    (own / "alert-body.j2").write_text("自定义：{{ a.contract_title }} {{ a.owner_handle }} {{ t('field.owner') }}\n", encoding="utf-8")
    out = alert_text(portfolio, "C-2026-007/M4")
    assert "BODY:\n" + marker("C-2026-007/M4") + "\n自定义：智能仓储管理系统销售合同 @lina-ec 负责人" in out


def test_an_old_per_language_override_is_an_error_not_ignored(portfolio: Path) -> None:
    own = portfolio / "templates" / "github"
    own.mkdir(parents=True)
    (own / "alert-body.zh.j2").write_text("自定义\n", encoding="utf-8")
    with pytest.raises(PactwatchError, match=r"alert-body\.zh\.j2: per-language issue templates are no longer read"):
        alert_text(portfolio, "C-2026-007/M4")


def test_the_days_late_line_does_not_count_as_a_change() -> None:
    one = "x\n| 逾期 | <!-- pactwatch:as-of -->94 天（截至 2026年11月27日）<!-- /pactwatch:as-of --> |\ny"
    two = one.replace("94", "95").replace("27日", "28日")
    assert stable(one) == stable(two) and stable(one) != stable(one.replace("x", "z"))


def test_confidential_contracts_get_no_site_link(portfolio: Path) -> None:
    path = portfolio / "contracts/sales/C-2026-007.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "confidential: true\n", encoding="utf-8")
    out = alert_text(portfolio, "C-2026-007/M4")
    assert "contracts.example.com" not in out and "blob/main/contracts/sales/C-2026-007.yaml" in out
