"""Catalogue entries: findings of reading and checking files (PW0xx-PW2xx, settings), and the words of validate/check.

Facts are language-free: keys and values the user typed, counts, codes. Chinese quotes user values
with '' and format keywords stay as typed ('payment', `people.yaml`).
"""

from __future__ import annotations

from pactwatch.catalogue import Text

_FILES: dict[str, Text] = {
    "finding.file.link": Text("这是符号链接", "is a symbolic link"),
    "finding.file.linked_folder": Text("路径上的「{path}」是符号链接", "{path} on its path is a symbolic link"),
    "finding.file.pipe": Text("这是命名管道，不是普通文件", "is a named pipe, not a regular file"),
    "finding.file.socket": Text("这是套接字，不是普通文件", "is a socket, not a regular file"),
    "finding.file.device": Text("这是设备或其他特殊文件，不是普通文件", "is a device or other special file, not a regular file"),
    "finding.file.regular_hint": Text(
        "提交文件本身：pactwatch 只读取组合内的普通文件", "commit the file itself: pactwatch reads only regular files inside the portfolio"
    ),
    "finding.file.denied": Text("没有读取这个文件的权限", "cannot read file: permission denied"),
    "finding.file.missing": Text("文件不存在", "cannot read file: it does not exist"),
    "finding.file.is_folder": Text("这是一个文件夹，不是文件", "cannot read file: it is a folder"),
    "finding.file.unreadable": Text("无法读取文件（{code}）", "cannot read file ({code})"),
    "finding.file.too_large": Text("文件有 {size} 字节，上限是 {limit} 字节", "file is {size} bytes; the limit is {limit}"),
    "finding.file.too_large_hint": Text("拆分合同，或把附件移出 YAML", "split the contract or move attachments out of the YAML"),
    "finding.people.missing": Text("缺少 `people.yaml`", "people.yaml is missing"),
    "finding.people.missing_hint": Text("列出负责合同和节点的人员", "list the people who own contracts and milestones"),
}

_YAML: dict[str, Text] = {
    "finding.yaml.utf16": Text("文件是 UTF-16 编码，不是 UTF-8", "file is UTF-16, not UTF-8"),
    "finding.yaml.save_utf8": Text("把文件另存为 UTF-8", "save the file as UTF-8"),
    "finding.yaml.not_utf8": Text("文件不是有效的 UTF-8（字节 0x{byte}）", "file is not valid UTF-8 (byte 0x{byte})"),
    "finding.yaml.gbk_hint": Text(
        "把文件另存为 UTF-8；GB18030/GBK 编码的文本须先转换", "save the file as UTF-8; GB18030/GBK text must be converted"
    ),
    "finding.yaml.empty": Text("文件是空的", "file is empty"),
    "finding.yaml.empty_hint": Text("合同文件是一个 YAML 映射（键: 值）", "a contract file is a YAML mapping"),
    "finding.yaml.second_document": Text(
        "一个文件只能有一个 YAML 文档，这里出现了第二个", "a file holds one YAML document; found a second"
    ),
    "finding.yaml.second_document_hint": Text("删除分隔行 '---'", "remove the '---' separator"),
    "finding.yaml.alias": Text("不允许使用别名 '*{name}'", "alias '*{name}' is not allowed"),
    "finding.yaml.anchor": Text("不允许使用锚点 '&{name}'", "anchor '&{name}' is not allowed"),
    "finding.yaml.merge_key": Text("不允许使用合并键 '<<'", "merge key '<<' is not allowed"),
    "finding.yaml.write_out": Text("把值完整写出来", "write the value out in full"),
    "finding.yaml.write_keys_out": Text("把各个键完整写出来", "write the keys out in full"),
    "finding.yaml.tag": Text("不允许使用显式标签 '{tag}'", "explicit tag '{tag}' is not allowed"),
    "finding.yaml.tag_hint": Text("改为给值加引号", "quote the value instead"),
    "finding.yaml.too_deep": Text("值的嵌套超过 {depth} 层", "values are nested more than {depth} levels deep"),
    "finding.yaml.complex_key": Text("键必须是文本，不能是列表或映射", "a key must be plain text, not a list or mapping"),
    "finding.yaml.duplicate_key": Text("键 '{key}' 重复", "duplicate key '{key}'"),
    "finding.yaml.duplicate_key_hint": Text(
        "同一映射中每个键只能出现一次：删除或改名其中一个", "each key may appear once in a mapping; remove or rename one"
    ),
    "finding.yaml.not_mapping": Text("文件必须是一个 YAML 映射（「键: 值」的行）", "the file must be a YAML mapping (key: value lines)"),
    "finding.yaml.number_too_long": Text(
        "数字 {number} 超过 {digits} 位，或指数超出 ±{exponent}",
        "number {number} has more than {digits} digits or an exponent beyond ±{exponent}",
    ),
    "finding.yaml.number_too_long_hint": Text(
        "把数字按常规写出，或加引号作为文本", "write the number out plainly, or quote it to keep it as text"
    ),
    "finding.yaml.control_char": Text(
        "文本中有控制字符 {char}（以转义写入）", "text holds the control character {char} (written as an escape)"
    ),
    "finding.yaml.control_char_hint": Text(
        "删除它：文本可以有制表符和换行，不能有其他控制字符", "remove it: text may hold tabs and line breaks, no other control character"
    ),
    "finding.yaml.forbidden_char": Text("YAML 中不允许出现字符 {char}", "character {char} is not allowed in YAML"),
    "finding.yaml.forbidden_char_hint": Text("删除它，或重新输入它周围的文字", "delete it or retype the text around it"),
    "finding.yaml.tab_hint": Text("YAML 的缩进必须用空格，不能用制表符", "YAML indentation must use spaces, not tabs"),
}

