<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About sqdesk</source>
        <translation>关于 sqdesk</translation>
    </message>
    <message>
        <source>Runs your shop&apos;s WeChat member community: the member roster, points, activities and posts, all kept on this computer.</source>
        <translation>帮您运营门店的微信会员社群：会员名册、积分、活动和文案，数据都保存在这台电脑上。</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>门店数据：%1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>DEMO store: made-up members to try sqdesk with. Everything here is thrown away when you quit.</source>
        <translation>演示数据：这里的会员都是虚构的，供您试用 sqdesk。退出后全部丢弃。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;New Store…</source>
        <translation>新建门店数据(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open Store…</source>
        <translation>打开门店数据(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About sqdesk</source>
        <translation>关于 sqdesk(&amp;A)</translation>
    </message>
    <message>
        <source>No other stores yet</source>
        <translation>还没有其他门店数据</translation>
    </message>
    <message>
        <source>Clear This List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>sqdesk — DEMO (throwaway store)</source>
        <translation>sqdesk — 演示 DEMO（退出后丢弃）</translation>
    </message>
    <message>
        <source>%1 — sqdesk</source>
        <translation>%1 — sqdesk</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>门店数据：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%Ln 位会员</numerusform>
        </translation>
    </message>
    <message>
        <source>The store could not be opened</source>
        <translation>无法打开门店数据</translation>
    </message>
    <message>
        <source>Open Store</source>
        <translation>打开门店数据</translation>
    </message>
    <message>
        <source>New Store</source>
        <translation>新建门店数据</translation>
    </message>
    <message>
        <source>The store was not created</source>
        <translation>未创建门店数据</translation>
    </message>
    <message>
        <source>%1 already exists. Use File → Open Store to open it.</source>
        <translation>%1 已存在。请用“文件 → 打开门店数据”打开它。</translation>
    </message>
    <message>
        <source>sqdesk stores (*%1)</source>
        <translation>sqdesk 门店数据 (*%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Code</source>
        <translation>会员码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>群昵称</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入会日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>Members</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>No members yet. Members you add or import will be listed here.</source>
        <translation>还没有会员。新增或导入的会员会显示在这里。</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%Ln 位会员</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>sqdesk cannot open the store</source>
        <translation>sqdesk 无法打开门店数据</translation>
    </message>
</context>
</TS>
