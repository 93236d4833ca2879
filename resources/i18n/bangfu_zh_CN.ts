<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="25" />
        <source>Bangfu consumption assistance</source>
        <translation>帮扶 · 消费帮扶管理系统</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="31" />
        <source>Bangfu</source>
        <translation>帮扶</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="56" />
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="57" />
        <source>Not signed in</source>
        <translation>未登录</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../gui/pages/__init__.py" line="29" />
        <source>Checkout</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="30" />
        <source>Products &amp; certificates</source>
        <translation>商品与认定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="31" />
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="32" />
        <source>Households</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="33" />
        <source>Cooperatives &amp; bulk orders</source>
        <translation>合作社与团购</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="34" />
        <source>Label printing</source>
        <translation>标签打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="35" />
        <source>Monthly summary</source>
        <translation>月度汇总</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="36" />
        <source>Users &amp; log</source>
        <translation>用户与日志</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="37" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../gui/pages/placeholder.py" line="12" />
        <source>This page is not available in this version yet.</source>
        <translation>此页面将在后续版本中提供。</translation>
    </message>
</context>
</TS>