# libyaml's problems, each worded whole (parse_text picks the id; anything else is the plain "syntax error").
_SYNTAX: dict[str, Text] = {
    "finding.yaml.syntax": Text("YAML 语法错误", "YAML syntax error"),
    "finding.yaml.syntax.no_colon": Text("YAML 语法错误：找不到应有的冒号 ':'", "YAML syntax error: could not find expected ':'"),
    "finding.yaml.syntax.colon_here": Text(
        "YAML 语法错误：此处不能出现「键: 值」（缩进不对，或值中的 ': ' 需要加引号）",
        "YAML syntax error: mapping values are not allowed here (wrong indentation, or a ': ' in a value that needs quotes)",
    ),
    "finding.yaml.syntax.tab": Text("YAML 语法错误：缩进中有制表符", "YAML syntax error: found a tab character that violates indentation"),
    "finding.yaml.syntax.bad_start": Text(
        "YAML 语法错误：这个字符不能作为值的开头", "YAML syntax error: found a character that cannot start any token"
    ),
    "finding.yaml.syntax.indent": Text(
        "YAML 语法错误：缩进不对（找不到应有的键）", "YAML syntax error: wrong indentation (did not find the expected key)"
    ),
    "finding.yaml.syntax.flow_list": Text(
        "YAML 语法错误：列表 [...] 中应为 ',' 或 ']'", "YAML syntax error: did not find expected ',' or ']' in a [...] list"
    ),
    "finding.yaml.syntax.flow_map": Text(
        "YAML 语法错误：映射 {{...}} 中应为 ',' 或 '}}'", "YAML syntax error: did not find expected ',' or '}}' in a {{...}} mapping"
    ),
    "finding.yaml.syntax.end": Text("YAML 语法错误：文件意外结束", "YAML syntax error: found unexpected end of the file"),
    "finding.yaml.syntax.escape": Text(
        "YAML 语法错误：双引号文本中的转义（\\）无效", "YAML syntax error: an invalid escape (\\) in double-quoted text"
    ),
    "finding.yaml.syntax.no_value": Text("YAML 语法错误：这里应有一个值", "YAML syntax error: did not find expected node content"),
    "finding.yaml.syntax.dash_here": Text(
        "YAML 语法错误：此处不能出现列表项 '- '", "YAML syntax error: block sequence entries are not allowed here"
    ),
    "finding.yaml.syntax.after_value": Text(
        "YAML 语法错误：值后面应为注释或换行", "YAML syntax error: did not find expected comment or line break after the value"
    ),
    "finding.yaml.syntax.document": Text("YAML 语法错误：意外的文档分隔行", "YAML syntax error: unexpected document separator"),
    "finding.yaml.syntax.name": Text(
        "YAML 语法错误：锚点、别名或标签的名称无效", "YAML syntax error: an anchor, alias or tag has an invalid name"
    ),
    "finding.yaml.syntax.block_scalar": Text(
        "YAML 语法错误：多行文本（| 或 >）的标记无效", "YAML syntax error: invalid indicators after | or > of a block scalar"
    ),
    "finding.yaml.unclosed_quote": Text(
        "YAML 语法错误：从这里开始的引号到文件末尾都没有闭合", "YAML syntax error: the quote that starts here is never closed"
    ),
    "finding.yaml.unclosed_list": Text(
        "YAML 语法错误：从这里开始的 '[' 到文件末尾都没有闭合", "YAML syntax error: the '[' that starts here is never closed"
    ),
    "finding.yaml.unclosed_map": Text(
        "YAML 语法错误：从这里开始的 '{{' 到文件末尾都没有闭合", "YAML syntax error: the '{{' that starts here is never closed"
    ),
}

