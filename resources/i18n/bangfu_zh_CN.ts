<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../gui/import_dialog.py" line="38"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="39"/>
        <location filename="../../gui/pages/suppliers.py" line="61"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="40"/>
        <source>Households</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="41"/>
        <source>Linkages</source>
        <translation>利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="42"/>
        <source>Sales and refunds</source>
        <translation>销售与退货</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="54"/>
        <location filename="../../gui/import_dialog.py" line="87"/>
        <location filename="../../gui/import_dialog.py" line="120"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="62"/>
        <source>CSV (UTF-8 or GB18030) or XLSX file</source>
        <translation>CSV（UTF-8 或 GB18030）或 XLSX 文件</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="64"/>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="68"/>
        <source>Choose a file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="72"/>
        <location filename="../../gui/import_dialog.py" line="134"/>
        <source>Line</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="73"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="74"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="85"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="90"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="94"/>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="104"/>
        <source>First rows of the file</source>
        <translation>文件前几行</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="106"/>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="120"/>
        <source>Spreadsheets (*.csv *.xlsx)</source>
        <translation>表格文件 (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="140"/>
        <source>Press Check to check every row; nothing is written yet.</source>
        <translation>点击“检查”核对每一行；此时不会写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="150"/>
        <source>Checking rows…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="161"/>
        <source>No problems: {added} rows will be added, {skipped} are already present.</source>
        <translation>没有问题：将新增 {added} 行，{skipped} 行已存在。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="173"/>
        <source>{n} problem(s); nothing was written. Fix the file and check again.</source>
        <translation>发现 {n} 个问题，未写入任何数据。请修改文件后重新检查。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="183"/>
        <source>Line {line}: {cells}</source>
        <translation>第 {line} 行：{cells}</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="150"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="192"/>
        <source>Imported: {added} added, {skipped} already present.</source>
        <translation>导入完成：新增 {added} 条，{skipped} 条已存在。</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="201"/>
        <location filename="../../gui/import_dialog.py" line="207"/>
        <location filename="../../gui/pages/summary.py" line="371"/>
        <location filename="../../gui/pages/users.py" line="117"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="201"/>
        <location filename="../../gui/pages/users.py" line="117"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/import_dialog.py" line="216"/>
        <location filename="../../gui/pages/users.py" line="136"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="69"/>
        <source>Search: code, name or pinyin initials</source>
        <translation>搜索：编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="136"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="138"/>
        <location filename="../../gui/pages/users.py" line="108"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/common.py" line="168"/>
        <source>{shown} of {total} shown</source>
        <translation>显示 {shown} / 共 {total} 条</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="19"/>
        <source>Not yet lifted</source>
        <translation>未脱贫</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="19"/>
        <source>Lifted out of poverty</source>
        <translation>已脱贫</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="19"/>
        <source>Monitored</source>
        <translation>监测户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="25"/>
        <location filename="../../gui/pages/households.py" line="67"/>
        <location filename="../../gui/pages/labels.py" line="55"/>
        <location filename="../../gui/pages/products.py" line="73"/>
        <location filename="../../gui/pages/products.py" line="111"/>
        <location filename="../../gui/pages/settings.py" line="70"/>
        <location filename="../../gui/pages/settings.py" line="143"/>
        <location filename="../../gui/pages/stock.py" line="39"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="26"/>
        <location filename="../../gui/pages/households.py" line="68"/>
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="27"/>
        <location filename="../../gui/pages/households.py" line="58"/>
        <location filename="../../gui/pages/households.py" line="69"/>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="28"/>
        <location filename="../../gui/pages/suppliers.py" line="54"/>
        <source>Region</source>
        <translation>行政区划</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="29"/>
        <location filename="../../gui/pages/households.py" line="71"/>
        <source>Members</source>
        <translation>家庭人口</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="30"/>
        <location filename="../../gui/pages/households.py" line="72"/>
        <location filename="../../gui/pages/products.py" line="75"/>
        <location filename="../../gui/pages/products.py" line="187"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="31"/>
        <source>Linked suppliers</source>
        <translation>联结供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="42"/>
        <location filename="../../gui/pages/products.py" line="94"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="44"/>
        <source>New household…</source>
        <translation>新增帮扶户…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="45"/>
        <location filename="../../gui/pages/products.py" line="99"/>
        <location filename="../../gui/pages/suppliers.py" line="74"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="47"/>
        <source>Show ID number…</source>
        <translation>查看身份证号…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="303"/>
        <location filename="../../gui/pages/households.py" line="70"/>
        <location filename="../../gui/pages/suppliers.py" line="137"/>
        <source>Region code</source>
        <translation>行政区划代码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="81"/>
        <source>New household</source>
        <translation>新增帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/households.py" line="89"/>
        <source>Edit household {code}</source>
        <translation>编辑帮扶户 {code}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="52"/>
        <location filename="../../gui/pages/users.py" line="35"/>
        <source>Active</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="53"/>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="54"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="55"/>
        <source>Suspended</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="56"/>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="57"/>
        <source>Not yet valid</source>
        <translation>未生效</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="63"/>
        <source>National</source>
        <translation>国家级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="64"/>
        <source>Provincial</source>
        <translation>省级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="65"/>
        <source>Municipal</source>
        <translation>市级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="66"/>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="301"/>
        <location filename="../../gui/pages/coop.py" line="370"/>
        <location filename="../../gui/pages/products.py" line="74"/>
        <location filename="../../gui/pages/products.py" line="112"/>
        <location filename="../../gui/pages/settings.py" line="71"/>
        <location filename="../../gui/pages/settings.py" line="78"/>
        <location filename="../../gui/pages/settings.py" line="144"/>
        <location filename="../../gui/pages/stock.py" line="40"/>
        <location filename="../../gui/pages/suppliers.py" line="52"/>
        <location filename="../../gui/pages/suppliers.py" line="135"/>
        <location filename="../../gui/pages/users.py" line="32"/>
        <location filename="../../gui/pages/users.py" line="45"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="97"/>
        <location filename="../../gui/pages/counter.py" line="246"/>
        <location filename="../../gui/pages/products.py" line="76"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="77"/>
        <location filename="../../gui/pages/products.py" line="119"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="78"/>
        <location filename="../../gui/pages/products.py" line="115"/>
        <source>Category</source>
        <translation>品类</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="79"/>
        <location filename="../../gui/pages/products.py" line="122"/>
        <location filename="../../gui/pages/settlement.py" line="42"/>
        <location filename="../../gui/pages/summary.py" line="166"/>
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="80"/>
        <location filename="../../gui/pages/products.py" line="127"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="81"/>
        <source>Certificate</source>
        <translation>认定证书</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="82"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="96"/>
        <source>All suppliers</source>
        <translation>全部供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="97"/>
        <source>All categories</source>
        <translation>全部品类</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="98"/>
        <source>New product…</source>
        <translation>新增商品…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="101"/>
        <source>Certificate…</source>
        <translation>证书状态…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="112"/>
        <location filename="../../gui/pages/products.py" line="120"/>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="121"/>
        <source>Barcode (EAN-13 or EAN-8)</source>
        <translation>条码（EAN-13 或 EAN-8）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="123"/>
        <source>Certificate number</source>
        <translation>认定证书编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="124"/>
        <source>Certificate level</source>
        <translation>认定级别</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="125"/>
        <source>Issued by</source>
        <translation>认定机构</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="126"/>
        <source>Certified on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="128"/>
        <source>Origin region code</source>
        <translation>产地区划代码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="129"/>
        <source>Net weight per unit (kg)</source>
        <translation>每件净重（公斤）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="132"/>
        <source>Supply price (yuan, paid per unit sold)</source>
        <translation>供货价（元，按售出数量结算）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="142"/>
        <source>New product</source>
        <translation>新增商品</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="150"/>
        <source>Edit product {code}</source>
        <translation>编辑商品 {code}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="170"/>
        <source>Certificate {cert_no}</source>
        <translation>认定证书 {cert_no}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="173"/>
        <source>Suspend</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="174"/>
        <source>Revoke</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="175"/>
        <source>Reinstate</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="176"/>
        <source>Renew</source>
        <translation>续期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="95"/>
        <location filename="../../gui/pages/coop.py" line="110"/>
        <location filename="../../gui/pages/coop.py" line="368"/>
        <location filename="../../gui/pages/counter.py" line="243"/>
        <location filename="../../gui/pages/labels.py" line="55"/>
        <location filename="../../gui/pages/products.py" line="186"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="188"/>
        <source>Change</source>
        <translation>变更</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="73"/>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="74"/>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="75"/>
        <source>UnionPay card</source>
        <translation>银联卡</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="82"/>
        <source>Pay</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="83"/>
        <source>Print receipt again</source>
        <translation>重打小票</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="88"/>
        <source>Remove line</source>
        <translation>删除行</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="89"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="98"/>
        <source>Manager approval</source>
        <translation>店长授权</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="102"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="128"/>
        <source>Payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="133"/>
        <source>cash handed over (empty: exact)</source>
        <translation>顾客实付现金（不填：正好）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="137"/>
        <source>To pay</source>
        <translation>应收</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="138"/>
        <source>Cash tendered</source>
        <translation>现金实收</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="142"/>
        <source>reference (optional)</source>
        <translation>交易号（可不填）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="154"/>
        <source>Change due</source>
        <translation>找零</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="170"/>
        <location filename="../../gui/pages/counter.py" line="712"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="175"/>
        <source>The card and mobile payments exceed the total.</source>
        <translation>银行卡和移动支付金额超过应收金额。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="178"/>
        <source>cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="180"/>
        <source>Cash tendered is less than the cash part {0}.</source>
        <translation>现金实收少于现金应收 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="229"/>
        <source>Scan a barcode or label, or type a code, name or pinyin initials, then Enter</source>
        <translation>扫描条码或标签二维码，或输入编码、名称、拼音首字母后按回车</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="60"/>
        <source>Ordered</source>
        <translation>已下单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="61"/>
        <location filename="../../gui/pages/coop.py" line="246"/>
        <source>Delivered</source>
        <translation>已送达</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="62"/>
        <location filename="../../gui/pages/coop.py" line="247"/>
        <source>Paid</source>
        <translation>已结算</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="63"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="77"/>
        <source>Product code, name or pinyin initials</source>
        <translation>商品编码、名称或拼音首字母</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="80"/>
        <source>default: the product&apos;s price</source>
        <translation>默认：商品价格</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="82"/>
        <source>Cooperative (market, farm gate)</source>
        <translation>合作社直销（集市、地头）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="83"/>
        <source>Online shop</source>
        <translation>网店</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="88"/>
        <source>Add line</source>
        <translation>添加一行</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="91"/>
        <source>Record the sale</source>
        <translation>记录销售</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="96"/>
        <location filename="../../gui/pages/coop.py" line="111"/>
        <location filename="../../gui/pages/coop.py" line="292"/>
        <location filename="../../gui/pages/counter.py" line="80"/>
        <location filename="../../gui/pages/counter.py" line="244"/>
        <location filename="../../gui/pages/counter.py" line="518"/>
        <location filename="../../gui/pages/points.py" line="76"/>
        <location filename="../../gui/pages/stock.py" line="124"/>
        <location filename="../../gui/pages/stock.py" line="160"/>
        <location filename="../../gui/refund_dialog.py" line="26"/>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="98"/>
        <location filename="../../gui/pages/coop.py" line="128"/>
        <location filename="../../gui/pages/coop.py" line="240"/>
        <location filename="../../gui/pages/counter.py" line="250"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="105"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="106"/>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="113"/>
        <location filename="../../gui/pages/coop.py" line="127"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="114"/>
        <location filename="../../gui/pages/coop.py" line="126"/>
        <location filename="../../gui/pages/points.py" line="306"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="137"/>
        <source>Import sales…</source>
        <translation>导入销售…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="140"/>
        <source>What our linked households received</source>
        <translation>本社联结帮扶户的收益</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="142"/>
        <source>Recent sales (30 days)</source>
        <translation>近 30 天的销售</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="185"/>
        <location filename="../../gui/pages/counter.py" line="367"/>
        <source>Total {0}</source>
        <translation>合计 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="208"/>
        <source>Recorded {0}: {1}.</source>
        <translation>已记录 {0}：{1}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="236"/>
        <location filename="../../gui/pages/coop.py" line="319"/>
        <source>Order</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="237"/>
        <location filename="../../gui/pages/coop.py" line="256"/>
        <location filename="../../gui/pages/coop.py" line="318"/>
        <source>Organisation</source>
        <translation>采购单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="238"/>
        <location filename="../../gui/pages/coop.py" line="320"/>
        <source>Delivery</source>
        <translation>送货日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="239"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="242"/>
        <location filename="../../gui/pages/coop.py" line="452"/>
        <source>Bulk orders</source>
        <translation>团购订单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="244"/>
        <location filename="../../gui/pages/coop.py" line="312"/>
        <source>New organisation…</source>
        <translation>新增采购单位…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="245"/>
        <location filename="../../gui/pages/coop.py" line="330"/>
        <source>New order…</source>
        <translation>新增订单…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="248"/>
        <source>Cancel order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="249"/>
        <location filename="../../gui/pages/coop.py" line="289"/>
        <location filename="../../gui/pages/coop.py" line="292"/>
        <source>Return…</source>
        <translation>退货…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="250"/>
        <source>Order confirmation…</source>
        <translation>订货确认单…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="251"/>
        <source>Delivery note…</source>
        <translation>送货单…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="257"/>
        <source>Quota</source>
        <translation>认购额度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="258"/>
        <source>Bought</source>
        <translation>已采购</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="259"/>
        <source>Share</source>
        <translation>完成比例</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="262"/>
        <source>Quotas of this year</source>
        <translation>本年度认购额度</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="289"/>
        <source>Product code</source>
        <translation>商品编码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="296"/>
        <source>Returned after delivery</source>
        <translation>送达后退货</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="321"/>
        <source>Lines: code quantity [price], separated by ;</source>
        <translation>商品行：编码 数量 [单价]，用 ; 分隔</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="361"/>
        <source>names, separated by commas; empty: every sale of the days</source>
        <translation>单位名称，用逗号分隔；不填：活动期间的全部销售</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="373"/>
        <location filename="../../gui/pages/settings.py" line="100"/>
        <source>Counters</source>
        <translation>专柜</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="374"/>
        <source>Organisations</source>
        <translation>采购单位</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="377"/>
        <source>Save campaign</source>
        <translation>保存活动</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="378"/>
        <location filename="../../gui/pages/coop.py" line="418"/>
        <source>Tag a sale…</source>
        <translation>标记销售…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="379"/>
        <source>Report</source>
        <translation>活动报告</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="432"/>
        <source>{0}: {1} sales, net {2}, {3} households benefited</source>
        <translation>{0}：销售 {1} 笔，净销售额 {2}，受益户 {3} 户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="447"/>
        <source>Cooperative sales</source>
        <translation>合作社销售</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="454"/>
        <source>Campaigns</source>
        <translation>帮扶活动</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="375"/>
        <source>Counter {0} · shift #{1}</source>
        <translation>专柜 {0} · 第 {1} 班</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="372"/>
        <source>Counter {0} · no shift open (F9)</source>
        <translation>专柜 {0} · 未开班（F9）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="370"/>
        <location filename="../../gui/pages/counter.py" line="433"/>
        <source>No counter is registered yet.</source>
        <translation>尚未登记专柜。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="79"/>
        <location filename="../../gui/pages/counter.py" line="496"/>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="537"/>
        <source>Approve a price change</source>
        <translation>授权改价</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="81"/>
        <location filename="../../gui/pages/counter.py" line="541"/>
        <source>Change price</source>
        <translation>改价</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="397"/>
        <source>Open the shift first (F9): a sale needs an open shift.</source>
        <translation>请先开班（F9）：销售需要在班次内进行。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="562"/>
        <source>The cart is empty.</source>
        <translation>购物车是空的。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="583"/>
        <source>Paid {0}, receipt {1}.</source>
        <translation>已收款 {0}，小票号 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="84"/>
        <location filename="../../gui/pages/counter.py" line="612"/>
        <source>Hold</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="581"/>
        <source>Change {0}</source>
        <translation>找零 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="612"/>
        <source>Name for the held cart (e.g. the customer)</source>
        <translation>挂单名称（例如顾客称呼）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="616"/>
        <source>Cart held.</source>
        <translation>已挂单。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="626"/>
        <source>No held carts.</source>
        <translation>没有挂单。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="85"/>
        <location filename="../../gui/pages/counter.py" line="630"/>
        <source>Recall</source>
        <translation>取单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="630"/>
        <source>Held carts</source>
        <translation>挂单列表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="635"/>
        <source>held cart</source>
        <translation>挂单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="86"/>
        <location filename="../../gui/pages/counter.py" line="663"/>
        <source>Refund</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="125"/>
        <location filename="../../gui/pages/coop.py" line="418"/>
        <location filename="../../gui/pages/counter.py" line="663"/>
        <source>Receipt number</source>
        <translation>小票号</translation>
    </message>
    <message>
        <location filename="../../gui/refund_dialog.py" line="14"/>
        <source>Refund {0}</source>
        <translation>退款 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/refund_dialog.py" line="21"/>
        <source>The goods can be sold again (back on the shelf)</source>
        <translation>商品可再次销售（放回货架）</translation>
    </message>
    <message>
        <location filename="../../gui/refund_dialog.py" line="25"/>
        <source>Line to refund</source>
        <translation>退货商品</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="189"/>
        <location filename="../../gui/pages/stock.py" line="164"/>
        <location filename="../../gui/refund_dialog.py" line="27"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="678"/>
        <source>Approve a refund</source>
        <translation>授权退货</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="696"/>
        <source>Refunded {0} in cash, refund {1}.</source>
        <translation>已退现金 {0}，退货单 {1}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="706"/>
        <source>Cash float to start the shift</source>
        <translation>开班备用金</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="706"/>
        <source>Cash counted in the drawer</source>
        <translation>钱箱清点现金</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="87"/>
        <location filename="../../gui/pages/counter.py" line="708"/>
        <source>Shift</source>
        <translation>开班/交班</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="727"/>
        <source>Approve closing the shift</source>
        <translation>授权交班</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="741"/>
        <source>Shift closed. Difference {0}.</source>
        <translation>已交班，差额 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="190"/>
        <source>New end date (renewal)</source>
        <translation>新的有效期至（续期）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/products.py" line="196"/>
        <source>History</source>
        <translation>变更记录</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="29"/>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="30"/>
        <source>Cooperative</source>
        <translation>合作社</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="31"/>
        <source>Family farm</source>
        <translation>家庭农场</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="32"/>
        <source>Individual</source>
        <translation>个体户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="33"/>
        <location filename="../../gui/pages/suppliers.py" line="43"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="39"/>
        <source>Dividend</source>
        <translation>分红</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="40"/>
        <source>Employment</source>
        <translation>务工就业</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="41"/>
        <source>Purchase</source>
        <translation>订单收购</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="42"/>
        <source>Land transfer</source>
        <translation>土地流转</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="30"/>
        <source>not issued</source>
        <translation>未出具</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="32"/>
        <source>{0} paid {1}</source>
        <translation>{0} 已于 {1} 付款</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="41"/>
        <location filename="../../gui/pages/suppliers.py" line="51"/>
        <location filename="../../gui/pages/suppliers.py" line="134"/>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="43"/>
        <source>Counter net</source>
        <translation>专柜净额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="44"/>
        <source>Commission</source>
        <translation>扣点</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="45"/>
        <source>Payable</source>
        <translation>应付货款</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="46"/>
        <source>Benefit pool</source>
        <translation>带贫资金池</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="47"/>
        <source>Statement</source>
        <translation>结算单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="49"/>
        <source>Since the issue</source>
        <translation>出具后变化</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="68"/>
        <location filename="../../gui/pages/settlement.py" line="111"/>
        <source>Save statement…</source>
        <translation>保存结算单…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="70"/>
        <source>Issue statement</source>
        <translation>出具结算单</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="71"/>
        <source>Mark paid…</source>
        <translation>标记已付款…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="96"/>
        <source>Paid on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="96"/>
        <source>Payment reference</source>
        <translation>付款凭证号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settlement.py" line="102"/>
        <source>Mark {0} paid</source>
        <translation>{0} 标记已付款</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="302"/>
        <location filename="../../gui/pages/settings.py" line="72"/>
        <location filename="../../gui/pages/settings.py" line="145"/>
        <location filename="../../gui/pages/suppliers.py" line="53"/>
        <location filename="../../gui/pages/suppliers.py" line="136"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="56"/>
        <source>Benefit rate</source>
        <translation>带贫比例</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="62"/>
        <source>Linked households</source>
        <translation>联结户数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="304"/>
        <location filename="../../gui/pages/suppliers.py" line="63"/>
        <location filename="../../gui/pages/suppliers.py" line="139"/>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="73"/>
        <source>New supplier…</source>
        <translation>新增供应商…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="103"/>
        <location filename="../../gui/pages/points.py" line="307"/>
        <location filename="../../gui/pages/suppliers.py" line="86"/>
        <source>Household</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="104"/>
        <location filename="../../gui/pages/suppliers.py" line="87"/>
        <source>Head</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="88"/>
        <location filename="../../gui/pages/suppliers.py" line="174"/>
        <source>Mode</source>
        <translation>联结方式</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="89"/>
        <location filename="../../gui/pages/suppliers.py" line="173"/>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="90"/>
        <source>Share of pool</source>
        <translation>分配占比</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="371"/>
        <location filename="../../gui/pages/suppliers.py" line="91"/>
        <source>From</source>
        <translation>起始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="372"/>
        <location filename="../../gui/pages/suppliers.py" line="92"/>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="55"/>
        <source>Sales</source>
        <translation>销售笔数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="56"/>
        <source>Gross</source>
        <translation>销售总额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="130"/>
        <location filename="../../gui/pages/summary.py" line="57"/>
        <source>Refunds</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="368"/>
        <location filename="../../gui/pages/summary.py" line="58"/>
        <location filename="../../gui/pages/summary.py" line="167"/>
        <location filename="../../gui/pages/summary.py" line="192"/>
        <location filename="../../gui/pages/summary.py" line="315"/>
        <location filename="../../gui/pages/summary.py" line="336"/>
        <source>Net</source>
        <translation>净销售额</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="59"/>
        <location filename="../../gui/pages/summary.py" line="169"/>
        <location filename="../../gui/pages/summary.py" line="193"/>
        <source>Attributed</source>
        <translation>已分配收益</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="60"/>
        <location filename="../../gui/pages/summary.py" line="170"/>
        <source>Unattributed</source>
        <translation>未分配收益</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="61"/>
        <location filename="../../gui/pages/summary.py" line="194"/>
        <source>Households benefited</source>
        <translation>受益户数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="398"/>
        <location filename="../../gui/pages/summary.py" line="123"/>
        <location filename="../../gui/pages/summary.py" line="191"/>
        <location filename="../../gui/pages/summary.py" line="210"/>
        <location filename="../../gui/pages/suppliers.py" line="103"/>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="127"/>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="128"/>
        <source>Export XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="132"/>
        <location filename="../../gui/pages/summary.py" line="422"/>
        <source>Issue this month…</source>
        <translation>出具本月汇总…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="142"/>
        <source>Uncertified lines</source>
        <translation>证书无效销售行</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="149"/>
        <source>Net sales per day (yuan)</source>
        <translation>每日净销售额（元）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="151"/>
        <source>Channels</source>
        <translation>渠道占比</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="153"/>
        <source>Top suppliers (net, yuan)</source>
        <translation>净销售额前列供应商（元）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="168"/>
        <source>Pool</source>
        <translation>收益池</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="204"/>
        <location filename="../../gui/pages/summary.py" line="211"/>
        <source>Year</source>
        <translation>全年</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="242"/>
        <location filename="../../gui/pages/summary.py" line="256"/>
        <source>Computing the month…</source>
        <translation>正在计算本月数据…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="286"/>
        <source>This month has not been issued.</source>
        <translation>本月尚未出具。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="289"/>
        <source>Issued as number {0} on {1}; the figures have not changed since.</source>
        <translation>已于 {1} 出具第 {0} 版，此后数据没有变化。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="296"/>
        <source>Issued as number {0} on {1}. Changed since: {2}</source>
        <translation>已于 {1} 出具第 {0} 版。此后数据有变化：{2}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="303"/>
        <source>Not yet uploaded to the month&apos;s end: {0}; the figures may still grow.</source>
        <translation>尚未上传至月末的专柜：{0}；本月数字可能还会增加。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="357"/>
        <source>Computing the year…</source>
        <translation>正在计算全年数据…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="350"/>
        <location filename="../../gui/pages/summary.py" line="391"/>
        <location filename="../../gui/pages/summary.py" line="411"/>
        <source>Writing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="436"/>
        <source>Issuing the month…</source>
        <translation>正在出具本月汇总…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="389"/>
        <source>Written to {0}</source>
        <translation>已写入 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/summary.py" line="423"/>
        <source>Issue the summary of {0}? The issued figures and PDF never change.</source>
        <translation>出具 {0} 的汇总吗？出具后的数据和 PDF 不再改变。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="105"/>
        <source>Add linkage…</source>
        <translation>新增联结…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="105"/>
        <source>End linkage…</source>
        <translation>结束联结…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="120"/>
        <source>Linkages of {name}</source>
        <translation>{name} 的利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="120"/>
        <source>Select a supplier to see its linkages</source>
        <translation>选择一个供应商以查看其利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="138"/>
        <source>Benefit rate (%)</source>
        <translation>带贫比例（%）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="142"/>
        <source>Commission on consigned sales (%)</source>
        <translation>代销扣点（%）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="150"/>
        <source>New supplier</source>
        <translation>新增供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="158"/>
        <source>Edit supplier</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="172"/>
        <source>Household code</source>
        <translation>帮扶户编码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="175"/>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="176"/>
        <source>Until month (optional)</source>
        <translation>截止月份（可不填）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="186"/>
        <source>New linkage for {name}</source>
        <translation>为 {name} 新增利益联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="198"/>
        <source>End linkage</source>
        <translation>结束联结</translation>
    </message>
    <message>
        <location filename="../../gui/pages/suppliers.py" line="198"/>
        <source>Last month of the linkage (YYYY-MM)</source>
        <translation>联结的最后一个月（YYYY-MM）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="52"/>
        <source> minutes (0: never)</source>
        <translation> 分钟（0：不锁定）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="57"/>
        <source>{0} mm roll</source>
        <translation>{0} 毫米卷纸</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="64"/>
        <source>Lock the window after</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="65"/>
        <source>Daily backups kept</source>
        <translation>保留每日备份份数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="83"/>
        <source>This workstation&apos;s counter</source>
        <translation>本机所属专柜</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="84"/>
        <source>Receipt paper</source>
        <translation>小票纸宽</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="85"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="86"/>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="89"/>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="91"/>
        <location filename="../../gui/pages/settings.py" line="181"/>
        <source>New label template…</source>
        <translation>新增标签模板…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="92"/>
        <location filename="../../gui/pages/settings.py" line="203"/>
        <source>Back up now…</source>
        <translation>立即备份…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="93"/>
        <location filename="../../gui/pages/settings.py" line="222"/>
        <location filename="../../gui/pages/settings.py" line="226"/>
        <source>Restore…</source>
        <translation>从备份恢复…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="134"/>
        <source>(first counter)</source>
        <translation>（第一个专柜）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="39"/>
        <source>Counter (专柜)</source>
        <translation>专柜</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="40"/>
        <source>Zone (专区)</source>
        <translation>专区</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="41"/>
        <source>Hall (专馆)</source>
        <translation>专馆</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="73"/>
        <location filename="../../gui/pages/settings.py" line="146"/>
        <source>Location</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="79"/>
        <source>Per page</source>
        <translation>每页</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="90"/>
        <location filename="../../gui/pages/settings.py" line="152"/>
        <source>New counter…</source>
        <translation>新增专柜…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="100"/>
        <source>Label templates</source>
        <translation>标签模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="159"/>
        <source>Name (letters, digits, -)</source>
        <translation>模板名（字母、数字、-）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="159"/>
        <source>Title</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="159"/>
        <source>Page width</source>
        <translation>纸宽（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="160"/>
        <source>Page height</source>
        <translation>纸高（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="160"/>
        <source>Label width</source>
        <translation>标签宽（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="160"/>
        <source>Label height</source>
        <translation>标签高（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="161"/>
        <source>Columns</source>
        <translation>列数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="161"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="161"/>
        <source>Left margin</source>
        <translation>左边距（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="162"/>
        <source>Top margin</source>
        <translation>上边距（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="162"/>
        <source>Gap between columns</source>
        <translation>列间距（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="162"/>
        <source>Gap between rows</source>
        <translation>行间距（毫米）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="177"/>
        <source>Sizes are numbers of millimetres.</source>
        <translation>尺寸请填写毫米数。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="196"/>
        <source>Saved. The idle lock applies from the next sign-in.</source>
        <translation>已保存。自动锁定将在下次登录后生效。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="213"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="215"/>
        <source>Backup written and checked: {0}</source>
        <translation>备份已写入并通过校验：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="226"/>
        <source>Replace everything in the database with this backup?</source>
        <translation>用此备份替换数据库中的全部数据吗？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="237"/>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/settings.py" line="239"/>
        <source>Restored. Restart Bangfu to see the restored data everywhere.</source>
        <translation>已恢复。请重新启动帮扶以在各处看到恢复后的数据。</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="22"/>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../gui/pages/counter.py" line="101"/>
        <location filename="../../gui/text.py" line="23"/>
        <source>Manager</source>
        <translation>店长</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="24"/>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="25"/>
        <source>Cooperative manager</source>
        <translation>合作社管理员</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="26"/>
        <source>Village officer</source>
        <translation>村干部</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="33"/>
        <source>Co-op</source>
        <translation>合作社</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="34"/>
        <source>Bulk</source>
        <translation>团购</translation>
    </message>
    <message>
        <location filename="../../gui/text.py" line="35"/>
        <source>Online</source>
        <translation>线上</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="31"/>
        <location filename="../../gui/pages/users.py" line="44"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="33"/>
        <location filename="../../gui/pages/users.py" line="46"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="38"/>
        <location filename="../../gui/pages/stock.py" line="117"/>
        <location filename="../../gui/pages/users.py" line="34"/>
        <location filename="../../gui/text.py" line="32"/>
        <source>Counter</source>
        <translation>专柜</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="42"/>
        <source>On hand</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="47"/>
        <location filename="../../gui/pages/stock.py" line="200"/>
        <source>Minimum</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="48"/>
        <source>Last sold</source>
        <translation>最近售出</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="61"/>
        <source>All stock</source>
        <translation>全部库存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="62"/>
        <source>Low or below zero</source>
        <translation>不足或为负</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="63"/>
        <source>Not sold for {n} days</source>
        <translation>{n} 天未售出</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="76"/>
        <source>Receive goods…</source>
        <translation>收货…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="77"/>
        <source>Move out…</source>
        <translation>出库…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="78"/>
        <source>Minimum…</source>
        <translation>库存下限…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="79"/>
        <source>Stocktake: start</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="80"/>
        <source>Stocktake: count…</source>
        <translation>盘点计数…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="81"/>
        <source>Stocktake: approve…</source>
        <translation>盘点差异与审核…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="82"/>
        <location filename="../../gui/pages/stock.py" line="219"/>
        <location filename="../../gui/pages/stock.py" line="224"/>
        <source>Save document PDF…</source>
        <translation>保存单据 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="90"/>
        <source>All counters</source>
        <translation>全部专柜</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="123"/>
        <location filename="../../gui/pages/stock.py" line="159"/>
        <location filename="../../gui/pages/stock.py" line="199"/>
        <location filename="../../gui/pages/stock.py" line="262"/>
        <source>Product code or barcode</source>
        <translation>商品编码或条码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="126"/>
        <source>Produced on (YYYY-MM-DD)</source>
        <translation>生产日期（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="127"/>
        <source>Shelf life (days)</source>
        <translation>保质期（天）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="144"/>
        <source>Receive goods</source>
        <translation>收货</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="152"/>
        <source>Transfer to another counter</source>
        <translation>调拨到其他专柜</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="153"/>
        <source>Return to the supplier</source>
        <translation>退回供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="154"/>
        <source>Write off (expired, damaged…)</source>
        <translation>报损（过期、破损……）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="68"/>
        <source>Scan the household&apos;s card, then the goods (F4 redeems, F5 prints the receipt, Esc clears)</source>
        <translation>先扫积分卡，再扫商品（F4 兑换，F5 打印兑换单，Esc 清空）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="71"/>
        <location filename="../../gui/pages/points.py" line="153"/>
        <source>No card scanned.</source>
        <translation>尚未扫积分卡。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="75"/>
        <source>Good</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="77"/>
        <location filename="../../gui/pages/points.py" line="309"/>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="89"/>
        <source>Points supermarket</source>
        <translation>积分超市</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="110"/>
        <source>No points supermarket yet: an administrator registers one.</source>
        <translation>还没有积分超市：请管理员登记。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="156"/>
        <source>{0} {1}: {2} points</source>
        <translation>{0} {1}：{2} 分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="161"/>
        <source>This redemption: {0} points</source>
        <translation>本次兑换：{0} 分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="164"/>
        <source>left after it: {0}</source>
        <translation>兑换后剩余 {0} 分</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="187"/>
        <source>Redeemed {0}: {1} points spent, {2} left.</source>
        <translation>已兑换 {0}：使用 {1} 分，剩余 {2} 分。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="228"/>
        <source>Record awards</source>
        <translation>记录评定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="233"/>
        <source>Rule</source>
        <translation>积分项目</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="235"/>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="287"/>
        <source>{0} awards counted.</source>
        <translation>{0} 条评定已计入。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="289"/>
        <source>{0} wait for approval: {1}</source>
        <translation>{0} 条待审核：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="305"/>
        <source>Number</source>
        <translation>单号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="308"/>
        <source>Rule or reason</source>
        <translation>积分项目或原因</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="476"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="157"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="310"/>
        <source>Proposed by</source>
        <translation>提交人</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="323"/>
        <source>Approve</source>
        <translation>审核通过</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="323"/>
        <location filename="../../gui/pages/points.py" line="370"/>
        <source>Refuse…</source>
        <translation>不通过…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="358"/>
        <source>{0} approved: {1}</source>
        <translation>{0} 已审核通过：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="370"/>
        <source>Why is it refused?</source>
        <translation>不通过的原因？</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="378"/>
        <source>{0} refused.</source>
        <translation>{0} 未通过。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="401"/>
        <source>Month report…</source>
        <translation>月度报告…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="401"/>
        <source>Public notice…</source>
        <translation>评定公示…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="401"/>
        <source>Cards…</source>
        <translation>积分卡…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="427"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="457"/>
        <source>Saved {0}.</source>
        <translation>已保存 {0}。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="469"/>
        <source>Redeem</source>
        <translation>兑换</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="472"/>
        <source>Awards</source>
        <translation>评定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/points.py" line="474"/>
        <source>Approvals</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="162"/>
        <source>To counter (transfers)</source>
        <translation>调入专柜（调拨时）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="179"/>
        <source>Move goods out</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="185"/>
        <source>Recorded {0}: Save document PDF… prints it.</source>
        <translation>已记录 {0}：点“保存单据 PDF…”可打印。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="210"/>
        <source>Minimum stock</source>
        <translation>库存下限</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="219"/>
        <source>Document number</source>
        <translation>单据编号</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="252"/>
        <source>Stocktake {0} open at {1}: count, then approve.</source>
        <translation>盘点单 {0} 已在 {1} 开始：计数后审核。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="263"/>
        <source>Quantity counted</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="270"/>
        <source>Start a stocktake at this counter first.</source>
        <translation>请先在该专柜开始盘点。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="276"/>
        <source>Stocktake: count</source>
        <translation>盘点计数</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="295"/>
        <source>No stocktake is open at this counter.</source>
        <translation>该专柜没有进行中的盘点。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="300"/>
        <source>not counted</source>
        <translation>未盘</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="304"/>
        <source>Value of the differences: {0}</source>
        <translation>差异金额（按售价）：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="306"/>
        <source>Approve stocktake {0}</source>
        <translation>审核盘点单 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="306"/>
        <source>No differences.</source>
        <translation>没有差异。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/stock.py" line="313"/>
        <source>Stocktake {0} approved.</source>
        <translation>盘点单 {0} 已审核。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="35"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="35"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="37"/>
        <location filename="../../gui/pages/users.py" line="145"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="38"/>
        <source>New user…</source>
        <translation>新增用户…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="39"/>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="40"/>
        <source>Activate / deactivate</source>
        <translation>启用 / 停用</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="47"/>
        <source>Counter (cashiers)</source>
        <translation>专柜（收银员）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="48"/>
        <source>Cooperative (coop managers)</source>
        <translation>合作社（合作社管理员）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="49"/>
        <source>Region codes (village officers)</source>
        <translation>行政区划代码（村干部）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="50"/>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 位）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="61"/>
        <source>New user</source>
        <translation>新增用户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="75"/>
        <source>Reset password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="76"/>
        <source>New password for {0}</source>
        <translation>{0} 的新密码</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="94"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="95"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="96"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="97"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="98"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="100"/>
        <location filename="../../gui/pages/users.py" line="146"/>
        <source>Audit log</source>
        <translation>操作日志</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="103"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../gui/pages/users.py" line="126"/>
        <source>{0} rows written to {1}</source>
        <translation>已写入 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="52"/>
        <source>Product code, name or pinyin initials, then Enter</source>
        <translation>输入商品编码、名称或拼音首字母后按回车</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="55"/>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="67"/>
        <source> days (0: none)</source>
        <translation> 天（0：不标注）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="70"/>
        <source>Outline (alignment test)</source>
        <translation>画边框（对齐测试）</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="83"/>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="84"/>
        <location filename="../../gui/pages/stock.py" line="125"/>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="85"/>
        <source>Produced on</source>
        <translation>生产日期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="86"/>
        <source>Shelf life</source>
        <translation>保质期</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="87"/>
        <source>Start at label</source>
        <translation>从第几张开始</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="88"/>
        <source>QR error correction</source>
        <translation>二维码纠错等级</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="92"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="93"/>
        <location filename="../../gui/pages/summary.py" line="129"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="94"/>
        <location filename="../../gui/pages/labels.py" line="198"/>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/pages/coop.py" line="164"/>
        <location filename="../../gui/pages/labels.py" line="133"/>
        <source>No product matches {0}.</source>
        <translation>没有与 {0} 匹配的商品。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="154"/>
        <source>Add at least one product.</source>
        <translation>请至少添加一种商品。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="185"/>
        <source>{0} labels ready.</source>
        <translation>已生成 {0} 张标签。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/labels.py" line="190"/>
        <source>Rendering labels…</source>
        <translation>正在生成标签…</translation>
    </message>
    <message>
        <location filename="../../gui/sync_status.py" line="39"/>
        <source>Sync now</source>
        <translation>立即同步</translation>
    </message>
    <message>
        <location filename="../../gui/sync_status.py" line="67"/>
        <source>Synchronising…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../gui/sync_status.py" line="88"/>
        <source>Synced {0}</source>
        <translation>已同步 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/sync_status.py" line="90"/>
        <source>Offline · {n} waiting to upload · since {0}</source>
        <translation>离线 · {n} 笔待上传 · 自 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/sync_status.py" line="93"/>
        <source>old registry copy</source>
        <translation>档案副本过旧</translation>
    </message>
    <message>
        <location filename="../../gui/sync_status.py" line="96"/>
        <source>clock wrong</source>
        <translation>时钟不准</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="152"/>
        <source>The database is damaged ({0}). Restore the latest backup in Settings.</source>
        <translation>数据库已损坏（{0}）。请在“设置”中恢复最近的备份。</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="157"/>
        <source>Checking the database…</source>
        <translation>正在检查数据库…</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../gui/login.py" line="190"/>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="191"/>
        <source>Change the password of {user}.</source>
        <translation>修改 {user} 的密码。</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="194"/>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="195"/>
        <source>New password (at least 8 characters)</source>
        <translation>新密码（至少 8 位）</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="196"/>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="200"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../gui/login.py" line="137"/>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="138"/>
        <source>This database has no users yet. Create the administrator account; keep the password safe.</source>
        <translation>此数据库还没有用户。请创建管理员账户，并妥善保管密码。</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="140"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="141"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="142"/>
        <source>Password (at least 8 characters)</source>
        <translation>密码（至少 8 位）</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="143"/>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="147"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../gui/login.py" line="121"/>
        <source>Sign in to Bangfu</source>
        <translation>登录帮扶</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="121"/>
        <source>Sign in with your user name and password.</source>
        <translation>请输入用户名和密码登录。</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="122"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="123"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="46"/>
        <source>Bangfu consumption assistance</source>
        <translation>帮扶 · 消费帮扶管理系统</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="47"/>
        <source>{title} [demo data]</source>
        <translation>{title}【演示数据】</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="54"/>
        <source>Bangfu</source>
        <translation>帮扶</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="86"/>
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="87"/>
        <source>User: {0} ({1})</source>
        <translation>用户：{0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="89"/>
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="98"/>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <location filename="../../gui/pages/__init__.py" line="36"/>
        <source>Checkout</source>
        <translation>收银台</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="37"/>
        <source>Products &amp; certificates</source>
        <translation>商品与认定</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="38"/>
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="39"/>
        <source>Households</source>
        <translation>帮扶户</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="40"/>
        <source>Cooperatives &amp; bulk orders</source>
        <translation>合作社与团购</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="41"/>
        <source>Label printing</source>
        <translation>标签打印</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="42"/>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="43"/>
        <source>Settlement</source>
        <translation>代销结算</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="44"/>
        <source>Points supermarket</source>
        <translation>积分超市</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="45"/>
        <source>Monthly summary</source>
        <translation>月度汇总</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="46"/>
        <source>Users &amp; log</source>
        <translation>用户与日志</translation>
    </message>
    <message>
        <location filename="../../gui/pages/__init__.py" line="47"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../gui/login.py" line="93"/>
        <source>Checking the password…</source>
        <translation>正在核对密码…</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../gui/pages/placeholder.py" line="12"/>
        <source>This page is not available in this version yet.</source>
        <translation>此页面将在后续版本中提供。</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../gui/tasks.py" line="128"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../gui/tasks.py" line="287"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="291"/>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../gui/tasks.py" line="311"/>
        <source>Unexpected failure; the details are in the log file.</source>
        <translation>发生意外错误，详情已写入日志文件。</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../gui/login.py" line="159"/>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="160"/>
        <source>The window was locked after a pause. {user} or a manager can unlock it.</source>
        <translation>窗口因长时间无操作已锁定。{user} 或店长可以解锁。</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="165"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="167"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../gui/login.py" line="176"/>
        <source>Only the same user or a manager can unlock.</source>
        <translation>只有同一用户或店长可以解锁。</translation>
    </message>
</context>
</TS>
