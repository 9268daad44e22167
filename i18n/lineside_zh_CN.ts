<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../widgets/about.py" line="+35" />
        <source>installed bundle</source>
        <translation>已安装的程序包</translation>
    </message>
    <message>
        <location line="+1" />
        <source>source</source>
        <translation>源代码</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Site</source>
        <translation>工厂</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Site file</source>
        <translation>工厂配置文件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Store</source>
        <translation>本地存储</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Runtime</source>
        <translation>运行时</translation>
    </message>
    <message>
        <location line="+35" />
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version and installation of this terminal</source>
        <translation>本终端的版本与安装</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="+169" />
        <source>Alarm banner</source>
        <translation>报警栏</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+106" />
        <source>ALARM FLOOD</source>
        <translation>报警泛滥</translation>
    </message>
    <message>
        <location line="-55" />
        <source>Alarms not available</source>
        <translation>报警不可用</translation>
    </message>
    <message>
        <location line="+19" />
        <source>No active alarms</source>
        <translation>无活动报警</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unack: %n</source>
        <translation>未确认：%n</translation>
    </message>
</context>
<context>
    <name>AlarmEvent</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="+719" />
        <source>activated</source>
        <translation>触发</translation>
    </message>
    <message>
        <location line="+1" />
        <source>returned to normal</source>
        <translation>恢复正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unshelved</source>
        <translation>已取消搁置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelving expired</source>
        <translation>搁置到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>suppressed by design</source>
        <translation>按设计抑制</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no longer suppressed</source>
        <translation>不再抑制</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taken out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>returned to service</source>
        <translation>已恢复使用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>chattering</source>
        <translation>抖动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>chattering ended</source>
        <translation>抖动结束</translation>
    </message>
    <message>
        <location line="+1" />
        <source>alarm flood began</source>
        <translation>报警泛滥开始</translation>
    </message>
    <message>
        <location line="+1" />
        <source>alarm flood ended</source>
        <translation>报警泛滥结束</translation>
    </message>