# Full-width punctuation typed where YAML needs the ASCII character (load/fullwidth.py).
_FULLWIDTH: dict[str, Text] = {
    "finding.fullwidth.colon": Text(
        "这里用了全角冒号「：」，YAML 的键后面要用英文冒号", "a full-width colon '：' where YAML needs the ASCII colon"
    ),
    "finding.fullwidth.colon_hint": Text(
        "把全角冒号「：」改成英文冒号「:」，后面加一个空格", "use the ASCII colon ':' followed by a space"
    ),
    "finding.fullwidth.space": Text(
        "这里用了全角空格（U+3000），YAML 只认英文空格", "a full-width space (U+3000) where YAML needs ASCII spaces"
    ),
    "finding.fullwidth.space_hint": Text(
        "把全角空格换成英文空格（缩进用英文空格）", "replace it with ASCII spaces (indent with ASCII spaces)"
    ),
    "finding.fullwidth.colon_space": Text(
        "冒号后面用了全角空格（U+3000），YAML 认不出这个键", "a full-width space (U+3000) after the colon: YAML sees no key here"
    ),
    "finding.fullwidth.colon_space_hint": Text("在冒号「:」后面输入英文空格", "type an ASCII space after the colon ':'"),
    "finding.fullwidth.comma": Text(
        "列表中用了全角逗号「，」，YAML 不会在这里分开各项", "a full-width comma '，' in a list: YAML does not split items there"
    ),
    "finding.fullwidth.comma_hint": Text(
        "把全角逗号「，」改成英文逗号「,」；逗号本是文字的一部分时，给这一项加引号",
        "use the ASCII comma ','; quote the item if the comma belongs to the text",
    ),
    "finding.fullwidth.bracket": Text(
        "这里用了全角括号「{char}」，YAML 的列表和映射要用英文括号", "a full-width bracket '{char}' where YAML needs an ASCII bracket"
    ),
    "finding.fullwidth.bracket_hint": Text("把「{char}」改成英文的「{ascii}」", "type the ASCII '{ascii}' instead of '{char}'"),
    "finding.fullwidth.quote": Text(
        "这里用了中文引号「{char}」，YAML 的引号要用英文引号", "a full-width quote '{char}' where YAML needs an ASCII quote"
    ),
    "finding.fullwidth.quote_hint": Text(
        '用英文引号 " 把整个值括起来（中文引号可以留在引号里面）', 'quote the whole value with ASCII " (a full-width quote may stay inside)'
    ),
}

