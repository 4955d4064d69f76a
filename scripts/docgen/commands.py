"""The command reference: one page per command of ``pactwatch.cli.COMMANDS``, every argument and option
as click itself formats it (its help text, choices, ranges and defaults)."""

from __future__ import annotations

import click

from scripts.docgen.page import Page, cell, fence, heading, table, words


def _command(name: str) -> click.Command:
    from pactwatch.cli import group

    command = group.get_command(click.Context(group), name)
    assert isinstance(command, click.Command), name
    return command


def _usage(name: str, command: click.Command) -> str:
    ctx = click.Context(command, info_name=f"pactwatch {name}")
    return " ".join(command.collect_usage_pieces(ctx)).join((f"pactwatch {name} ", ""))


def option_names(command: click.Command) -> list[str]:
    """Every option spelling and argument name a page must show (the tests check each appears)."""
    out: list[str] = []
    for param in command.params:
        if isinstance(param, click.Option):
            out += [*param.opts, *param.secondary_opts]
        else:
            out.append(param.human_readable_name)
    return out


def _rows(command: click.Command, ctx: click.Context) -> list[tuple[str, str]]:
    rows = []
    for param in command.params:
        if isinstance(param, click.Option):
            record = param.get_help_record(ctx)
            if record is not None:
                rows.append((f"`{record[0]}`", cell(record[1])))
        else:
            rows.append((f"`{param.human_readable_name}`", cell(f"argument ({param.type.name})")))
    return rows


def command_page(name: str, language: str) -> Page:
    from pactwatch.cli import COMMANDS

    command = _command(name)
    ctx = click.Context(command, info_name=f"pactwatch {name}")
    text = heading(f"pactwatch {name}") + f"{COMMANDS[name][2]}\n\n"
    text += fence(_usage(name, command), "sh") + "\n"
    text += (command.help or "").strip() + "\n\n"
    if language == "zh":
        text += "> 命令行的帮助文字只有英文；输出随组合的 `language:` 或 `--lang` 使用中文或英文。\n\n"
    text += f"## {words(language, 'Arguments and options', '参数与选项')}\n\n"
    text += table((words(language, "option", "选项"), words(language, "meaning", "含义")), _rows(command, ctx))
    return Page(f"{language}/reference/commands/{name}.md", text)


def index_page(language: str) -> Page:
    from pactwatch.cli import COMMANDS

    rows = [(f"[`pactwatch {name}`]({name}.md)", cell(entry[2])) for name, entry in COMMANDS.items()]
    intro = words(
        language,
        "Every command, as `pactwatch --help` lists it. Exit codes everywhere: 0 all well, 1 a problem was found, "
        "2 a usage or settings problem, 3 a bug.",
        "全部命令，与 `pactwatch --help` 的列表相同。退出码：0 一切正常，1 发现问题，2 用法或设置有误，3 程序缺陷。",
    )
    text = heading(f"{words(language, 'Commands', '命令')}") + f"{intro}\n\n"
    text += table((words(language, "command", "命令"), words(language, "what it does", "作用")), rows)
    return Page(f"{language}/reference/commands/index.md", text)


def pages(language: str) -> list[Page]:
    from pactwatch.cli import COMMANDS

    return [index_page(language), *(command_page(name, language) for name in COMMANDS)]
