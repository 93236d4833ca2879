<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/import_dialog.py" line="40" />
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="41" />
        <location filename="../../gui/pages/suppliers.py" line="64" />
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="42" />
        <source>Households</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="43" />
        <source>Linkages</source>
        <translation>利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="54" />
        <location filename="../../gui/import_dialog.py" line="87" />
        <location filename="../../gui/import_dialog.py" line="120" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="62" />
        <source>CSV (UTF-8 or GB18030) or XLSX file</source>
        <translation>CSV（UTF-8 或 GB18030）或 XLSX 文件</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="64" />
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="68" />
        <source>Choose a file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="72" />
        <location filename="../../gui/import_dialog.py" line="134" />
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="73" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="74" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="85" />
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="90" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="94" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="104" />
        <source>First rows of the file</source>
        <translation>文件前几行</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="106" />
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="120" />
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="140" />
        <source>Press Check to check every row; nothing is written yet.</source>
        <translation>点击“检查”核对每一行；此时不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="153" />
        <source>Checking rows…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="159" />
        <source>No problems: {added} rows will be added, {skipped} are already present.</source>
        <translation>没有问题：将新增 {added} 行，{skipped} 行已存在。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="171" />
        <source>{n} problem(s); nothing was written. Fix the file and check again.</source>
        <translation>发现 {n} 个问题，未写入任何数据。请修改文件后重新检查。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="181" />
        <source>Line {line}: {cells}</source>
        <translation>第 {line} 行：{cells}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="189" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="195" />
        <source>Imported: {added} added, {skipped} already present.</source>
        <translation>导入完成：新增 {added} 条，{skipped} 条已存在。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="204" />
        <location filename="../../gui/import_dialog.py" line="214" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="204" />
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="216" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="51" />
        <source>Search: code, name or pinyin initials</source>
        <translation>搜索：编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="119" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="120" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="141" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="154" />
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="20" />
        <source>Not yet lifted</source>
        <translation>未脱贫</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="20" />
        <source>Lifted out of poverty</source>
        <translation>已脱贫</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="20" />
        <source>Monitored</source>
        <translation>监测户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="26" />
        <location filename="../../gui/pages/households.py" line="45" />
        <location filename="../../gui/pages/products.py" line="71" />
        <location filename="../../gui/pages/products.py" line="108" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="27" />
        <location filename="../../gui/pages/households.py" line="46" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="28" />
        <location filename="../../gui/pages/households.py" line="47" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="29" />
        <location filename="../../gui/pages/suppliers.py" line="57" />
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="30" />
        <location filename="../../gui/pages/households.py" line="49" />
        <source>Members</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="31" />
        <location filename="../../gui/pages/households.py" line="50" />
        <location filename="../../gui/pages/products.py" line="73" />
        <location filename="../../gui/pages/products.py" line="195" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="32" />
        <source>Linked suppliers</source>
        <translation>联结供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="36" />
        <location filename="../../gui/pages/products.py" line="90" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="38" />
        <source>New household…</source>
        <translation>新增帮扶户…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="39" />
        <location filename="../../gui/pages/products.py" line="95" />
        <location filename="../../gui/pages/suppliers.py" line="70" />
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="48" />
        <location filename="../../gui/pages/suppliers.py" line="127" />
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="59" />
        <source>New household</source>
        <translation>新增帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="67" />
        <source>Edit household {code}</source>
        <translation>编辑帮扶户 {code}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="50" />
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="51" />
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="52" />
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="53" />
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="54" />
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="55" />
        <source>Not yet valid</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="61" />
        <source>National</source>
        <translation>国家级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="62" />
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="63" />
        <source>Municipal</source>
        <translation>市级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="64" />
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="72" />
        <location filename="../../gui/pages/products.py" line="109" />
        <location filename="../../gui/pages/suppliers.py" line="55" />
        <location filename="../../gui/pages/suppliers.py" line="125" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="74" />
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="75" />
        <location filename="../../gui/pages/products.py" line="116" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="76" />
        <location filename="../../gui/pages/products.py" line="112" />
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="77" />
        <location filename="../../gui/pages/products.py" line="119" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="78" />
        <location filename="../../gui/pages/products.py" line="124" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="79" />
        <source>Certificate</source>
        <translation>认定证书</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="80" />
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="92" />
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="93" />
        <source>All categories</source>
        <translation>全部品类</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="94" />
        <source>New product…</source>
        <translation>新增商品…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="96" />
        <source>Certificate…</source>
        <translation>证书状态…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="117" />
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="118" />
        <source>Barcode (EAN-13)</source>
        <translation>条码（EAN-13）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="120" />
        <source>Certificate number</source>
        <translation>认定证书编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="121" />
        <source>Certificate level</source>
        <translation>认定级别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="122" />
        <source>Issued by</source>
        <translation>认定机构</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="123" />
        <source>Certified on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="125" />
        <source>Origin region code</source>
        <translation>产地区划代码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="126" />
        <source>Net weight per unit (kg)</source>
        <translation>每件净重（公斤）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="135" />
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="154" />
        <source>Edit product {code}</source>
        <translation>编辑商品 {code}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="174" />
        <source>Certificate {cert_no}</source>
        <translation>认定证书 {cert_no}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="177" />
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="178" />
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="179" />
        <source>Reinstate</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="180" />
        <source>Renew</source>
        <translation>续期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="194" />
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="196" />
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="197" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="198" />
        <source>New end date (renewal)</source>
        <translation>新的有效期至（续期）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="204" />
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="32" />
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="33" />
        <source>Cooperative</source>
        <translation>合作社</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="34" />
        <source>Family farm</source>
        <translation>家庭农场</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="35" />
        <source>Individual</source>
        <translation>个体户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="36" />
        <location filename="../../gui/pages/suppliers.py" line="46" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="42" />
        <source>Dividend</source>
        <translation>分红</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="43" />
        <source>Employment</source>
        <translation>务工就业</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="44" />
        <source>Purchase</source>
        <translation>订单收购</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="45" />
        <source>Land transfer</source>
        <translation>土地流转</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="54" />
        <location filename="../../gui/pages/suppliers.py" line="124" />
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="56" />
        <location filename="../../gui/pages/suppliers.py" line="126" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="59" />
        <source>Benefit rate</source>
        <translation>带贫比例</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="65" />
        <source>Linked households</source>
        <translation>联结户数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="66" />
        <location filename="../../gui/pages/suppliers.py" line="129" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="69" />
        <source>New supplier…</source>
        <translation>新增供应商…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="82" />
        <source>Household</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="83" />
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="84" />
        <location filename="../../gui/pages/suppliers.py" line="161" />
        <source>Mode</source>
        <translation>联结方式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="85" />
        <location filename="../../gui/pages/suppliers.py" line="160" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="86" />
        <source>Share of pool</source>
        <translation>分配占比</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="87" />
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="88" />
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="99" />
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="101" />
        <source>Add linkage…</source>
        <translation>新增联结…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="101" />
        <source>End linkage…</source>
        <translation>结束联结…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="113" />
        <source>Linkages of {name}</source>
        <translation>{name} 的利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="113" />
        <source>Select a supplier to see its linkages</source>
        <translation>选择一个供应商以查看其利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="128" />
        <source>Benefit rate (%)</source>
        <translation>带贫比例（%）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="138" />
        <source>New supplier</source>
        <translation>新增供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="146" />
        <source>Edit supplier</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="159" />
        <source>Household code</source>
        <translation>帮扶户编码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="162" />
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="163" />
        <source>Until month (optional)</source>
        <translation>截止月份（可不填）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="170" />
        <source>New linkage for {name}</source>
        <translation>为 {name} 新增利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="181" />
        <location filename="../../gui/pages/suppliers.py" line="188" />
        <source>End linkage</source>
        <translation>结束联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="181" />
        <source>Last month of the linkage (YYYY-MM)</source>
        <translation>联结的最后一个月（YYYY-MM）</translation>
    </message>
</context>
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
        <location filename="../../gui/pages/__init__.py" line="30" />
        <source>Checkout</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="31" />
        <source>Products &amp; certificates</source>
        <translation>商品与认定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="32" />
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="33" />
        <source>Households</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="34" />
        <source>Cooperatives &amp; bulk orders</source>
        <translation>合作社与团购</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="35" />
        <source>Label printing</source>
        <translation>标签打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="36" />
        <source>Monthly summary</source>
        <translation>月度汇总</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="37" />
        <source>Users &amp; log</source>
        <translation>用户与日志</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="38" />
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
<context>
    <name>Task</name>
    <message>
        <location filename="../../gui/tasks.py" line="58" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../gui/tasks.py" line="108" />
        <source>Unexpected failure; the details are in the log file.</source>
        <translation>发生意外错误，详情已写入日志文件。</translation>
    </message>
</context>
</TS>