_SCHEMA: dict[str, Text] = {
    "finding.schema.required": Text("'{field}' 缺少必填键 '{key}'", "missing required key '{key}' in {field}"),
    "finding.schema.required_top": Text("文件缺少必填键 '{key}'", "missing required key '{key}' in the file"),
    "finding.schema.add_key": Text("添加 '{key}:'", "add '{key}:'"),
    "finding.schema.unknown_key": Text("未知的键 '{key}'", "unknown key '{key}'"),
    "finding.schema.did_you_mean": Text("您是不是想写 '{suggestion}'？", "did you mean '{suggestion}'?"),
    "finding.schema.allowed_keys": Text("可用的键：{keys}", "allowed keys: {keys}"),
    "finding.schema.type.string": Text("'{field}' 应为文本", "{field} must be text"),
    "finding.schema.type.integer": Text("'{field}' 应为整数", "{field} must be a whole number"),
    "finding.schema.type.number": Text("'{field}' 应为数字", "{field} must be a number"),
    "finding.schema.type.boolean": Text("'{field}' 应为 true 或 false", "{field} must be true or false"),
    "finding.schema.type.array": Text("'{field}' 应为列表", "{field} must be a list"),
    "finding.schema.type.object": Text("'{field}' 应为映射（键: 值）", "{field} must be a mapping (key: value)"),
    "finding.schema.type.array_object": Text("'{field}' 应为列表或映射", "{field} must be a list or a mapping"),
    "finding.schema.type.string_null": Text("'{field}' 应为文本或留空", "{field} must be text or empty"),
    "finding.schema.type.scalar": Text("'{field}' 应为一个数字、文本或 true/false", "{field} must be a number, text or true/false"),
    "finding.schema.type.other": Text("'{field}' 的类型应为 {types}", "{field} must be of type {types}"),
    "finding.schema.got.value": Text("这里写的是 {value}", "found {value}"),
    "finding.schema.got.empty": Text("这里没有写值", "found nothing (an empty value)"),
    "finding.schema.got.list": Text("这里写的是一个列表", "found a list"),
    "finding.schema.got.mapping": Text("这里写的是一个映射", "found a mapping"),
    "finding.schema.yaml11_boolean": Text("只有 true 和 false 是布尔值（YAML 1.2）", "only true and false are booleans (YAML 1.2)"),
    "finding.schema.quote_number": Text("给值加引号，作为文本保留", "quote the value to keep it as text"),
    "finding.schema.plain_number": Text(
        "金额写成普通数字，如 1200000.00（不用分隔符，不带币种符号）",
        "write the amount as a plain number such as 1200000.00 (no separators, no currency sign)",
    ),
    "finding.schema.enum": Text("'{field}' 的值 {value} 不在可选值中：{choices}", "{field} {value} is not one of: {choices}"),
    "finding.schema.write_as": Text("'{value}' 应写作 '{suggestion}'", "write '{suggestion}' for {value}"),
    "finding.schema.pattern": Text("'{field}' 的值 {value} 格式不对", "{field} {value} does not have the required form"),
    "finding.schema.key_pattern": Text("'{field}' 中的键 {value} 格式不对", "key {value} in {field} does not have the required form"),
    "finding.schema.minimum": Text("'{field}' 的值 {value} 不能小于 {limit}", "{field} {value} must be at least {limit}"),
    "finding.schema.maximum": Text("'{field}' 的值 {value} 不能大于 {limit}", "{field} {value} must be at most {limit}"),
    "finding.schema.exclusiveMinimum": Text("'{field}' 的值 {value} 必须大于 {limit}", "{field} {value} must be more than {limit}"),
    "finding.schema.exclusiveMaximum": Text("'{field}' 的值 {value} 必须小于 {limit}", "{field} {value} must be less than {limit}"),
    "finding.schema.minLength": Text("'{field}' 至少要有 {limit} 个字符", "{field} must be at least {limit} characters long"),
    "finding.schema.maxLength": Text("'{field}' 最多 {limit} 个字符", "{field} must be at most {limit} characters long"),
    "finding.schema.minItems": Text("'{field}' 至少要有 {limit} 项", "{field} must have at least {limit} items"),
    "finding.schema.maxItems": Text("'{field}' 最多 {limit} 项", "{field} must have at most {limit} items"),
    "finding.schema.due_after_one_of": Text(
        "'due_after' 须有 'days' 或 'working_days' 中的一个，且只能有一个", "due_after needs exactly one of 'days' or 'working_days'"
    ),
    "finding.schema.due_after_example": Text("例如 due_after: {{milestone: M3, days: 30}}", "e.g. due_after: {{milestone: M3, days: 30}}"),
    "finding.schema.repeat_one_of": Text(
        "'repeat' 须有 'until' 或 'count' 中的一个，且只能有一个", "repeat needs exactly one of 'until' or 'count'"
    ),
    "finding.schema.repeat_example": Text(
        "例如 repeat: {{every: 1 month, until: 2027-06-30}}", "e.g. repeat: {{every: 1 month, until: 2027-06-30}}"
    ),
    "finding.schema.due_missing_hint": Text(
        "添加 'due:'（或者用 'due_after:' 表示在另一节点之后的日期）", "add 'due:' (or 'due_after:' for a date after another milestone)"
    ),
    "finding.schema.due_and_due_after": Text(
        "节点 {milestone} 同时写了 'due' 和 'due_after'", "milestone {milestone} has both due and due_after"
    ),
    "finding.schema.due_and_due_after_hint": Text(
        "只留一个：固定日期用 'due'，在某节点之后的日期用 'due_after'",
        "keep one: due for a fixed date, due_after for one after a milestone",
    ),
    "finding.schema.one_of": Text("'{field}' 不符合格式：须恰好符合其中一种写法", "{field} must match exactly one of its allowed forms"),
    "finding.schema.other": Text("'{field}' 不符合格式（规则 '{rule}'）", "{field} breaks the format's rule '{rule}'"),
}

