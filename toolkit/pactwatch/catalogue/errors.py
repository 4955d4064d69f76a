"""Catalogue entries: the one-line errors ``pactwatch: …`` that stop a command (``PactwatchError``, ``UsageError``).

Facts are paths, option and variable names the user typed, numbers, and the reason the operating system or
mkdocs gave (their words, as they say them). Chinese quotes paths and values with 「」.
"""

from __future__ import annotations

from pactwatch.catalogue import Text

_FILES: dict[str, Text] = {
    "error.cannot_read": Text("无法读取「{path}」：{reason}", "cannot read {path}: {reason}"),
    "error.cannot_write": Text("无法写入「{path}」：{reason}", "cannot write {path}: {reason}"),
    # a portfolio's own templates and site files arrive by pull request: read only as regular files (safefs)
    "error.own_file.link": Text(
        "「{path}」是符号链接：合同库自己的模板和文件必须是普通文件",
        "{path} is a symbolic link: a portfolio's own templates and files must be regular files",
    ),
    "error.own_file.special": Text(
        "「{path}」不是普通文件（而是命名管道、套接字或设备）：合同库自己的模板和文件必须是普通文件",
        "{path} is not a regular file (it is a named pipe, a socket or a device):"
        " a portfolio's own templates and files must be regular files",
    ),
    "error.own_file.too_large": Text(
        "「{path}」超过 {limit} 字节：网站只复制更小的文件", "{path} is larger than {limit} bytes: the site copies only smaller files"
    ),
}

_OUTPUTS: dict[str, Text] = {
    # output folders build and feeds write and clean (outdir.py)
    "error.output.protected": Text(
        "「{folder}」会覆盖合同库的 `{name}`：请换一个输出文件夹",
        "{folder} would overwrite the portfolio's `{name}`: choose another output folder",
    ),
    "error.output.not_a_folder": Text(
        "「{folder}」不是文件夹：请换一个输出文件夹", "{folder} is not a folder: choose another output folder"
    ),
    "error.output.not_ours": Text(
        "「{folder}」不是空文件夹，也不是 pactwatch 建立的（其中没有 `{marker}`），写入时会删除其中的文件：请清空它或换一个输出文件夹",
        "{folder} is not empty and pactwatch did not make it (no `{marker}` in it), so pactwatch would delete what is in it:"
        " empty it or choose another output folder",
    ),
    "error.output.link": Text(
        "「{folder}」：「{step}」是符号链接；pactwatch 只写入真实的文件夹",
        "{folder}: {step} is a symbolic link; pactwatch writes only into real folders",
    ),
    "error.output.busy": Text(
        "另一个 pactwatch 正在写入「{folder}」（生成网站或日历订阅尚未结束）：请在它结束后再试",
        "another pactwatch is writing {folder} (a build or feeds still running): try again when it has finished",
    ),
    "error.site.pages": Text("无法把网站页面写入「{path}」：{reason}", "cannot write the site's pages to {path}: {reason}"),
    "error.site.search_index": Text(
        "无法把网站的搜索索引写入「{path}」：{reason}", "cannot write the site's search index to {path}: {reason}"
    ),
    "error.site.mkdocs_build": Text("mkdocs 无法生成网站：{reason}", "mkdocs could not build the site: {reason}"),
    "error.site.mkdocs_write": Text("mkdocs 无法写入网站：{reason}", "mkdocs could not write the site: {reason}"),
    "error.site.mkdocs_config": Text("「{path}」不是设置的映射（键: 值）", "{path} is not a mapping of settings"),
    "error.feeds.cannot_write": Text("无法把日历订阅写入「{path}」：{reason}", "cannot write feeds to {path}: {reason}"),
}

_OPTIONS: dict[str, Text] = {
    # what the command line or the environment says (UsageError, exit 2)
    "error.env.timestamp": Text(
        "{name} 的值「{value}」不是时间戳（自 1970-01-01 起的秒数）", "{name} {value!r} is not a Unix timestamp (seconds since 1970-01-01)"
    ),
    "error.env.jobs": Text("{name} 的值「{value}」不是进程数（1 或更大）", "{name}={value!r} is not a number of processes (1 or more)"),
    "error.option.value": Text("{option}：{problem}", "{option}: {problem}"),  # the problem a value parser found, worded
    "error.init.name": Text(
        "--name 必须是一行可打印的文字，最多 {limit} 个字符", "--name must be one line of printable text, at most {limit} characters"
    ),
    "error.init.timezone": Text(
        "「{value}」不是 IANA 时区名（例如 `Asia/Shanghai`、`Europe/Berlin`、`America/New_York`）",
        "{value!r} is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin, America/New_York)",
    ),
    "error.init.source": Text(
        "「{value}」不是可以安装的 git 地址：须为 `https://`、`ssh://` 或带路径的 `file://`，路径中不能有空格、引号、查询参数或 '@'"
        "（例如 `https://git.example.com/tools/pactwatch`）",
        "{value!r} is not a git address to install from: https://, ssh:// or file:// with a path,"
        " no spaces, quotes, query or '@' in the path (e.g. https://git.example.com/tools/pactwatch)",
    ),
    "error.build.size": Text("「{value}」不是大小（例如 1GB、800MB 或 250）", "not a size: {value!r} (write e.g. 1GB, 800MB or 250)"),
    "error.event.unreadable": Text("无法读取 --event「{path}」：{reason}", "--event {path}: {reason}"),
    "error.event.too_large": Text("--event「{path}」超过 GitHub 事件负载的上限", "--event {path}: larger than a GitHub event payload"),
    "error.event.not_json": Text(
        "--event「{path}」不是 JSON 格式的事件负载（第 {line} 行第 {column} 列）",
        "--event {path}: not a JSON event payload (line {line}, column {column})",
    ),
    "error.event.not_utf8": Text("--event「{path}」不是 UTF-8 编码的文本", "--event {path}: not UTF-8 text"),
    "error.event.not_object": Text("--event「{path}」不是 JSON 对象形式的事件负载", "--event {path}: not a JSON event payload (an object)"),
    "error.serve.listen": Text("无法在 {host}:{port} 上监听：{reason}", "cannot listen on {host}:{port}: {reason}"),
}

# the operating system's reasons people meet most, by errno name (errors.os_reason); others stay as the system says them
_OS: dict[str, Text] = {
    "error.os.ENOSPC": Text("磁盘空间不足", "no space left on the disk"),
    "error.os.EDQUOT": Text("超出磁盘配额", "over the disk quota"),
    "error.os.EACCES": Text("没有权限", "permission denied"),
    "error.os.EPERM": Text("不允许此操作", "operation not permitted"),
    "error.os.EROFS": Text("文件系统是只读的", "the file system is read-only"),
    "error.os.ENOENT": Text("文件或文件夹不存在", "no such file or folder"),
    "error.os.ENOTDIR": Text("路径上有一项不是文件夹", "a part of the path is not a folder"),
    "error.os.EISDIR": Text("这是一个文件夹", "it is a folder"),
    "error.os.EADDRINUSE": Text("地址已被占用", "the address is already in use"),
    "error.os.EADDRNOTAVAIL": Text("本机没有这个地址", "this machine has no such address"),
}

TEXTS: dict[str, Text] = {**_FILES, **_OUTPUTS, **_OPTIONS, **_OS}
