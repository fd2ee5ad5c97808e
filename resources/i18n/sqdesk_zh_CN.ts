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
            <source>Runs your shop's WeChat member community: the member roster, points, activities and posts, all kept on this computer.</source>
            <translation>帮您运营门店的微信会员社群：会员名册、积分、活动和文案，数据都保存在这台电脑上。</translation>
        </message>
        <message>
            <source>Store: %1</source>
            <translation>门店数据：%1</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>New Activity</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <source>Edit Activity</source>
            <translation>编辑活动</translation>
        </message>
        <message>
            <source>e.g. 周三第二杯半价☕</source>
            <translation>例如：周三第二杯半价☕</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Shown in posts as {{ 报名方式 }}</source>
            <translation>在文案里显示为 {{ 报名方式 }}</translation>
        </message>
        <message>
            <source>In store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>线上</translation>
        </message>
        <message>
            <source>Everyone</source>
            <translation>全部会员</translation>
        </message>
        <message>
            <source>Group: %1</source>
            <translation>群：%1</translation>
        </message>
        <message>
            <source>Segment: %1</source>
            <translation>分层：%1</translation>
        </message>
        <message>
            <source>Points each member gets for taking part (0: none)</source>
            <translation>每位参与者得到的积分（0 表示不送）</translation>
        </message>
        <message>
            <source>This is the daily check-in (签到): taking part counts as the day's check-in</source>
            <translation>这是每日签到：参与即算当天签到</translation>
        </message>
        <message>
            <source>Campaign rhythm: warm-up, reminder on the day, recap the day after</source>
            <translation>活动节奏：提前预热、当天提醒、次日回顾</translation>
        </message>
        <message>
            <source> days before</source>
            <translation> 天前预热</translation>
        </message>
        <message>
            <source>Does not repeat</source>
            <translation>不重复</translation>
        </message>
        <message>
            <source>Every day</source>
            <translation>每天</translation>
        </message>
        <message>
            <source>Every weekday (Mon–Fri)</source>
            <translation>每个工作日（周一至周五）</translation>
        </message>
        <message>
            <source>Weekly on…</source>
            <translation>每周的…</translation>
        </message>
        <message>
            <source>Monthly on day…</source>
            <translation>每月的第几天…</translation>
        </message>
        <message>
            <source>Monthly on the Nth weekday…</source>
            <translation>每月第几个星期几…</translation>
        </message>
        <message>
            <source>Every year on this date</source>
            <translation>每年的这一天</translation>
        </message>
        <message>
            <source>every </source>
            <translation>每 </translation>
        </message>
        <message>
            <source> (day of the month)</source>
            <translation> 日</translation>
        </message>
        <message>
            <source>first</source>
            <translation>第一个</translation>
        </message>
        <message>
            <source>second</source>
            <translation>第二个</translation>
        </message>
        <message>
            <source>third</source>
            <translation>第三个</translation>
        </message>
        <message>
            <source>fourth</source>
            <translation>第四个</translation>
        </message>
        <message>
            <source>last</source>
            <translation>最后一个</translation>
        </message>
        <message>
            <source>Never ends</source>
            <translation>一直重复</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>截止到</translation>
        </message>
        <message>
            <source>Ends after</source>
            <translation>重复</translation>
        </message>
        <message>
            <source> times</source>
            <translation> 次后结束</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>活动名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Colour</source>
            <translation>颜色</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>Repeats</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>How to sign up</source>
            <translation>报名方式</translation>
        </message>
        <message>
            <source>For</source>
            <translation>面向</translation>
        </message>
        <message>
            <source>Points for taking part</source>
            <translation>参与积分</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>As imported: %1</source>
            <translation>按导入的规则：%1</translation>
        </message>
        <message>
            <source> day(s)</source>
            <translation> 天</translation>
        </message>
        <message>
            <source> week(s)</source>
            <translation> 周</translation>
        </message>
        <message>
            <source> month(s)</source>
            <translation> 个月</translation>
        </message>
        <message>
            <source> year(s)</source>
            <translation> 年</translation>
        </message>
    </context>
    <context>
        <name>AdjustDialog</name>
        <message>
            <source>Adjust points</source>
            <translation>调整积分</translation>
        </message>
        <message>
            <source>required, e.g. 补录 10 月 8 日的消费</source>
            <translation>必填，例如：补录 10 月 8 日的消费</translation>
        </message>
        <message>
            <source>Points (+ adds, − takes away)</source>
            <translation>积分（正数增加，负数扣减）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>AuditDialog</name>
        <message>
            <source>Audit Log</source>
            <translation>操作日志</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>电脑</translation>
        </message>
        <message>
            <source>Who</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>What</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Rows</source>
            <translation>条数</translation>
        </message>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>The log is whole: no line was changed or taken out.</source>
            <translation>日志完整：没有任何一条被改动或删除。</translation>
        </message>
        <message>
            <source>The log was tampered with: %1</source>
            <translation>日志被改动过：%1</translation>
        </message>
        <message>
            <source>Manager</source>
            <translation>店长</translation>
        </message>
        <message>
            <source>Helper</source>
            <translation>店员</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>抹除</translation>
        </message>
        <message>
            <source>A member's data</source>
            <translation>会员个人数据</translation>
        </message>
        <message>
            <source>Points by hand</source>
            <translation>手动调整积分</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Earning rules</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>分层阈值</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Bulk tag</source>
            <translation>批量打标签</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Backup</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Manager PIN</source>
            <translation>店长密码</translation>
        </message>
    </context>
    <context>
        <name>AwardKindsDialog</name>
        <message>
            <source>Quick Awards</source>
            <translation>快捷奖励</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>奖励</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>May repeat in a day</source>
            <translation>一天内可重复</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>BackupFolderDialog</name>
        <message>
            <source>Backup Folder</source>
            <translation>备份文件夹</translation>
        </message>
        <message>
            <source>Choose a Folder…</source>
            <translation>选择文件夹…</translation>
        </message>
        <message>
            <source>Beside the Store</source>
            <translation>放在数据文件旁边</translation>
        </message>
        <message>
            <source>Copies go to %1, beside the store.</source>
            <translation>备份存到 %1（数据文件旁边）。</translation>
        </message>
        <message>
            <source>Copies go to %1.</source>
            <translation>备份存到 %1。</translation>
        </message>
        <message>
            <source>It is missing now: copies go beside the store until it is back.</source>
            <translation>现在找不到它：在它回来之前，备份先存到数据文件旁边。</translation>
        </message>
        <message>
            <source>Choose the Backup Folder</source>
            <translation>选择备份文件夹</translation>
        </message>
    </context>
    <context>
        <name>BackupsDialog</name>
        <message>
            <source>Restore from Backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>sqdesk keeps a copy of the store every day (the last seven days) and before every upgrade. Choose the copy to go back to: what was entered after it is replaced, and the store as it is now is kept as one more copy.</source>
            <translation>sqdesk 每天自动备份一次门店数据（保留最近七天），每次升级前也会备份。请选择要恢复到的备份：之后录入的内容会被替换，现在的数据会先另存为一份备份。</translation>
        </message>
        <message>
            <source>Taken</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>No copies yet: the first is made today, in the background.</source>
            <translation>还没有备份：今天会在后台自动做第一份。</translation>
        </message>
        <message>
            <source>every 30 minutes</source>
            <translation>每 30 分钟</translation>
        </message>
        <message>
            <source>on closing</source>
            <translation>关闭时</translation>
        </message>
        <message>
            <source>before an import</source>
            <translation>导入前</translation>
        </message>
        <message>
            <source>before a merge</source>
            <translation>合并前</translation>
        </message>
        <message>
            <source>before an erase</source>
            <translation>抹除前</translation>
        </message>
        <message>
            <source>before tagging many</source>
            <translation>批量打标签前</translation>
        </message>
        <message>
            <source>before an upgrade</source>
            <translation>升级前</translation>
        </message>
        <message>
            <source>daily</source>
            <translation>每日</translation>
        </message>
        <message>
            <source>made by hand</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>before a restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>%1, packed</source>
            <translation>%1（已压缩）</translation>
        </message>
        <message>
            <source>Go back to the copy of %1? Everything entered after it is replaced. The store as it is now is kept as a copy first.</source>
            <translation>恢复到 %1 的备份吗？之后录入的内容都会被替换。现在的数据会先另存为一份备份。</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
    </context>
    <context>
        <name>BoardsTab</name>
        <message>
            <source>Points earned</source>
            <translation>积分榜</translation>
        </message>
        <message>
            <source>Check-in streak</source>
            <translation>连续签到榜</translation>
        </message>
        <message>
            <source>Referrals</source>
            <translation>推荐榜</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>活动达人榜</translation>
        </message>
        <message>
            <source>Nicknames in the post</source>
            <translation>公告中显示昵称</translation>
        </message>
        <message>
            <source>Names in the post</source>
            <translation>公告中显示姓名</translation>
        </message>
        <message>
            <source>Copy as Post</source>
            <translation>复制为公告</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>名次</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>成绩</translation>
        </message>
        <message>
            <source>The board is copied: paste it in the group.</source>
            <translation>排行榜已复制：粘贴到群里即可。</translation>
        </message>
        <message>
            <source>Leave Off Leaderboards (at the member's request)</source>
            <translation>不上排行榜（应会员要求）</translation>
        </message>
    </context>
    <context>
        <name>CalendarPage</name>
        <message>
            <source>Calendar</source>
            <translation>活动日历</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Go to today (T)</source>
            <translation>回到今天（T）</translation>
        </message>
        <message>
            <source>Previous (Page Up)</source>
            <translation>上一页（Page Up）</translation>
        </message>
        <message>
            <source>Next (Page Down)</source>
            <translation>下一页（Page Down）</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月</translation>
        </message>
        <message>
            <source>Week</source>
            <translation>周</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>日程</translation>
        </message>
        <message>
            <source>New Activity…</source>
            <translation>新建活动…</translation>
        </message>
        <message>
            <source>Add Starter Plan</source>
            <translation>添加入门活动方案</translation>
        </message>
        <message>
            <source>Daily posts, weekly fixed days, the monthly member day and a yearly fan festival, to edit freely</source>
            <translation>每日固定发帖、每周固定活动日、每月会员日和年度粉丝节，加上后可随意修改</translation>
        </message>
        <message>
            <source>.ics</source>
            <translation>日历文件</translation>
        </message>
        <message>
            <source>Exchange activities with other calendar programs</source>
            <translation>和其他日历程序互通活动</translation>
        </message>
        <message>
            <source>Export All Activities (.ics)…</source>
            <translation>导出全部活动 (.ics)…</translation>
        </message>
        <message>
            <source>Import .ics…</source>
            <translation>导入 .ics…</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>+%1 more</source>
            <translation>还有 %1 项</translation>
        </message>
        <message>
            <source>Nothing planned in the next 30 days.</source>
            <translation>接下来 30 天没有安排。</translation>
        </message>
        <message>
            <source>(moved)</source>
            <translation>（已改期）</translation>
        </message>
        <message>
            <source>🎂 %1's birthday</source>
            <translation>🎂 %1 生日</translation>
        </message>
        <message>
            <source>(lunar)</source>
            <translation>（农历）</translation>
        </message>
        <message numerus="yes">
            <source>🎂 %n member(s) have a birthday</source>
            <translation>
                <numerusform>🎂 %n 位会员过生日</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing on this day. Double-click the day to add an activity.</source>
            <translation>这天没有安排。双击日期可以添加活动。</translation>
        </message>
        <message>
            <source>Export Activities</source>
            <translation>导出活动</translation>
        </message>
        <message>
            <source>Calendar files (*.ics)</source>
            <translation>日历文件 (*.ics)</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n activities to %1.</source>
            <translation>
                <numerusform>已把 %n 个活动保存到 %1。</numerusform>
            </translation>
        </message>
        <message>
            <source>Import Activities</source>
            <translation>导入活动</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Imported %1 activities (%2 were imported before; %3 days cancelled, %4 moved).</source>
            <translation>导入了 %1 个活动（%2 个之前已导入；取消 %3 天，改期 %4 天）。</translation>
        </message>
        <message>
            <source>Not imported (sqdesk has no place for these):</source>
            <translation>以下内容没有导入（sqdesk 没有对应的位置）：</translation>
        </message>
        <message numerus="yes">
            <source>Added the starter plan: %n activities to edit as you like.</source>
            <translation>
                <numerusform>已添加入门方案：%n 个活动，可随意修改。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CalendarWords</name>
        <message>
            <source>Daily routine</source>
            <translation>每日固定</translation>
        </message>
        <message>
            <source>Weekly</source>
            <translation>每周</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>每月</translation>
        </message>
        <message>
            <source>Seasonal campaign</source>
            <translation>节点营销</translation>
        </message>
        <message>
            <source>Festival</source>
            <translation>节日</translation>
        </message>
        <message>
            <source>One-off</source>
            <translation>单次</translation>
        </message>
        <message>
            <source>Offline event</source>
            <translation>线下活动</translation>
        </message>
        <message>
            <source>Warm-up</source>
            <translation>预热</translation>
        </message>
        <message>
            <source>Reminder</source>
            <translation>当天提醒</translation>
        </message>
        <message>
            <source>Recap</source>
            <translation>回顾</translation>
        </message>
        <message>
            <source>Festivals</source>
            <translation>节日</translation>
        </message>
        <message>
            <source>Solar terms</source>
            <translation>节气</translation>
        </message>
        <message>
            <source>Marketing days</source>
            <translation>营销节点</translation>
        </message>
        <message>
            <source>Birthdays</source>
            <translation>会员生日</translation>
        </message>
        <message>
            <source>Spring Festival</source>
            <translation>春节</translation>
        </message>
        <message>
            <source>Lantern Festival</source>
            <translation>元宵节</translation>
        </message>
        <message>
            <source>Dragon Boat Festival</source>
            <translation>端午节</translation>
        </message>
        <message>
            <source>Qixi Festival</source>
            <translation>七夕</translation>
        </message>
        <message>
            <source>Mid-Autumn Festival</source>
            <translation>中秋节</translation>
        </message>
        <message>
            <source>Double Ninth Festival</source>
            <translation>重阳节</translation>
        </message>
        <message>
            <source>New Year's Eve (lunar)</source>
            <translation>除夕</translation>
        </message>
        <message>
            <source>New Year's Day</source>
            <translation>元旦</translation>
        </message>
        <message>
            <source>Labour Day</source>
            <translation>劳动节</translation>
        </message>
        <message>
            <source>National Day</source>
            <translation>国庆节</translation>
        </message>
        <message>
            <source>Valentine's Day</source>
            <translation>情人节</translation>
        </message>
        <message>
            <source>Women's Day</source>
            <translation>妇女节</translation>
        </message>
        <message>
            <source>520 (I love you day)</source>
            <translation>520</translation>
        </message>
        <message>
            <source>618 shopping festival</source>
            <translation>618</translation>
        </message>
        <message>
            <source>Double Eleven</source>
            <translation>双十一</translation>
        </message>
        <message>
            <source>Double Twelve</source>
            <translation>双十二</translation>
        </message>
        <message>
            <source>Christmas</source>
            <translation>圣诞节</translation>
        </message>
        <message>
            <source>Beginning of Spring</source>
            <translation>立春</translation>
        </message>
        <message>
            <source>Rain Water</source>
            <translation>雨水</translation>
        </message>
        <message>
            <source>Awakening of Insects</source>
            <translation>惊蛰</translation>
        </message>
        <message>
            <source>Spring Equinox</source>
            <translation>春分</translation>
        </message>
        <message>
            <source>Pure Brightness</source>
            <translation>清明</translation>
        </message>
        <message>
            <source>Grain Rain</source>
            <translation>谷雨</translation>
        </message>
        <message>
            <source>Beginning of Summer</source>
            <translation>立夏</translation>
        </message>
        <message>
            <source>Grain Buds</source>
            <translation>小满</translation>
        </message>
        <message>
            <source>Grain in Ear</source>
            <translation>芒种</translation>
        </message>
        <message>
            <source>Summer Solstice</source>
            <translation>夏至</translation>
        </message>
        <message>
            <source>Minor Heat</source>
            <translation>小暑</translation>
        </message>
        <message>
            <source>Major Heat</source>
            <translation>大暑</translation>
        </message>
        <message>
            <source>Beginning of Autumn</source>
            <translation>立秋</translation>
        </message>
        <message>
            <source>End of Heat</source>
            <translation>处暑</translation>
        </message>
        <message>
            <source>White Dew</source>
            <translation>白露</translation>
        </message>
        <message>
            <source>Autumn Equinox</source>
            <translation>秋分</translation>
        </message>
        <message>
            <source>Cold Dew</source>
            <translation>寒露</translation>
        </message>
        <message>
            <source>Frost's Descent</source>
            <translation>霜降</translation>
        </message>
        <message>
            <source>Beginning of Winter</source>
            <translation>立冬</translation>
        </message>
        <message>
            <source>Minor Snow</source>
            <translation>小雪</translation>
        </message>
        <message>
            <source>Major Snow</source>
            <translation>大雪</translation>
        </message>
        <message>
            <source>Winter Solstice</source>
            <translation>冬至</translation>
        </message>
        <message>
            <source>Minor Cold</source>
            <translation>小寒</translation>
        </message>
        <message>
            <source>Major Cold</source>
            <translation>大寒</translation>
        </message>
        <message>
            <source>Months without that day are skipped (as every calendar program does).</source>
            <translation>没有这一天的月份会跳过（所有日历程序都这样处理）。</translation>
        </message>
        <message>
            <source>29 February comes only in leap years: the activity happens every four years.</source>
            <translation>2 月 29 日只在闰年才有：这个活动每四年一次。</translation>
        </message>
        <message>
            <source>matched</source>
            <translation>已匹配</translation>
        </message>
        <message>
            <source>choose</source>
            <translation>需选择</translation>
        </message>
        <message>
            <source>not found</source>
            <translation>未找到</translation>
        </message>
        <message>
            <source>listed twice</source>
            <translation>重复报名</translation>
        </message>
        <message>
            <source>no name</source>
            <translation>没有名字</translation>
        </message>
        <message>
            <source>An activity needs a title.</source>
            <translation>活动需要一个名称。</translation>
        </message>
        <message>
            <source>A title has at most 100 characters.</source>
            <translation>名称最多 100 个字。</translation>
        </message>
        <message>
            <source>A place, or how to sign up, has at most 100 characters.</source>
            <translation>地点或报名方式最多 100 个字。</translation>
        </message>
        <message>
            <source>The time is between 00:00 and 23:59.</source>
            <translation>时间在 00:00 到 23:59 之间。</translation>
        </message>
        <message>
            <source>An activity lasts from a minute to a week.</source>
            <translation>活动时长为 1 分钟到 1 周。</translation>
        </message>
        <message>
            <source>Points for taking part cannot be negative.</source>
            <translation>参与积分不能是负数。</translation>
        </message>
        <message>
            <source>A warm-up is 0 to 60 days before.</source>
            <translation>预热在活动前 0 到 60 天。</translation>
        </message>
        <message>
            <source>This repeat rule never happens (for example 30 February). Change the rule or the start date.</source>
            <translation>这个重复规则永远不会发生（比如 2 月 30 日）。请改一下规则或开始日期。</translation>
        </message>
        <message>
            <source>The end date is before the start date.</source>
            <translation>结束日期早于开始日期。</translation>
        </message>
        <message>
            <source>Repeat every 1 or more.</source>
            <translation>间隔至少为 1。</translation>
        </message>
        <message>
            <source>The number of times is 1 to 5,000.</source>
            <translation>次数为 1 到 5,000。</translation>
        </message>
        <message>
            <source>A day of the month is 1 to 31.</source>
            <translation>每月的日期为 1 到 31。</translation>
        </message>
        <message>
            <source>The activity no longer exists.</source>
            <translation>这个活动已不存在。</translation>
        </message>
        <message>
            <source>Choose one of the categories.</source>
            <translation>请选择一个活动类别。</translation>
        </message>
        <message>
            <source>Choose who the activity is for.</source>
            <translation>请选择活动面向的人群。</translation>
        </message>
        <message>
            <source>A colour looks like #2e7d5b.</source>
            <translation>颜色的写法如 #2e7d5b。</translation>
        </message>
        <message>
            <source>Choose warm-up, reminder or recap.</source>
            <translation>请选择预热、当天提醒或复盘。</translation>
        </message>
        <message>
            <source>Choose how the activity repeats.</source>
            <translation>请选择活动的重复方式。</translation>
        </message>
        <message>
            <source>Choose the 1st to 4th, or the last, weekday.</source>
            <translation>请选择第 1 至第 4 个，或最后一个星期几。</translation>
        </message>
        <message>
            <source>A repeat ends on a date or after a number of times, not both.</source>
            <translation>重复可以在某天结束，或重复若干次后结束，二者只能选一个。</translation>
        </message>
        <message>
            <source>This repeat rule cannot be read.</source>
            <translation>无法读取这条重复规则。</translation>
        </message>
        <message>
            <source>%1 cannot be written (%2).</source>
            <translation>无法写入 %1（%2）。</translation>
        </message>
    </context>
    <context>
        <name>CardPrintDialog</name>
        <message>
            <source>Print Member Cards</source>
            <translation>打印会员卡</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <source>Only members whose card was never printed</source>
            <translation>只打印从未打印过会员卡的会员</translation>
        </message>
        <message>
            <source>(none: set one in Settings → Member Cards)</source>
            <translation>（未设置：在 设置 → 会员卡 中填写）</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <source>On the card</source>
            <translation>卡上显示</translation>
        </message>
        <message>
            <source>Slogan</source>
            <translation>标语</translation>
        </message>
        <message numerus="yes">
            <source>%n card(s) for %1.</source>
            <translation>
                <numerusform>%1：%n 张会员卡。</numerusform>
            </translation>
        </message>
        <message>
            <source>Preview: Member Cards</source>
            <translation>预览：会员卡</translation>
        </message>
        <message>
            <source>Printing Cards</source>
            <translation>正在打印会员卡</translation>
        </message>
        <message numerus="yes">
            <source>Printing %n card(s)…</source>
            <translation>
                <numerusform>正在打印 %n 张会员卡…</numerusform>
            </translation>
        </message>
        <message>
            <source>Save Member Cards</source>
            <translation>保存会员卡</translation>
        </message>
        <message>
            <source>Member cards</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <source>Saving Cards</source>
            <translation>正在保存会员卡</translation>
        </message>
        <message numerus="yes">
            <source>Painting %n card(s)…</source>
            <translation>
                <numerusform>正在绘制 %n 张会员卡…</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
    </context>
    <context>
        <name>CardWords</name>
        <message>
            <source>A4 sheet of 10 cards (with crop marks)</source>
            <translation>A4 纸 10 张（带裁切线）</translation>
        </message>
        <message>
            <source>One card (85.6 × 54 mm)</source>
            <translation>单张卡片（85.6 × 54 毫米）</translation>
        </message>
        <message>
            <source>58 mm receipt paper</source>
            <translation>58 毫米小票纸</translation>
        </message>
        <message>
            <source>80 mm receipt paper</source>
            <translation>80 毫米小票纸</translation>
        </message>
        <message>
            <source>Table tent (A5, folded)</source>
            <translation>桌牌（A5，对折）</translation>
        </message>
        <message>
            <source>Cup sleeve strip</source>
            <translation>杯套条</translation>
        </message>
        <message>
            <source>A4 poster</source>
            <translation>A4 海报</translation>
        </message>
        <message>
            <source>Receipt footer (80 mm)</source>
            <translation>小票底部（80 毫米）</translation>
        </message>
        <message>
            <source>Not a member code (its check digit is wrong): %1</source>
            <translation>不是会员码（校验位不对）：%1</translation>
        </message>
        <message>
            <source>No member has the code %1.</source>
            <translation>没有会员码为 %1 的会员。</translation>
        </message>
        <message>
            <source>There is no segment called “%1”.</source>
            <translation>没有名为“%1”的分群。</translation>
        </message>
        <message>
            <source>Choose whose cards to print.</source>
            <translation>请选择要打印哪些会员的卡。</translation>
        </message>
        <message>
            <source>“%1” is not a layout.</source>
            <translation>“%1”不是可用的版式。</translation>
        </message>
        <message>
            <source>No QR code could be read in this picture. Use a clear screenshot or photo of the code: sqdesk redraws it sharp, and never prints a blurred copy.</source>
            <translation>这张图片里读不出二维码。请用清晰的截图或照片：sqdesk 会把它重新画清楚，绝不会打印模糊的副本。</translation>
        </message>
        <message>
            <source>This file is not a picture sqdesk can open (PNG or JPEG).</source>
            <translation>这个文件不是 sqdesk 能打开的图片（PNG 或 JPEG）。</translation>
        </message>
        <message>
            <source>“%1” is not a member code.</source>
            <translation>“%1”不是会员码。</translation>
        </message>
        <message>
            <source>%1 is not a member code: its check digit is wrong. A misread? Scan again.</source>
            <translation>%1 不是会员码：校验位不对。可能读错了，请再扫一次。</translation>
        </message>
        <message>
            <source>%1 (%2) is archived: restore the member first.</source>
            <translation>%1（%2）已归档：请先恢复该会员。</translation>
        </message>
        <message>
            <source>%1 was scanned a moment ago: counted once.</source>
            <translation>%1 刚刚扫过：只算一次。</translation>
        </message>
        <message>
            <source>%1 has checked in today already (%2).</source>
            <translation>%1 今天已经签到过了（%2）。</translation>
        </message>
    </context>
    <context>
        <name>ConditionRow</name>
        <message>
            <source>is</source>
            <translation>是</translation>
        </message>
        <message>
            <source>is not</source>
            <translation>不是</translation>
        </message>
        <message>
            <source>Remove this condition</source>
            <translation>删除这个条件</translation>
        </message>
        <message>
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>Tagged</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>with</source>
            <translation>含有</translation>
        </message>
        <message>
            <source>without</source>
            <translation>不含</translation>
        </message>
        <message>
            <source>any of</source>
            <translation>任一</translation>
        </message>
        <message>
            <source>all of</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>choose tags</source>
            <translation>选择标签</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <source>from</source>
            <translation>从</translation>
        </message>
        <message>
            <source>to</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Birthday month</source>
            <translation>生日月份</translation>
        </message>
        <message>
            <source>choose months</source>
            <translation>选择月份</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>choose sources</source>
            <translation>选择来源</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>choose levels</source>
            <translation>选择等级</translation>
        </message>
        <message>
            <source>Points balance</source>
            <translation>积分余额</translation>
        </message>
        <message>
            <source>no limit</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>最后到店</translation>
        </message>
        <message>
            <source>before (or never)</source>
            <translation>早于（含从未到店）</translation>
        </message>
        <message>
            <source>on or after</source>
            <translation>不早于</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店</translation>
        </message>
        <message>
            <source>at least</source>
            <translation>至少</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>in the last</source>
            <translation>近</translation>
        </message>
        <message>
            <source>Spend</source>
            <translation>消费</translation>
        </message>
        <message>
            <source>In WeChat group</source>
            <translation>微信群</translation>
        </message>
        <message>
            <source>in</source>
            <translation>在</translation>
        </message>
        <message>
            <source>not in</source>
            <translation>不在</translation>
        </message>
        <message>
            <source>any group</source>
            <translation>任意群</translation>
        </message>
        <message>
            <source>any %1</source>
            <translation>任意%1</translation>
        </message>
    </context>
    <context>
        <name>CopyPostDialog</name>
        <message>
            <source>Copy a Post</source>
            <translation>复制文案</translation>
        </message>
        <message>
            <source>Copy (Ctrl+Enter)</source>
            <translation>复制 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>For</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Template</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Use this template for this activity from now on</source>
            <translation>以后这个活动都用这个模板</translation>
        </message>
        <message numerus="yes">
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n 个字</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CouponPrintDialog</name>
        <message>
            <source>Print Coupons</source>
            <translation>打印优惠券</translation>
        </message>
        <message numerus="yes">
            <source>%n coupon(s) for %1.</source>
            <translation>
                <numerusform>%1 的 %n 张优惠券。</numerusform>
            </translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <source>On the coupon</source>
            <translation>券上显示</translation>
        </message>
        <message>
            <source>Preview: Coupons</source>
            <translation>预览：优惠券</translation>
        </message>
        <message>
            <source>Printing Coupons</source>
            <translation>正在打印优惠券</translation>
        </message>
        <message numerus="yes">
            <source>Printing %n coupon(s)…</source>
            <translation>
                <numerusform>正在打印 %n 张优惠券…</numerusform>
            </translation>
        </message>
        <message>
            <source>Save Coupons</source>
            <translation>保存优惠券</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Saving Coupons</source>
            <translation>正在保存优惠券</translation>
        </message>
        <message numerus="yes">
            <source>Painting %n coupon(s)…</source>
            <translation>
                <numerusform>正在生成 %n 张优惠券…</numerusform>
            </translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
    </context>
    <context>
        <name>CouponTerms</name>
        <message>
            <source>free item ≤ ¥%1</source>
            <translation>免费单品 ≤ ¥%1</translation>
        </message>
        <message>
            <source>2nd item −%1%</source>
            <translation>第二件减 %1%</translation>
        </message>
        <message>
            <source>¥%1 off</source>
            <translation>减¥%1</translation>
        </message>
        <message>
            <source>%1% off</source>
            <translation>%2折</translation>
        </message>
        <message>
            <source>%2 over ¥%1</source>
            <translation>满¥%1 %2</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>For %1 only</source>
            <translation>%1 专享</translation>
        </message>
        <message>
            <source>Valid %1 to %2</source>
            <translation>有效期 %1 至 %2</translation>
        </message>
    </context>
    <context>
        <name>CouponTypeDialog</name>
        <message>
            <source>Coupon Type</source>
            <translation>优惠券类型</translation>
        </message>
        <message>
            <source>New Coupon Type</source>
            <translation>新建优惠券类型</translation>
        </message>
        <message>
            <source>e.g. 满50减10, 周三第二杯半价</source>
            <translation>例如 满50减10、周三第二杯半价</translation>
        </message>
        <message>
            <source> days from issuing</source>
            <translation> 天（自发放起）</translation>
        </message>
        <message>
            <source>In use (off: no new ones are handed out)</source>
            <translation>启用（停用后不再发放新券）</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>种类</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>面额</translation>
        </message>
        <message>
            <source>Minimum spend</source>
            <translation>最低消费</translation>
        </message>
        <message>
            <source>Valid for</source>
            <translation>有效期</translation>
        </message>
        <message>
            <source>Days (none ticked: every day)</source>
            <translation>适用星期（不勾选：每天）</translation>
        </message>
        <message>
            <source>A member may hold</source>
            <translation>每人最多持有</translation>
        </message>
        <message>
            <source>Comes by itself</source>
            <translation>自动发放</translation>
        </message>
        <message>
            <source>Saved. Note: the minimum spend is lower than the amount off.</source>
            <translation>已保存。注意：最低消费低于减免金额。</translation>
        </message>
    </context>
    <context>
        <name>CouponTypesTab</name>
        <message>
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>What it gives</source>
            <translation>优惠内容</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>有效期</translation>
        </message>
        <message>
            <source>Comes by itself</source>
            <translation>自动发放</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>已发放</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>已使用</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Use rate</source>
            <translation>核销率</translation>
        </message>
        <message>
            <source>Spend with it</source>
            <translation>带动消费</translation>
        </message>
        <message>
            <source>New Coupon Type…</source>
            <translation>新建优惠券类型…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>The use rate is used ÷ (used + expired): coupons still open are not counted yet.</source>
            <translation>核销率 = 已使用 ÷（已使用 + 已过期）：尚在有效期内未用的券暂不计入。</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s)</source>
            <translation>
                <numerusform>%n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 (off)</source>
            <translation>%1（已停用）</translation>
        </message>
    </context>
    <context>
        <name>CouponWords</name>
        <message>
            <source>Amount off (满减)</source>
            <translation>满减</translation>
        </message>
        <message>
            <source>Percent off (折扣)</source>
            <translation>折扣</translation>
        </message>
        <message>
            <source>Fixed price (e.g. ¥9.9 trial)</source>
            <translation>固定价（如 ¥9.9 体验）</translation>
        </message>
        <message>
            <source>A free item</source>
            <translation>免费单品</translation>
        </message>
        <message>
            <source>Second item half price</source>
            <translation>第二件半价</translation>
        </message>
        <message>
            <source>Only when handed out</source>
            <translation>仅手动发放</translation>
        </message>
        <message>
            <source>On joining</source>
            <translation>入会时</translation>
        </message>
        <message>
            <source>In the birthday month</source>
            <translation>生日当月</translation>
        </message>
        <message>
            <source>To the referrer, on a successful referral</source>
            <translation>推荐成功时发给推荐人</translation>
        </message>
        <message>
            <source>On reaching a higher level</source>
            <translation>升级时</translation>
        </message>
        <message>
            <source>A coupon type needs a name.</source>
            <translation>优惠券类型需要一个名称。</translation>
        </message>
        <message>
            <source>“%1” is not a kind of coupon.</source>
            <translation>“%1”不是优惠券的种类。</translation>
        </message>
        <message>
            <source>A coupon's value must be more than zero.</source>
            <translation>优惠券的面额必须大于零。</translation>
        </message>
        <message>
            <source>A percentage is at most 100.</source>
            <translation>百分比最多是 100。</translation>
        </message>
        <message>
            <source>Check the amounts: at most ¥100,000, and not below zero.</source>
            <translation>请检查金额：最多 ¥100,000，且不能小于零。</translation>
        </message>
        <message>
            <source>A coupon is valid for at least a day; fixed dates need a first and a last day, in that order.</source>
            <translation>优惠券至少有效一天；固定日期需要开始日和结束日，且先后顺序正确。</translation>
        </message>
        <message>
            <source>Choose the days of the week it applies.</source>
            <translation>请选择适用的星期。</translation>
        </message>
        <message>
            <source>The hours run from one time to a later one on the same day.</source>
            <translation>适用时段须在同一天内，从早到晚。</translation>
        </message>
        <message>
            <source>A member may hold at least one.</source>
            <translation>每位会员至少可持有一张。</translation>
        </message>
        <message>
            <source>“%1” is not an event a coupon can come on.</source>
            <translation>“%1”不是可以自动发券的事件。</translation>
        </message>
        <message>
            <source>There is a coupon type called “%1” already.</source>
            <translation>已有名为“%1”的优惠券类型。</translation>
        </message>
        <message>
            <source>That coupon type does not exist or is switched off.</source>
            <translation>该优惠券类型不存在或已停用。</translation>
        </message>
        <message>
            <source>%1 was valid until %2: change its dates first.</source>
            <translation>%1 的有效期到 %2 为止：请先修改日期。</translation>
        </message>
        <message>
            <source>The member holds %1 unused “%2” already.</source>
            <translation>该会员已持有 %1 张未使用的“%2”。</translation>
        </message>
        <message>
            <source>The member no longer exists.</source>
            <translation>该会员已不存在。</translation>
        </message>
        <message>
            <source>No coupon has the code %1.</source>
            <translation>没有券码为 %1 的优惠券。</translation>
        </message>
        <message>
            <source>%1 is not a coupon code: its check digit is wrong. A misread? Scan again.</source>
            <translation>%1 不是券码：校验位不对。可能读错了，请再扫一次。</translation>
        </message>
        <message>
            <source>Coupon %1 belongs to another member.</source>
            <translation>优惠券 %1 属于另一位会员。</translation>
        </message>
        <message>
            <source>Coupon %1 was used on %2.</source>
            <translation>优惠券 %1 已于 %2 使用。</translation>
        </message>
        <message>
            <source>Coupon %1 expired on %2.</source>
            <translation>优惠券 %1 已于 %2 过期。</translation>
        </message>
        <message>
            <source>Coupon %1 can be used from %2.</source>
            <translation>优惠券 %1 从 %2 起可用。</translation>
        </message>
        <message>
            <source>%1 needs a bill of at least ¥%2.</source>
            <translation>%1 需消费满 ¥%2。</translation>
        </message>
        <message>
            <source>%1 is only for %2.</source>
            <translation>%1 仅限 %2 使用。</translation>
        </message>
        <message>
            <source>Nobody to draw from: the list is empty.</source>
            <translation>没有可以抽奖的人：名单是空的。</translation>
        </message>
        <message>
            <source>%1 winners from %2 people: ask for fewer.</source>
            <translation>%2 人中抽 %1 名：中奖人数太多了。</translation>
        </message>
        <message>
            <source>A prize of points is more than zero.</source>
            <translation>积分奖品须大于零。</translation>
        </message>
        <message>
            <source>“%1” is not a leaderboard.</source>
            <translation>“%1”不是排行榜。</translation>
        </message>
        <message>
            <source>“%1” is not a month like 2026-11.</source>
            <translation>“%1”不是月份（如 2026-11）。</translation>
        </message>
        <message>
            <source>The draw no longer exists.</source>
            <translation>这次抽奖已不存在。</translation>
        </message>
        <message>
            <source>This draw's prizes were paid already.</source>
            <translation>这次抽奖的奖品已经发过了。</translation>
        </message>
        <message>
            <source>%1 is only from %2 to %3.</source>
            <translation>%1 仅限 %2 至 %3 使用。</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>Board as PNG…</source>
            <translation>看板存为 PNG…</translation>
        </message>
        <message>
            <source>Board as PDF…</source>
            <translation>看板存为 PDF…</translation>
        </message>
        <message>
            <source>Tables as Excel…</source>
            <translation>表格存为 Excel…</translation>
        </message>
        <message>
            <source>Year Report (PDF)…</source>
            <translation>年度报告（PDF）…</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>时间：</translation>
        </message>
        <message>
            <source>Whose:</source>
            <translation>范围：</translation>
        </message>
        <message>
            <source>Active members</source>
            <translation>活跃会员</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店次数</translation>
        </message>
        <message>
            <source>Spend</source>
            <translation>消费额</translation>
        </message>
        <message>
            <source>Visits (bars) and spend (line)</source>
            <translation>到店次数（柱）与消费额（线）</translation>
        </message>
        <message>
            <source>Layers at the end of the period</source>
            <translation>期末会员分层</translation>
        </message>
        <message>
            <source>Levels at the end of the period</source>
            <translation>期末会员等级</translation>
        </message>
        <message>
            <source>Retention by join week</source>
            <translation>按入会周的留存</translation>
        </message>
        <message>
            <source>Joined in the week of</source>
            <translation>入会周（周一）</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入会人数</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>The whole store</source>
            <translation>全店</translation>
        </message>
        <message>
            <source>Group: %1</source>
            <translation>群：%1</translation>
        </message>
        <message>
            <source>Segment: %1</source>
            <translation>分组：%1</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 至 %2</translation>
        </message>
        <message numerus="yes">
            <source>%n active member(s)</source>
            <translation>
                <numerusform>%n 位活跃会员</numerusform>
            </translation>
        </message>
        <message>
            <source>The groups side by side</source>
            <translation>各群对比</translation>
        </message>
        <message>
            <source>Save the Board as PNG</source>
            <translation>看板存为 PNG</translation>
        </message>
        <message>
            <source>PNG pictures (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <source>Could not write %1.</source>
            <translation>无法写入 %1。</translation>
        </message>
        <message>
            <source>Save the Board as PDF</source>
            <translation>看板存为 PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Community dashboard, %1 to %2</source>
            <translation>社群数据看板，%1 至 %2</translation>
        </message>
        <message>
            <source>Save the Year Report</source>
            <translation>保存年度报告</translation>
        </message>
        <message>
            <source>Year Report</source>
            <translation>年度报告</translation>
        </message>
        <message>
            <source>Counting %1…</source>
            <translation>正在统计 %1 年…</translation>
        </message>
        <message>
            <source>Save the Tables as Excel</source>
            <translation>表格存为 Excel</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
    </context>
    <context>
        <name>DashboardWords</name>
        <message>
            <source>Members</source>
            <translation>会员数</translation>
        </message>
        <message>
            <source>New members</source>
            <translation>新会员</translation>
        </message>
        <message>
            <source>Active rate</source>
            <translation>活跃率</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店次数</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>到店人数</translation>
        </message>
        <message>
            <source>Repurchase rate</source>
            <translation>复购率</translation>
        </message>
        <message>
            <source>Spend</source>
            <translation>消费额</translation>
        </message>
        <message>
            <source>Spend per visit</source>
            <translation>客单价</translation>
        </message>
        <message>
            <source>7-day retention</source>
            <translation>7 日留存</translation>
        </message>
        <message>
            <source>30-day retention</source>
            <translation>30 日留存</translation>
        </message>
        <message>
            <source>Referred members</source>
            <translation>推荐入会</translation>
        </message>
        <message>
            <source>Activity participation</source>
            <translation>活动参与率</translation>
        </message>
        <message>
            <source>Points issued</source>
            <translation>发放积分</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>兑换积分</translation>
        </message>
        <message>
            <source>Points outstanding</source>
            <translation>未用积分</translation>
        </message>
        <message>
            <source>Posts copied</source>
            <translation>复制文案</translation>
        </message>
        <message>
            <source>Coupon use rate</source>
            <translation>优惠券核销率</translation>
        </message>
        <message>
            <source>Members who had joined by the last day of the period and were not archived by then.</source>
            <translation>截至期末已入会、且当时未归档的会员。</translation>
        </message>
        <message>
            <source>Members who joined within the period (archived since or not).</source>
            <translation>期内入会的会员（之后是否归档都算）。</translation>
        </message>
        <message>
            <source>Members with a contact within the period, out of all members. A contact is a visit, taking part in an activity, a note about the member, or a post copied for them one by one.</source>
            <translation>期内有过接触的会员占全部会员的比例。接触指：到店、参加活动、记了关于他的笔记、或逐个为他复制了消息。</translation>
        </message>
        <message>
            <source>Visits within the period; undone visits are left out.</source>
            <translation>期内到店次数，已撤销的不算。</translation>
        </message>
        <message>
            <source>Members with at least one visit within the period.</source>
            <translation>期内至少到店一次的会员。</translation>
        </message>
        <message>
            <source>Visitors with two visits or more, out of all visitors.</source>
            <translation>到店两次及以上的会员占到店会员的比例。</translation>
        </message>
        <message>
            <source>What was paid on the period's visits (after coupons).</source>
            <translation>期内到店实付金额（用券之后）。</translation>
        </message>
        <message>
            <source>Spend divided by visits.</source>
            <translation>消费额除以到店次数。</translation>
        </message>
        <message>
            <source>Of the members who joined within the period, at least 7 days ago: the share with a contact on one of the 7 days after their join day.</source>
            <translation>期内入会、且入会已满 7 天的会员中，入会后 7 天内有过接触的比例。</translation>
        </message>
        <message>
            <source>Of the members who joined within the period, at least 30 days ago: the share with a contact on one of the 30 days after their join day.</source>
            <translation>期内入会、且入会已满 30 天的会员中，入会后 30 天内有过接触的比例。</translation>
        </message>
        <message>
            <source>New members with a referrer, and how many members referred them.</source>
            <translation>有推荐人的新会员数，以及推荐了他们的会员人数。</translation>
        </message>
        <message>
            <source>For each activity within the period (the daily check-in left out): who took part, out of whom it was for; the mean over the activities.</source>
            <translation>期内每场活动（不含每日签到）的参与人数占目标人群的比例，再取各场的平均。</translation>
        </message>
        <message>
            <source>Points earned within the period.</source>
            <translation>期内会员赚到的积分。</translation>
        </message>
        <message>
            <source>Points exchanged for rewards within the period.</source>
            <translation>期内兑换礼品用掉的积分。</translation>
        </message>
        <message>
            <source>The sum of all balances at the end of the period: what the shop still owes in points.</source>
            <translation>期末所有会员积分余额之和：店里还欠着的积分。</translation>
        </message>
        <message>
            <source>Posts copied within the period (with a group or segment chosen: those for its members).</source>
            <translation>期内复制的文案次数（选了群或分组时：只算为其成员复制的）。</translation>
        </message>
        <message>
            <source>Coupons used, out of those used or expired, for the coupons issued within the period.</source>
            <translation>期内发出的优惠券中，已使用的占「已使用 + 已过期」的比例。</translation>
        </message>
        <message>
            <source>This week</source>
            <translation>本周</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>近 30 天</translation>
        </message>
        <message>
            <source>Last 90 days</source>
            <translation>近 90 天</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>近 12 个月</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>自定义…</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新会员</translation>
        </message>
        <message>
            <source>Core</source>
            <translation>核心</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>活跃</translation>
        </message>
        <message>
            <source>Occasional</source>
            <translation>偶尔来</translation>
        </message>
        <message>
            <source>Dormant</source>
            <translation>沉睡</translation>
        </message>
        <message>
            <source>Lapsed</source>
            <translation>衰退</translation>
        </message>
        <message>
            <source>Figure</source>
            <translation>指标</translation>
        </message>
        <message>
            <source>This period</source>
            <translation>本期</translation>
        </message>
        <message>
            <source>Previous period</source>
            <translation>上期</translation>
        </message>
        <message>
            <source>From</source>
            <translation>从</translation>
        </message>
        <message>
            <source>To</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>分层</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>群</translation>
        </message>
        <message>
            <source>pt</source>
            <translation>个百分点</translation>
        </message>
        <message>
            <source>from none</source>
            <translation>上期为 0</translation>
        </message>
        <message>
            <source>No level</source>
            <translation>无等级</translation>
        </message>
        <message>
            <source>Dashed: not a whole week</source>
            <translation>虚线：不满一整周</translation>
        </message>
        <message>
            <source>Dashed: today is not over yet</source>
            <translation>虚线：今天还没过完</translation>
        </message>
        <message>
            <source>VIP</source>
            <translation>VIP</translation>
        </message>
        <message>
            <source>Ordinary</source>
            <translation>普通</translation>
        </message>
        <message>
            <source>Interest</source>
            <translation>兴趣</translation>
        </message>
        <message>
            <source>The period ends (%2) before it starts (%1).</source>
            <translation>结束日期（%2）早于开始日期（%1）。</translation>
        </message>
        <message>
            <source>There is no WeChat group named “%1”.</source>
            <translation>没有叫「%1」的微信群。</translation>
        </message>
        <message>
            <source>There is no segment named “%1”.</source>
            <translation>没有叫「%1」的分组。</translation>
        </message>
    </context>
    <context>
        <name>DataRequests</name>
        <message>
            <source>Export Their Data</source>
            <translation>导出个人数据</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <source>Erase at Their Request</source>
            <translation>应本人要求抹除</translation>
        </message>
        <message>
            <source>Erase member %1? Their name, mobile, birthday, WeChat ID, remarks, notes and the messages copied for them are wiped, and their name wherever other text holds it. Their visits and points stay, without a name, so every total stays right. This cannot be undone here; backups made before keep the data until their rotation replaces them.</source>
            <translation>抹除会员 %1？其姓名、手机号、生日、微信号、备注、互动记录和为其复制过的消息都会清除，其他文字里出现的名字也会被替换。到店和积分记录会保留但不再带名字，所有合计保持不变。此操作无法在这里撤销；之前的备份仍含这些数据，直到按轮换规则被新备份替换。</translation>
        </message>
        <message>
            <source>Erase</source>
            <translation>抹除</translation>
        </message>
        <message>
            <source>Saving a copy of the store, then erasing the member…</source>
            <translation>正在保存一份门店数据副本，然后抹除该会员…</translation>
        </message>
        <message>
            <source>Stopped: nothing was erased.</source>
            <translation>已停止：没有抹除任何内容。</translation>
        </message>
        <message>
            <source>Member %1 was erased.</source>
            <translation>会员 %1 已抹除。</translation>
        </message>
    </context>
    <context>
        <name>DateWords</name>
        <message>
            <source>dddd, d MMMM yyyy</source>
            <translation>yyyy年M月d日 dddd</translation>
        </message>
        <message>
            <source>dddd d MMM</source>
            <translation>M月d日 dddd</translation>
        </message>
        <message>
            <source>d MMM</source>
            <translation>M月d日</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>MMMM yyyy</source>
            <translation>yyyy年M月</translation>
        </message>
    </context>
    <context>
        <name>DrawDialog</name>
        <message>
            <source>Lucky Draw</source>
            <translation>幸运抽奖</translation>
        </message>
        <message>
            <source>Use a Pasted 接龙…</source>
            <translation>用粘贴的接龙…</translation>
        </message>
        <message>
            <source>e.g. 粉丝节抽奖</source>
            <translation>例如 粉丝节抽奖</translation>
        </message>
        <message>
            <source>Leave out who won in the last %1 days</source>
            <translation>排除最近 %1 天内中过奖的会员</translation>
        </message>
        <message>
            <source> points</source>
            <translation> 积分</translation>
        </message>
        <message>
            <source>No coupon</source>
            <translation>不送优惠券</translation>
        </message>
        <message>
            <source>empty: a new one (to replay a draw, type its seed)</source>
            <translation>留空：随机生成（复核抽奖时填入抽奖号）</translation>
        </message>
        <message>
            <source>Draw</source>
            <translation>抽奖</translation>
        </message>
        <message>
            <source>Pay the Prizes</source>
            <translation>发放奖品</translation>
        </message>
        <message>
            <source>Copy the Result Post</source>
            <translation>复制中奖公告</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Winners</source>
            <translation>中奖人数</translation>
        </message>
        <message>
            <source>Prize</source>
            <translation>奖品</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>抽奖号</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) can win: %1</source>
            <translation>
                <numerusform>%1：%n 位会员参与抽奖</numerusform>
            </translation>
        </message>
        <message>
            <source>Paste a 接龙</source>
            <translation>粘贴接龙</translation>
        </message>
        <message>
            <source>The pasted 接龙: its matched members can win.</source>
            <translation>粘贴的接龙：匹配到的会员参与抽奖。</translation>
        </message>
        <message>
            <source>a pasted 接龙</source>
            <translation>粘贴的接龙</translation>
        </message>
        <message>
            <source>A seed is a whole number.</source>
            <translation>抽奖号须是整数。</translation>
        </message>
        <message>
            <source>Drawn from %1 with seed %2: the same list and seed give the same winners.</source>
            <translation>从 %1 人中抽出，抽奖号 %2：同一名单和抽奖号会得到相同的中奖者。</translation>
        </message>
        <message numerus="yes">
            <source>Prizes paid to %n winner(s).</source>
            <translation>
                <numerusform>已给 %n 位中奖会员发放奖品。</numerusform>
            </translation>
        </message>
        <message>
            <source>The result post is copied: paste it in the group.</source>
            <translation>中奖公告已复制：粘贴到群里即可。</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Likely Duplicates</source>
            <translation>疑似重复会员</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>会员码</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Keep Selected, Merge the Others</source>
            <translation>保留选中的，合并其他的</translation>
        </message>
        <message numerus="yes">
            <source>%n group(s) of members look like the same person. Select the member to keep in a group; the others are merged into it, with all their history.</source>
            <translation>
                <numerusform>有 %Ln 组会员像是同一个人。在组里选中要保留的会员，其他会员连同全部记录会合并到这位会员。</numerusform>
            </translation>
        </message>
        <message>
            <source>No likely duplicates found.</source>
            <translation>没有发现疑似重复的会员。</translation>
        </message>
        <message>
            <source>Same mobile %1</source>
            <translation>手机号相同 %1</translation>
        </message>
        <message>
            <source>Same name and birthday: %1</source>
            <translation>姓名和生日相同：%1</translation>
        </message>
        <message>
            <source>Same name, similar nickname: %1</source>
            <translation>姓名相同、昵称相近：%1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Merge members</source>
            <translation>合并会员</translation>
        </message>
        <message numerus="yes">
            <source>Merge %n member(s) into %1 (%2)? Their history moves to %1 and they are removed. This cannot be undone.</source>
            <translation>
                <numerusform>把 %Ln 位会员合并到 %1（%2）吗？他们的记录会转到 %1 名下，原会员被删除。此操作无法撤销。</numerusform>
            </translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message numerus="yes">
            <source>Stopped after merging %n member(s).</source>
            <translation>
                <numerusform>合并了 %n 位会员后已停止。</numerusform>
            </translation>
        </message>
        <message>
            <source>Saving a copy of the store, then merging…</source>
            <translation>正在保存一份门店数据副本，然后合并…</translation>
        </message>
        <message>
            <source>Stopped: nobody was merged.</source>
            <translation>已停止：没有合并任何会员。</translation>
        </message>
    </context>
    <context>
        <name>FilterPanel</name>
        <message>
            <source>all of these conditions (AND)</source>
            <translation>同时满足以下全部条件（且）</translation>
        </message>
        <message>
            <source>any of these conditions (OR)</source>
            <translation>满足以下任一条件（或）</translation>
        </message>
        <message>
            <source>+ Condition</source>
            <translation>+ 添加条件</translation>
        </message>
        <message>
            <source>Save as Segment…</source>
            <translation>存为分层…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <source>Close the filter (Esc)</source>
            <translation>关闭筛选（Esc）</translation>
        </message>
        <message>
            <source>Members matching</source>
            <translation>筛选会员：</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Joined between</source>
            <translation>入会日期范围</translation>
        </message>
        <message>
            <source>Birthday month</source>
            <translation>生日月份</translation>
        </message>
        <message>
            <source>Source channel</source>
            <translation>来源渠道</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Points balance</source>
            <translation>积分余额</translation>
        </message>
        <message>
            <source>Last visit before / after</source>
            <translation>最后到店早于 / 不早于</translation>
        </message>
        <message>
            <source>Visits in the last N days</source>
            <translation>近 N 天到店次数</translation>
        </message>
        <message>
            <source>Spend in the last N days</source>
            <translation>近 N 天消费金额</translation>
        </message>
        <message>
            <source>In / not in a WeChat group</source>
            <translation>在 / 不在微信群</translation>
        </message>
    </context>
    <context>
        <name>FollowUpWords</name>
        <message>
            <source>Follow-up</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>Follow-up Done</source>
            <translation>跟进完成</translation>
        </message>
        <message>
            <source>What came of it? (optional)</source>
            <translation>结果如何？（可不填）</translation>
        </message>
        <message>
            <source>Done, with What Came of It…</source>
            <translation>完成，记下结果…</translation>
        </message>
        <message>
            <source>Snooze</source>
            <translation>推迟</translation>
        </message>
        <message>
            <source>Until Tomorrow</source>
            <translation>到明天</translation>
        </message>
        <message>
            <source>3 Days</source>
            <translation>3 天</translation>
        </message>
        <message>
            <source>A Week</source>
            <translation>一周</translation>
        </message>
        <message>
            <source>Open the Member</source>
            <translation>打开会员</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsTab</name>
        <message>
            <source>Due today and overdue</source>
            <translation>今天到期和已逾期</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>已逾期</translation>
        </message>
        <message>
            <source>Coming up</source>
            <translation>即将到期</translation>
        </message>
        <message>
            <source>All open</source>
            <translation>全部未完成</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>到期</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>What came of it</source>
            <translation>结果</translation>
        </message>
        <message numerus="yes">
            <source>%1 (overdue %n day(s))</source>
            <translation>
                <numerusform>%1（逾期 %n 天）</numerusform>
            </translation>
        </message>
        <message>
            <source> (archived)</source>
            <translation>（已归档）</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>%n 条跟进</numerusform>
            </translation>
        </message>
        <message>
            <source>Recent notes</source>
            <translation>最近的记录</translation>
        </message>
        <message>
            <source>Recent notes about %1</source>
            <translation>%1 最近的记录</translation>
        </message>
    </context>
    <context>
        <name>GiveCouponDialog</name>
        <message>
            <source>Give a Coupon</source>
            <translation>发优惠券</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s): %1</source>
            <translation>
                <numerusform>%1：%n 位会员</numerusform>
            </translation>
        </message>
        <message>
            <source>Print them afterwards (with their QR)</source>
            <translation>发完后打印（带二维码）</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message numerus="yes">
            <source>%n coupon(s) handed out.</source>
            <translation>
                <numerusform>已发出 %n 张优惠券。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) hold as many as they may already.</source>
            <translation>
                <numerusform>%n 位会员已持有上限数量，未重复发放。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>GroupDialog</name>
        <message>
            <source>New WeChat Group</source>
            <translation>新建微信群</translation>
        </message>
        <message>
            <source>Edit WeChat Group</source>
            <translation>编辑微信群</translation>
        </message>
        <message>
            <source>e.g. 茶语会员1群</source>
            <translation>例如：茶语会员1群</translation>
        </message>
        <message>
            <source>WeChat lets at most 500 people into one group.</source>
            <translation>一个微信群最多 500 人。</translation>
        </message>
        <message>
            <source>Group rules, as pinned in the group</source>
            <translation>群规，和群公告里的一样</translation>
        </message>
        <message>
            <source>Welcome text for people who just joined; placeholders such as {{ 群名 }} work here</source>
            <translation>给新进群的人的欢迎语；可以用 {{ 群名 }} 等占位符</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>群名</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>人数上限</translation>
        </message>
        <message>
            <source>Rules</source>
            <translation>群规</translation>
        </message>
        <message>
            <source>Welcome text</source>
            <translation>欢迎语</translation>
        </message>
    </context>
    <context>
        <name>GroupWords</name>
        <message>
            <source>Ordinary group</source>
            <translation>普通群</translation>
        </message>
        <message>
            <source>VIP group</source>
            <translation>VIP 群</translation>
        </message>
        <message>
            <source>Interest group</source>
            <translation>兴趣群</translation>
        </message>
        <message>
            <source>left</source>
            <translation>主动退群</translation>
        </message>
        <message>
            <source>removed for breaking the rules</source>
            <translation>违规移出</translation>
        </message>
        <message>
            <source>No QR image yet: in WeChat open the group, tap 群二维码, take a screenshot and import it here.</source>
            <translation>还没有群二维码：在微信里打开这个群，点“群二维码”，截图后在这里导入。</translation>
        </message>
        <message>
            <source>The QR image expired after %1: nobody can join with it. Take a new screenshot in WeChat and import it.</source>
            <translation>群二维码已于 %1 后失效，扫码已无法进群。请在微信里重新截图并导入。</translation>
        </message>
        <message>
            <source>QR image from %1, day %2 of 7: it works until %3.</source>
            <translation>群二维码截于 %1，今天是第 %2 天（共 7 天），有效至 %3。</translation>
        </message>
        <message>
            <source>Take a new screenshot in WeChat soon.</source>
            <translation>请尽快在微信里重新截图。</translation>
        </message>
        <message>
            <source>A group named %1 exists already.</source>
            <translation>已有名为 %1 的群。</translation>
        </message>
        <message>
            <source>A group needs a name.</source>
            <translation>群需要一个名字。</translation>
        </message>
        <message>
            <source>A group name has at most 30 characters.</source>
            <translation>群名最多 30 个字。</translation>
        </message>
        <message>
            <source>A WeChat group holds 1 to 500 people.</source>
            <translation>微信群人数上限为 1 到 500 人。</translation>
        </message>
        <message>
            <source>The group has %1 members now: the capacity cannot be lower.</source>
            <translation>群里现在有 %1 人，上限不能比这更低。</translation>
        </message>
        <message>
            <source>The group has room for %1 more, not %2. Nobody was added.</source>
            <translation>群里只能再加 %1 人，不够 %2 人。没有添加任何人。</translation>
        </message>
        <message>
            <source>That file is not a PNG or JPEG image. Save the QR code from WeChat as a screenshot and choose that file.</source>
            <translation>这个文件不是 PNG 或 JPEG 图片。请在微信里把群二维码截图保存，再选择那张图片。</translation>
        </message>
        <message>
            <source>That image is larger than 10 MB.</source>
            <translation>图片超过 10 MB。</translation>
        </message>
        <message>
            <source>The QR image cannot be from a future day.</source>
            <translation>二维码的日期不能晚于今天。</translation>
        </message>
        <message>
            <source>The group no longer exists.</source>
            <translation>这个群已不存在。</translation>
        </message>
    </context>
    <context>
        <name>GroupsPage</name>
        <message>
            <source>WeChat Groups</source>
            <translation>微信群</translation>
        </message>
        <message>
            <source>New Group…</source>
            <translation>新建群…</translation>
        </message>
        <message>
            <source>VIP-eligible members who are in no VIP group yet: who should get the VIP invite</source>
            <translation>符合 VIP 条件但还不在任何 VIP 群的会员：本周该邀请谁</translation>
        </message>
        <message>
            <source>Members of a VIP group who no longer qualify</source>
            <translation>VIP 群里已不再符合条件的会员</translation>
        </message>
        <message>
            <source>Show in Roster</source>
            <translation>在会员列表中查看</translation>
        </message>
        <message>
            <source>Filter, tag or export this group's members</source>
            <translation>筛选、打标签或导出这个群的成员</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Import QR Image…</source>
            <translation>导入群二维码…</translation>
        </message>
        <message>
            <source>Remove QR Image</source>
            <translation>移除二维码</translation>
        </message>
        <message>
            <source>Copy Post</source>
            <translation>复制文案</translation>
        </message>
        <message>
            <source>The welcome text, rules or another post for this group, ready to paste</source>
            <translation>这个群的欢迎语、群规或其他文案，复制即可粘贴</translation>
        </message>
        <message>
            <source>Welcome Text</source>
            <translation>欢迎语</translation>
        </message>
        <message>
            <source>Group Rules</source>
            <translation>群规</translation>
        </message>
        <message>
            <source>Other Post…</source>
            <translation>其他文案…</translation>
        </message>
        <message>
            <source>Show those who left</source>
            <translation>显示已退群的</translation>
        </message>
        <message>
            <source>Add Members…</source>
            <translation>添加成员…</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>移出…</translation>
        </message>
        <message>
            <source>Take the selected members out of the group (Del)</source>
            <translation>把选中的成员移出群（Del）</translation>
        </message>
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
            <source>Joined</source>
            <translation>进群日期</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>退群日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>No WeChat groups yet. Add the groups you run with New Group; members, rules and the QR image go with each.</source>
            <translation>还没有微信群。用“新建群”添加你运营的群，每个群都有成员、群规和二维码。</translation>
        </message>
        <message>
            <source>New Group</source>
            <translation>新建群</translation>
        </message>
        <message>
            <source>Remove from Group</source>
            <translation>移出群</translation>
        </message>
        <message numerus="yes">
            <source>%n group(s)</source>
            <translation>
                <numerusform>%n 个群</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) in groups</source>
            <translation>
                <numerusform>群内会员 %n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>VIP invites: %n</source>
            <translation>
                <numerusform>待邀请进 VIP 群：%n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>No longer VIP-eligible: %n</source>
            <translation>
                <numerusform>已不符合 VIP 条件：%n 人</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2 places taken</source>
            <translation>%1 / %2 人</translation>
        </message>
        <message>
            <source>No QR</source>
            <translation>无二维码</translation>
        </message>
        <message>
            <source>Rules: %1</source>
            <translation>群规：%1</translation>
        </message>
        <message>
            <source>No group rules written yet (Edit…).</source>
            <translation>还没有写群规（点“编辑…”）。</translation>
        </message>
        <message>
            <source>%1 welcome text</source>
            <translation>%1欢迎语</translation>
        </message>
        <message>
            <source>%1 rules</source>
            <translation>%1群规</translation>
        </message>
        <message>
            <source>Delete Group</source>
            <translation>删除群</translation>
        </message>
        <message numerus="yes">
            <source>Delete %1 and the membership history of its %n member(s)? The WeChat group itself is not touched.</source>
            <translation>
                <numerusform>删除 %1 以及群里 %n 位成员的进退群记录？微信里的群本身不受影响。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted the group %1.</source>
            <translation>已删除群 %1。</translation>
        </message>
        <message>
            <source>Import Group QR Image</source>
            <translation>导入群二维码</translation>
        </message>
        <message>
            <source>Images (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Group QR Image</source>
            <translation>群二维码</translation>
        </message>
        <message>
            <source>Add Members to %1</source>
            <translation>添加成员到 %1</translation>
        </message>
        <message>
            <source>Add to Group</source>
            <translation>加入群</translation>
        </message>
        <message numerus="yes">
            <source>Added %n member(s) to the group.</source>
            <translation>
                <numerusform>已把 %n 位会员加入群。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n were in it already.</source>
            <translation>
                <numerusform>其中 %n 位本来就在群里。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Took %n member(s) out of the group.</source>
            <translation>
                <numerusform>已把 %n 位成员移出群。</numerusform>
            </translation>
        </message>
        <message>
            <source>Group: %1</source>
            <translation>群：%1</translation>
        </message>
        <message>
            <source>VIP invites</source>
            <translation>待邀请进 VIP 群</translation>
        </message>
        <message>
            <source>No longer VIP-eligible</source>
            <translation>已不符合 VIP 条件</translation>
        </message>
    </context>
    <context>
        <name>ImagePicker</name>
        <message>
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>not a picture</source>
            <translation>不是图片</translation>
        </message>
        <message>
            <source>Choose a Picture</source>
            <translation>选择图片</translation>
        </message>
        <message>
            <source>Pictures (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <source>Import Members — %1</source>
            <translation>导入会员 — %1</translation>
        </message>
        <message>
            <source>Column in the sheet</source>
            <translation>表格中的列</translation>
        </message>
        <message>
            <source>Imported as</source>
            <translation>导入为</translation>
        </message>
        <message>
            <source>First values</source>
            <translation>前几行的值</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Skip the rows with problems</source>
            <translation>跳过有问题的行</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Columns</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Checking %1</source>
            <translation>正在检查 %1</translation>
        </message>
        <message>
            <source>Cannot import this file</source>
            <translation>无法导入这个文件</translation>
        </message>
        <message>
            <source>%1: header in row %2. &lt;b&gt;%3 new&lt;/b&gt;, &lt;b&gt;%4 to update&lt;/b&gt; (same mobile), &lt;b&gt;%5 with problems&lt;/b&gt;.</source>
            <translation>%1：表头在第 %2 行。&lt;b&gt;新增 %3 位&lt;/b&gt;，&lt;b&gt;更新 %4 位&lt;/b&gt;（手机号相同），&lt;b&gt;%5 行有问题&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>Problems (%1)</source>
            <translation>问题（%1）</translation>
        </message>
        <message>
            <source> — the first %1 are listed</source>
            <translation> — 只列出前 %1 条</translation>
        </message>
        <message>
            <source>(no header)</source>
            <translation>（无表头）</translation>
        </message>
        <message>
            <source>— not imported —</source>
            <translation>— 不导入 —</translation>
        </message>
        <message>
            <source>Lunar birthday</source>
            <translation>农历生日</translation>
        </message>
        <message numerus="yes">
            <source>Import %n member(s)</source>
            <translation>
                <numerusform>导入 %Ln 位会员</numerusform>
            </translation>
        </message>
        <message>
            <source>Tick “Skip the rows with problems” to import the other rows, or correct the file and import it again.</source>
            <translation>勾选“跳过有问题的行”可导入其余的行；也可以改好文件后重新导入。</translation>
        </message>
        <message>
            <source>Importing %1</source>
            <translation>正在导入 %1</translation>
        </message>
        <message>
            <source>Cannot read “%1”.</source>
            <translation>无法识别“%1”。</translation>
        </message>
        <message>
            <source>Same mobile as row %1.</source>
            <translation>与第 %1 行的手机号相同。</translation>
        </message>
    </context>
    <context>
        <name>JielongDialog</name>
        <message>
            <source>Paste 接龙: %1</source>
            <translation>粘贴接龙：%1</translation>
        </message>
        <message>
            <source>Copy the 接龙 in WeChat and paste it here, for example:</source>
            <translation>在微信里复制接龙，粘贴到这里，例如：</translation>
        </message>
        <message>
            <source>Read the List</source>
            <translation>读取名单</translation>
        </message>
        <message>
            <source>Line</source>
            <translation>原文</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名字</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Record Attendance</source>
            <translation>记录参与</translation>
        </message>
        <message>
            <source>No numbered lines found. A 接龙 has lines like “1. 张三”.</source>
            <translation>没有找到带序号的行。接龙的格式像“1. 张三”。</translation>
        </message>
        <message>
            <source>Skip this line</source>
            <translation>跳过这一行</translation>
        </message>
        <message>
            <source>Choose who it is…</source>
            <translation>选择是哪位…</translation>
        </message>
        <message>
            <source>Create member “%1”</source>
            <translation>新建会员“%1”</translation>
        </message>
        <message>
            <source>Pick a member…</source>
            <translation>选择会员…</translation>
        </message>
        <message>
            <source>Skip (already in the list)</source>
            <translation>跳过（已在名单中）</translation>
        </message>
        <message>
            <source>%1 lines: %2 matched, %3 to choose, %4 not found, %5 listed twice.</source>
            <translation>共 %1 行：已匹配 %2，需选择 %3，未找到 %4，重复 %5。</translation>
        </message>
        <message>
            <source>Only the first %1 lines were read.</source>
            <translation>只读取了前 %1 行。</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Who is “%1”?</source>
            <translation>“%1”是哪位？</translation>
        </message>
        <message>
            <source>skipped</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>new member</source>
            <translation>新建会员</translation>
        </message>
    </context>
    <context>
        <name>JobProgressDialog</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
    </context>
    <context>
        <name>LapsesTab</name>
        <message>
            <source>Ever</source>
            <translation>全部时间</translation>
        </message>
        <message>
            <source>The last 12 months</source>
            <translation>最近 12 个月</translation>
        </message>
        <message>
            <source>The last 90 days</source>
            <translation>最近 90 天</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会员数</translation>
        </message>
        <message>
            <source>Share</source>
            <translation>占比</translation>
        </message>
        <message>
            <source>A note of the kind “Reason for lapsing” can say why; it is counted here once per member and reason.</source>
            <translation>类型为“流失原因”的记录可以注明原因；每位会员的每个原因在这里只计一次。</translation>
        </message>
        <message>
            <source>No member has been noted as lapsing yet.</source>
            <translation>还没有记录过会员流失。</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) noted as lapsing.</source>
            <translation>
                <numerusform>已记录 %n 位会员流失。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <source>Remove from Group</source>
            <translation>移出群</translation>
        </message>
        <message numerus="yes">
            <source>Take %n member(s) out of the group: %1</source>
            <translation>
                <numerusform>把 %n 位成员移出群：%1</numerusform>
            </translation>
        </message>
        <message>
            <source>They left the group</source>
            <translation>主动退群</translation>
        </message>
        <message>
            <source>Removed for breaking the group rules</source>
            <translation>违反群规被移出</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
    </context>
    <context>
        <name>LosingTouchDialog</name>
        <message>
            <source>Losing Touch</source>
            <translation>快要失联的会员</translation>
        </message>
        <message>
            <source>Core</source>
            <translation>核心</translation>
        </message>
        <message>
            <source>Spent this year</source>
            <translation>一年内有消费</translation>
        </message>
        <message>
            <source>Quiet</source>
            <translation>一年内无消费</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>会员码</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>分层</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>最近联系</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>天数</translation>
        </message>
        <message>
            <source>Spend (12 mo.)</source>
            <translation>近一年消费</translation>
        </message>
        <message>
            <source>Say Hello…</source>
            <translation>打个招呼…</translation>
        </message>
        <message>
            <source>The 好久不见 message for this member, ready to paste in WeChat</source>
            <translation>给这位会员的“好久不见”消息，复制后可直接粘贴到微信</translation>
        </message>
        <message>
            <source>Open Member</source>
            <translation>打开会员</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) with no contact of any kind (a visit, an activity, a note, a message) for a while, the most valuable first.</source>
            <translation>
                <numerusform>%n 位会员有一阵子没有任何联系（到店、活动、记录、消息），价值高的排在前面。</numerusform>
            </translation>
        </message>
        <message>
            <source>A while is %1 days for core members, %2 for members who spent this year and %3 for the others (Settings, Staying in Touch).</source>
            <translation>“一段时间”指：核心会员 %1 天，一年内有消费的会员 %2 天，其他会员 %3 天（设置 → 保持联系）。</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Calendar</source>
            <translation>活动日历</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>WeChat Groups</source>
            <translation>微信群</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>发帖文案</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>互动记录</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>数据看板</translation>
        </message>
        <message>
            <source>DEMO store: made-up members to try sqdesk with. Everything here is thrown away when you quit.</source>
            <translation>演示数据：这里的会员都是虚构的，供您试用 sqdesk。退出后全部丢弃。</translation>
        </message>
        <message>
            <source>Read-only: another copy of sqdesk has this store open. You can look and search; changes are made in the copy that has it open.</source>
            <translation>只读：另一个 sqdesk 正在使用这份门店数据。您可以查看和搜索；修改请在那边进行。</translation>
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
            <source>Open a &amp;Server…</source>
            <translation>打开服务器(&amp;S)…</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Import Members…</source>
            <translation>导入会员(&amp;I)…</translation>
        </message>
        <message>
            <source>&amp;Export Members…</source>
            <translation>导出会员(&amp;E)…</translation>
        </message>
        <message>
            <source>&amp;Back Up Now</source>
            <translation>立即备份(&amp;B)</translation>
        </message>
        <message>
            <source>Backup &amp;Folder…</source>
            <translation>备份文件夹(&amp;F)…</translation>
        </message>
        <message>
            <source>&amp;Check Store…</source>
            <translation>检查门店数据(&amp;C)…</translation>
        </message>
        <message>
            <source>Pri&amp;vacy…</source>
            <translation>隐私(&amp;V)…</translation>
        </message>
        <message>
            <source>&amp;Audit Log…</source>
            <translation>操作日志(&amp;A)…</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>Set &amp;Up Shop…</source>
            <translation>门店设置向导(&amp;U)…</translation>
        </message>
        <message>
            <source>Manager &amp;PIN…</source>
            <translation>店长密码(&amp;P)…</translation>
        </message>
        <message>
            <source>&amp;Lock Manager Mode</source>
            <translation>锁定店长模式(&amp;L)</translation>
        </message>
        <message>
            <source>Record &amp;Visit…</source>
            <translation>记录到店消费(&amp;V)…</translation>
        </message>
        <message>
            <source>&amp;Scan a Card</source>
            <translation>扫会员卡(&amp;S)</translation>
        </message>
        <message>
            <source>Print Group &amp;Poster…</source>
            <translation>打印进群海报(&amp;P)…</translation>
        </message>
        <message>
            <source>New &amp;Note…</source>
            <translation>记一笔(&amp;N)…</translation>
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
        <message numerus="yes">
            <source>%n batch(es) of points expired today.</source>
            <translation>
                <numerusform>今天有 %Ln 批积分到期。</numerusform>
            </translation>
        </message>
        <message>
            <source>Backed up to %1.</source>
            <translation>已备份到 %1。</translation>
        </message>
        <message>
            <source>The backup failed: %1</source>
            <translation>备份失败：%1</translation>
        </message>
        <message>
            <source>Restore from Backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Getting the copy ready…</source>
            <translation>正在准备这份备份…</translation>
        </message>
        <message>
            <source>Restore stopped: the store is as it was.</source>
            <translation>已停止恢复：门店数据保持原样。</translation>
        </message>
        <message>
            <source>sqdesk is busy with today's upkeep. Try again in a moment.</source>
            <translation>sqdesk 正在做今天的例行整理，请稍后再试。</translation>
        </message>
        <message>
            <source>That copy could not be restored: %1 The store is as it was.</source>
            <translation>这份备份无法恢复：%1 门店数据保持原样。</translation>
        </message>
        <message>
            <source>Restored. The store as it was before is kept as a backup too.</source>
            <translation>已恢复。恢复前的数据也已另存为备份。</translation>
        </message>
        <message>
            <source>Writing the copy over the store…</source>
            <translation>正在把这份备份写回门店数据…</translation>
        </message>
        <message>
            <source>Check Store</source>
            <translation>检查门店数据</translation>
        </message>
        <message>
            <source>The store passed every check.</source>
            <translation>门店数据通过了全部检查。</translation>
        </message>
        <message numerus="yes">
            <source>The check found %n problem(s). If the file is damaged, go back to a good copy with File → Restore from Backup.</source>
            <translation>
                <numerusform>检查发现 %n 个问题。如果文件已损坏，请用“文件 → 从备份恢复”回到一份完好的备份。</numerusform>
            </translation>
        </message>
        <message>
            <source>Checking the file and every balance…</source>
            <translation>正在检查数据文件和每一笔积分余额…</translation>
        </message>
        <message>
            <source>The store file is damaged (%1). Nothing more should be written to it: use File → Restore from Backup to go back to the last good copy.</source>
            <translation>门店数据文件已损坏（%1）。请不要再往里录入：用“文件 → 从备份恢复”回到最近一份完好的备份。</translation>
        </message>
        <message>
            <source>Go back to the newest good copy (%1)…</source>
            <translation>回到最近一份完好的备份（%1）…</translation>
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
            <source>%1 (read-only) — sqdesk</source>
            <translation>%1（只读）— sqdesk</translation>
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
            <source>Stopped: that store was not opened.</source>
            <translation>已停止：未打开那份门店数据。</translation>
        </message>
        <message>
            <source>Connecting to the server…</source>
            <translation>正在连接服务器…</translation>
        </message>
        <message>
            <source>Opening the store…</source>
            <translation>正在打开门店数据…</translation>
        </message>
        <message>
            <source>The upgrade was stopped before it changed anything: that store is as it was.</source>
            <translation>升级在做出任何改动之前已停止：那份门店数据保持原样。</translation>
        </message>
        <message>
            <source>Open a Server</source>
            <translation>打开服务器</translation>
        </message>
        <message>
            <source>The PostgreSQL server's address, like