# What a value of a pattern should look like (schema.py picks the id by the pattern; PW205's hint).
_FORMS: dict[str, Text] = {
    "finding.form.date": Text("日期写成 YYYY-MM-DD，如 2026-03-31", "write a date as YYYY-MM-DD, e.g. 2026-03-31"),
    "finding.form.currency": Text("写三个大写字母的 ISO 4217 币种代码，如 CNY", "write a three-letter ISO 4217 currency code, e.g. CNY"),
    "finding.form.country": Text("写 ISO 3166 国家代码，如 CN", "write an ISO 3166 country code, e.g. CN"),
    "finding.form.id": Text(
        "ID 以字母或数字开头，只含字母、数字和 . _ -，最多 64 个字符",
        "an id starts with a letter or digit and holds only letters, digits, '.', '_' and '-' (64 at most)",
    ),
    "finding.form.person": Text(
        "人员 ID 只用小写字母、数字和 . _ -，如 li.na", "a person id holds lowercase letters, digits, '.', '_' and '-' only, e.g. li.na"
    ),
    "finding.form.milestone_ref": Text("写节点的 ID，循环节点写 R1@2026-05-31", "write a milestone id, or R1@2026-05-31 for an occurrence"),
    "finding.form.every": Text(
        "写成「数字 单位」，如 '1 month'、'2 weeks'、'1 quarter'", "write a number and a unit, e.g. 1 month, 2 weeks, 1 quarter"
    ),
    "finding.form.term_key": Text(
        "键以字母、数字、下划线或汉字开头，最多 64 个字符", "a key starts with a letter, digit, '_' or a Chinese character (64 at most)"
    ),
    "finding.form.one_line": Text(
        "只能写一行（换行会拆开提醒邮件的邮件头）", "one line only (a line break would split reminder e-mail headers)"
    ),
    "finding.form.email": Text("写一个邮件地址，如 li.na@example.com", "write an e-mail address, e.g. li.na@example.com"),
    "finding.form.github": Text("写 GitHub 用户名（字母、数字和 -）", "write a GitHub user name (letters, digits and '-')"),
    "finding.form.mobile": Text("写 5 到 20 位数字，可带 + 、空格和 -", "write 5 to 20 digits, with an optional +, spaces and '-'"),
    "finding.form.http": Text("以 http:// 或 https:// 开头", "start with http:// or https://"),
    "finding.form.repository": Text("写成 owner/name，如 acme/contracts", "write owner/name, e.g. acme/contracts"),
    "finding.form.reviewer": Text("写成 @用户名 或 @组织/团队", "write @user or @org/team"),
    "finding.form.env": Text("写环境变量名（大写字母、数字和 _）", "write an environment variable name (capitals, digits and '_')"),
    "finding.form.robot": Text("用小写字母、数字、_ 和 -，最多 40 个字符", "use lowercase letters, digits, '_' and '-' (40 at most)"),
    "finding.form.host": Text("写主机名，如 smtp.example.com", "write a host name, e.g. smtp.example.com"),
    "finding.form.pattern": Text("应符合正则表达式 {pattern}", "it must match the pattern {pattern}"),
}