</context>
<context>
    <name>AlarmKpi</name>
    <message>
        <location filename="../widgets/alarm_kpi.py" line="+48" />
        <source>acceptable</source>
        <translation>可接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>manageable</source>
        <translation>可控</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OVERLOADED</source>
        <translation>过载</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{n} s</source>
        <translation>{n} 秒</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} min</source>
        <translation>{n} 分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} h</source>
        <translation>{n} 小时</translation>
    </message>
    <message>
        <location line="+97" />
        <source>High (P1-2)</source>
        <translation>高 (P1-2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Medium (P3)</source>
        <translation>中 (P3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Low (P4)</source>
        <translation>低 (P4)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{share} % (target {target} %)</source>
        <translation>{share} %（目标 {target} %）</translation>
    </message>
    <message>
        <location line="+62" />
        <source>No journal: this terminal has no store</source>
        <translation>无日志：本终端没有本地存储</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Could not compute: {e}</source>
        <translation>无法计算：{e}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>updated {t}</source>
        <translation>更新于 {t}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Per 10 min, per operator</source>
        <translation>每 10 分钟每位操作员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{load} · target 1, at most 2</source>
        <translation>{load} · 目标 1，最多 2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Per hour</source>
        <translation>每小时</translation>
    </message>
    <message>
        <location line="+1" />
        <source>target 6, at most 12 · {n} in all</source>
        <translation>目标 6，最多 12 · 共 {n}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Busiest 10 min</source>
        <translation>最繁忙的 10 分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a flood is more than 10</source>
        <translation>超过 10 个即为报警泛滥</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Time in flood</source>
        <translation>报警泛滥时间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{share} % · target under 1 %</source>
        <translation>{share} % · 目标低于 1 %</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Chattering</source>
        <translation>抖动报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>3 in a minute · target 0</source>
        <translation>每分钟 3 次 · 目标 0</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stale (over 24 h)</source>
        <translation>陈旧报警（超过 24 小时）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>target 0</source>
        <translation>目标 0</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} times in the period</source>
        <translation>期间内 {n} 次</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+1" />
        <source>review each one</source>
        <translation>逐一检查</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The 10 most frequent alarms: {share} % of all</source>
        <translation>最频繁的 10 个报警：占全部的 {share} %</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Alarm performance, last {h} h</source>
        <translation>报警绩效，最近 {h} 小时</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority mix (target 5 / 15 / 80 %)</source>
        <translation>优先级构成（目标 5 / 15 / 80 %）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The 10 most frequent alarms</source>
        <translation>最频繁的 10 个报警</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Alarm KPIs could not be computed: {e}</source>
        <translation>无法计算报警指标：{e}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last 24 h: {r10} alarms per 10 min ({load}) · {r60} per hour · flood {flood} · chattering {chat} · stale {stale} · shelved {shelved} · out of service {oos}</source>
        <translation>最近 24 小时：每 10 分钟 {r10} 个报警（{load}）· 每小时 {r60} · 泛滥 {flood} · 抖动 {chat} · 陈旧 {stale} · 搁置 {shelved} · 停用 {oos}</translation>
    </message>
</context>
<context>
    <name>AlarmState</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="-211" />
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cleared, unacknowledged</source>
        <translation>已消除，未确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suppressed</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
</context>
<context>
    <name>AlarmTable</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="-639" />
        <source>%n min</source>
        <translation>%n 分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n h</source>
        <translation>%n 小时</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Sign in to %1</source>
        <translation>请登录后再%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your role (%1) may not %2</source>
        <translation>您的角色（%1）无权%2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_journal.py" line="+50" />
        <location filename="../widgets/alarm_table.py" line="+0" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-1" />
        <location filename="../widgets/alarm_table.py" line="+1" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../widgets/alarm_table.py" line="+0" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_table.py" line="+1" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+63" />
        <source>first out</source>
        <translation>首发报警</translation>
    </message>
    <message>
        <location line="+2" />
        <source>chattering</source>
        <translation>抖动</translation>
    </message>
    <message>
        <location line="+2" />
        <source>until %1 (%2)</source>
        <translation>至 %1（%2）</translation>
    </message>
    <message>
        <location line="+31" />
        <location line="+145" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="-142" />
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+432" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="-431" />
        <location line="+460" />
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location line="-459" />
        <source>Suppressed</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+454" />
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="-453" />
        <source>All defined</source>
        <translation>全部已定义</translation>
    </message>
    <message>
        <location line="+60" />
        <location line="+28" />
        <source>Shelve</source>
        <translation>搁置</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2" />
        <source>For how long</source>
        <translation>持续时间</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Take out of service: %1</source>
        <translation>停用：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelve: %1</source>
        <translation>搁置：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Take out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_journal.py" line="+1" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message</source>
        <translation>信息</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No journal: this terminal has no local store</source>
        <translation>无日志：此终端没有本地存储</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The journal could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%n entries</source>
        <translation>%n 条记录</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_table.py" line="+32" />
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Priority %1</source>
        <translation>优先级 %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Search alarms</source>
        <translation>搜索报警</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Journal</source>
        <translation>日志</translation>
    </message>
    <message>
        <location line="+38" />
        <source>History of the selected alarm</source>
        <translation>所选报警的历史记录</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledge all visible</source>
        <translation>确认全部可见报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelve…</source>
        <translation>搁置…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unshelve</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Out of service…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return to service</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Alarms not available</source>
        <translation>报警不可用</translation>
    </message>
    <message>
        <location line="+90" />
        <source>Camera {camera} at {time}</source>
        <translation>摄像头 {camera}，{time}</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+3" />
        <source>acknowledge alarms</source>
        <translation>确认报警</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Select an unacknowledged alarm</source>
        <translation>请选择一条未确认报警</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No unacknowledged alarm is shown</source>
        <translation>当前没有显示未确认报警</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+4" />
        <source>shelve alarms</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Select an alarm to shelve</source>
        <translation>请选择要搁置的报警</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Select a shelved alarm</source>
        <translation>请选择已搁置的报警</translation>
    </message>
    <message>
        <location line="+4" />
        <source>take alarms out of service</source>
        <translation>停用报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select an alarm in service</source>
        <translation>请选择在用的报警</translation>
    </message>
    <message>
        <location line="+3" />
        <source>return alarms to service</source>
        <translation>恢复使用报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select an alarm out of service</source>
        <translation>请选择已停用的报警</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%n acknowledged</source>
        <translation>已确认 %n 条</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Returned to service</source>
        <translation>已恢复使用</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unshelved</source>
        <translation>已取消搁置</translation>
    </message>
</context>
<context>
    <name>Andon</name>
    <message>
        <location filename="../widgets/andon.py" line="+40" />
        <source>Machine</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Material</source>
        <translation>物料</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location line="+4" />
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taken</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Station: %1</source>
        <translation>工位：%1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What is the problem? One touch sends it.</source>
        <translation>什么问题？点一下即发送。</translation>
    </message>
    <message>
        <location line="+41" />
        <location line="+79" />
        <source>Report a problem</source>
        <translation>报告问题</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Problems (andon)</source>
        <translation>问题（安灯）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Take</source>
        <translation>接单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close as fixed</source>
        <translation>已解决，关闭</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No andon board configured (needs a broker)</source>
        <translation>未配置安灯看板（需要消息代理）</translation>
    </message>
    <message>
        <location line="+9" />
        <source>taken by %1</source>
        <translation>由 %1 处理</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Sign in as maintenance or team lead to take problems</source>
        <translation>请以维修或班组长身份登录后接单</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 problem: you are on it</source>
        <translation>%1 问题：由您处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 problem closed</source>
        <translation>%1 问题已关闭</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 problem is open again</source>
        <translation>%1 问题已重新打开</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../widgets/application.py" line="+49" />
        <source>Your saved layout could not be read, so your role's default layout is shown. Saving a layout replaces it.</source>
        <translation>无法读取您保存的布局，现显示您角色的默认布局。保存布局即可替换。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your saved layout was made by a newer LineSide, so your role's default layout is shown until this terminal is updated.</source>
        <translation>您保存的布局来自更新版本的 LineSide，在本终端更新前显示您角色的默认布局。</translation>
    </message>
    <message>
        <location line="+91" />
        <source>Edit layout</source>
        <translation>编辑布局</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Local store problem: {problem}. Values are kept in memory and written when there is room again; messages this terminal cannot store are refused with a message. Tell plant IT.</source>
        <translation>本地存储故障：{problem}。数值暂存于内存，空间恢复后写入；无法保存的消息将被拒绝并提示。请通知工厂 IT。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The local store was damaged and has been replaced by a new one; what could be read was kept. Tell plant IT: {detail}.</source>
        <translation>本地存储已损坏，已换成新的存储；可读取的内容已保留。请通知工厂 IT：{detail}。</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not running: {services}. The rest of this terminal works; tell plant IT (details in the log).</source>
        <translation>未运行：{services}。本终端其余功能正常；请通知工厂 IT（详情见日志）。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="+4" />
        <source>About this terminal</source>
        <translation>关于本终端</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Edit my layout</source>
        <translation>编辑我的布局</translation>
    </message>
</context>
<context>
    <name>BarGauge</name>
    <message>
        <location filename="../widgets/gauge.py" line="+73" />
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../widgets/camera.py" line="+73" />
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NO SIGNAL</source>
        <translation>无信号</translation>
    </message>
    <message>
        <location line="+35" />
        <source>no picture for a while</source>
        <translation>一段时间没有画面</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{why} · reconnecting by itself</source>
        <translation>{why} · 正在自动重连</translation>
    </message>
    <message>
        <location line="+45" />
        <source>No cameras are configured ([[cameras]] in the site file)</source>
        <translation>未配置摄像头（工厂配置文件中的 [[cameras]]）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Unknown camera “{id}” (cameras: {known})</source>
        <translation>未知摄像头“{id}”（摄像头：{known}）</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../widgets/channels.py" line="+32" />
        <source>Production</source>
        <translation>生产</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Logistics</source>
        <translation>物流</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EHS</source>
        <translation>环境健康安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shift log</source>
        <translation>交接班记录</translation>
    </message>
    <message>
        <location line="+56" />
        <location line="+52" />
        <source>Write a message</source>
        <translation>写消息</translation>
    </message>
    <message>
        <location line="-51" />
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mention nobody</source>
        <translation>不提及任何部门</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mention %1</source>
        <translation>提及 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No station</source>
        <translation>无工位</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No channels on this terminal</source>
        <translation>本终端没有频道</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Sign in to write</source>
        <translation>登录后才能写</translation>
    </message>
    <message>
        <location line="+3" />
        <source>You write in %1 and the shift log</source>
        <translation>您可在 %1 和交接班记录中写消息</translation>
    </message>
</context>
<context>
    <name>EStopButton</name>
    <message>
        <location filename="../widgets/estop.py" line="+81" />
        <location line="+5" />
        <location line="+29" />
        <location line="+1" />
        <source>EMERGENCY STOP</source>
        <translation>急停</translation>
    </message>
</context>
<context>
    <name>EStopPanel</name>
    <message>
        <location line="+213" />
        <source>Reset refused: %s</source>
        <translation>复位被拒绝：%s</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Start refused: %s</source>
        <translation>启动被拒绝：%s</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Stop circuit (PLC): RUNNING</source>
        <translation>急停回路（PLC）：运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop circuit (PLC): STOPPED</source>
        <translation>急停回路（PLC）：已停止</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop circuit (PLC): RESET — line stopped, ready to start</source>
        <translation>急停回路（PLC）：已复位 — 产线停止，可启动</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop circuit (PLC): UNKNOWN — no read-back</source>
        <translation>急停回路（PLC）：未知 — 无回读</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stop requested — waiting for the PLC…</source>
        <translation>已请求停止 — 正在等待 PLC…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop confirmed by the PLC</source>
        <translation>PLC 已确认停止</translation>
    </message>
    <message>
        <location line="+5" />
        <source>STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP</source>
        <translation>停止未确认 — 请立即使用硬接线急停按钮</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>WARNING: THE LINE STARTS IN %n s — keep clear</source>
        <translation><numerusform>警告：产线将在 %n 秒后启动——请远离</numerusform></translation>
    </message>
    <message>
        <location line="+40" />
        <source>Supplements the hard-wired e-stop — does not replace it</source>
        <translation>仅作硬接线急停的补充 — 不能替代硬接线急停</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset…</source>
        <translation>复位…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start…</source>
        <translation>启动…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel start</source>
        <translation>取消启动</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Start the line? A pre-start warning of %1 s runs first. Make sure nobody is in a danger zone.</source>
        <translation>启动产线？先发出 %1 秒的启动预警。请确认危险区内无人。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Confirm start</source>
        <translation>确认启动</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reset the stop circuit? The line stays stopped until someone starts it. Make sure nobody is in a danger zone.</source>
        <translation>复位急停回路？产线保持停止，直到有人启动。请确认危险区内无人。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Confirm reset</source>
        <translation>确认复位</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>EStopWindow</name>
    <message>
        <location line="+64" />
        <source>Emergency stop</source>
        <translation>急停</translation>
    </message>
</context>
<context>
    <name>Energy</name>
    <message>
        <location filename="../widgets/energy_panel.py" line="+49" />
        <source>Live shift</source>
        <translation>当前班次</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1: let it sleep after %2 min idle</source>
        <translation>%1：空闲 %2 分钟后进入休眠</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: set back air and heat while the line stands</source>
        <translation>%1：产线停止时降低送风和加热</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stagger start-up after breaks and shift change</source>
        <translation>休息和换班后错峰启动</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 kWh drawn idle; %2 min of it more than %3 min into a stop, at %4 kW (asleep: %5 kW)</source>
        <translation>空闲时耗电 %1 kWh；其中 %2 分钟是在停机超过 %3 分钟之后，功率 %4 kW（休眠时：%5 kW）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Demand peaked at %1 kW against a contract limit of %2 kW</source>
        <translation>需量峰值 %1 kW，合同上限 %2 kW</translation>
    </message>
    <message>
        <location line="+91" />
        <source>Waiting for meter data</source>
        <translation>等待电表数据</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Recovered heat %1 kW</source>
        <translation>回收热量 %1 kW</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>电网</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PV</source>
        <translation>光伏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line</source>
        <translation>产线</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Nothing measured yet</source>
        <translation>尚无测量数据</translation>
    </message>
    <message>
        <location line="+55" />
        <source>kWh per vehicle, by hour</source>
        <translation>每辆车的 kWh（按小时）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No vehicles yet in this period</source>
        <translation>本期间尚无车辆</translation>
    </message>
    <message>
        <location line="+31" />
        <source>baseline %1</source>
        <translation>基准 %1</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Saves about %1 kWh, %2 %3 and %4 kg CO2e a week</source>
        <translation>每周约可节省 %1 kWh、%2 %3 和 %4 kg CO2e</translation>
    </message>
    <message>
        <location line="+15" />
        <source>On site</source>
        <translation>现场</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Needs a change on site; there is no switch for it</source>
        <translation>需要现场更改；没有相应开关</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Applied</source>
        <translation>已应用</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in as team lead, maintenance or supervisor to apply</source>
        <translation>请以班组长、维修或主管身份登录后应用</translation>
    </message>
    <message>
        <location line="+164" />
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What to change</source>
        <translation>建议改进</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This site configures no energy meters ([energy] in the site file)</source>
        <translation>本工厂未配置电表（工厂配置文件中的 [energy]）</translation>
    </message>
    <message>
        <location line="+35" />
        <source>better</source>
        <translation>更好</translation>
    </message>
    <message>
        <location line="+0" />
        <source>worse</source>
        <translation>更差</translation>
    </message>
    <message>
        <location line="+1" />
        <source>baseline %1 · %2 % %3</source>
        <translation>基准 %1 · %2 % %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>kWh per vehicle</source>
        <translation>每辆车的 kWh</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Idle now</source>
        <translation>当前空闲</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 stations standing, still drawing</source>
        <translation>%1 个工位停机但仍在耗电</translation>
    </message>
    <message>
        <location line="+2" />
        <source>every station producing</source>
        <translation>所有工位都在生产</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Idle waste</source>
        <translation>空闲浪费</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 % of %2 kWh</source>
        <translation>%2 kWh 中的 %1 %</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Renewable (PV)</source>
        <translation>可再生能源（光伏）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recovered heat %1 kWh</source>
        <translation>回收热量 %1 kWh</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CO2e per vehicle</source>
        <translation>每辆车 CO2e</translation>
    </message>
    <message>
        <location line="+2" />
        <source>market-based %1 kg</source>
        <translation>基于市场 %1 kg</translation>
    </message>
    <message>
        <location line="+2" />
        <source>peak %1 of %2 kW</source>
        <translation>峰值 %1 / %2 kW</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cost per vehicle</source>
        <translation>每辆车成本</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+84" />
        <source>Energy — %1</source>
        <translation>能源 — %1</translation>
    </message>
    <message>
        <location line="-83" />
        <source>%1 shift</source>
        <translation>%1 班</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Largest consumers</source>
        <translation>最大耗电设备</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Largest idle wastes</source>
        <translation>最大空闲浪费</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Nothing to change in this period</source>
        <translation>本期间无需更改</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Sending to the PLC…</source>
        <translation>正在发送到 PLC…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applied: %1</source>
        <translation>已应用：%1</translation>
    </message>
    <message>
        <location line="+41" />
        <source>line</source>
        <translation>产线</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No energy meters on this site</source>
        <translation>本工厂没有电表</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 kWh/vehicle</source>
        <translation>%1 kWh/辆</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Idle now: %1 kW</source>
        <translation>当前空闲：%1 kW</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Drawing %1 kW</source>
        <translation>耗电 %1 kW</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Idle this shift: %1 kWh</source>
        <translation>本班空闲：%1 kWh</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <location filename="../widgets/environment_panel.py" line="+41" />
        <source>within limit</source>
        <translation>在限值内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>on course to exceed</source>
        <translation>预计将超标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EXCEEDED</source>
        <translation>已超标</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1-min mean</source>
        <translation>%1 分钟均值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>daily mean</source>
        <translation>日均值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location line="+2" />
        <source>this month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location line="+87" />
        <source>projected %1</source>
        <translation>预测 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>limit %1</source>
        <translation>限值 %1</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Environment and permit limits</source>
        <translation>环境与许可限值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warnings, exceedances, anomalies</source>
        <translation>预警、超标、异常</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No environment monitoring configured</source>
        <translation>未配置环境监测</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Exceedance</source>
        <translation>超标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Early warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cause: %1 · done: %2 (%3)</source>
        <translation>原因：%1 · 措施：%2（%3）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Note cause…</source>
        <translation>填写原因…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Anomaly (%1) · %2: %3</source>
        <translation>异常（%1）· %2：%3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dismiss…</source>
        <translation>忽略…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No warnings, exceedances or anomalies in the last day</source>
        <translation>最近一天没有预警、超标或异常</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What was done</source>
        <translation>采取的措施</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save note</source>
        <translation>保存说明</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exceedance note</source>
        <translation>超标说明</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Why is it not a problem?</source>
        <translation>为什么这不是问题？</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Dismiss anomaly</source>
        <translation>忽略异常</translation>
    </message>
</context>
<context>
    <name>EsgReport</name>
    <message>
        <location filename="../widgets/esg_pdf.py" line="+38" />
        <source>ESG report</source>
        <translation>ESG 报告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <location line="+1" />
        <source>made</source>
        <translation>生成于</translation>
    </message>
    <message>
        <location line="+1" />
        <source>none in this period</source>
        <translation>本期间无</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Energy per day</source>
        <translation>每日能耗</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e per day (location-based)</source>
        <translation>每日 CO2e（基于地点）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 per day against its limit</source>
        <translation>%1 每日值与限值对比</translation>
    </message>
    <message>
        <location line="+2" />
        <source>over the limit on</source>
        <translation>超限日期</translation>
    </message>
    <message>
        <location filename="../app/environment/esg.py" line="+46" />
        <source>energy (kWh)</source>
        <translation>能耗 (kWh)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kWh per vehicle</source>
        <translation>每辆车 kWh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t CO2e (location-based)</source>
        <translation>t CO2e（基于地点）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t CO2e (market-based)</source>
        <translation>t CO2e（基于市场）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kg CO2e per vehicle</source>
        <translation>每辆车 kg CO2e</translation>
    </message>
    <message>
        <location line="+1" />
        <source>renewable share %</source>
        <translation>可再生能源占比 %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recovered kWh</source>
        <translation>回收 kWh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>idle share %</source>
        <translation>空闲占比 %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>waste (kg)</source>
        <translation>废弃物 (kg)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recycled %</source>
        <translation>回收利用 %</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+219" />
        <source>exceedances</source>
        <translation>超标次数</translation>
    </message>
    <message>
        <location line="-218" />
        <location line="+352" />
        <source>emergency stops</source>
        <translation>急停</translation>
    </message>
    <message>
        <location line="-351" />
        <source>hazard alarms</source>
        <translation>危险报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>safety reports</source>
        <translation>安全报告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>health alerts</source>
        <translation>健康预警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>median s to acknowledge</source>
        <translation>确认时间中位数（秒）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>exceedances with a note</source>
        <translation>有说明的超标</translation>
    </message>
    <message>
        <location line="+1" />
        <source>setpoint changes</source>
        <translation>设定值更改</translation>
    </message>
    <message>
        <location line="+163" />
        <source>Energy and greenhouse gases</source>
        <translation>能源与温室气体</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+178" />
        <location line="+17" />
        <location line="+100" />
        <location filename="../app/environment/esg_daily.py" line="+67" />
        <source>figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="-294" />
        <location line="+194" />
        <location line="+61" />
        <location line="+39" />
        <location filename="../app/environment/esg_daily.py" line="+1" />
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="-293" />
        <location line="+42" />
        <location filename="../app/environment/esg_daily.py" line="+1" />
        <source>unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location line="-38" />
        <source>energy used</source>
        <translation>能耗</translation>
    </message>
    <message>
        <location line="+1" />
        <source>vehicles produced</source>
        <translation>生产车辆</translation>
    </message>
    <message>
        <location line="+1" />
        <source>energy per vehicle</source>
        <translation>每辆车能耗</translation>
    </message>
    <message>
        <location line="+2" />
        <source>idle energy (nothing produced)</source>
        <translation>空闲能耗（未生产）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>renewable share (own PV)</source>
        <translation>可再生能源占比（自有光伏）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>recovered heat</source>
        <translation>回收热量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>grid import</source>
        <translation>电网购电</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e location-based</source>
        <translation>CO2e（基于地点）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e market-based</source>
        <translation>CO2e（基于市场）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CO2e per vehicle (location)</source>
        <translation>每辆车 CO2e（基于地点）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>peak demand</source>
        <translation>需量峰值</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Emissions against permit limits</source>
        <translation>排放与许可限值对比</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+61" />
        <location line="+152" />
        <location filename="../app/environment/esg_daily.py" line="-4" />
        <source>parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="-212" />
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+214" />
        <location filename="../widgets/esg_pdf.py" line="-1" />
        <source>limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <location line="-212" />
        <source>period value</source>
        <translation>期间值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>maximum</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location line="+2" />
        <source>early warnings</source>
        <translation>预警次数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>good data %</source>
        <translation>有效数据 %</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Waste by category</source>
        <translation>按类别的废弃物</translation>
    </message>
    <message>
        <location line="+2" />
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recycled</source>
        <translation>回收利用</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Anomalies found</source>
        <translation>发现的异常</translation>
    </message>
    <message>
        <location line="+2" />
        <source>found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+152" />
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="-151" />
        <source>evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+253" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-252" />
        <source>reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+37" />
        <source>danger-zone intrusions</source>
        <translation>进入危险区</translation>
    </message>
    <message>
        <location line="+2" />
        <source>hazardous gas alarms</source>
        <translation>有害气体报警</translation>
    </message>
    <message>
        <location line="+2" />
        <source>smoke alarms</source>
        <translation>烟雾报警</translation>
    </message>
    <message>
        <location line="+2" />
        <source>other hazard alarms</source>
        <translation>其他危险报警</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Safety (no personal data)</source>
        <translation>安全（不含个人数据）</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+131" />
        <source>count</source>
        <translation>次数</translation>
    </message>
    <message>
        <location line="-126" />
        <source>safety problems reported (andon)</source>
        <translation>报告的安全问题（安灯）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Health alerts per shift</source>
        <translation>每班健康预警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location line="+0" />
        <source>alerts</source>
        <translation>预警数</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Time to acknowledge alarms</source>
        <translation>报警确认时间</translation>
    </message>
    <message>
        <location line="+3" />
        <source>alarms activated</source>
        <translation>触发的报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>median seconds</source>
        <translation>中位数（秒）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>90th percentile seconds</source>
        <translation>第 90 百分位（秒）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>never acknowledged</source>
        <translation>从未确认</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Social</source>
        <translation>社会</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Exceedances and early warnings</source>
        <translation>超标与预警</translation>
    </message>
    <message>
        <location line="+2" />
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location line="+5" />
        <source>cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+50" />
        <source>action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="-49" />
        <source>noted by</source>
        <translation>记录人</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Alarm management (ISA-18.2)</source>
        <translation>报警管理（ISA-18.2）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>alarms per operator hour</source>
        <translation>每操作员小时报警数</translation>
    </message>
    <message>
        <location line="+1" />
        <source>time in flood %</source>
        <translation>报警泛滥时间 %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>chattering alarms</source>
        <translation>抖动报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>stale alarms</source>
        <translation>陈旧报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location line="+1" />
        <source>out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Audit summary</source>
        <translation>审计摘要</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Governance</source>
        <translation>治理</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Green supplier status</source>
        <translation>绿色供应商状态</translation>
    </message>
    <message>
        <location line="+2" />
        <source>supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1" />
        <source>score</source>
        <translation>评分</translation>
    </message>
    <message>
        <location line="+1" />
        <source>environmental certificate</source>
        <translation>环境证书</translation>
    </message>
    <message>
        <location line="+1" />
        <source>valid to</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../app/environment/esg_daily.py" line="-34" />
        <source>highest value</source>
        <translation>最高值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>highest block mean</source>
        <translation>最高时段均值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>highest rolling mean</source>
        <translation>最高滑动均值</translation>
    </message>
    <message>
        <location line="+3" />
        <source>lowest value</source>
        <translation>最低值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lowest block mean</source>
        <translation>最低时段均值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lowest rolling mean</source>
        <translation>最低滑动均值</translation>
    </message>
    <message>
        <location line="+3" />
        <source>daily mean</source>
        <translation>日均值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>daily total</source>
        <translation>日总量</translation>
    </message>
    <message>
        <location line="+1" />
        <source>month-to-date total</source>
        <translation>本月累计</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Emissions per day against permit limits</source>
        <translation>每日排放与许可限值对比</translation>
    </message>
    <message>
        <location line="+3" />
        <source>day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+4" />
        <source>low limit</source>
        <translation>下限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>high limit</source>
        <translation>上限</translation>
    </message>
    <message>
        <location line="+1" />
        <source>over limit</source>
        <translation>超限</translation>
    </message>
</context>
<context>
    <name>EvacuationBanner</name>
    <message>
        <location filename="../widgets/evacuation.py" line="+62" />
        <source>(reported by terminal {terminal})</source>
        <translation>（由终端 {terminal} 报告）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>⚠ EVACUATE — LEAVE THE HALL NOW ⚠</source>
        <translation>⚠ 疏散 — 立即离开车间 ⚠</translation>
    </message>
</context>
<context>
    <name>FloorMap</name>
    <message>
        <location filename="../widgets/floor_map.py" line="+77" />
        <source>state unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <location line="+3" />
        <source>INTRUSION</source>
        <translation>区域闯入</translation>
    </message>
    <message>
        <location line="+36" />
        <source>No positions received yet</source>
        <translation>尚未收到位置数据</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{m} m · hall {w} × {h} m</source>
        <translation>{m} 米 · 车间 {w} × {h} 米</translation>
    </message>
    <message>
        <location line="+148" />
        <source>No danger zones are configured ([[zones]] in the site file)</source>
        <translation>未配置危险区域（站点文件中的 [[zones]]）</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../widgets/job_panel.py" line="+61" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Release (team lead)</source>
        <translation>放行（班组长）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+67" />
        <source>Your qualification for %1 lapses in %2 days: book the refresher.</source>
        <translation>您在 %1 的资质将在 %2 天后到期：请预约复训。</translation>
    </message>
    <message>
        <location line="+12" />
        <source>You are not qualified for %1. A team lead must confirm that you work here supervised.</source>
        <translation>您没有 %1 的资质。需由班组长确认您在监督下工作。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Team lead's user id</source>
        <translation>班组长的用户 ID</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Supervised session</source>
        <translation>监督下作业</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Supervised session confirmed by %1</source>
        <translation>监督下作业已由 %1 确认</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No job assistance configured</source>
        <translation>未配置作业指导</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no car</source>
        <translation>无车辆</translation>
    </message>
    <message>
        <location line="+3" />
        <source>next: %1</source>
        <translation>下一辆：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Learning mode: every step in full, each one confirmed</source>
        <translation>学习模式：每一步完整显示，逐步确认</translation>
    </message>
    <message>
        <location line="+19" />
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+0" />
        <source>in limits</source>
        <translation>在公差内</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OUT OF LIMITS</source>
        <translation>超出公差</translation>
    </message>
    <message>
        <location line="+1" />
        <source>released by %1</source>
        <translation>由 %1 放行</translation>
    </message>
    <message>
        <location line="+12" />
        <source>All steps done for this car</source>
        <translation>本车所有步骤已完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting for the next car</source>
        <translation>等待下一辆车</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+5" />
        <source>PPE</source>
        <translation>个人防护装备</translation>
    </message>
    <message>
        <location line="+2" />
        <source>limits</source>
        <translation>公差</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Enter %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Confirm step</source>
        <translation>确认步骤</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+46" />
        <source>Out of limits: rework and measure again, or a team lead releases it</source>
        <translation>超出公差：返工并重新测量，或由班组长放行</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Job</source>
        <translation>作业步骤</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Job: %1</source>
        <translation>作业步骤：%1</translation>
    </message>
</context>
<context>
    <name>LayoutEditor</name>
    <message>
        <location filename="../widgets/layout_editor.py" line="+395" />
        <source>Sign in to edit your layout.</source>
        <translation>请登录后编辑布局。</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No room there: move or shrink the panel in the way.</source>
        <translation>该处没有空间：请移动或缩小挡住的面板。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The panel cannot grow there: another panel or the edge of the screen is in the way.</source>
        <translation>面板无法在该处扩大：被其他面板或屏幕边缘挡住。</translation>
    </message>
    <message>
        <location line="+121" />
        <source>Cannot save: {problem}</source>
        <translation>无法保存：{problem}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saved (revision {n}).</source>
        <translation>已保存（版本 {n}）。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Changes undone.</source>
        <translation>更改已撤销。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Selected: {title} “{id}”</source>
        <translation>已选择：{title}“{id}”</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tap a panel to change it.</source>
        <translation>点击面板进行修改。</translation>
    </message>
    <message>
        <location filename="../layouts/panels/andon.py" line="+14" />
        <location filename="../layouts/panels/energy.py" line="+27" />
        <location filename="../layouts/panels/job.py" line="+14" />
        <location filename="../layouts/panels/scheduling.py" line="+32" />
        <location filename="../layouts/panels/station.py" line="+26" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../layouts/panels/trend.py" line="+28" />
        <source>Tag</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Tags</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+12" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../widgets/layout_editor.py" line="-488" />
        <source>Drag to resize</source>
        <translation>拖动以调整大小</translation>
    </message>
    <message>
        <location line="+334" />
        <source>No room left, even below: make a panel smaller or remove one first.</source>
        <translation>没有空间了，下方也没有：请先缩小或移除一个面板。</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Added below the other panels; the layout grew.</source>
        <translation>已添加在其他面板下方；布局已扩展。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Added in free space and selected.</source>
        <translation>已添加到空白处并选中。</translation>
    </message>
    <message>
        <location line="+168" />
        <source>Settings (JSON)</source>
        <translation>设置（JSON）</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Tick at least one signal.</source>
        <translation>请至少勾选一个信号。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tick a signal.</source>
        <translation>请勾选一个信号。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tap a station.</source>
        <translation>请点选一个工位。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Needed before saving: {detail}</source>
        <translation>保存前需要：{detail}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Settings must be a JSON object: {error}</source>
        <translation>设置必须是 JSON 对象：{error}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Add panel</source>
        <translation>添加面板</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove panel</source>
        <translation>移除面板</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark (night shift)</source>
        <translation>深色（夜班）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>High contrast</source>
        <translation>高对比度</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Move left</source>
        <translation>左移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move right</source>
        <translation>右移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Narrower</source>
        <translation>变窄</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wider</source>
        <translation>变宽</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shorter</source>
        <translation>变矮</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Taller</source>
        <translation>变高</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarm_kpi.py" line="+14" />
        <source>Period (hours)</source>
        <translation>期间（小时）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operator positions</source>
        <translation>操作员岗位数</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarms.py" line="+13" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../layouts/panels/camera.py" line="+13" />
        <source>Camera (id)</source>
        <translation>摄像头（ID）</translation>
    </message>
    <message>
        <location filename="../layouts/panels/energy.py" line="-12" />
        <source>Period shown first</source>
        <translation>首先显示的期间</translation>
    </message>
    <message>
        <location filename="../layouts/panels/floor_map.py" line="+13" />
        <source>Hall width (m)</source>
        <translation>车间宽度（米）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hall depth (m)</source>
        <translation>车间进深（米）</translation>
    </message>
    <message>
        <location filename="../layouts/panels/mimic.py" line="+25" />
        <source>Compact (one line high)</source>
        <translation>紧凑（一行高）</translation>
    </message>
    <message>
        <location filename="../layouts/panels/registers.py" line="+29" />
        <source>Channel</source>
        <translation>频道</translation>
    </message>
    <message>
        <location filename="../layouts/panels/scheduling.py" line="-19" />
        <source>Hours shown ahead</source>
        <translation>向前显示的小时数</translation>
    </message>
    <message>
        <location filename="../layouts/panels/station.py" line="+2" />
        <source>Small trend</source>
        <translation>小趋势图</translation>
    </message>
</context>
<context>
    <name>LayoutHost</name>
    <message>
        <location filename="../widgets/layout_host.py" line="+65" />
        <source>⚠ Panel “{id}” (type “{type}”) cannot be shown:
{reason}</source>
        <translation>⚠ 面板“{id}”（类型“{type}”）无法显示：
{reason}</translation>
    </message>
    <message>
        <location line="+53" />
        <source>unknown panel type (known: {known})</source>
        <translation>未知面板类型（已知：{known}）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/shell.py" line="+258" />
        <source>{source}: connected</source>
        <translation>{source}：已连接</translation>
    </message>
    <message>
        <location line="-31" />
        <location line="+33" />
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="-32" />
        <location line="+37" />
        <source>reconnecting · {age}</source>
        <translation>正在重连 · {age}</translation>
    </message>
    <message>
        <location line="-36" />
        <location line="+42" />
        <source>OFFLINE · {age}</source>
        <translation>离线 · {age}</translation>
    </message>
    <message>
        <location line="-10" />
        <source>{source}: connecting</source>
        <translation>{source}：正在连接</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{source}: reconnecting · no data for {age}</source>
        <translation>{source}：正在重连 · {age} 无数据</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{source}: OFFLINE · no data for {age}</source>
        <translation>{source}：离线 · {age} 无数据</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Touch to reconnect now</source>
        <translation>触摸立即重连</translation>
    </message>
    <message>
        <location line="+190" />
        <source>Nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+23" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="-20" />
        <location line="+21" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Only a supervisor or an administrator can leave kiosk mode. Sign in with such a role first.</source>
        <translation>只有主管或管理员可以退出自助终端模式。请先以该角色登录。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Kiosk mode</source>
        <translation>自助终端模式</translation>
    </message>
    <message>
        <location line="+16" />
        <source>LineSide — {plant}</source>
        <translation>LineSide — {plant}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No alarm summary available</source>
        <translation>无报警摘要</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-stop not connected: use the hard-wired emergency stop</source>
        <translation>急停未连接：请使用硬接线急停按钮</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Exit kiosk</source>
        <translation>退出自助模式</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../widgets/maintenance_panel.py" line="+30" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location line="+7" />
        <source>not enough data yet</source>
        <translation>数据尚不足</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no wear trend toward the limit</source>
        <translation>无趋向限值的磨损趋势</translation>
    </message>
    <message>
        <location line="+5" />
        <source>limit in %1</source>
        <translation>%1 后达到限值</translation>
    </message>
    <message>
        <location line="+3" />
        <source>planned %1–%2, %3</source>
        <translation>计划 %1–%2，%3</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Work orders</source>
        <translation>工单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New work order</source>
        <translation>新建工单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take</source>
        <translation>接单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close as done</source>
        <translation>完成并关闭</translation>
    </message>
    <message>
        <location line="+16" />
        <source>No predictive maintenance configured ([maintenance])</source>
        <translation>未配置预测性维护（[maintenance]）</translation>
    </message>
    <message>
        <location line="+18" />
        <source>open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taken</source>
        <translation>已接单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+5" />
        <source>taken by %1</source>
        <translation>由 %1 接单</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Touch a forecast to see how it was estimated</source>
        <translation>触摸某个预测，查看其估算方法</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Sign in as maintenance or team lead to handle work orders</source>
        <translation>请以维修或班组长身份登录以处理工单</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
</context>
<context>
    <name>Mimic</name>
    <message>
        <location filename="../widgets/mimic.py" line="+50" />
        <source>RUNNING</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IDLE</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MAINTENANCE</source>
        <translation>维护</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAULT</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+1" />
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NO DATA</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+326" />
        <source>{n} bodies out</source>
        <translation>已下线 {n} 个车身</translation>
    </message>
    <message>
        <location line="+10" />
        <source>E-STOP: LINE STOPPED</source>
        <translation>急停：产线已停止</translation>
    </message>
    <message>
        <location line="+182" />
        <source>No stations are configured ([[stations]] in the site file)</source>
        <translation>未配置工位（工厂配置文件中的 [[stations]]）</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../widgets/keypad.py" line="+36" />
        <location line="+85" />
        <source>Entered digits</source>
        <translation>已输入的数字</translation>
    </message>
    <message>
        <location line="-78" />
        <location line="+75" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="-72" />
        <location line="+74" />
        <source>Delete last digit</source>
        <translation>删除最后一位</translation>
    </message>
    <message>
        <location line="-73" />
        <location line="+72" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>OEE</name>
    <message>
        <location filename="../widgets/oee_panel.py" line="+22" />
        <source>Fault</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Maintenance</source>
        <translation>维护</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Starved</source>
        <translation>缺料</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Blocked</source>
        <translation>堵料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changeover</source>
        <translation>换型</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microstops</source>
        <translation>短暂停机</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Speed loss</source>
        <translation>速度损失</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality loss</source>
        <translation>质量损失</translation>
    </message>
    <message>
        <location line="+61" />
        <source>No losses recorded this shift yet</source>
        <translation>本班尚未记录损失</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Losses of the line this shift</source>
        <translation>本班产线损失</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No OEE on this terminal (no [oee] section)</source>
        <translation>本终端没有 OEE（无 [oee] 配置段）</translation>
    </message>
    <message>
        <location line="+7" />
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Availability</source>
        <translation>可用率</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Performance</source>
        <translation>性能</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Shift %1</source>
        <translation>%1 班</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last hours</source>
        <translation>最近几小时</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../widgets/overlay.py" line="+63" />
        <location line="+57" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../widgets/overview.py" line="+38" />
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <location line="+69" />
        <source>+%1 online</source>
        <translation>+%1 在线</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 OFFLINE</source>
        <translation>%1 离线</translation>
    </message>
    <message>
        <location line="+3" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+0" />
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+6" />
        <source>no line summary received yet</source>
        <translation>尚未收到产线汇总</translation>
    </message>
    <message>
        <location line="+13" />
        <source>bodies out: %1</source>
        <translation>已下线车身：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>unacknowledged: %1</source>
        <translation>未确认：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>OLD DATA (summary %1)</source>
        <translation>旧数据（摘要 %1）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the line's drawing is unreadable: %1</source>
        <translation>产线图无法读取：%1</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Plant overview</source>
        <translation>工厂总览</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No broker configured: the overview needs the plant broker.</source>
        <translation>未配置消息代理：总览需要工厂的消息代理。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Waiting for terminals on the broker…</source>
        <translation>正在等待消息代理上的终端…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unassigned terminals</source>
        <translation>未分配的终端</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../app/auth/permissions.py" line="+100" />
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>team lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <location line="+1" />
        <source>maintenance technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <location line="+1" />
        <source>safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>purchaser</source>
        <translation>采购员</translation>
    </message>
    <message>
        <location line="+5" />
        <source>an operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a team lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a maintenance technician</source>
        <translation>维修技师</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>an administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a purchaser</source>
        <translation>采购员</translation>
    </message>
    <message>
        <location line="+5" />
        <source>acknowledge alarms</source>
        <translation>确认报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelve alarms</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>take alarms out of service</source>
        <translation>停用报警</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reset the stop</source>
        <translation>复位急停</translation>
    </message>
    <message>
        <location line="+1" />
        <source>start the line</source>
        <translation>启动产线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change setpoints</source>
        <translation>更改设定值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change the screen layout</source>
        <translation>更改屏幕布局</translation>
    </message>
    <message>
        <location line="+1" />
        <source>leave kiosk mode</source>
        <translation>退出信息亭模式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <location line="+1" />
        <source>see every worker's health state</source>
        <translation>查看所有工人的健康状态</translation>
    </message>
    <message>
        <location line="+1" />
        <source>report a problem</source>
        <translation>报告问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>take on a problem</source>
        <translation>接手问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>close a problem</source>
        <translation>关闭问题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>see the plant overview</source>
        <translation>查看工厂总览</translation>
    </message>
    <message>
        <location line="+1" />
        <source>switch on an energy-saving mode</source>
        <translation>开启节能模式</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit suppliers</source>
        <translation>编辑供应商</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit risks</source>
        <translation>编辑风险</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mark a measure done</source>
        <translation>将措施标记为完成</translation>
    </message>
    <message>
        <location line="+1" />
        <source>manage notifications</source>
        <translation>管理通知</translation>
    </message>
    <message>
        <location line="+1" />
        <source>note a cause and action</source>
        <translation>填写原因和措施</translation>
    </message>
    <message>
        <location line="+1" />
        <source>dismiss an anomaly</source>
        <translation>忽略异常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>make a report</source>
        <translation>生成报告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accept a value out of limits</source>
        <translation>放行超出公差的值</translation>
    </message>
    <message>
        <location line="+1" />
        <source>confirm supervised work</source>
        <translation>确认监督下作业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit the skills matrix</source>
        <translation>编辑资质矩阵</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accept or reject a re-plan</source>
        <translation>接受或拒绝重新排产</translation>
    </message>
    <message>
        <location line="+1" />
        <source>import or cancel orders</source>
        <translation>导入或取消订单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>flag missing material</source>
        <translation>报告缺料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>take a work order</source>
        <translation>接手工单</translation>
    </message>
    <message>
        <location line="+1" />
        <source>close a work order</source>
        <translation>关闭工单</translation>
    </message>
    <message>
        <location filename="../widgets/permission_text.py" line="+29" />
        <source>Sign in to {action}.</source>
        <translation>请登录后{action}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>, </source>
        <comment>between roles in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <location line="+1" />
        <source> or </source>
        <comment>before the last role</comment>
        <translation>或</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only {roles} can {action}.</source>
        <translation>只有{roles}可以{action}。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in first.</source>
        <translation>请先登录。</translation>
    </message>
</context>
<context>
    <name>Registers</name>
    <message>
        <location filename="../widgets/risks.py" line="+283" />
        <location filename="../widgets/suppliers.py" line="+183" />
        <source>Seen, keep</source>
        <translation>已阅，保留</translation>
    </message>
    <message>
        <location filename="../widgets/suppliers.py" line="-124" />
        <source>%1 set %2 to “%3” (%4, terminal %5) at the same time as %6 set “%7”; %6's value was kept.</source>
        <translation>%1 将 %2 设为“%3”（%4，终端 %5），同时 %6 设为“%7”；保留了 %6 的值。</translation>
    </message>
    <message>
        <location line="+68" />
        <source>%1 conflicting edits</source>
        <translation>%1 处冲突的修改</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../widgets/reports_panel.py" line="+33" />
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last month</source>
        <translation>上月</translation>
    </message>
    <message>
        <location line="+14" />
        <source>ESG reports</source>
        <translation>ESG 报告</translation>
    </message>
    <message>
        <location line="+32" />
        <source>No environment monitoring configured</source>
        <translation>未配置环境监测</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Sign in as team lead, safety officer or supervisor to make one</source>
        <translation>请以班组长、安全员或主管身份登录后生成报告</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Making the report for %1…</source>
        <translation>正在生成 %1 的报告…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The report could not be made: %1</source>
        <translation>无法生成报告：%1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Report made.</source>
        <translation>报告已生成。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No reports yet</source>
        <translation>尚无报告</translation>
    </message>
</context>
<context>
    <name>Risks</name>
    <message>
        <location filename="../widgets/risks.py" line="-245" />
        <source>supply</source>
        <translation>供应</translation>
    </message>
    <message>
        <location line="+0" />
        <source>technical</source>
        <translation>技术</translation>
    </message>
    <message>
        <location line="+1" />
        <source>market</source>
        <translation>市场</translation>
    </message>
    <message>
        <location line="+0" />
        <source>safety</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+1" />
        <source>environmental</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+1" />
        <source>energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location line="+4" />
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <location line="+0" />
        <source>medium</source>
        <translation>中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <location line="+0" />
        <source>critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+221" />
        <source>New risk</source>
        <translation>新建风险</translation>
    </message>
    <message>
        <location line="-220" />
        <source>up: likelihood 1-5 · across: impact 1-5</source>
        <translation>纵向：可能性 1-5 · 横向：影响 1-5</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No risk register on this terminal</source>
        <translation>本终端没有风险登记册</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+52" />
        <source>early warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location line="-50" />
        <source>proposal to decide</source>
        <translation>待决定的建议</translation>
    </message>
    <message>
        <location line="+2" />
        <source>measure overdue</source>
        <translation>措施逾期</translation>
    </message>
    <message>
        <location line="+4" />
        <source>owner %1</source>
        <translation>负责人 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No open risks</source>
        <translation>没有未关闭的风险</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Likelihood %1 × impact %2 = %3 (%4)</source>
        <translation>可能性 %1 × 影响 %2 = %3（%4）</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Early-warning indicators</source>
        <translation>预警指标</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Proposed: likelihood %1 (indicator %2 at %3)</source>
        <translation>建议：可能性 %1（指标 %2 为 %3）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Response plan</source>
        <translation>应对计划</translation>
    </message>
    <message>
        <location line="+6" />
        <source>by %1</source>
        <translation>截止 %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+45" />
        <source>Assign a measure</source>
        <translation>指派措施</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assign</source>
        <translation>指派</translation>
    </message>
    <message>
        <location line="+5" />
        <source>in %1 days</source>
        <translation>%1 天内</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Say what is to be done and who does it</source>
        <translation>请说明要做什么以及由谁来做</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner (user id)</source>
        <translation>负责人（用户 ID）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save risk</source>
        <translation>保存风险</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Likelihood</source>
        <translation>可能性</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Impact</source>
        <translation>影响</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Give the risk a title</source>
        <translation>请为风险填写标题</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../widgets/shell.py" line="-506" />
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team lead</source>
        <translation>班组长</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance</source>
        <translation>维修</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Safety officer</source>
        <translation>安全员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../widgets/schedule_gantt.py" line="+233" />
        <source>Order %1 late by %2 min (was %3 min)</source>
        <translation>订单 %1 延迟 %2 分钟（原为 %3 分钟）</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Order %1 late by %2 min (was on time)</source>
        <translation>订单 %1 延迟 %2 分钟（原为准时）</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No order late</source>
        <translation>没有订单延迟</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost output this shift: %1 cars</source>
        <translation>本班产量损失：%1 辆</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sequence changes: %1 cars</source>
        <translation>顺序变更：%1 辆</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operations moved to another station: %1</source>
        <translation>移至其他工位的工序：%1</translation>
    </message>
    <message>
        <location line="+123" />
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Flag a shortage</source>
        <translation>报告缺料</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No production plan on this terminal (no [scheduling] section)</source>
        <translation>本终端没有生产计划（无 [scheduling] 配置段）</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No plan yet (no orders)</source>
        <translation>尚无计划（无订单）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planning…</source>
        <translation>正在排产…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Plan of %1, accepted by %2; %3 orders late</source>
        <translation>%1 的计划，由 %2 接受；%3 个订单延迟</translation>
    </message>
    <message>
        <location line="+4" />
        <source>re-planning…</source>
        <translation>正在重新排产…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Re-plan proposed: %1 — %2 orders late (found in %3 s)</source>
        <translation>建议重新排产：%1 — %2 个订单延迟（用时 %3 秒）</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Show after</source>
        <translation>查看调整后</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show before</source>
        <translation>查看调整前</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sign in as team lead or supervisor to decide on a re-plan</source>
        <translation>请以班组长或主管身份登录以决定重新排产</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Plan accepted and shared with the line</source>
        <translation>计划已接受并分发到产线</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Re-plan rejected; the plan stays as it was</source>
        <translation>已拒绝重新排产；计划保持不变</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Material shortage</source>
        <translation>缺料</translation>
    </message>
    <message>
        <location line="+16" />
        <source>What is missing at the line?</source>
        <translation>产线缺什么？</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Expected back in:</source>
        <translation>预计恢复时间：</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Choose the part first</source>
        <translation>请先选择零件</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Shortage of %1 flagged; re-planning</source>
        <translation>已报告 %1 缺料；正在重新排产</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Next jobs: none planned</source>
        <translation>后续作业：无计划</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Next jobs: %1</source>
        <translation>后续作业：%1</translation>
    </message>
</context>
<context>
    <name>Setpoint</name>
    <message>
        <location filename="../widgets/setpoint.py" line="+73" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+97" />
        <source>Allowed: {low} to {high} {unit}</source>
        <translation>允许范围：{low} 至 {high} {unit}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2" />
        <source>BAD (no valid value)</source>
        <translation>坏值（无有效值）</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Sign in to change setpoints.</source>
        <translation>请登录后再修改设定值。</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+42" />
        <location line="+9" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="-49" />
        <source>{name}: now {old}.</source>
        <translation>{name}：当前 {old}。</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Change {name}
from {old}
to {new} {unit}?</source>
        <translation>将 {name}
从 {old}
改为 {new} {unit}？</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writing {new} {unit} to the PLC…</source>
        <translation>正在向 PLC 写入 {new} {unit}…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Done. The PLC reads back {value}.</source>
        <translation>完成。PLC 回读值：{value}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note: the PLC did not take the requested value {new}.</source>
        <translation>注意：PLC 未采用请求值 {new}。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The write failed: {error}
The setpoint is unchanged ({old}).</source>
        <translation>写入失败：{error}
设定值未改变（{old}）。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+7" />
        <source>“{text}” is not a number.</source>
        <translation>“{text}”不是数字。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>{value} is below the lowest allowed value {low} {unit}.</source>
        <translation>{value} 低于允许的最小值 {low} {unit}。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{value} is above the highest allowed value {high} {unit}.</source>
        <translation>{value} 高于允许的最大值 {high} {unit}。</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Change setpoint: {name}</source>
        <translation>修改设定值：{name}</translation>
    </message>
</context>
<context>
    <name>ShelveReason</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="-629" />
        <source>Sensor fault</source>
        <translation>传感器故障</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance work</source>
        <translation>维修作业</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Known nuisance alarm</source>
        <translation>已知误报</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Process upset under control</source>
        <translation>工艺异常已受控</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commissioning</source>
        <translation>调试</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../widgets/signin.py" line="+156" />
        <source>Signed in as {name}.</source>
        <translation>已登录：{name}。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wrong user or PIN. Attempts left before sign-in is locked: {n}.</source>
        <translation>用户或 PIN 错误。锁定前剩余尝试次数：{n}。</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Hold the badge once, then wait a moment.</source>
        <translation>刷一次工卡，然后稍候。</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Too many unknown badges. Badge sign-in is locked for another {time}; sign in with your PIN.</source>
        <translation>未知工卡过多。工卡登录还将锁定 {time}；请用 PIN 登录。</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Badge accepted. Enter your PIN.</source>
        <translation>工卡已识别。请输入 PIN。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This role signs in with badge and PIN: hold your badge to the reader first, then enter your PIN.</source>
        <translation>此角色需工卡加 PIN 登录：先将工卡靠近读卡器，再输入 PIN。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Badge not recognised. Sign in with your PIN or ask your team lead.</source>
        <translation>工卡无法识别。请用 PIN 登录或联系班组长。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A PIN is 4 to 8 digits.</source>
        <translation>PIN 为 4 至 8 位数字。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Too many wrong PINs. Sign-in is locked for another {time}.</source>
        <translation>PIN 错误次数过多。登录还将锁定 {time}。</translation>
    </message>
    <message>
        <location line="+63" />
        <source>The user list cannot be read; badge sign-in may still work. Tell your team lead.</source>
        <translation>无法读取用户列表；刷卡登录可能仍然可用。请告知班组长。</translation>
    </message>
    <message>
        <location line="+26" />
        <source>PIN for {name}</source>
        <translation>{name} 的 PIN</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick your name, then type your PIN</source>
        <translation>请选择姓名，然后输入 PIN</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Pick your name first.</source>
        <translation>请先选择姓名。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location line="+43" />
        <source>You can try again now.</source>
        <translation>现在可以重试。</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Or hold your badge to the reader.</source>
        <translation>或将工卡靠近读卡器。</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>Skills</name>
    <message>
        <location filename="../widgets/skills_panel.py" line="+26" />
        <source>learning</source>
        <translation>学习中</translation>
    </message>
    <message>
        <location line="+1" />
        <source>qualified</source>
        <translation>已取得资质</translation>
    </message>
    <message>
        <location line="+1" />
        <source>trainer</source>
        <translation>培训师</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Skills matrix</source>
        <translation>资质矩阵</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No skills matrix on this terminal</source>
        <translation>本终端没有资质矩阵</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 gaps · %2 trainings or certificates lapse within 30 days</source>
        <translation>%1 个空缺 · %2 项培训或证书将在 30 天内到期</translation>
    </message>
    <message>
        <location line="+3" />
        <source>team leads change a cell by touching it</source>
        <translation>班组长触摸单元格即可修改</translation>
    </message>
</context>
<context>
    <name>StateLamp</name>
    <message>
        <location filename="../widgets/lamp.py" line="+58" />
        <source>RUNNING</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IDLE</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAULT</source>
        <translation>故障</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MAINTENANCE</source>
        <translation>维护</translation>
    </message>
    <message>
        <location line="+1" />
        <source>stopped (e-stop)</source>
        <translation>已停止（急停）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NO DATA</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../widgets/station_panel.py" line="+56" />
        <location line="+96" />
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
    <message>
        <location line="-87" />
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+96" />
        <source>Cycles</source>
        <translation>节拍数</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Report a problem</source>
        <translation>报告问题</translation>
    </message>
</context>
<context>
    <name>Suppliers</name>
    <message>
        <location filename="../app/registers/suppliers.py" line="+35" />
        <source>score = 40 x certificates + 40 x audit + 20 x data; certificates: valid ISO 14001 or EMAS 0.5, ISO 50001 0.25, ISO 45001 0.15, IATF 16949 0.10 (at most 1); audit: latest audit score / 100, less 0.1 per overdue corrective action; data: recycled content share x 0.5, plus 0.5 when CO2e per unit is reported</source>
        <translation>评分 = 40 x 证书 + 40 x 审核 + 20 x 数据；证书：有效的 ISO 14001 或 EMAS 0.5，ISO 50001 0.25，ISO 45001 0.15，IATF 16949 0.10（最多 1）；审核：最近一次审核得分 / 100，每项逾期纠正措施减 0.1；数据：再生材料占比 x 0.5，报告单位 CO2e 时加 0.5</translation>
    </message>
    <message>
        <location filename="../widgets/suppliers.py" line="-84" />
        <source>%1 lapsed %2 days ago</source>
        <translation>%1 已于 %2 天前过期</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+3" />
        <source>%1 lapses in %2 days</source>
        <translation>%1 将在 %2 天后到期</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 valid</source>
        <translation>%1 有效</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lapsing soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Only purchasing or a supervisor edits suppliers</source>
        <translation>只有采购或主管可编辑供应商</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No supplier register on this terminal</source>
        <translation>本终端没有供应商登记册</translation>
    </message>
    <message>
        <location line="+11" />
        <source>no certificates</source>
        <translation>无证书</translation>
    </message>
    <message>
        <location line="+5" />
        <source>score %1</source>
        <translation>评分 %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No suppliers</source>
        <translation>没有供应商</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No certificate lapses in 90 days</source>
        <translation>90 天内没有证书到期</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Supplies: %1</source>
        <translation>供应：%1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Transport: %1</source>
        <translation>运输：%1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e per unit: %1 kg · recycled content: %2 %</source>
        <translation>单位 CO2e：%1 kg · 再生材料含量：%2 %</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Score %1 of 100</source>
        <translation>评分 %1 / 100</translation>
    </message>
    <message>
        <location line="+12" />
        <source>valid to %1</source>
        <translation>有效期至 %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Corrective action overdue by %1 days: %2</source>
        <translation>纠正措施已逾期 %1 天：%2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+58" />
        <location line="+19" />
        <source>Add certificate</source>
        <translation>添加证书</translation>
    </message>
    <message>
        <location line="-60" />
        <source>Supplier id</source>
        <translation>供应商 ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supplies (separate with ;)</source>
        <translation>供应内容（用 ; 分隔）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CO2e per unit (kg)</source>
        <translation>单位 CO2e（kg）</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Supplier</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+11" />
        <source>CO2e per unit must be a number</source>
        <translation>单位 CO2e 必须是数字</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Certificate number</source>
        <translation>证书编号</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Issued by</source>
        <translation>颁发机构</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid to (YYYY-MM-DD)</source>
        <translation>有效期至（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Files in %1</source>
        <translation>%1 中的文件</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No CSV files there. Ask plant IT to put the ERP supplier export in this folder.</source>
        <translation>那里没有 CSV 文件。请工厂 IT 将 ERP 供应商导出文件放到此文件夹。</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import suppliers</source>
        <translation>导入供应商</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: %2. Nothing was imported.</source>
        <translation>%1：%2。未导入任何内容。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 suppliers imported from %2</source>
        <translation>已从 %2 导入 %1 个供应商</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <location filename="../widgets/tag_picker.py" line="+211" />
        <source>Chosen: {tags}</source>
        <translation>已选：{tags}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing chosen yet: tap a signal.</source>
        <translation>尚未选择：请点选一个信号。</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Search tags</source>
        <translation>搜索标签</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../widgets/keyboard.py" line="+45" />
        <source>Shift</source>
        <translation>上档</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space</source>
        <translation>空格</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>TrendPanel</name>
    <message>
        <location filename="../widgets/trend_panel.py" line="+25" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../widgets/trend.py" line="+477" />
        <source>{time} alarm: {message}</source>
        <translation>{time} 报警：{message}</translation>
    </message>
    <message>
        <location line="+192" />
        <source>History not available: {error}</source>
        <translation>历史数据不可用：{error}</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Back to live scrolling</source>
        <translation>返回实时滚动</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop scrolling; data is still recorded</source>
        <translation>停止滚动；数据仍在记录</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cursor</source>
        <translation>游标</translation>
    </message>
    <message>
        <location line="+11" />
        <source>gap</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+6" />
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{label} · {station}</source>
        <translation>{label} · {station}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cursor at {time}</source>
        <translation>游标位置 {time}</translation>
    </message>
</context>
<context>
    <name>ValueTile</name>
    <message>
        <location filename="../widgets/value_tile.py" line="+42" />
        <source>ON</source>
        <translation>开</translation>
    </message>
    <message>
        <location line="+0" />
        <source>OFF</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="+140" />
        <source>NO DATA</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location line="+7" />
        <source>last {value} {unit}</source>
        <translation>最后值 {value} {unit}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>BAD quality</source>
        <translation>数据质量：坏</translation>
    </message>
    <message>
        <location line="+1" />
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
    <message>
        <location line="+7" />
        <source>STALE · {age} old</source>
        <translation>过期 · 已 {age}</translation>
    </message>
    <message>
        <location line="+10" />
        <source>▲ HIGH · limit {limit}</source>
        <translation>▲ 过高 · 限值 {limit}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>▼ LOW · limit {limit}</source>
        <translation>▼ 过低 · 限值 {limit}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>? UNCERTAIN quality</source>
        <translation>? 数据质量不确定</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <location filename="../widgets/vitals.py" line="+29" />
        <source>Heart rate</source>
        <translation>心率</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Blood pressure (systolic)</source>
        <translation>血压（收缩压）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Blood pressure (diastolic)</source>
        <translation>血压（舒张压）</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skin temperature</source>
        <translation>皮肤温度</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <location line="+1" />
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ALARM</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Vitals are personal: shown only to the worker and to the safety officer.</source>
        <translation>体征数据属于个人信息：仅向本人和安全员显示。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Worker health</source>
        <translation>员工健康</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Your vitals (%s): %s</source>
        <translation>您的体征（%s）：%s</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Health monitoring is not configured ([health] in the site file)</source>
        <translation>未配置健康监测（站点文件中的 [health]）</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <location filename="../layouts/panels/station.py" line="-7" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../layouts/panels/trend.py" line="-21" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarms.py" line="-4" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../layouts/panels/floor_map.py" line="-6" />
        <source>Floor map</source>
        <translation>车间平面图</translation>
    </message>
    <message>
        <location filename="../layouts/panels/vitals.py" line="+9" />
        <source>Vitals</source>
        <translation>体征</translation>
    </message>
    <message>
        <location filename="../widgets/maintenance_panel.py" line="-172" />
        <location line="+65" />
        <location filename="../layouts/panels/scheduling.py" line="+14" />
        <source>Maintenance forecast</source>
        <translation>维护预测</translation>
    </message>
    <message>
        <location filename="../widgets/oee_panel.py" line="-51" />
        <location line="+26" />
        <location filename="../layouts/panels/scheduling.py" line="-7" />
        <source>OEE this shift</source>
        <translation>本班 OEE</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_gantt.py" line="-261" />
        <location line="+90" />
        <location filename="../layouts/panels/scheduling.py" line="-11" />
        <source>Production plan</source>
        <translation>生产计划</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarm_kpi.py" line="-7" />
        <source>Alarm KPIs</source>
        <translation>报警指标</translation>
    </message>
    <message>
        <location filename="../layouts/panels/andon.py" line="-5" />
        <source>Problems (andon)</source>
        <translation>问题（安灯）</translation>
    </message>
    <message>
        <location filename="../layouts/panels/camera.py" line="-4" />
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../layouts/panels/energy.py" line="-4" />
        <source>Energy</source>
        <translation>能源</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Energy tile (station)</source>
        <translation>能源磁贴（工位）</translation>
    </message>
    <message>
        <location filename="../layouts/panels/environment.py" line="+9" />
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reports</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../layouts/panels/job.py" line="-5" />
        <source>Job</source>
        <translation>作业步骤</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Skills</source>
        <translation>资质</translation>
    </message>
    <message>
        <location filename="../layouts/panels/mimic.py" line="-5" />
        <source>Line mimic</source>
        <translation>产线模拟图</translation>
    </message>
    <message>
        <location filename="../layouts/panels/overview.py" line="+9" />
        <source>Plant overview</source>
        <translation>工厂总览</translation>
    </message>
    <message>
        <location filename="../layouts/panels/registers.py" line="-19" />
        <source>Suppliers</source>
        <translation>供应商</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Risks</source>
        <translation>风险</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Messages</source>
        <translation>消息</translation>
    </message>
</context>
</TS>