postgresql+psycopg://shop@192.168.1.10/sqdesk</source>
            <translation>PostgreSQL 服务器的地址，例如
postgresql+psycopg://shop@192.168.1.10/sqdesk</translation>
        </message>
        <message>
            <source>Note saved.</source>
            <translation>已记下。</translation>
        </message>
        <message>
            <source>This store is on a network share (%1). A store file shared by several PCs can be damaged when two of them write at once: keep it on this PC's own disk, or let a shop with several PCs use a PostgreSQL server (start sqdesk with --db and the server's address).</source>
            <translation>这个门店数据文件在网络共享文件夹上（%1）。多台电脑同时写入同一个文件可能损坏数据：请放在本机硬盘上；多台电脑的门店请使用 PostgreSQL 服务器（启动 sqdesk 时用 --db 加服务器地址）。</translation>
        </message>
        <message>
            <source>No manager PIN</source>
            <translation>未设店长密码</translation>
        </message>
        <message>
            <source>Anyone at this PC can export the roster. Set a PIN: File → Manager PIN…</source>
            <translation>这台电脑上谁都能导出会员名单。请设置密码：文件 → 店长密码…</translation>
        </message>
        <message>
            <source>🔓 Manager</source>
            <translation>🔓 店长</translation>
        </message>
        <message>
            <source>Ctrl+L locks it; it locks by itself when nobody uses sqdesk for a while.</source>
            <translation>Ctrl+L 锁定；一段时间没人操作会自动锁定。</translation>
        </message>
        <message>
            <source>🔒 Helper</source>
            <translation>🔒 店员</translation>
        </message>
        <message>
            <source>What only the manager may do asks for the PIN.</source>
            <translation>只有店长能做的操作需要输入密码。</translation>
        </message>
        <message>
            <source>You can set up the shop any time: File → Set Up Shop…</source>
            <translation>随时可以设置门店：文件 → 门店设置向导…</translation>
        </message>
        <message>
            <source>Closing sqdesk</source>
            <translation>正在关闭 sqdesk</translation>
        </message>
        <message>
            <source>Saving a copy of today's work before closing…</source>
            <translation>关闭前正在保存今天的数据副本…</translation>
        </message>
        <message>
            <source>Close Without a Copy</source>
            <translation>不保存副本，直接关闭</translation>
        </message>
        <message>
            <source>The store could not be opened</source>
            <translation>无法打开门店数据</translation>
        </message>
        <message>
            <source>&amp;Restore from Backup…</source>
            <translation>从备份恢复(&amp;R)…</translation>
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
    </context>
    <context>
        <name>ManagerWords</name>
        <message>
            <source>A PIN is digits only.</source>
            <translation>密码只能是数字。</translation>
        </message>
        <message>
            <source>A PIN has at least %1 digits.</source>
            <translation>密码至少 %1 位数字。</translation>
        </message>
        <message>
            <source>A PIN has at most %1 digits.</source>
            <translation>密码最多 %1 位数字。</translation>
        </message>
        <message>
            <source>Wrong PIN. %1 tries left before a minute's wait.</source>
            <translation>密码不对。再错 %1 次要等一分钟。</translation>
        </message>
        <message>
            <source>Too many wrong PINs: try again in %1 seconds.</source>
            <translation>密码错太多次了：请 %1 秒后再试。</translation>
        </message>
        <message>
            <source>No manager PIN is set.</source>
            <translation>还没有设置店长密码。</translation>
        </message>
        <message>
            <source>This needs the manager's PIN.</source>
            <translation>这需要店长密码。</translation>
        </message>
        <message>
            <source>Lock after 1 minute to 24 hours.</source>
            <translation>自动锁定时间为 1 分钟到 24 小时。</translation>
        </message>
    </context>
    <context>
        <name>MemberCouponsPanel</name>
        <message>
            <source>Code</source>
            <translation>券码</translation>
        </message>
        <message>
            <source>Coupon</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>What it gives</source>
            <translation>优惠内容</translation>
        </message>
        <message>
            <source>Valid</source>
            <translation>有效期</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>No coupons yet.</source>
            <translation>还没有优惠券。</translation>
        </message>
        <message>
            <source>Give a Coupon…</source>
            <translation>发优惠券…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>The chosen coupons, or all the valid ones, with their QR (Ctrl+P)</source>
            <translation>打印选中的券，未选时打印全部可用的券，带二维码（Ctrl+P）</translation>
        </message>
        <message>
            <source>From %1</source>
            <translation>%1 起可用</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>已使用</translation>
        </message>
        <message>
            <source>Valid</source>
            <comment>a coupon's state</comment>
            <translation>可用</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <source>Copy Code</source>
            <translation>复制券码</translation>
        </message>
        <message>
            <source>Copied %1.</source>
            <translation>已复制 %1。</translation>
        </message>
    </context>
    <context>
        <name>MemberDialog</name>
        <message>
            <source>Not mainland</source>
            <translation>非大陆号码</translation>
        </message>
        <message>
            <source>Not given</source>
            <translation>未填</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>e.g. 1995-08-16</source>
            <translation>例如 1995-08-16</translation>
        </message>
        <message>
            <source>Lunar birthday</source>
            <translation>农历生日</translation>
        </message>
        <message>
            <source>member code</source>
            <translation>会员码</translation>
        </message>
        <message>
            <source>Agreed to be contacted</source>
            <translation>同意接收消息</translation>
        </message>
        <message>
            <source>e.g. group messages, birthday wishes</source>
            <translation>例如：社群消息、生日祝福</translation>
        </message>
        <message>
            <source>e.g. 桂花乌龙、燕麦拿铁少糖</source>
            <translation>例如：桂花乌龙、燕麦拿铁少糖</translation>
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
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Referred by</source>
            <translation>推荐人</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>授权</translation>
        </message>
        <message>
            <source>Favourites</source>
            <translation>最爱</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>发消息</translation>
        </message>
        <message>
            <source>A personal message for this member, filled in and ready to paste in WeChat</source>
            <translation>给这位会员的私信，已填好，复制后在微信粘贴</translation>
        </message>
        <message>
            <source>Note…</source>
            <translation>记一笔…</translation>
        </message>
        <message>
            <source>Write down what you learned about this member (Ctrl+J)</source>
            <translation>记下这位会员的情况（Ctrl+J）</translation>
        </message>
        <message>
            <source>⋯</source>
            <translation>⋯</translation>
        </message>
        <message>
            <source>The member's own data: export it, or erase it at their request</source>
            <translation>会员本人的数据：导出，或应本人要求抹除</translation>
        </message>
        <message>
            <source>Export Their Data…</source>
            <translation>导出个人数据…</translation>
        </message>
        <message>
            <source>Erase at Their Request…</source>
            <translation>应本人要求抹除…</translation>
        </message>
        <message>
            <source>Print Card…</source>
            <translation>打印会员卡…</translation>
        </message>
        <message>
            <source>Profile</source>
            <translation>资料</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店记录</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>New Member</source>
            <translation>新增会员</translation>
        </message>
        <message>
            <source>A member code is given when you save.</source>
            <translation>保存后自动分配会员码。</translation>
        </message>
        <message>
            <source>Member %1 %2</source>
            <translation>会员 %1 %2</translation>
        </message>
        <message>
            <source>archived</source>
            <translation>（已归档）</translation>
        </message>
        <message numerus="yes">
            <source>referred %n member(s)</source>
            <translation>
                <numerusform>推荐了 %Ln 位会员</numerusform>
            </translation>
        </message>
        <message>
            <source>Code %1</source>
            <translation>会员码 %1</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <source>Segments: %1</source>
            <translation>分层：%1</translation>
        </message>
        <message>
            <source>Tags: %1</source>
            <translation>标签：%1</translation>
        </message>
        <message>
            <source>WeChat groups: %1</source>
            <translation>微信群：%1</translation>
        </message>
        <message>
            <source>No visits yet</source>
            <translation>还没有到店</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n 天前</numerusform>
            </translation>
        </message>
        <message>
            <source>Last visit %1 (%2)</source>
            <translation>最近到店 %1（%2）</translation>
        </message>
        <message numerus="yes">
            <source>30 days: %n visit(s), %1</source>
            <translation>
                <numerusform>近 30 天：%n 次，%1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>12 months: %n visit(s), %1</source>
            <translation>
                <numerusform>近 12 个月：%n 次，%1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 points · %2</source>
            <translation>%1 积分 · %2</translation>
        </message>
        <message>
            <source>no level</source>
            <translation>无等级</translation>
        </message>
        <message>
            <source>Favourite: %1</source>
            <translation>最爱：%1</translation>
        </message>
        <message>
            <source>Quick Award</source>
            <translation>快捷奖励</translation>
        </message>
        <message>
            <source>%1: points paid.</source>
            <translation>%1：积分已发放。</translation>
        </message>
        <message>
            <source>%1 was paid to this member today already.</source>
            <translation>该会员今天已获得过“%1”。</translation>
        </message>
        <message>
            <source>Give a Coupon…</source>
            <translation>发优惠券…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
    </context>
    <context>
        <name>MemberPicker</name>
        <message>
            <source>Search name, pinyin, nickname, mobile tail or code</source>
            <translation>搜索姓名、拼音、群昵称、手机尾号或会员码</translation>
        </message>
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
            <source>Select one or more (Ctrl or Shift + click).</source>
            <translation>可多选（按住 Ctrl 或 Shift 点击）。</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>添加</translation>
        </message>
    </context>
    <context>
        <name>MemberPointsPanel</name>
        <message>
            <source>Record Visit…</source>
            <translation>记录消费…</translation>
        </message>
        <message>
            <source>Redeem…</source>
            <translation>兑换…</translation>
        </message>
        <message>
            <source>Adjust…</source>
            <translation>调整…</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>What</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Balance</source>
            <translation>余额</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>&lt;b style='font-size:16px'&gt;%1 points&lt;/b&gt; · level %2</source>
            <translation>&lt;b style='font-size:16px'&gt;%1 积分&lt;/b&gt; · 等级 %2</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>%1 on %2</source>
            <translation>%2 到期 %1</translation>
        </message>
        <message>
            <source>Expiring within 30 days: %1</source>
            <translation>30 天内到期：%1</translation>
        </message>
        <message>
            <source>(reversed)</source>
            <translation>（已冲正）</translation>
        </message>
        <message>
            <source>Redeem</source>
            <translation>兑换</translation>
        </message>
        <message>
            <source>Balance %1 points. Redeem:</source>
            <translation>余额 %1 积分。兑换：</translation>
        </message>
        <message>
            <source>%1 — %2 points</source>
            <translation>%1 — %2 积分</translation>
        </message>
        <message>
            <source> (%1 left)</source>
            <translation>（剩 %1 份）</translation>
        </message>
        <message>
            <source>Redeemed %1 for %2 points.</source>
            <translation>已用 %2 积分兑换 %1。</translation>
        </message>
        <message>
            <source>Adjusted by %1 points.</source>
            <translation>积分已调整 %1。</translation>
        </message>
        <message>
            <source>Reverse This Entry…</source>
            <translation>冲正这条记录…</translation>
        </message>
        <message>
            <source>Undo the Whole Visit…</source>
            <translation>撤销整笔消费…</translation>
        </message>
        <message>
            <source>Undo visit</source>
            <translation>撤销消费</translation>
        </message>
        <message>
            <source>Every point this visit paid (bonuses and the referrer's reward too) is reversed. Why?</source>
            <translation>这笔消费发放的所有积分（含奖励和推荐人奖励）都会冲正。原因是？</translation>
        </message>
        <message>
            <source>Visit undone: %1 points taken back.</source>
            <translation>消费已撤销：收回 %1 积分。</translation>
        </message>
        <message>
            <source>Reverse entry</source>
            <translation>冲正记录</translation>
        </message>
        <message>
            <source>The entry stays in the ledger and a reversing entry is added. Why is it reversed?</source>
            <translation>原记录保留，另加一条冲正记录。冲正的原因是？</translation>
        </message>
        <message>
            <source>Reversed.</source>
            <translation>已冲正。</translation>
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
            <source>Birthday</source>
            <translation>生日</translation>
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
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Last Visit</source>
            <translation>最近到店</translation>
        </message>
        <message>
            <source>Spend (12 mo.)</source>
            <translation>近一年消费</translation>
        </message>
        <message>
            <source>Visits (90 d)</source>
            <translation>近90天到店</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
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
        <name>MemberWords</name>
        <message>
            <source>Scanned in store</source>
            <translation>门店扫码</translation>
        </message>
        <message>
            <source>Delivery card</source>
            <translation>外卖卡片</translation>
        </message>
        <message>
            <source>Douyin</source>
            <translation>抖音</translation>
        </message>
        <message>
            <source>Xiaohongshu</source>
            <translation>小红书</translation>
        </message>
        <message>
            <source>Referred by a member</source>
            <translation>老带新</translation>
        </message>
        <message>
            <source>Meituan</source>
            <translation>美团</translation>
        </message>
        <message>
            <source>WeChat Moments</source>
            <translation>朋友圈</translation>
        </message>
        <message>
            <source>Imported</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Export to a .xlsx or .csv file.</source>
            <translation>请导出为 .xlsx 或 .csv 文件。</translation>
        </message>
        <message>
            <source>There is no folder %1.</source>
            <translation>没有 %1 这个文件夹。</translation>
        </message>
        <message>
            <source>%1 cannot be written (%2). Is it open in Excel?</source>
            <translation>无法写入 %1（%2）。是不是正在 Excel 里打开？</translation>
        </message>
        <message>
            <source>Check the fields.</source>
            <translation>请检查填写的内容。</translation>
        </message>
        <message>
            <source>The member no longer exists.</source>
            <translation>这位会员已不存在。</translation>
        </message>
        <message>
            <source>Could not write %1.</source>
            <translation>无法写入 %1。</translation>
        </message>
        <message>
            <source>Member %1 was erased already.</source>
            <translation>会员 %1 已经抹除过了。</translation>
        </message>
        <message>
            <source>A member cannot be merged into themselves.</source>
            <translation>会员不能合并到自己。</translation>
        </message>
        <message>
            <source>Archive these members before deleting them: %1</source>
            <translation>请先归档这些会员，再彻底删除：%1</translation>
        </message>
        <message>
            <source>%1 of these members have visits or points, which the ledger keeps for good, so they cannot be deleted: %2. Leave them archived: they stay out of every list.</source>
            <translation>其中 %1 位会员有到店或积分记录，积分流水会永久保留，因此不能删除：%2。让他们保持归档即可：归档的会员不会出现在任何名单里。</translation>
        </message>
        <message>
            <source>The file is not there any more.</source>
            <translation>文件已经不在了。</translation>
        </message>
        <message>
            <source>This is not a spreadsheet. Use .xlsx, .xls or .csv.</source>
            <translation>这不是表格文件。请使用 .xlsx、.xls 或 .csv。</translation>
        </message>
        <message>
            <source>The file is damaged or not really a spreadsheet.</source>
            <translation>文件已损坏，或者不是真正的表格文件。</translation>
        </message>
        <message>
            <source>This is not a text file in UTF-8 or GBK.</source>
            <translation>这不是 UTF-8 或 GBK 编码的文本文件。</translation>
        </message>
        <message>
            <source>The file is empty.</source>
            <translation>文件是空的。</translation>
        </message>
        <message>
            <source>No header row with known columns such as 姓名 or 手机号.</source>
            <translation>找不到表头（需要“姓名”“手机号”等列名）。</translation>
        </message>
        <message>
            <source>There is a header row but no members under it.</source>
            <translation>有表头，但下面没有会员数据。</translation>
        </message>
        <message>
            <source>%1 row(s) have problems; nothing was imported.</source>
            <translation>有 %1 行存在问题，什么都没有导入。</translation>
        </message>
        <message>
            <source>The name %1 is taken (case, width and spaces do not count).</source>
            <translation>名称“%1”已被使用（不区分大小写、全角半角和空格）。</translation>
        </message>
        <message>
            <source>A name is needed.</source>
            <translation>需要填写名称。</translation>
        </message>
        <message>
            <source>At most 30 characters.</source>
            <translation>最多 30 个字。</translation>
        </message>
        <message>
            <source>Choose another tag to merge into.</source>
            <translation>请选择另一个标签来合并。</translation>
        </message>
        <message>
            <source>A colour looks like #2e7d5b.</source>
            <translation>颜色的写法如 #2e7d5b。</translation>
        </message>
        <message>
            <source>The tag group no longer exists.</source>
            <translation>这个标签组已不存在。</translation>
        </message>
        <message>
            <source>The tag no longer exists.</source>
            <translation>这个标签已不存在。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>群名</translation>
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
            <source>WeChat ID</source>
            <translation>微信号</translation>
        </message>
        <message>
            <source>Gender</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Birthday</source>
            <translation>生日</translation>
        </message>
        <message>
            <source>Region</source>
            <translation>地区</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Referred by</source>
            <translation>推荐人</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <source>Consent</source>
            <translation>授权</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Favourites</source>
            <translation>最爱</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>%1 digits; a mainland mobile has 11.</source>
            <translation>%1 位数字；大陆手机号是 11 位。</translation>
        </message>
        <message>
            <source>Only digits, spaces, dashes and +86, please.</source>
            <translation>只能填数字、空格、横线和 +86。</translation>
        </message>
        <message>
            <source>This is not a phone number.</source>
            <translation>这不是电话号码。</translation>
        </message>
        <message>
            <source>Not a mainland mobile number. Tick “Not mainland” for numbers from elsewhere.</source>
            <translation>不是大陆手机号。其他地区的号码请勾选“非大陆号码”。</translation>
        </message>
        <message>
            <source>Enter a name or a nickname.</source>
            <translation>请填写姓名或群昵称。</translation>
        </message>
        <message>
            <source>Too long: %1 characters, at most %2.</source>
            <translation>太长了：%1 个字，最多 %2 个。</translation>
        </message>
        <message>
            <source>Member %1 %2 already has this mobile.</source>
            <translation>会员 %1 %2 已使用这个手机号。</translation>
        </message>
        <message>
            <source>Choose 男, 女 or leave it empty.</source>
            <translation>请选择男、女，或留空。</translation>
        </message>
        <message>
            <source>This date is in the future.</source>
            <translation>这个日期在未来。</translation>
        </message>
        <message>
            <source>This date is before %1.</source>
            <translation>这个日期早于 %1 年。</translation>
        </message>
        <message>
            <source>Joined before the birthday.</source>
            <translation>入会日期早于生日。</translation>
        </message>
        <message>
            <source>No member has this code.</source>
            <translation>没有这个会员码的会员。</translation>
        </message>
        <message>
            <source>A member cannot refer themselves.</source>
            <translation>会员不能推荐自己。</translation>
        </message>
        <message>
            <source>Contains invisible control characters.</source>
            <translation>含有不可见的控制字符。</translation>
        </message>
        <message>
            <source>Not a date: write it like 1995-08-16.</source>
            <translation>不是日期，请写成 1995-08-16 这样。</translation>
        </message>
    </context>
    <context>
        <name>MembersPage</name>
        <message>
            <source>Members</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Search name, pinyin (zs, zhangsan), nickname, mobile tail or code</source>
            <translation>搜索姓名、拼音（zs、zhangsan）、群昵称、手机尾号或会员码</translation>
        </message>
        <message>
            <source>Show archived</source>
            <translation>显示已归档</translation>
        </message>
        <message>
            <source>New Member</source>
            <translation>新增会员</translation>
        </message>
        <message>
            <source>Add a member (Ctrl+N)</source>
            <translation>新增会员 (Ctrl+N)</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>打标签</translation>
        </message>
        <message>
            <source>More</source>
            <translation>更多</translation>
        </message>
        <message>
            <source>Send One by One</source>
            <translation>逐个私信</translation>
        </message>
        <message>
            <source>A personal message for each member in view (or each one selected), one after the other</source>
            <translation>给列表中（或选中）的每位会员逐个发私信</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Print Member Cards…</source>
            <translation>打印会员卡…</translation>
        </message>
        <message>
            <source>Give a Coupon…</source>
            <translation>发优惠券…</translation>
        </message>
        <message>
            <source>Lucky Draw…</source>
            <translation>幸运抽奖…</translation>
        </message>
        <message>
            <source>Quick Award for a Pasted List…</source>
            <translation>按粘贴名单快捷奖励…</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Counting…</source>
            <translation>正在统计…</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) in %1</source>
            <translation>
                <numerusform>%1：%Ln 位会员</numerusform>
            </translation>
        </message>
        <message>
            <source>Nobody is in this segment right now.</source>
            <translation>这个分层目前没有会员。</translation>
        </message>
        <message>
            <source>%1 is not a valid member code: check the digits.</source>
            <translation>%1 不是有效的会员码，请核对数字。</translation>
        </message>
        <message>
            <source>No member has the code %1.</source>
            <translation>没有会员码为 %1 的会员。</translation>
        </message>
        <message numerus="yes">
            <source>%n match(es)</source>
            <translation>
                <numerusform>找到 %Ln 位</numerusform>
            </translation>
        </message>
        <message>
            <source>Type one more letter to search</source>
            <translation>再输入一个字母开始搜索</translation>
        </message>
        <message>
            <source>No member matches “%1”.</source>
            <translation>没有会员匹配“%1”。</translation>
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
        <name>NoteCaptureDialog</name>
        <message>
            <source>New Note</source>
            <translation>记一笔</translation>
        </message>
        <message>
            <source>Member: name, pinyin, mobile tail or code</source>
            <translation>会员：姓名、拼音、手机尾号或会员码</translation>
        </message>
        <message>
            <source>What did you learn? Enter saves, Shift+Enter starts a new line.</source>
            <translation>了解到什么？回车保存，Shift+回车换行。</translation>
        </message>
        <message>
            <source>optional: 3d, 明天, 下周一, 2026-12-05</source>
            <translation>可不填：3d、明天、下周一、2026-12-05</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Follow up</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>No member matches “%1”.</source>
            <translation>没有会员匹配“%1”。</translation>
        </message>
        <message>
            <source> · archived</source>
            <translation> · 已归档</translation>
        </message>
        <message>
            <source>Choose the member first: type a name and press Enter.</source>
            <translation>请先选会员：输入姓名后按回车。</translation>
        </message>
    </context>
    <context>
        <name>NoteEditDialog</name>
        <message>
            <source>Add an Amendment</source>
            <translation>补充记录</translation>
        </message>
        <message>
            <source>Edit Note</source>
            <translation>修改记录</translation>
        </message>
        <message>
            <source> (archived)</source>
            <translation>（已归档）</translation>
        </message>
        <message>
            <source>%1 · %2 · written %3</source>
            <translation>%1 · %2 · 写于 %3</translation>
        </message>
        <message>
            <source>A note can be changed for a day after it is written. This one is older: what you write is added as an amendment, and the note stays as it was.</source>
            <translation>记录写好后一天内可以修改。这条已超过一天：你写的内容会作为补充另存，原记录保持不变。</translation>
        </message>
        <message>
            <source>The note</source>
            <translation>原记录</translation>
        </message>
        <message>
            <source>Amendment</source>
            <translation>补充</translation>
        </message>
        <message>
            <source>A note can be changed for a day after it is written.</source>
            <translation>记录写好后一天内可以修改。</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
    </context>
    <context>
        <name>NoteWords</name>
        <message>
            <source>At the counter</source>
            <translation>店内聊天</translation>
        </message>
        <message>
            <source>Private chat</source>
            <translation>私聊</translation>
        </message>
        <message>
            <source>In a group</source>
            <translation>群里</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Complaint</source>
            <translation>投诉</translation>
        </message>
        <message>
            <source>Suggestion</source>
            <translation>建议</translation>
        </message>
        <message>
            <source>Reason for lapsing</source>
            <translation>流失原因</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Moved away</source>
            <translation>搬走了</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>Taste</source>
            <translation>口味</translation>
        </message>
        <message>
            <source>Service</source>
            <translation>服务</translation>
        </message>
        <message>
            <source>Waiting too long</source>
            <translation>等太久</translation>
        </message>
        <message>
            <source>Went elsewhere</source>
            <translation>去了别家</translation>
        </message>
        <message>
            <source>No time</source>
            <translation>没时间</translation>
        </message>
        <message>
            <source>Other reason</source>
            <translation>其他原因</translation>
        </message>
        <message>
            <source>Not said</source>
            <translation>未注明</translation>
        </message>
        <message>
            <source>A note needs some text.</source>
            <translation>记录不能为空。</translation>
        </message>
        <message>
            <source>A note is at most %1 characters; this one has %2.</source>
            <translation>一条记录最多 %1 个字，这条有 %2 个字。</translation>
        </message>
        <message>
            <source>“%1” is not a kind of note.</source>
            <translation>没有“%1”这种记录类型。</translation>
        </message>
        <message>
            <source>The member no longer exists.</source>
            <translation>这位会员已不存在。</translation>
        </message>
        <message>
            <source>The note no longer exists.</source>
            <translation>这条记录已不存在。</translation>
        </message>
        <message>
            <source>A note can be changed for a day after it was written; add an amendment instead.</source>
            <translation>记录写下后一天内可以修改；超过一天请追加补充说明。</translation>
        </message>
        <message>
            <source>“%1” is not a day to follow up, such as 3d, 明天, 下周一 or 2026-12-05.</source>
            <translation>“%1”不是跟进日期，可以写 3d、明天、下周一或 2026-12-05。</translation>
        </message>
        <message>
            <source>The note has no open follow-up.</source>
            <translation>这条记录没有待办的跟进。</translation>
        </message>
        <message>
            <source>The follow-up was done already.</source>
            <translation>这次跟进已经完成了。</translation>
        </message>
        <message>
            <source>“%1” is not a list of follow-ups.</source>
            <translation>“%1”不是跟进列表。</translation>
        </message>
        <message>
            <source>Only a note on why a member stopped coming has a reason.</source>
            <translation>只有“流失原因”类型的记录才能注明原因。</translation>
        </message>
        <message>
            <source>“%1” is not one of the reasons for lapsing.</source>
            <translation>“%1”不是可选的流失原因。</translation>
        </message>
        <message>
            <source>Search for some words or a member's name, not only punctuation.</source>
            <translation>请输入文字或会员姓名，不能只有标点。</translation>
        </message>
        <message>
            <source>Type at least %1 characters to search the notes.</source>
            <translation>至少输入 %1 个字才能搜索记录。</translation>
        </message>
    </context>
    <context>
        <name>NotesPage</name>
        <message>
            <source>Notes</source>
            <translation>互动记录</translation>
        </message>
        <message>
            <source>Search all notes: two characters or more (搬家, 太甜), or a member's name or pinyin</source>
            <translation>搜索全部记录：两个字以上（搬家、太甜），或会员姓名、拼音</translation>
        </message>
        <message>
            <source>New Note…</source>
            <translation>新建记录…</translation>
        </message>
        <message>
            <source>Write down what a member said (Ctrl+J)</source>
            <translation>记下会员说的话（Ctrl+J）</translation>
        </message>
        <message>
            <source>Open Member</source>
            <translation>打开会员</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>All Notes</source>
            <translation>全部记录</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>跟进</translation>
        </message>
        <message>
            <source>Why Members Leave</source>
            <translation>流失原因</translation>
        </message>
        <message>
            <source>The latest notes. Type to search them all.</source>
            <translation>最新的记录。输入文字即可搜索全部记录。</translation>
        </message>
        <message>
            <source>No note says “%1”.</source>
            <translation>没有记录提到“%1”。</translation>
        </message>
        <message>
            <source>The newest %1 notes matching “%2”.</source>
            <translation>提到“%2”的最新 %1 条记录。</translation>
        </message>
        <message numerus="yes">
            <source>%n note(s) matching “%1”.</source>
            <translation>
                <numerusform>%n 条记录提到“%1”。</numerusform>
            </translation>
        </message>
        <message>
            <source>(Many members' names start with “%1”: type more of a name to see their notes too.)</source>
            <translation>（以“%1”开头的会员姓名太多：多输入几个字，才会列出他们的记录。）</translation>
        </message>
        <message>
            <source> (archived)</source>
            <translation>（已归档）</translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <translation>修改记录…</translation>
        </message>
        <message>
            <source>Add an Amendment…</source>
            <translation>补充记录…</translation>
        </message>
        <message>
            <source>Open the Member</source>
            <translation>打开会员</translation>
        </message>
    </context>
    <context>
        <name>OccurrenceDialog</name>
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
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Add by Search…</source>
            <translation>搜索添加…</translation>
        </message>
        <message>
            <source>Paste 接龙…</source>
            <translation>粘贴接龙…</translation>
        </message>
        <message>
            <source>Move This One…</source>
            <translation>改期这一次…</translation>
        </message>
        <message>
            <source>Cancel This One</source>
            <translation>取消这一次</translation>
        </message>
        <message>
            <source>Edit Activity…</source>
            <translation>编辑活动…</translation>
        </message>
        <message>
            <source>Delete Activity…</source>
            <translation>删除活动…</translation>
        </message>
        <message>
            <source>Export .ics…</source>
            <translation>导出 .ics…</translation>
        </message>
        <message>
            <source>This activity, with all its days, for another calendar program</source>
            <translation>把这个活动（含所有日期）导出给其他日历程序</translation>
        </message>
        <message>
            <source>Copy Post</source>
            <translation>复制文案</translation>
        </message>
        <message>
            <source>The warm-up, reminder or recap for this day, filled in and ready to paste</source>
            <translation>这一场的预热、提醒或回顾文案，已填好，复制即可粘贴</translation>
        </message>
        <message>
            <source>Lucky Draw…</source>
            <translation>幸运抽奖…</translation>
        </message>
        <message>
            <source>Draw winners from the members who took part</source>
            <translation>从参加活动的会员中抽出中奖者</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>改期</translation>
        </message>
        <message>
            <source>Move to</source>
            <translation>改到</translation>
        </message>
        <message>
            <source>%1 points for taking part</source>
            <translation>参与得 %1 积分</translation>
        </message>
        <message>
            <source>moved from %1</source>
            <translation>由 %1 改期</translation>
        </message>
        <message>
            <source>Took part: %1 of %2 (%3)</source>
            <translation>参与：%1 / %2（%3）</translation>
        </message>
        <message numerus="yes">
            <source>Recorded %n new attendee(s).</source>
            <translation>
                <numerusform>新记录了 %n 位参与者。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Points paid to %n.</source>
            <translation>
                <numerusform>已给 %n 位发积分。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n were recorded already.</source>
            <translation>
                <numerusform>%n 位之前已记录。</numerusform>
            </translation>
        </message>
        <message>
            <source>Who took part in %1</source>
            <translation>谁参加了 %1</translation>
        </message>
        <message>
            <source>who took part in %1 on %2</source>
            <translation>%2 %1 的参与者</translation>
        </message>
        <message>
            <source>Moved %1 to %2.</source>
            <translation>已把 %1 改到 %2。</translation>
        </message>
        <message>
            <source>Cancelled %1 on %2; the other days stay.</source>
            <translation>已取消 %2 的 %1，其他日期不变。</translation>
        </message>
        <message>
            <source>Delete Activity</source>
            <translation>删除活动</translation>
        </message>
        <message>
            <source>Delete %1 and all its days from the calendar? Attendance and points already recorded stay.</source>
            <translation>从日历中删除 %1 及其所有日期？已记录的参与和积分会保留。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted %1.</source>
            <translation>已删除 %1。</translation>
        </message>
    </context>
    <context>
        <name>OpeningSteps</name>
        <message>
            <source>Keeping a copy of the store as it is, before it is upgraded…</source>
            <translation>升级前，正在为门店数据保存一份副本…</translation>
        </message>
        <message>
            <source>Upgrading the store for this version of sqdesk. It is done once; a big store takes a minute or two. Cancel leaves it as it was.</source>
            <translation>正在把门店数据升级到这个版本的 sqdesk。只需升级一次；数据多的门店需要一两分钟。点“取消”则保持原样。</translation>
        </message>
        <message>
            <source>Upgrading the store for this version of sqdesk. It is done once; a big store takes a minute or two.</source>
            <translation>正在把门店数据升级到这个版本的 sqdesk。只需升级一次；数据多的门店需要一两分钟。</translation>
        </message>
        <message>
            <source>Upgraded. Giving back the space the upgrade freed in the file…</source>
            <translation>已升级。正在回收升级后文件里空出的空间…</translation>
        </message>
        <message>
            <source>Rebuilding the search index…</source>
            <translation>正在重建搜索索引…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Stopping…</source>
            <translation>正在停止…</translation>
        </message>
    </context>
    <context>
        <name>OutputWords</name>
        <message>
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>另存为 PDF…</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>PinDialog</name>
        <message>
            <source>Manager PIN</source>
            <translation>店长密码</translation>
        </message>
        <message>
            <source>The manager's PIN</source>
            <translation>店长密码</translation>
        </message>
        <message>
            <source>Only the manager may do this. Type the PIN:</source>
            <translation>只有店长能做这个操作。请输入密码：</translation>
        </message>
    </context>
    <context>
        <name>PinSettingsDialog</name>
        <message>
            <source>Manager PIN</source>
            <translation>店长密码</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>With a PIN, helpers can record visits, check-ins, notes and posts, but exporting the roster, erasing a member, adjusting points, undoing entries, changing rules and settings, restoring a backup and reading the audit log ask for it.</source>
            <translation>设了密码后，店员可以记到店、签到、记互动、发文案；但导出会员名单、抹除会员、手动调积分、撤销记录、改规则和设置、恢复备份、查看操作日志都要输入店长密码。</translation>
        </message>
        <message>
            <source>Current PIN</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>New PIN (4–12 digits)</source>
            <translation>新密码（4–12 位数字）</translation>
        </message>
        <message>
            <source>The same again</source>
            <translation>再输一次</translation>
        </message>
        <message>
            <source>Lock after idle</source>
            <translation>闲置多久后锁定</translation>
        </message>
        <message>
            <source>The two new PINs differ.</source>
            <translation>两次输入的新密码不一样。</translation>
        </message>
        <message>
            <source>The manager PIN is saved.</source>
            <translation>店长密码已保存。</translation>
        </message>
    </context>
    <context>
        <name>PointsPage</name>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Recent Entries</source>
            <translation>最近流水</translation>
        </message>
        <message>
            <source>Monthly Totals</source>
            <translation>月度汇总</translation>
        </message>
        <message>
            <source>Expiring Soon</source>
            <translation>即将过期</translation>
        </message>
        <message>
            <source>Rewards</source>
            <translation>兑换目录</translation>
        </message>
        <message>
            <source>Levels</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>Earning Rules</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Leaderboards</source>
            <translation>排行榜</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>member: name, pinyin, code, mobile tail</source>
            <translation>会员：姓名、拼音、会员码、手机尾号</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>What</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>from</source>
            <translation>从</translation>
        </message>
        <message>
            <source>to</source>
            <translation>到</translation>
        </message>
        <message>
            <source>Month</source>
            <translation>月份</translation>
        </message>
        <message>
            <source>Issued</source>
            <translation>发放</translation>
        </message>
        <message>
            <source>Redeemed</source>
            <translation>兑换</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>过期</translation>
        </message>
        <message>
            <source>Adjusted</source>
            <translation>调整</translation>
        </message>
        <message>
            <source>Expires on</source>
            <translation>到期日</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>会员码</translation>
        </message>
        <message numerus="yes">
            <source>%n batch(es) of points expire within 30 days. Remind these members.</source>
            <translation>
                <numerusform>30 天内有 %Ln 批积分到期。记得提醒这些会员。</numerusform>
            </translation>
        </message>
        <message>
            <source>Reward</source>
            <translation>奖品</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>库存</translation>
        </message>
        <message>
            <source>Available</source>
            <translation>可兑换时间</translation>
        </message>
        <message>
            <source>e.g. 美式咖啡一杯</source>
            <translation>例如：美式咖啡一杯</translation>
        </message>
        <message>
            <source>unlimited</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>from (optional)</source>
            <translation>开始日期（可空）</translation>
        </message>
        <message>
            <source>until (optional)</source>
            <translation>结束日期（可空）</translation>
        </message>
        <message>
            <source>Add Reward</source>
            <translation>添加奖品</translation>
        </message>
        <message>
            <source>Not a coupon</source>
            <translation>不是优惠券</translation>
        </message>
        <message>
            <source>Gives: %1</source>
            <translation>兑换为：%1</translation>
        </message>
        <message>
            <source>always</source>
            <translation>一直</translation>
        </message>
        <message>
            <source>Write dates like 2026-12-01, or leave them empty.</source>
            <translation>日期请写成 2026-12-01，或留空。</translation>
        </message>
        <message>
            <source>Level</source>
            <translation>等级</translation>
        </message>
        <message>
            <source>From level</source>
            <translation>原等级</translation>
        </message>
        <message>
            <source>To level</source>
            <translation>新等级</translation>
        </message>
        <message>
            <source>e.g. 8, or 8, 18; empty: no member day</source>
            <translation>例如 8，或 8, 18；留空表示没有会员日</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会员数</translation>
        </message>
        <message>
            <source>Starts at</source>
            <translation>起点</translation>
        </message>
        <message>
            <source>Benefits</source>
            <translation>权益</translation>
        </message>
        <message>
            <source>e.g. 金卡会员</source>
            <translation>例如：金卡会员</translation>
        </message>
        <message>
            <source>benefits, e.g. 每月一张免费升杯券</source>
            <translation>权益，例如：每月一张免费升杯券</translation>
        </message>
        <message>
            <source>Add Level</source>
            <translation>添加等级</translation>
        </message>
        <message>
            <source>¥%1 spent</source>
            <translation>消费满 ¥%1</translation>
        </message>
        <message>
            <source>%1 points</source>
            <translation>%1 积分</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) moved up in the last 30 days: send them a congratulation.</source>
            <translation>
                <numerusform>近 30 天有 %Ln 位会员升级，记得发条祝贺。</numerusform>
            </translation>
        </message>
        <message>
            <source>12 months after they are earned</source>
            <translation>获得后 12 个月</translation>
        </message>
        <message>
            <source>at the end of the following year</source>
            <translation>次年年底</translation>
        </message>
        <message>
            <source>never</source>
            <translation>永不过期</translation>
        </message>
        <message>
            <source>points earned in the last 12 months</source>
            <translation>近 12 个月获得的积分</translation>
        </message>
        <message>
            <source>spend in the last 12 months (cents)</source>
            <translation>近 12 个月消费额（分）</translation>
        </message>
        <message>
            <source>Save Rules</source>
            <translation>保存规则</translation>
        </message>
        <message>
            <source>Points per yuan (rounded down)</source>
            <translation>每元积分（向下取整）</translation>
        </message>
        <message>
            <source>Member day (day of the month)</source>
            <translation>会员日（每月几号）</translation>
        </message>
        <message>
            <source>Member day multiplier</source>
            <translation>会员日倍数</translation>
        </message>
        <message>
            <source>Birthday month multiplier</source>
            <translation>生日月倍数</translation>
        </message>
        <message>
            <source>First visit bonus</source>
            <translation>首次到店奖励</translation>
        </message>
        <message>
            <source>Referral bonus (to the referrer)</source>
            <translation>推荐奖励（给推荐人）</translation>
        </message>
        <message>
            <source>Check-in streak: days</source>
            <translation>连续签到天数</translation>
        </message>
        <message>
            <source>Check-in streak: bonus</source>
            <translation>连续签到奖励</translation>
        </message>
        <message>
            <source>Points for taking part in an activity</source>
            <translation>参加活动积分</translation>
        </message>
        <message>
            <source>Points expire</source>
            <translation>积分过期</translation>
        </message>
        <message>
            <source>Levels go by</source>
            <translation>等级依据</translation>
        </message>
        <message>
            <source>Example: a new member spends ¥38.50 on %1 → %2 = &lt;b&gt;%3 points&lt;/b&gt;.</source>
            <translation>示例：新会员在 %1 消费 ¥38.50 → %2 = &lt;b&gt;%3 积分&lt;/b&gt;。</translation>
        </message>
        <message>
            <source>The member who brought them gets %1 points on that first purchase.</source>
            <translation>推荐这位新会员的人在首次消费时获得 %1 积分。</translation>
        </message>
        <message>
            <source>Checking in %1 days in a row pays %2 points; taking part in an activity pays %3.</source>
            <translation>连续签到 %1 天奖励 %2 积分；参加一次活动奖励 %3 积分。</translation>
        </message>
        <message>
            <source>Saved. New visits earn by these rules.</source>
            <translation>已保存。之后的消费按新规则计分。</translation>
        </message>
    </context>
    <context>
        <name>PointsWords</name>
        <message>
            <source>¥%1 × %2 per yuan</source>
            <translation>¥%1 × 每元 %2 分</translation>
        </message>
        <message>
            <source>member day (the %1th) ×%2</source>
            <translation>会员日（%1 日）×%2</translation>
        </message>
        <message>
            <source>birthday month ×%1</source>
            <translation>生日月 ×%1</translation>
        </message>
        <message>
            <source>first visit bonus</source>
            <translation>首次到店奖励</translation>
        </message>
        <message>
            <source>for bringing %1</source>
            <translation>推荐 %1 的奖励</translation>
        </message>
        <message>
            <source>points for spending</source>
            <translation>消费积分</translation>
        </message>
        <message>
            <source>member day bonus</source>
            <translation>会员日加倍</translation>
        </message>
        <message>
            <source>birthday month bonus</source>
            <translation>生日月加倍</translation>
        </message>
        <message>
            <source>referral bonus</source>
            <translation>推荐奖励</translation>
        </message>
        <message>
            <source>opening balance</source>
            <translation>期初积分</translation>
        </message>
        <message>
            <source>redeemed %1</source>
            <translation>兑换 %1</translation>
        </message>
        <message>
            <source>points expired</source>
            <translation>积分过期</translation>
        </message>
        <message>
            <source>In store</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Mini program</source>
            <translation>小程序</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>外卖</translation>
        </message>
        <message>
            <source>earned</source>
            <translation>获得</translation>
        </message>
        <message>
            <source>redeemed</source>
            <translation>兑换</translation>
        </message>
        <message>
            <source>adjusted</source>
            <translation>调整</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>过期</translation>
        </message>
        <message>
            <source>reversed</source>
            <translation>冲正</translation>
        </message>
        <message>
            <source>Not enough points: the member has %1.</source>
            <translation>积分不够：这位会员只有 %1 分。</translation>
        </message>
        <message>
            <source>%1 is out of stock. Add stock in the catalog first.</source>
            <translation>%1 已兑完。请先在兑换目录里补库存。</translation>
        </message>
        <message>
            <source>%1 cannot be redeemed today.</source>
            <translation>%1 今天不能兑换。</translation>
        </message>
        <message>
            <source>This was already reversed.</source>
            <translation>这条记录已经冲正过了。</translation>
        </message>
        <message>
            <source>A reversal cannot be reversed; adjust the points instead.</source>
            <translation>冲正记录不能再冲正；请改用调整积分。</translation>
        </message>
        <message>
            <source>Expired points cannot be reversed; give them back with an adjustment.</source>
            <translation>过期的积分不能冲正；要补回请用调整积分。</translation>
        </message>
        <message>
            <source>Say why: a reason is required.</source>
            <translation>请填写原因。</translation>
        </message>
        <message>
            <source>Check the amount.</source>
            <translation>请检查金额。</translation>
        </message>
        <message>
            <source>The member no longer exists.</source>
            <translation>这位会员已不存在。</translation>
        </message>
        <message>
            <source>Each quick award needs its own name.</source>
            <translation>每个快捷奖励都需要不同的名称。</translation>
        </message>
        <message>
            <source>A quick award is 1 to 100,000 points.</source>
            <translation>快捷奖励为 1 到 100,000 积分。</translation>
        </message>
        <message>
            <source>There is no quick award called “%1”.</source>
            <translation>没有名为“%1”的快捷奖励。</translation>
        </message>
        <message>
            <source>An adjustment of 0 points changes nothing.</source>
            <translation>调整 0 分不会有任何变化。</translation>
        </message>
        <message>
            <source>These points were already paid.</source>
            <translation>这笔积分已经发过了。</translation>
        </message>
        <message>
            <source>Check the rules: a value is out of range.</source>
            <translation>请检查规则：有一个数值超出了范围。</translation>
        </message>
        <message>
            <source>The visit no longer exists.</source>
            <translation>这次到店记录已不存在。</translation>
        </message>
        <message>
            <source>The entry no longer exists.</source>
            <translation>这条流水已不存在。</translation>
        </message>
        <message>
            <source>The reward is no longer in the catalog.</source>
            <translation>这个奖品已不在兑换目录中。</translation>
        </message>
        <message>
            <source>A reward needs a name.</source>
            <translation>奖品需要一个名称。</translation>
        </message>
        <message>
            <source>A reward costs at least 1 point.</source>
            <translation>奖品至少需要 1 积分。</translation>
        </message>
        <message>
            <source>Stock cannot be negative.</source>
            <translation>库存不能为负数。</translation>
        </message>
        <message>
            <source>The reward ends before it starts.</source>
            <translation>奖品的结束日期早于开始日期。</translation>
        </message>
        <message>
            <source>A reward named %1 exists already.</source>
            <translation>已有名为“%1”的奖品。</translation>
        </message>
        <message>
            <source>A level needs a name.</source>
            <translation>等级需要一个名称。</translation>
        </message>
        <message>
            <source>A threshold cannot be negative.</source>
            <translation>门槛不能为负数。</translation>
        </message>
        <message>
            <source>Another level has this name or threshold.</source>
            <translation>已有其他等级使用这个名称或门槛。</translation>
        </message>
        <message>
            <source>Type the amount in yuan, like 38.5.</source>
            <translation>请输入金额（元），例如 38.5。</translation>
        </message>
        <message>
            <source>The amount must be more than 0.</source>
            <translation>金额必须大于 0。</translation>
        </message>
        <message>
            <source>At most two decimals (fen): check the amount.</source>
            <translation>最多两位小数（到分）：请检查金额。</translation>
        </message>
        <message>
            <source>More than ¥100,000 in one visit: check the amount.</source>
            <translation>一次消费超过 ¥100,000：请检查金额。</translation>
        </message>
        <message>
            <source>%1 is in the future.</source>
            <translation>%1 还没到。</translation>
        </message>
        <message>
            <source>The member joined on %1, after that day. Correct the join date in the profile first.</source>
            <translation>这位会员的入会日期是 %1，晚于这一天。请先在资料里改正入会日期。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1 +%2 points, balance %3&lt;/b&gt;</source>
            <translation>&lt;b&gt;%1 +%2 积分，余额 %3&lt;/b&gt;</translation>
        </message>
        <message>
            <source>The referrer gets %1 points.</source>
            <translation>推荐人获得 %1 积分。</translation>
        </message>
    </context>
    <context>
        <name>PostWords</name>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Group rules / announcement</source>
            <translation>群规 / 公告</translation>
        </message>
        <message>
            <source>Morning report</source>
            <translation>早报</translation>
        </message>
        <message>
            <source>Topic</source>
            <translation>话题</translation>
        </message>
        <message>
            <source>Warm-up</source>
            <translation>预热</translation>
        </message>
        <message>
            <source>On-the-day reminder</source>
            <translation>当天提醒</translation>
        </message>
        <message>
            <source>Recap</source>
            <translation>回顾</translation>
        </message>
        <message>
            <source>Birthday greeting</source>
            <translation>生日祝福</translation>
        </message>
        <message>
            <source>Level-up congratulation</source>
            <translation>升级祝贺</translation>
        </message>
        <message>
            <source>Points about to expire</source>
            <translation>积分即将过期</translation>
        </message>
        <message>
            <source>Reactivation</source>
            <translation>沉睡唤醒</translation>
        </message>
        <message>
            <source>VIP invitation</source>
            <translation>VIP 邀请</translation>
        </message>
        <message>
            <source>Referral invitation</source>
            <translation>邀请好友</translation>
        </message>
        <message>
            <source>Yearly member report</source>
            <translation>年度会员报告</translation>
        </message>
        <message>
            <source>For a group</source>
            <translation>发到群里</translation>
        </message>
        <message>
            <source>For one member</source>
            <translation>发给一位会员</translation>
        </message>
        <message>
            <source>Copied “%1”: paste it in WeChat.</source>
            <translation>已复制「%1」，去微信粘贴吧。</translation>
        </message>
        <message>
            <source>Already copied today at %1.</source>
            <translation>今天 %1 已复制过。</translation>
        </message>
        <message>
            <source>Check the template.</source>
            <translation>请检查模板。</translation>
        </message>
        <message>
            <source>A template needs a name.</source>
            <translation>模板需要一个名称。</translation>
        </message>
        <message>
            <source>A template name has at most 60 characters.</source>
            <translation>模板名称最多 60 个字。</translation>
        </message>
        <message>
            <source>A template named %1 exists already.</source>
            <translation>已有名为 %1 的模板。</translation>
        </message>
        <message>
            <source>Only a built-in template has a default to go back to.</source>
            <translation>只有内置模板才能恢复默认内容。</translation>
        </message>
        <message>
            <source>A built-in template can be edited, not deleted.</source>
            <translation>内置模板可以修改，但不能删除。</translation>
        </message>
        <message>
            <source>Choose a category and who the post is for.</source>
            <translation>请选择文案类别和发送对象。</translation>
        </message>
        <message>
            <source>Choose warm-up, reminder or recap.</source>
            <translation>请选择预热、当天提醒或复盘。</translation>
        </message>
        <message>
            <source>There is nobody in this list.</source>
            <translation>这个名单里没有人。</translation>
        </message>
        <message>
            <source>One by one works for up to %1 members: narrow the list with a filter first.</source>
            <translation>逐个私信最多 %1 位会员：请先用筛选缩小名单。</translation>
        </message>
        <message>
            <source>This template is for a group: choose a personal one.</source>
            <translation>这个模板是发群的：请选一个私信模板。</translation>
        </message>
        <message>
            <source>This step cannot be marked that way.</source>
            <translation>这一步不能这样标记。</translation>
        </message>
        <message>
            <source>This list was deleted meanwhile.</source>
            <translation>这个名单刚被删除了。</translation>
        </message>
        <message>
            <source>This list of members is not known.</source>
            <translation>不认识这个会员名单。</translation>
        </message>
        <message>
            <source>Line %1: </source>
            <translation>第 %1 行：</translation>
        </message>
        <message>
            <source>the template is empty.</source>
            <translation>模板是空的。</translation>
        </message>
        <message>
            <source>the template is longer than 10,000 characters.</source>
            <translation>模板超过 10,000 个字。</translation>
        </message>
        <message>
            <source>check the braces: every {{ needs its }}.</source>
            <translation>请检查括号：每个 {{ 都要有对应的 }}。</translation>
        </message>
        <message>
            <source>“%1” is not a placeholder: pick one from Insert Placeholder.</source>
            <translation>「%1」不是占位符：请从“插入占位符”里选。</translation>
        </message>
        <message>
            <source>only placeholders and filters can be used here.</source>
            <translation>这里只能用占位符和过滤器。</translation>
        </message>
    </context>
    <context>
        <name>PosterDialog</name>
        <message>
            <source>Print a Group Poster</source>
            <translation>打印进群海报</translation>
        </message>
        <message>
            <source>The shop's QR (Settings → Shop)</source>
            <translation>门店二维码（设置 → 门店）</translation>
        </message>
        <message>
            <source>%1 (its QR, day %2 of 7)</source>
            <translation>%1（群二维码，第 %2 天，共 7 天）</translation>
        </message>
        <message>
            <source>A picture of a QR code…</source>
            <translation>二维码图片…</translation>
        </message>
        <message>
            <source>扫码加入会员群</source>
            <translation>扫码加入会员群</translation>
        </message>
        <message>
            <source>the offer, e.g. 进群领第二杯半价券</source>
            <translation>优惠，例如 进群领第二杯半价券</translation>
        </message>
        <message>
            <source>Type it, or take it from a post…</source>
            <translation>直接输入，或从文案模板中选取…</translation>
        </message>
        <message>
            <source>QR code</source>
            <translation>二维码</translation>
        </message>
        <message>
            <source>Headline</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Offer</source>
            <translation>优惠</translation>
        </message>
        <message>
            <source>Layout</source>
            <translation>版式</translation>
        </message>
        <message>
            <source>Choose where the QR code comes from.</source>
            <translation>请选择二维码的来源。</translation>
        </message>
        <message>
            <source>Choose a picture of the QR code (a screenshot or a photo).</source>
            <translation>请选择二维码图片（截图或照片）。</translation>
        </message>
        <message>
            <source>A Picture of the QR Code</source>
            <translation>二维码图片</translation>
        </message>
        <message>
            <source>Pictures (*.png *.jpg *.jpeg)</source>
            <translation>图片 (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source> This one is on day %1 of 7.</source>
            <translation> 这张已是第 %1 天（共 7 天）。</translation>
        </message>
        <message>
            <source>A WeChat group QR stops working 7 days after it was made.</source>
            <translation>微信群二维码生成 7 天后失效。</translation>
        </message>
        <message>
            <source>For anything printed in bulk, use the manager's own WeChat or WeCom QR, or a live code.</source>
            <translation>批量印刷请用店长个人微信或企业微信二维码，或活码。</translation>
        </message>
        <message>
            <source>QR read: %1</source>
            <translation>已读出二维码：%1</translation>
        </message>
        <message>
            <source>Preview: Poster</source>
            <translation>预览：海报</translation>
        </message>
        <message>
            <source>Save the Poster</source>
            <translation>保存海报</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
    </context>
    <context>
        <name>PostsPage</name>
        <message>
            <source>Posts</source>
            <translation>发帖文案</translation>
        </message>
        <message>
            <source>Insert Placeholder</source>
            <translation>插入占位词</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Restore Default</source>
            <translation>恢复默认</translation>
        </message>
        <message>
            <source>New…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>A template of your own</source>
            <translation>自己的模板</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Edit Text</source>
            <translation>编辑原文</translation>
        </message>
        <message>
            <source>Choose Member…</source>
            <translation>选择会员…</translation>
        </message>
        <message>
            <source>Copy (Ctrl+Enter)</source>
            <translation>复制（Ctrl+Enter）</translation>
        </message>
        <message>
            <source>Send One by One</source>
            <translation>逐个私信</translation>
        </message>
        <message>
            <source>This personal message for each member of a list, one after the other</source>
            <translation>把这条私信逐个发给名单里的每位会员</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <source>Unfinished one by one</source>
            <translation>未完成的逐个私信</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Group</source>
            <translation>群</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>发给</translation>
        </message>
        <message>
            <source>Birthdays this week</source>
            <translation>本周生日</translation>
        </message>
        <message>
            <source>VIP-eligible, in no VIP group</source>
            <translation>符合 VIP、还没进 VIP 群</translation>
        </message>
        <message>
            <source>Segments</source>
            <translation>分组</translation>
        </message>
        <message>
            <source>Selected members: choose them on the Members page</source>
            <translation>选中的会员：到会员页选择</translation>
        </message>
        <message>
            <source>%1 · %2: %3 of %4 done</source>
            <translation>%1 · %2：已完成 %3/%4</translation>
        </message>
        <message>
            <source>Unfinished one by one (%1)</source>
            <translation>未完成的逐个私信（%1）</translation>
        </message>
        <message>
            <source>Copied today</source>
            <translation>今天已复制</translation>
        </message>
        <message>
            <source>Shop</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Lists</source>
            <translation>名单</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Fix the template to copy it.</source>
            <translation>改好模板后才能复制。</translation>
        </message>
        <message numerus="yes">
            <source>%n character(s)</source>
            <translation>
                <numerusform>%n 个字</numerusform>
            </translation>
        </message>
        <message>
            <source>Save Template</source>
            <translation>保存模板</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
        <message>
            <source>New Template</source>
            <translation>新建模板</translation>
        </message>
        <message>
            <source>Delete Template</source>
            <translation>删除模板</translation>
        </message>
        <message>
            <source>Delete the template %1? What was copied with it stays in the history.</source>
            <translation>删除模板 %1？用它复制过的记录会保留。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Render for Member</source>
            <translation>为会员生成</translation>
        </message>
    </context>
    <context>
        <name>PrivacyDialog</name>
        <message>
            <source>Privacy</source>
            <translation>隐私</translation>
        </message>
        <message>
            <source>No retention period is set (Settings → Privacy): nobody is listed for review. The notice below can be printed for the counter.</source>
            <translation>还没有设置保存期限（设置 → 隐私）：不会列出需要复核的会员。下面的说明可以打印出来放在柜台。</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) with no contact for more than %1 days: review them (double-click opens one: ⋯ exports or erases their data).</source>
            <translation>
                <numerusform>%n 位会员超过 %1 天没有任何接触：请复核（双击打开，用 ⋯ 导出或抹除其数据）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Code</source>
            <translation>会员码</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入会日期</translation>
        </message>
        <message>
            <source>The privacy notice:</source>
            <translation>隐私说明：</translation>
        </message>
        <message>
            <source>our shop</source>
            <translation>本店</translation>
        </message>
        <message>
            <source>We keep your data while you are a member. Members with no contact for %1 days are reviewed, and their data is erased unless they ask us to keep it.</source>
            <translation>您是会员期间我们保存您的数据。超过 %1 天没有任何接触的会员会被复核，除非您要求保留，否则其数据会被抹除。</translation>
        </message>
        <message>
            <source>We keep your data while you are a member, and erase it when you ask.</source>
            <translation>您是会员期间我们保存您的数据，您提出要求时即抹除。</translation>
        </message>
        <message>
            <source>What we keep</source>
            <translation>我们保存什么</translation>
        </message>
        <message>
            <source>Your name or nickname, mobile number, birthday (if you tell us), WeChat ID, your visits and what you spent, your points and rewards, the activities you took part in, coupons, and short notes of our conversations with you.</source>
            <translation>您的姓名或昵称、手机号、生日（如您告诉我们）、微信号、到店与消费记录、积分与兑换、参加过的活动、优惠券，以及与您交流的简短记录。</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>为什么</translation>
        </message>
        <message>
            <source>To run your membership: points, levels and rewards, birthday wishes, invitations to activities and offers, as far as you agreed to receive them.</source>
            <translation>为了提供会员服务：积分、等级与兑换、生日祝福、活动与优惠邀请（以您同意接收的为限）。</translation>
        </message>
        <message>
            <source>Where</source>
            <translation>存在哪里</translation>
        </message>
        <message>
            <source>On the shop's own computer (or the shop's own server). We do not sell or give your data to anyone, and we do not put it on the internet.</source>
            <translation>存在本店自己的电脑（或本店自己的服务器）上。我们不会出售或提供给任何人，也不会上传到互联网。</translation>
        </message>
        <message>
            <source>For how long</source>
            <translation>保存多久</translation>
        </message>
        <message>
            <source>Your rights</source>
            <translation>您的权利</translation>
        </message>
        <message>
            <source>You may ask to see a copy of everything we keep about you, to correct it, to stop receiving messages, or to have it erased. Ask us at the counter%1.</source>
            <translation>您可以要求查看我们保存的关于您的全部数据的副本、更正、不再接收消息，或将其抹除。请在柜台告诉我们%1。</translation>
        </message>
        <message>
            <source> or contact %1</source>
            <translation>，或联系 %1</translation>
        </message>
        <message>
            <source>%1 · Member Privacy Notice</source>
            <translation>%1 · 会员个人信息保护说明</translation>
        </message>
        <message>
            <source>Personal Information Protection Law of the PRC (个人信息保护法) · %1</source>
            <translation>依据《中华人民共和国个人信息保护法》· %1</translation>
        </message>
        <message>
            <source>Preview: Privacy Notice</source>
            <translation>预览：隐私说明</translation>
        </message>
        <message>
            <source>Save the Privacy Notice</source>
            <translation>保存隐私说明</translation>
        </message>
        <message>
            <source>Privacy Notice</source>
            <translation>隐私说明</translation>
        </message>
        <message>
            <source>Saved %1.</source>
            <translation>已保存 %1。</translation>
        </message>
    </context>
    <context>
        <name>QAbstractFileIconProvider</name>
        <message>
            <source>Drive</source>
            <translation>驱动器</translation>
        </message>
        <message>
            <source>Folder</source>
            <comment>All other platforms</comment>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>File Folder</source>
            <comment>Match Windows Explorer</comment>
            <translation>文件夹</translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>&amp;Look in:</source>
            <translation>查找范围(&amp;L)：</translation>
        </message>
        <message>
            <source>Files of &amp;type:</source>
            <translation>文件类型(&amp;T)：</translation>
        </message>
    </context>
    <context>
        <name>QPrintSettingsOutput</name>
        <message>
            <source>Page &amp;Set:</source>
            <translation>页面组(&amp;S)：</translation>
        </message>
    </context>
    <context>
        <name>QrDateDialog</name>
        <message>
            <source>Group QR Image</source>
            <translation>群二维码</translation>
        </message>
        <message>
            <source>A WeChat group QR code works for 7 days from the day WeChat showed it. Which day did you take this screenshot?</source>
            <translation>微信群二维码从生成那天起 7 天内有效。这张截图是哪天截的？</translation>
        </message>
        <message>
            <source>Screenshot taken on</source>
            <translation>截图日期</translation>
        </message>
    </context>
    <context>
        <name>QuickAwardDialog</name>
        <message>
            <source>Quick Award for a Pasted List</source>
            <translation>按粘贴名单快捷奖励</translation>
        </message>
        <message>
            <source>Edit Awards…</source>
            <translation>编辑奖励…</translation>
        </message>
        <message>
            <source>Paste the 接龙 (1. 张三 …) from the group</source>
            <translation>粘贴群里的接龙（1. 张三 …）</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>奖励</translation>
        </message>
        <message numerus="yes">
            <source>Paid to %n member(s).</source>
            <translation>
                <numerusform>已给 %n 位会员发放。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n had it today already.</source>
            <translation>
                <numerusform>%n 位今天已领过。</numerusform>
            </translation>
        </message>
        <message>
            <source>Not found: %1</source>
            <translation>未找到：%1</translation>
        </message>
    </context>
    <context>
        <name>ReadableWords</name>
        <message>
            <source>%1, or “%2”</source>
            <translation>%1（没有时写“%2”）</translation>
        </message>
        <message>
            <source>if there is no %1:</source>
            <translation>如果没有%1：</translation>
        </message>
        <message>
            <source>if there is %1:</source>
            <translation>如果有%1：</translation>
        </message>
        <message>
            <source>or if there is %1:</source>
            <translation>否则如果有%1：</translation>
        </message>
        <message>
            <source>for each of %1:</source>
            <translation>对每个%1：</translation>
        </message>
        <message>
            <source>otherwise:</source>
            <translation>否则：</translation>
        </message>
    </context>
    <context>
        <name>RosterFiles</name>
        <message>
            <source>Import…</source>
            <translation>导入…</translation>
        </message>
        <message>
            <source>Add or update members from an Excel or CSV file</source>
            <translation>从 Excel 或 CSV 文件新增或更新会员</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <source>Save the members in view to Excel or CSV</source>
            <translation>把当前列表中的会员保存为 Excel 或 CSV</translation>
        </message>
        <message>
            <source>Import Members</source>
            <translation>导入会员</translation>
        </message>
        <message>
            <source>Spreadsheets (*.xlsx *.xls *.xlsm *.ods *.csv)</source>
            <translation>表格文件 (*.xlsx *.xls *.xlsm *.ods *.csv)</translation>
        </message>
        <message>
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <source>Imported: %1 added, %2 updated.</source>
            <translation>导入完成：新增 %1 位，更新 %2 位。</translation>
        </message>
        <message>
            <source>members-%1.xlsx</source>
            <translation>会员-%1.xlsx</translation>
        </message>
        <message>
            <source>Export Members</source>
            <translation>导出会员</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV（Excel 可打开）(*.csv)</translation>
        </message>
        <message>
            <source>Saved %1 members to %2.</source>
            <translation>已把 %1 位会员保存到 %2。</translation>
        </message>
        <message>
            <source>Export failed: %1</source>
            <translation>导出失败：%1</translation>
        </message>
        <message numerus="yes">
            <source>Exporting %n member(s)</source>
            <translation>
                <numerusform>正在导出 %Ln 位会员</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RunDialog</name>
        <message>
            <source>Send One by One</source>
            <translation>逐个私信</translation>
        </message>
        <message>
            <source>%v of %m done</source>
            <translation>已完成 %v/%m</translation>
        </message>
        <message>
            <source>No coupon</source>
            <translation>不送券</translation>
        </message>
        <message>
            <source>Copying a member's message gives them this coupon (not when skipped); {{ 优惠券 }} lists it</source>
            <translation>复制某位会员的消息时送出这张券（跳过的不送）；{{ 优惠券 }} 会列出它</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>上一个</translation>
        </message>
        <message>
            <source>Skip</source>
            <translation>跳过</translation>
        </message>
        <message>
            <source>Not this member (they stay unsent)</source>
            <translation>不发给这位（记为未发送）</translation>
        </message>
        <message>
            <source>Stop for Now</source>
            <translation>先停一下</translation>
        </message>
        <message>
            <source>Carry on later from the Posts page</source>
            <translation>稍后可在文案页继续</translation>
        </message>
        <message>
            <source>Copy and Next (Ctrl+Enter)</source>
            <translation>复制并下一个 (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>With each message:</source>
            <translation>每条消息附送：</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>%n 位会员</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 of %2: %3</source>
            <translation>第 %1/%2 位：%3</translation>
        </message>
        <message>
            <source>Already copied for this member.</source>
            <translation>已经给这位会员复制过。</translation>
        </message>
        <message>
            <source>Skipped before.</source>
            <translation>之前跳过了。</translation>
        </message>
        <message>
            <source>🎟 Given with this message: coupon %1.</source>
            <translation>🎟 已随这条消息送出：券 %1。</translation>
        </message>
        <message>
            <source>🎟 No %1 this time: %2</source>
            <translation>🎟 这次不送 %1：%2</translation>
        </message>
        <message>
            <source>🎟 Copying gives them %1, valid until %2.</source>
            <translation>🎟 复制即送出 %1，有效期至 %2。</translation>
        </message>
        <message>
            <source>The template of this list was deleted.</source>
            <translation>这个名单用的模板已被删除。</translation>
        </message>
        <message>
            <source>All done: %1 copied, %2 skipped.</source>
            <translation>全部完成：复制 %1 条，跳过 %2 位。</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>RunWords</name>
        <message>
            <source>Send One by One</source>
            <translation>逐个私信</translation>
        </message>
    </context>
    <context>
        <name>ScanBox</name>
        <message>
            <source>Scan a member card (F3)</source>
            <translation>扫会员卡（F3）</translation>
        </message>
        <message>
            <source>This store is open read-only: nothing can be recorded.</source>
            <translation>此门店数据以只读方式打开：无法记录。</translation>
        </message>
        <message>
            <source>+%1 points for the streak!</source>
            <translation>连续签到奖励 +%1 积分！</translation>
        </message>
        <message numerus="yes">
            <source>✓ %1 checked in: %n day(s) in a row.</source>
            <translation>
                <numerusform>✓ %1 已签到：连续 %n 天。</numerusform>
            </translation>
        </message>
        <message>
            <source>%1: type the amount.</source>
            <translation>%1：请输入金额。</translation>
        </message>
    </context>
    <context>
        <name>SegmentBar</name>
        <message>
            <source>Show one segment or tag: who should get the VIP invite, who went quiet...</source>
            <translation>只看一个分层或标签：谁该邀请进 VIP 群、谁沉睡了……</translation>
        </message>
        <message>
            <source>Filter</source>
            <translation>筛选</translation>
        </message>
        <message>
            <source>Build a filter from tags, visits, spend, groups… (Ctrl+Shift+F)</source>
            <translation>按标签、到店、消费、微信群等条件筛选…（Ctrl+Shift+F）</translation>
        </message>
        <message>
            <source>Segment Thresholds…</source>
            <translation>分层标准…</translation>
        </message>
        <message>
            <source>Delete Saved Segment…</source>
            <translation>删除已存分层…</translation>
        </message>
        <message>
            <source>All members</source>
            <translation>全部会员</translation>
        </message>
        <message>
            <source>Tag: %1</source>
            <translation>标签：%1</translation>
        </message>
        <message>
            <source>Save as Segment</source>
            <translation>存为分层</translation>
        </message>
        <message>
            <source>Name of the segment (its members are worked out afresh each time you open it):</source>
            <translation>分层名称（每次打开都按条件重新计算成员）：</translation>
        </message>
        <message>
            <source>Saved the segment %1.</source>
            <translation>已保存分层 %1。</translation>
        </message>
        <message>
            <source>Delete Saved Segment</source>
            <translation>删除已存分层</translation>
        </message>
        <message>
            <source>Delete the saved segment %1? Its members and their tags stay as they are.</source>
            <translation>删除已存分层 %1？会员和他们的标签都不受影响。</translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
    </context>
    <context>
        <name>SegmentWords</name>
        <message>
            <source>A segment needs a name.</source>
            <translation>分层需要一个名字。</translation>
        </message>
        <message>
            <source>A segment named %1 exists already.</source>
            <translation>已有名为 %1 的分层。</translation>
        </message>
        <message>
            <source>%1 is the name of a built-in segment: choose another.</source>
            <translation>“%1”是内置分层的名称，请换一个。</translation>
        </message>
        <message>
            <source>Thresholds cannot be negative.</source>
            <translation>门槛不能为负数。</translation>
        </message>
        <message>
            <source>This filter cannot be understood. Build it again in the filter.</source>
            <translation>无法读取这个筛选条件，请在筛选器里重新设置。</translation>
        </message>
        <message>
            <source>no visit since joining on %1</source>
            <translation>自 %1 入会后未到店</translation>
        </message>
        <message>
            <source>last visit %1, %2 days ago</source>
            <translation>最后到店 %1，已 %2 天</translation>
        </message>
        <message>
            <source>joined %1</source>
            <translation>%1 入会</translation>
        </message>
        <message numerus="yes">
            <source>%n visit(s) in the last 30 days</source>
            <translation>
                <numerusform>近 30 天到店 %n 次</numerusform>
            </translation>
        </message>
        <message>
            <source>spent %1 in 12 months</source>
            <translation>近 12 个月消费 %1</translation>
        </message>
        <message numerus="yes">
            <source>%n visit(s) in 90 days</source>
            <translation>
                <numerusform>近 90 天到店 %n 次</numerusform>
            </translation>
        </message>
        <message>
            <source>spent %1 in the last 3 months, %2 in the 3 before</source>
            <translation>近 3 个月消费 %1，之前 3 个月 %2</translation>
        </message>
        <message>
            <source>this month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>last month</source>
            <translation>上月</translation>
        </message>
        <message numerus="yes">
            <source>%n visit(s) %1</source>
            <translation>
                <numerusform>%1到店 %n 次</numerusform>
            </translation>
        </message>
        <message>
            <source>a single purchase of %1 in the last 30 days</source>
            <translation>近 30 天单笔消费 %1</translation>
        </message>
        <message>
            <source>New (新手)</source>
            <translation>新手</translation>
        </message>
        <message>
            <source>Joined this week (本周新会员)</source>
            <translation>本周新会员</translation>
        </message>
        <message>
            <source>Active, with potential (活跃潜力)</source>
            <translation>活跃潜力</translation>
        </message>
        <message>
            <source>Core loyal (核心忠诚)</source>
            <translation>核心忠诚</translation>
        </message>
        <message>
            <source>Dormant (沉睡)</source>
            <translation>沉睡</translation>
        </message>
        <message>
            <source>Lapsed (衰退)</source>
            <translation>衰退</translation>
        </message>
        <message>
            <source>High value (高价值)</source>
            <translation>高价值</translation>
        </message>
        <message>
            <source>Rising spend (潜力)</source>
            <translation>潜力（消费上升）</translation>
        </message>
        <message>
            <source>VIP eligible, in a VIP group or not (符合 VIP 条件)</source>
            <translation>符合 VIP 条件（含已在 VIP 群的）</translation>
        </message>
    </context>
    <context>
        <name>SelectionActions</name>
        <message>
            <source>Tag</source>
            <translation>打标签</translation>
        </message>
        <message>
            <source>Add or remove a tag on the selected members (Ctrl+T)</source>
            <translation>给选中的会员加上或去掉标签（Ctrl+T）</translation>
        </message>
        <message>
            <source>Duplicates…</source>
            <translation>查重…</translation>
        </message>
        <message>
            <source>Find members entered twice and merge them</source>
            <translation>找出重复录入的会员并合并</translation>
        </message>
        <message>
            <source>Manage Tags…</source>
            <translation>管理标签…</translation>
        </message>
        <message numerus="yes">
            <source>Tagged %n member(s).</source>
            <translation>
                <numerusform>已给 %Ln 位会员打上标签。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Untagged %n member(s).</source>
            <translation>
                <numerusform>已从 %Ln 位会员移除标签。</numerusform>
            </translation>
        </message>
        <message>
            <source>Add Tag</source>
            <translation>添加标签</translation>
        </message>
        <message numerus="yes">
            <source>Saving a copy of the store, then tagging %n member(s)…</source>
            <translation>
                <numerusform>正在先保存一份数据副本，然后给 %n 位会员加标签…</numerusform>
            </translation>
        </message>
        <message>
            <source>Stopped: nobody was tagged.</source>
            <translation>已停止：没有给任何会员加标签。</translation>
        </message>
        <message>
            <source>Nobody was tagged: %1</source>
            <translation>没有给任何会员加标签：%1</translation>
        </message>
        <message>
            <source>Remove Tag</source>
            <translation>移除标签</translation>
        </message>
        <message numerus="yes">
            <source>Saving a copy of the store, then untagging %n member(s)…</source>
            <translation>
                <numerusform>正在先保存一份数据副本，然后给 %n 位会员去掉标签…</numerusform>
            </translation>
        </message>
        <message>
            <source>Stopped: nobody was untagged.</source>
            <translation>已停止：没有给任何会员去掉标签。</translation>
        </message>
        <message>
            <source>Nobody was untagged: %1</source>
            <translation>没有给任何会员去掉标签：%1</translation>
        </message>
        <message>
            <source>New Tag…</source>
            <translation>新建标签…</translation>
        </message>
        <message>
            <source>Select members in the list first</source>
            <translation>请先在列表里选中会员</translation>
        </message>
        <message numerus="yes">
            <source>%n selected member(s)</source>
            <translation>
                <numerusform>已选 %n 位会员</numerusform>
            </translation>
        </message>
        <message>
            <source>New Tag</source>
            <translation>新建标签</translation>
        </message>
        <message>
            <source>Name of the new tag for the selected members:</source>
            <translation>给选中会员的新标签名称：</translation>
        </message>
        <message>
            <source>My tags</source>
            <translation>我的标签</translation>
        </message>
        <message>
            <source>Add to WeChat Group</source>
            <translation>加入微信群</translation>
        </message>
        <message numerus="yes">
            <source>Added %n member(s) to the group.</source>
            <translation>
                <numerusform>已把 %n 位会员加入群。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete members</source>
            <translation>删除会员</translation>
        </message>
        <message numerus="yes">
            <source>Delete %n archived member(s) for good? This cannot be undone.</source>
            <translation>
                <numerusform>要永久删除 %Ln 位已归档会员吗？此操作无法撤销。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>New Note…</source>
            <translation>记一笔…</translation>
        </message>
        <message>
            <source>Send a Message</source>
            <translation>发私信</translation>
        </message>
        <message>
            <source>Print Cards…</source>
            <translation>打印会员卡…</translation>
        </message>
        <message>
            <source>Give a Coupon…</source>
            <translation>发优惠券…</translation>
        </message>
        <message>
            <source>Archive</source>
            <translation>归档</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Read-only: the settings can be read, not changed.</source>
            <translation>只读：设置只能查看，不能修改。</translation>
        </message>
        <message>
            <source>Levels and rewards are set on the Points page.</source>
            <translation>等级和兑换礼品在“积分”页设置。</translation>
        </message>
        <message>
            <source>Language of the interface</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source>The language changes when sqdesk next starts. It is this computer's choice; the other settings belong to the store.</source>
            <translation>语言在下次启动 sqdesk 时生效。语言是这台电脑的选择，其他设置保存在门店数据里。</translation>
        </message>
        <message>
            <source>Saved.</source>
            <translation>已保存。</translation>
        </message>
    </context>
    <context>
        <name>SettingsWords</name>
        <message>
            <source>Shop</source>
            <translation>门店</translation>
        </message>
        <message>
            <source>Points and Levels</source>
            <translation>积分与等级</translation>
        </message>
        <message>
            <source>Segments</source>
            <translation>会员分层</translation>
        </message>
        <message>
            <source>Staying in Touch</source>
            <translation>保持联系</translation>
        </message>
        <message>
            <source>Member Cards</source>
            <translation>会员卡</translation>
        </message>
        <message>
            <source>Scanning</source>
            <translation>扫码</translation>
        </message>
        <message>
            <source>Backups</source>
            <translation>备份</translation>
        </message>
        <message>
            <source>Privacy</source>
            <translation>隐私</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Shop name</source>
            <translation>店名</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Opening hours</source>
            <translation>营业时间</translation>
        </message>
        <message>
            <source>Manager's name</source>
            <translation>店长称呼</translation>
        </message>
        <message>
            <source>Manager's WeChat</source>
            <translation>店长微信号</translation>
        </message>
        <message>
            <source>Shop phone</source>
            <translation>门店电话</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>店标（Logo）</translation>
        </message>
        <message>
            <source>Group QR code</source>
            <translation>社群二维码</translation>
        </message>
        <message>
            <source>Points per yuan (rounded down)</source>
            <translation>每元积分（向下取整）</translation>
        </message>
        <message>
            <source>Member days (days of the month)</source>
            <translation>会员日（每月几号）</translation>
        </message>
        <message>
            <source>Member day multiplier</source>
            <translation>会员日积分倍数</translation>
        </message>
        <message>
            <source>Birthday month multiplier</source>
            <translation>生日月积分倍数</translation>
        </message>
        <message>
            <source>First visit bonus</source>
            <translation>首次到店奖励</translation>
        </message>
        <message>
            <source>Referral bonus (to the referrer)</source>
            <translation>推荐奖励（给推荐人）</translation>
        </message>
        <message>
            <source>Check-in streak: days</source>
            <translation>连续签到：天数</translation>
        </message>
        <message>
            <source>Check-in streak: bonus</source>
            <translation>连续签到：奖励</translation>
        </message>
        <message>
            <source>Points for taking part in an activity</source>
            <translation>参加活动积分</translation>
        </message>
        <message>
            <source>Points expire</source>
            <translation>积分过期</translation>
        </message>
        <message>
            <source>Levels go by</source>
            <translation>等级依据</translation>
        </message>
        <message>
            <source>New: joined within (days)</source>
            <translation>新会员：入会天数以内</translation>
        </message>
        <message>
            <source>Active: visits in the last 30 days</source>
            <translation>活跃：近 30 天到店次数</translation>
        </message>
        <message>
            <source>Core: visits in the last 90 days</source>
            <translation>核心：近 90 天到店次数</translation>
        </message>
        <message>
            <source>Core: spend in the last 12 months</source>
            <translation>核心：近 12 个月消费</translation>
        </message>
        <message>
            <source>Dormant: no visit for (days)</source>
            <translation>沉睡：未到店天数</translation>
        </message>
        <message>
            <source>Lapsed: no visit for (days)</source>
            <translation>流失：未到店天数</translation>
        </message>
        <message>
            <source>High value: spend in 12 months</source>
            <translation>高价值：近 12 个月消费</translation>
        </message>
        <message>
            <source>Rising: last 3 months against the 3 before</source>
            <translation>潜力：近 3 个月与前 3 个月之比</translation>
        </message>
        <message>
            <source>Rising: spend in the last 3 months at least</source>
            <translation>潜力：近 3 个月消费至少</translation>
        </message>
        <message>
            <source>VIP invite: visits in a month</source>
            <translation>VIP 邀请：一个月内到店次数</translation>
        </message>
        <message>
            <source>VIP invite: one purchase of at least</source>
            <translation>VIP 邀请：单笔消费至少</translation>
        </message>
        <message>
            <source>Core members: no contact for (days)</source>
            <translation>核心会员：未联系天数</translation>
        </message>
        <message>
            <source>Members who spent this year: no contact for (days)</source>
            <translation>一年内有消费的会员：未联系天数</translation>
        </message>
        <message>
            <source>Members who spent nothing this year: no contact for (days)</source>
            <translation>一年内无消费的会员：未联系天数</translation>
        </message>
        <message>
            <source>On the card</source>
            <translation>卡上显示</translation>
        </message>
        <message>
            <source>Slogan</source>
            <translation>标语</translation>
        </message>
        <message>
            <source>A card scanned on Today</source>
            <translation>在“今天”页扫卡时</translation>
        </message>
        <message>
            <source>A short sound after each scan</source>
            <translation>每次扫码后提示音</translation>
        </message>
        <message>
            <source>A backup copy once a day</source>
            <translation>每天自动备份一份</translation>
        </message>
        <message>
            <source>Daily copies to keep</source>
            <translation>保留的每日备份份数</translation>
        </message>
        <message>
            <source>Review members with no contact for (days; 0: never)</source>
            <translation>多少天没有接触的会员需要复核（天；0 表示不复核）</translation>
        </message>
        <message>
            <source>e.g. 茶语时光 · 天河店</source>
            <translation>例如：茶语时光 · 天河店</translation>
        </message>
        <message>
            <source>e.g. 天河路 385 号 1 楼</source>
            <translation>例如：天河路 385 号 1 楼</translation>
        </message>
        <message>
            <source>e.g. 10:00-22:00</source>
            <translation>例如：10:00-22:00</translation>
        </message>
        <message>
            <source>e.g. 林店长</source>
            <translation>例如：林店长</translation>
        </message>
        <message>
            <source>the WeChat ID members add</source>
            <translation>会员加你用的微信号</translation>
        </message>
        <message>
            <source>e.g. 020-3888 1234</source>
            <translation>例如：020-3888 1234</translation>
        </message>
        <message>
            <source>e.g. 8, or 8, 18; empty: no member day</source>
            <translation>例如 8，或 8, 18；留空表示没有会员日</translation>
        </message>
        <message>
            <source>e.g. 扫码加社群，领第二杯半价券</source>
            <translation>例如 扫码加社群，领第二杯半价券</translation>
        </message>
        <message>
            <source>a third of the dormant days</source>
            <translation>沉睡天数的三分之一</translation>
        </message>
        <message>
            <source>the dormant days</source>
            <translation>沉睡天数</translation>
        </message>
        <message>
            <source>the lapsed days</source>
            <translation>流失天数</translation>
        </message>
        <message>
            <source>12 months after they are earned</source>
            <translation>获得 12 个月后</translation>
        </message>
        <message>
            <source>at the end of the following year</source>
            <translation>次年年底</translation>
        </message>
        <message>
            <source>never</source>
            <translation>永不过期</translation>
        </message>
        <message>
            <source>points earned in the last 12 months</source>
            <translation>近 12 个月获得的积分</translation>
        </message>
        <message>
            <source>spend in the last 12 months</source>
            <translation>近 12 个月消费</translation>
        </message>
        <message>
            <source>the member's name</source>
            <translation>会员姓名</translation>
        </message>
        <message>
            <source>the member's nickname</source>
            <translation>会员昵称</translation>
        </message>
        <message>
            <source>opens Record Visit, the amount next</source>
            <translation>打开记录到店，接着输入金额</translation>
        </message>
        <message>
            <source>records a check-in (签到)</source>
            <translation>记一次签到</translation>
        </message>
        <message>
            <source>There is no setting called “%1”.</source>
            <translation>没有名为“%1”的设置。</translation>
        </message>
        <message>
            <source>%1: “%2” is not a number.</source>
            <translation>%1：“%2”不是数字。</translation>
        </message>
        <message>
            <source>%1 is from %2 to %3.</source>
            <translation>%1 应在 %2 到 %3 之间。</translation>
        </message>
        <message>
            <source>%1 is at most %2 characters.</source>
            <translation>%1 最多 %2 个字。</translation>
        </message>
        <message>
            <source>%1 is one line.</source>
            <translation>%1 只能写一行。</translation>
        </message>
        <message>
            <source>%1 is one of: %2.</source>
            <translation>%1 只能是：%2。</translation>
        </message>
        <message>
            <source>%1: days of the month from 1 to 31, such as 8 or 8, 18.</source>
            <translation>%1：每月 1 到 31 号，例如 8 或 8, 18。</translation>
        </message>
        <message>
            <source>%1 is on or off.</source>
            <translation>%1 只能是开或关。</translation>
        </message>
        <message>
            <source>%1 must be a PNG or JPEG picture.</source>
            <translation>%1 必须是 PNG 或 JPEG 图片。</translation>
        </message>
        <message>
            <source>%1 is at most 2 MB; choose a smaller picture.</source>
            <translation>%1 最大 2 MB，请选一张小一点的图片。</translation>
        </message>
        <message>
            <source>%1: the file %2 cannot be read.</source>
            <translation>%1：无法读取文件 %2。</translation>
        </message>
        <message>
            <source>These earning rules do not fit together; check the Points and Levels section.</source>
            <translation>这些积分规则互相矛盾，请检查“积分与等级”。</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>Set Up Your Shop</source>
            <translation>设置你的门店</translation>
        </message>
        <message>
            <source>Skip for Now</source>
            <translation>暂时跳过</translation>
        </message>
        <message>
            <source>Start Using sqdesk</source>
            <translation>开始使用 sqdesk</translation>
        </message>
        <message>
            <source>Your shop</source>
            <translation>你的门店</translation>
        </message>
        <message>
            <source>Posts greet members with these. Leave out what you do not want shown: a line with nothing to show is left out of a post.</source>
            <translation>发帖时会用到这些信息。不想显示的可以不填：没有内容的那一行不会出现在帖子里。</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>The usual rules are filled in: a point per yuan, and double points on the member day. Everything else about points is in Settings.</source>
            <translation>已填好常用规则：每消费 1 元积 1 分，会员日双倍积分。其他积分规则在“设置”里。</translation>
        </message>
        <message>
            <source>Getting started</source>
            <translation>开始</translation>
        </message>
        <message>
            <source>The group QR code is optional: printed cards and posters use it.</source>
            <translation>社群二维码可不填：打印会员卡和海报时会用到。</translation>
        </message>
        <message>
            <source>Add the starter plan to the calendar</source>
            <translation>把入门活动计划加到日历</translation>
        </message>
        <message>
            <source>The daily morning post, the weekly topics, the monthly member day and the yearly fan festival: edit or delete any of it later.</source>
            <translation>每日早报、每周话题、每月会员日和年度粉丝节，之后都可以修改或删除。</translation>
        </message>
        <message numerus="yes">
            <source>%n ready-made post templates (welcome, morning report, birthday wishes…) are on the Posts page.</source>
            <translation>
                <numerusform>“帖子”页已备好 %n 个模板（欢迎、早报、生日祝福…）。</numerusform>
            </translation>
        </message>
        <message>
            <source>Your morning report</source>
            <translation>你的早报</translation>
        </message>
    </context>
    <context>
        <name>StoreMessages</name>
        <message>
            <source>There is no folder %1.</source>
            <translation>没有文件夹 %1。</translation>
        </message>
        <message>
            <source>Only a store file can be moved to PostgreSQL.</source>
            <translation>只有数据文件才能迁移到 PostgreSQL。</translation>
        </message>
        <message>
            <source>The address is not a PostgreSQL server's.</source>
            <translation>这个地址不是 PostgreSQL 服务器的。</translation>
        </message>
        <message>
            <source>That PostgreSQL database already holds members: move into an empty one.</source>
            <translation>那个 PostgreSQL 数据库里已经有会员了：请迁移到一个空数据库。</translation>
        </message>
        <message>
            <source>The copy in PostgreSQL differs from the file (%1): do not use it; the file is as it was.</source>
            <translation>PostgreSQL 里的副本和文件不一致（%1）：请不要使用它；文件保持原样。</translation>
        </message>
        <message>
            <source>The disk is full: nothing of this was saved, and the store is as it was. Free some space (old backups, downloads) and try again.</source>
            <translation>磁盘满了：这次的内容没有保存，数据保持原样。请清理一些空间（旧备份、下载的文件）后再试。</translation>
        </message>
        <message>
            <source>The store file cannot be written any more (it was made read-only, or the USB stick was pulled out): nothing of this was saved.</source>
            <translation>数据文件现在无法写入（被设成了只读，或者 U 盘被拔掉了）：这次的内容没有保存。</translation>
        </message>
        <message>
            <source>A backup could not be written to %1: %2</source>
            <translation>备份无法写入 %1：%2</translation>
        </message>
        <message>
            <source>The backup copy failed its check (%1) and was deleted; the older copies are kept.</source>
            <translation>这份备份没通过检查（%1），已删除；之前的备份都保留着。</translation>
        </message>
        <message>
            <source>%1 did not give back the copy it was packed from, so the copy was kept as it was.</source>
            <translation>%1 解压后与原备份不一致，原备份已原样保留。</translation>
        </message>
        <message>
            <source>%1 is not a sqdesk store (not a database file).</source>
            <translation>%1 不是 sqdesk 数据文件（不是数据库文件）。</translation>
        </message>
        <message>
            <source>%1 cannot be read: %2.</source>
            <translation>无法读取 %1：%2。</translation>
        </message>
        <message>
            <source>%1 needs an upgrade, which a read-only copy cannot do. Open it in the copy of sqdesk that has it open.</source>
            <translation>%1 需要升级，只读打开时无法升级。请在已打开它的那个 sqdesk 里操作。</translation>
        </message>
        <message>
            <source>There is no store at %1.</source>
            <translation>%1 处没有数据文件。</translation>
        </message>
        <message>
            <source>%1 cannot be opened: %2.</source>
            <translation>无法打开 %1：%2。</translation>
        </message>
        <message>
            <source>%1 is open read-only: nothing can be changed.</source>
            <translation>%1 以只读方式打开，不能做任何修改。</translation>
        </message>
        <message>
            <source>The store could not be upgraded: some of its rows refer to rows that are not there (%1). It was left exactly as it was; restore a backup copy, or keep using the version of sqdesk it came from.</source>
            <translation>数据文件无法升级：其中有些记录指向了不存在的记录（%1）。文件已原样保留，未做任何改动；请恢复一份备份，或继续使用原来版本的 sqdesk。</translation>
        </message>
        <message>
            <source>The store %1 was saved by a newer version of sqdesk. Update sqdesk to open it; the file was not changed.</source>
            <translation>数据文件 %1 由更新版本的 sqdesk 保存。请先升级 sqdesk 再打开；文件没有被改动。</translation>
        </message>
        <message>
            <source>%1 is damaged (%2).</source>
            <translation>%1 已损坏（%2）。</translation>
        </message>
        <message>
            <source>%1 is not a sqdesk store.</source>
            <translation>%1 不是 sqdesk 数据文件。</translation>
        </message>
        <message>
            <source>%1 is a folder. Choose a store file in it, or a new file name.</source>
            <translation>%1 是一个文件夹。请选择其中的数据文件，或输入新的文件名。</translation>
        </message>
        <message>
            <source>%1 is neither a file nor a database address.</source>
            <translation>%1 既不是文件，也不是数据库地址。</translation>
        </message>
        <message>
            <source>sqdesk keeps its data in a SQLite file or on a PostgreSQL server, not in %1.</source>
            <translation>sqdesk 的数据保存在 SQLite 文件或 PostgreSQL 服务器上，不支持 %1。</translation>
        </message>
        <message>
            <source>%1 is open in another copy of sqdesk.</source>
            <translation>%1 正被另一个 sqdesk 使用。</translation>
        </message>
        <message>
            <source>%1 is open in sqdesk on %2 (user %3) since %4.</source>
            <translation>%1 正在电脑 %2（用户 %3）上的 sqdesk 中打开，自 %4 起。</translation>
        </message>
        <message>
            <source>The store is in use</source>
            <translation>门店数据正在使用中</translation>
        </message>
        <message>
            <source>Two copies changing one store at once could lose work. Open it read-only to look and search, or close the other copy first.</source>
            <translation>两个 sqdesk 同时修改同一份数据可能丢失内容。可以只读打开来查看和搜索，或先关闭另一个 sqdesk。</translation>
        </message>
        <message>
            <source>Open Read-Only</source>
            <translation>只读打开</translation>
        </message>
        <message>
            <source>sqdesk cannot open the store</source>
            <translation>sqdesk 无法打开门店数据</translation>
        </message>
        <message>
            <source>To work meanwhile, open another store: the shop's file on this PC, or a copy. Or quit, and start sqdesk again once this store can be opened.</source>
            <translation>想先干活的话，可以打开别的门店数据：本机上的门店文件，或者一份备份。也可以先退出，等这份数据能打开了再启动 sqdesk。</translation>
        </message>
        <message>
            <source>Open Another Store…</source>
            <translation>打开别的门店数据…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
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
        <name>TagsDialog</name>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会员数</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>New Group…</source>
            <translation>新建分组…</translation>
        </message>
        <message>
            <source>New Tag…</source>
            <translation>新建标签…</translation>
        </message>
        <message>
            <source>Rename…</source>
            <translation>重命名…</translation>
        </message>
        <message>
            <source>Colour…</source>
            <translation>颜色…</translation>
        </message>
        <message>
            <source>Merge Into…</source>
            <translation>合并到…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source> (one per member)</source>
            <translation>（每位会员只能有一个）</translation>
        </message>
        <message>
            <source>Group added.</source>
            <translation>已添加分组。</translation>
        </message>
        <message>
            <source>New Group</source>
            <translation>新建分组</translation>
        </message>
        <message>
            <source>Name of the tag group:</source>
            <translation>标签分组名称：</translation>
        </message>
        <message>
            <source>Tag added.</source>
            <translation>已添加标签。</translation>
        </message>
        <message>
            <source>New Tag</source>
            <translation>新建标签</translation>
        </message>
        <message>
            <source>Name of the tag:</source>
            <translation>标签名称：</translation>
        </message>
        <message>
            <source>Renamed.</source>
            <translation>已重命名。</translation>
        </message>
        <message>
            <source>Rename Tag</source>
            <translation>重命名标签</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>新名称：</translation>
        </message>
        <message>
            <source>Merge Tag</source>
            <translation>合并标签</translation>
        </message>
        <message>
            <source>Everyone with this tag gets the tag below; this one goes:</source>
            <translation>有这个标签的会员都会换成下面的标签，这个标签随后删除：</translation>
        </message>
        <message numerus="yes">
            <source>Merged: %n member(s) moved.</source>
            <translation>
                <numerusform>已合并：移动了 %Ln 位会员。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete Tag</source>
            <translation>删除标签</translation>
        </message>
        <message numerus="yes">
            <source>Delete %1? It is removed from %n member(s).</source>
            <translation>
                <numerusform>删除“%1”吗？会从 %Ln 位会员身上移除。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Deleted %1.</source>
            <translation>已删除“%1”。</translation>
        </message>
        <message>
            <source>Restored.</source>
            <translation>已恢复。</translation>
        </message>
    </context>
    <context>
        <name>TemplateView</name>
        <message>
            <source>Click to edit the text</source>
            <translation>点击编辑原文</translation>
        </message>
    </context>
    <context>
        <name>ThresholdsDialog</name>
        <message>
            <source>Segment Thresholds</source>
            <translation>分层标准</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source> visits</source>
            <translation> 次</translation>
        </message>
        <message>
            <source>New: joined within</source>
            <translation>新手：入会不超过</translation>
        </message>
        <message>
            <source>Active: visits in the last 30 days, at least</source>
            <translation>活跃潜力：近 30 天到店至少</translation>
        </message>
        <message>
            <source>Core loyal: visits in 90 days, at least</source>
            <translation>核心忠诚：近 90 天到店至少</translation>
        </message>
        <message>
            <source>Core loyal: and spent in 12 months, at least</source>
            <translation>核心忠诚：且近 12 个月消费至少</translation>
        </message>
        <message>
            <source>Dormant: no visit for</source>
            <translation>沉睡：未到店达</translation>
        </message>
        <message>
            <source>Lapsed: no visit for</source>
            <translation>衰退：未到店达</translation>
        </message>
        <message>
            <source>High value: spent in 12 months, at least</source>
            <translation>高价值：近 12 个月消费至少</translation>
        </message>
        <message>
            <source>Rising: last 3 months' spend over the 3 before, ×</source>
            <translation>潜力：近 3 个月消费是之前 3 个月的倍数 ×</translation>
        </message>
        <message>
            <source>Rising: and spent in the last 3 months, at least</source>
            <translation>潜力：且近 3 个月消费至少</translation>
        </message>
        <message>
            <source>VIP eligible: visits in one calendar month</source>
            <translation>可邀 VIP：一个自然月内到店</translation>
        </message>
        <message>
            <source>VIP eligible: or one purchase of at least</source>
            <translation>可邀 VIP：或单笔消费至少</translation>
        </message>
        <message>
            <source>Segments are always worked out from the members' visits with these numbers; changing them changes who is in each at once.</source>
            <translation>分层总是按这些标准从会员的到店记录算出来；改了标准，各分层的成员马上跟着变。</translation>
        </message>
    </context>
    <context>
        <name>TimelinePanel</name>
        <message>
            <source>Everything</source>
            <translation>全部</translation>
        </message>
        <message>
            <source>Search this member's notes</source>
            <translation>搜索这位会员的记录</translation>
        </message>
        <message>
            <source>Nothing here yet.</source>
            <translation>还没有记录。</translation>
        </message>
        <message>
            <source>Show Older</source>
            <translation>显示更早的</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>到店</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Groups</source>
            <translation>社群</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>文案</translation>
        </message>
        <message>
            <source>No note about this member says “%1”.</source>
            <translation>这位会员没有记录提到“%1”。</translation>
        </message>
        <message>
            <source>📝 %1: %2</source>
            <translation>📝 %1：%2</translation>
        </message>
        <message>
            <source>Edit Note…</source>
            <translation>修改记录…</translation>
        </message>
        <message>
            <source>Add an Amendment…</source>
            <translation>补充记录…</translation>
        </message>
        <message>
            <source>📝 Amendment: %1</source>
            <translation>📝 补充：%1</translation>
        </message>
        <message>
            <source>🧾 Visit, %1 (%2)</source>
            <translation>🧾 到店消费 %1（%2）</translation>
        </message>
        <message>
            <source>⭐ %1 points, %2</source>
            <translation>⭐ %1 积分，%2</translation>
        </message>
        <message>
            <source>🎉 Took part: %1</source>
            <translation>🎉 参加了：%1</translation>
        </message>
        <message>
            <source>👥 Joined %1</source>
            <translation>👥 加入 %1</translation>
        </message>
        <message>
            <source>👥 Left %1</source>
            <translation>👥 离开 %1</translation>
        </message>
        <message>
            <source>💬 Post copied: %1</source>
            <translation>💬 发了文案：%1</translation>
        </message>
    </context>
    <context>
        <name>TodayPage</name>
        <message>
            <source>Today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>Today's activities and tasks</source>
            <translation>今天的活动和任务</translation>
        </message>
        <message>
            <source>Coming up: tomorrow's warm-ups</source>
            <translation>明天要准备的</translation>
        </message>
        <message>
            <source>Birthdays this week</source>
            <translation>本周生日</translation>
        </message>
        <message>
            <source>Keep an eye on</source>
            <translation>需要留意</translation>
        </message>
        <message>
            <source>Posts to copy today</source>
            <translation>今天要发的文案</translation>
        </message>
        <message>
            <source>Send Greetings…</source>
            <translation>发生日祝福…</translation>
        </message>
        <message>
            <source>A birthday greeting for each of them, one by one</source>
            <translation>逐个给他们发生日祝福</translation>
        </message>
        <message>
            <source>Open the Calendar</source>
            <translation>打开活动日历</translation>
        </message>
        <message>
            <source>New Note…</source>
            <translation>新建记录…</translation>
        </message>
        <message>
            <source>Write down what a member said (Ctrl+J)</source>
            <translation>记下会员说的话（Ctrl+J）</translation>
        </message>
        <message>
            <source>Nothing planned today. Open the Calendar to plan activities (or add the starter plan).</source>
            <translation>今天没有安排。打开活动日历来安排活动（或添加入门方案）。</translation>
        </message>
        <message numerus="yes">
            <source>overdue %n day(s)</source>
            <translation>
                <numerusform>逾期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>📝 Follow up %1: %2 (%3)</source>
            <translation>📝 跟进 %1：%2（%3）</translation>
        </message>
        <message>
            <source>New Note about Them…</source>
            <translation>为这位会员新建记录…</translation>
        </message>
        <message>
            <source>Tomorrow %1  %2</source>
            <translation>明天 %1  %2</translation>
        </message>
        <message>
            <source>Nothing to prepare for tomorrow.</source>
            <translation>明天没有要准备的。</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>(lunar)</source>
            <translation>（农历）</translation>
        </message>
        <message>
            <source>No birthdays the rest of this week.</source>
            <translation>本周余下几天没有会员过生日。</translation>
        </message>
        <message>
            <source>The backup folder %1 is missing (a USB stick not plugged in?): copies go beside the store until it is back.</source>
            <translation>备份文件夹 %1 找不到了（U 盘没插？）：在它回来之前，备份先存到数据文件旁边。</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) you are losing touch with: no contact of any kind for a while. Say hello…</source>
            <translation>
                <numerusform>%n 位会员快要失联：有一阵子没有任何联系。去打个招呼…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) have a coupon that expires within 7 days: remind them one by one…</source>
            <translation>
                <numerusform>%n 位会员的优惠券将在 7 天内到期：逐个提醒…</numerusform>
            </translation>
        </message>
        <message>
            <source>All clear: no group QR code about to expire.</source>
            <translation>一切正常：没有快过期的群二维码。</translation>
        </message>
        <message>
            <source>%1 points of %2 members expire within 7 days: a good reason to remind them.</source>
            <translation>%2 位会员共 %1 积分将在 7 天内过期：正好提醒他们来用。</translation>
        </message>
        <message>
            <source>Coupons expiring this week</source>
            <translation>本周到期的优惠券</translation>
        </message>
    </context>
    <context>
        <name>TodayPosts</name>
        <message numerus="yes">
            <source>… and %n more: open them from the list of today's activities.</source>
            <translation>
                <numerusform>……还有 %n 条：从今天的活动列表里打开。</numerusform>
            </translation>
        </message>
        <message>
            <source>Morning report</source>
            <translation>早报</translation>
        </message>
        <message>
            <source>✓ copied %1</source>
            <translation>✓ %1 已复制</translation>
        </message>
        <message>
            <source>✓ done</source>
            <translation>✓ 已完成</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>预览…</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Put “%1” on the clipboard, ready to paste in WeChat</source>
            <translation>把「%1」复制到剪贴板，去微信粘贴</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <source>Record Visit</source>
            <translation>记录到店消费</translation>
        </message>
        <message>
            <source>Scan the card, or type a code, mobile tail or name</source>
            <translation>扫会员卡，或输入会员码、手机尾号、姓名</translation>
        </message>
        <message>
            <source>amount in yuan, e.g. 38.5</source>
            <translation>金额（元），例如 38.5</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会员</translation>
        </message>
        <message>
            <source>Amount (¥)</source>
            <translation>金额（元）</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>优惠券</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Not a valid member code: check the digits.</source>
            <translation>不是有效的会员码，请核对数字。</translation>
        </message>
        <message>
            <source>No member has the code %1.</source>
            <translation>没有会员码为 %1 的会员。</translation>
        </message>
        <message>
            <source>No member matches “%1”.</source>
            <translation>没有会员匹配“%1”。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2 · balance %3 points</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2 · 余额 %3 积分</translation>
        </message>
        <message>
            <source>%1 · until %2 · %3</source>
            <translation>%1 · 到 %2 · %3</translation>
        </message>
        <message>
            <source>Click a coupon to use it.</source>
            <translation>点一下优惠券即可使用。</translation>
        </message>
        <message>
            <source>%1: type the bill before the discount.</source>
            <translation>%1：请输入优惠前的金额。</translation>
        </message>
        <message>
            <source>%1 needs a bill of at least ¥%2.</source>
            <translation>%1 需消费满 ¥%2。</translation>
        </message>
        <message>
            <source>Coupon −¥%1: to pay ¥%2</source>
            <translation>优惠券 −¥%1：应付 ¥%2</translation>
        </message>
        <message>
            <source>Coupon −¥%1, paid ¥%2.</source>
            <translation>优惠券 −¥%1，实付 ¥%2。</translation>
        </message>
    </context>
    <context>
        <name>VisitsPanel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Spent</source>
            <translation>消费</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Channel</source>
            <translation>渠道</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>No visits yet.</source>
            <translation>还没有到店记录。</translation>
        </message>
        <message>
            <source>Show Older Visits</source>
            <translation>显示更早的到店记录</translation>
        </message>
        <message>
            <source>(undone)</source>
            <translation>（已撤销）</translation>
        </message>
    </context>
    <context>
        <name>YearReportWords</name>
        <message>
            <source>%1 in review</source>
            <translation>%1 年度报告</translation>
        </message>
        <message>
            <source>1 January to 31 December %1</source>
            <translation>%1 年 1 月 1 日至 12 月 31 日</translation>
        </message>
        <message>
            <source>1 January to %1 (the year so far)</source>
            <translation>1 月 1 日至 %1（本年至今）</translation>
        </message>
        <message>
            <source>Visits (bars) and spend (line), month by month</source>
            <translation>每月到店次数（柱）与消费额（线）</translation>
        </message>
        <message>
            <source>Month %1</source>
            <translation>%1月</translation>
        </message>
        <message>
            <source>The best of the year</source>
            <translation>年度之最</translation>
        </message>
        <message>
            <source>Best month: %1 (spend)</source>
            <translation>消费最高的月份：%1</translation>
        </message>
        <message>
            <source>Most attended activities</source>
            <translation>参与最多的活动</translation>
        </message>
        <message>
            <source>No one took part in an activity this year.</source>
            <translation>今年还没有人参加活动。</translation>
        </message>
        <message>
            <source>Top referrers</source>
            <translation>推荐最多的会员</translation>
        </message>
        <message>
            <source>No member was referred this year.</source>
            <translation>今年没有会员被推荐入会。</translation>
        </message>
        <message>
            <source>Members who reached a level</source>
            <translation>升级的会员</translation>
        </message>
        <message>
            <source>No one reached a new level this year.</source>
            <translation>今年没有会员升级。</translation>
        </message>
        <message>
            <source>Why members stopped coming</source>
            <translation>会员流失的原因</translation>
        </message>
        <message>
            <source>No note this year says why a member stopped coming.</source>
            <translation>今年没有记录会员流失原因的笔记。</translation>
        </message>
        <message>
            <source>Not said</source>
            <translation>没说原因</translation>
        </message>
        <message>
            <source>%1 times</source>
            <translation>%1 人次</translation>
        </message>
        <message>
            <source>%1 members</source>
            <translation>%1 位会员</translation>
        </message>
        <message>
            <source>%1 members (%2)</source>
            <translation>%1 位会员（%2）</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Opening the store…</source>
            <translation>正在打开门店数据…</translation>
        </message>
        <message>
            <source>Connecting to the server…</source>
            <translation>正在连接服务器…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Open Another Store</source>
            <translation>打开别的门店数据</translation>
        </message>
        <message>
            <source>Making a demo store with %1 members…</source>
            <translation>正在生成含 %1 位会员的演示数据…</translation>
        </message>
        <message>
            <source>The upgrade was stopped before it changed anything: the store is as it was. sqdesk needs the upgrade to open it; start sqdesk again when there are a few minutes to wait.</source>
            <translation>升级在做出任何改动之前已停止：门店数据保持原样。sqdesk 需要升级后才能打开它；有几分钟空闲时再启动 sqdesk。</translation>
        </message>
        <message>
            <source>Stopped connecting to %1: that store was not opened.</source>
            <translation>已停止连接 %1：那份门店数据没有打开。</translation>
        </message>
    </context>
    <context>
        <name>finder</name>
        <message>
            <source> (archived)</source>
            <translation>（已归档）</translation>
        </message>
    </context>
</TS>