_SETTINGS: dict[str, Text] = {
    "finding.settings.timezone": Text("未知的时区 '{name}'", "unknown time zone '{name}'"),
    "finding.settings.timezone_hint": Text("使用 IANA 时区名，如 Asia/Shanghai 或 UTC", "use an IANA name such as Asia/Shanghai or UTC"),
    "finding.settings.site_url": Text("site_url '{url}' 不是普通的 http(s) 地址", "site_url '{url}' is not a plain http(s) address"),
    "finding.settings.site_url_hint": Text(
        "例如 https://contracts.example.com/（主机名加路径；不能有空格、引号、<>、查询或锚点）",
        "e.g. https://contracts.example.com/ (a host, then a path; no spaces, quotes, <>, query or fragment)",
    ),
    "finding.settings.country": Text("未知的国家代码 '{country}'", "unknown country code '{country}'"),
    "finding.settings.subdivision": Text(
        "{country} 没有行政区 '{subdivision}'（已知：{known}）", "{country} has no subdivision '{subdivision}' (known: {known})"
    ),
    "finding.settings.calendar_hint": Text(
        "使用 `holidays` 软件包认识的代码，如 country: CN", "use a code the holidays package knows, e.g. country: CN"
    ),
    "finding.settings.no_date": Text("{text} 不是一个存在的日期", "{text} is not a real date"),
    "finding.settings.no_date_hint": Text("检查日和月", "check the day and the month"),
    "finding.settings.business_day": Text("设置了工作日顺延规则，却没有日历", "a business-day convention without a calendar"),
    "finding.settings.working_reminders": Text("提醒按工作日计，却没有日历", "reminders in working days without a calendar"),
    "finding.settings.calendar_needed_hint": Text(
        "添加 calendar: {{country: CN}}（工作日需要日历）", "add calendar: {{country: CN}} (working days need a calendar)"
    ),
    "finding.settings.no_timezone": Text("没有设置时区（`timezone:`），今天按 UTC 计算", "no timezone: today is taken in UTC"),
    "finding.settings.no_timezone_hint": Text(
        "把 timezone: 设为办公室的 IANA 时区，如 timezone: Europe/Berlin（只写 language: zh 即为 Asia/Shanghai）",
        "set timezone: to the office's IANA zone, e.g. timezone: Europe/Berlin (language: zh alone means Asia/Shanghai)",
    ),
    "finding.settings.no_file": Text("没有 {file}，因此没有时区：今天按 UTC 计算", "no {file}, so no timezone: today is taken in UTC"),
    "finding.settings.no_file_hint": Text(
        "创建 {file}，写上 timezone: 和办公室的 IANA 时区，如 timezone: Europe/Berlin",
        "create {file} with timezone: and the office's IANA zone, e.g. timezone: Europe/Berlin",
    ),
}

# The words of `validate` and `check` around the findings (counts take en_one for "1 error").
_COMMANDS: dict[str, Text] = {
    "validate.files": Text("已检查 {count} 个合同文件", "{count} contract files checked", "1 contract file checked"),
    "validate.errors": Text("{count} 个错误", "{count} errors", "1 error"),
    "validate.warnings": Text("{count} 个警告", "{count} warnings", "1 warning"),
    "validate.summary": Text("{files}：{errors}，{warnings}。", "{files}: {errors}, {warnings}."),
    "validate.settings_unusable": Text("pactwatch.yml 无法使用：", "pactwatch.yml cannot be used:"),  # cli.bad_settings's words
}

TEXTS: dict[str, Text] = {**_FILES, **_YAML, **_SYNTAX, **_FULLWIDTH, **_SCHEMA, **_FORMS, **_SETTINGS, **_COMMANDS}
