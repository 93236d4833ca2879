"""Simplified Chinese for the messages of the core and the command line (see core/i18n.py)."""

ZH: dict[str, str] = {
    "{field}: {reason}": "{field}：{reason}",
    "must not be negative: {value}": "不能为负数：{value}",
    "not a number: {value}": "不是数字：{value}",
    "amount must be exact to the fen (0.01): {value}": "金额最多精确到分（0.01）：{value}",
    "quantity allows at most 3 decimals: {value}": "数量最多 3 位小数：{value}",
    "quantity must be greater than 0: {value}": "数量必须大于 0：{value}",
    "unit {unit} is counted in whole numbers: {value}": "单位“{unit}”只能是整数数量：{value}",
    "percentage allows at most 2 decimals: {value}": "百分比最多 2 位小数：{value}",
    "percentage must be between 0 and 100: {value}": "百分比必须在 0 到 100 之间：{value}",
    "weight allows at most 2 decimals: {value}": "权重最多 2 位小数：{value}",
    "weight must be greater than 0: {value}": "权重必须大于 0：{value}",
    "must be 18 characters: {value}": "必须是 18 位：{value}",
    "invalid character {char}: {value}": "含有无效字符 {char}：{value}",
    "check character is wrong: {value}": "校验码错误：{value}",
    "must be 17 digits and a check character: {value}": "必须是 17 位数字加 1 位校验码：{value}",
    "birth date is not a real date: {value}": "出生日期不是有效日期：{value}",
    "must be 6 digits: {value}": "必须是 6 位数字：{value}",
    "{prefix} is not a province code: {value}": "{prefix} 不是省级代码：{value}",
    "must be 13 digits: {value}": "必须是 13 位数字：{value}",
    "check digit is wrong: {value}": "校验位错误：{value}",
    "not a database URL: {value}": "不是有效的数据库地址：{value}",
    "{path} is on a network share, where SQLite cannot lock safely. "
    "To share one database between counters, use PostgreSQL (--db postgresql+psycopg://…).": (
        "{path} 位于网络共享上，SQLite 无法在其上安全加锁。"
        "多个专柜共用一个数据库请使用 PostgreSQL（--db postgresql+psycopg://…）。"
    ),
    "cannot create folder {path}: {reason}": "无法创建文件夹 {path}：{reason}",
    "cannot open database {db}: {reason}": "无法打开数据库 {db}：{reason}",
    "'{command}' is not available in this version yet": "“{command}”命令将在后续版本中提供",
    "Bangfu consumption-assistance desktop application": "帮扶 · 消费帮扶桌面应用",
    "QR labels as PDF": "生成二维码标签 PDF",
    "SQLite file or SQLAlchemy URL (default: BANGFU_DB or the user data folder)": (
        "SQLite 文件或 SQLAlchemy 数据库地址（默认：BANGFU_DB 或用户数据文件夹）"
    ),
    "a bulk sale needs the buying organisation": "团购销售必须填写采购单位",
    "a counter sale needs a counter": "专柜销售必须指定专柜",
    "a counter sale needs a payment": "专柜销售必须有付款",
    "a sale needs at least one line": "销售至少需要一行商品",
    "already used by another sale: {value}": "已被另一笔销售使用：{value}",
    "amount must be greater than 0": "金额必须大于 0",
    "demo data loaded: {s} suppliers, {p} products, {h} households, {l} linkages, {n} sales": (
        "演示数据已载入：供应商 {s} 家，商品 {p} 种，帮扶户 {h} 户，利益联结 {l} 条，销售 {n} 笔"
    ),
    "error": "错误",
    "export to CSV or XLSX (ID numbers masked)": "导出为 CSV 或 XLSX（身份证号脱敏）",
    "fill an empty database with demo data": "向空数据库载入演示数据",
    "import a CSV or XLSX file": "导入 CSV 或 XLSX 文件",
    "language of messages and windows": "提示信息和窗口的语言",
    "last day of demo sales (default: today)": "演示销售的最后一天（默认：今天）",
    "less than the amount paid in cash": "少于现金支付金额",
    "monthly summary": "月度汇总",
    "must be YYYY-MM: {value}": "必须是 YYYY-MM 格式：{value}",
    "must be a date YYYY-MM-DD: {value}": "必须是 YYYY-MM-DD 格式的日期：{value}",
    "must be one of {choices}": "必须是以下之一：{choices}",
    "needs a time zone offset": "需要带时区偏移",
    "open the desktop application (the default)": "打开桌面应用（默认）",
    "page to show": "要显示的页面",
    "payments add up to {paid}, the sale is {total}": "付款合计 {paid}，与销售金额 {total} 不符",
    "per-household attribution": "按帮扶户的收益分配",
    "render the window to a PNG file and exit": "将窗口渲染为 PNG 文件后退出",
    "the database is not empty: the demo data goes only into a new database": (
        "数据库不是空的：演示数据只能载入新数据库"
    ),
    "unexpected failure; the details are in {log}": "发生意外错误，详情见 {log}",
    "unknown counter: {value}": "未知专柜：{value}",
    "unknown product id {value}": "未知商品编号 {value}",
    "unknown time zone: {value}": "未知时区：{value}",
    "{name}: certificate {cert_no} is {status} on {day}, it cannot be sold": (
        "{name}：认定证书 {cert_no} 在 {day} 的状态为“{status}”，不能销售"
    ),
    # Certificate states, shown inside other messages.
    "active": "有效",
    "pending": "未生效",
    "expired": "已过期",
    "suspended": "已暂停",
    "revoked": "已撤销",
}
