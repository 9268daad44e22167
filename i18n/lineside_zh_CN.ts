<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="+160" />
        <source>Alarm banner</source>
        <translation>报警栏</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+75" />
        <source>ALARM FLOOD</source>
        <translation>报警泛滥</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Alarms not available</source>
        <translation>报警不可用</translation>
    </message>
    <message>
        <location line="+17" />
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
        <location filename="../widgets/alarm_table.py" line="+809" />
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
    <name>AlarmState</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="-180" />
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
        <location filename="../widgets/alarm_table.py" line="-731" />
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
        <location line="+0" />
        <location line="+288" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="-287" />
        <location line="+286" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="-286" />
        <location line="+286" />
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="-285" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location line="+130" />
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
        <location line="+221" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="-218" />
        <source>Unacknowledged</source>
        <translation>未确认</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+457" />
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <location line="-456" />
        <location line="+485" />
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <location line="-484" />
        <source>Suppressed</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+479" />
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location line="-478" />
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
        <location line="+25" />
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
        <location line="+12" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No journal: this terminal has no local store</source>
        <translation>无日志：此终端没有本地存储</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The journal could not be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%n entries</source>
        <translation>%n 条记录</translation>
    </message>
    <message>
        <location line="+27" />
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
        <location line="+36" />
        <source>History of the selected alarm</source>
        <translation>所选报警的历史记录</translation>
    </message>
    <message>
        <location line="+13" />
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
        <location line="+47" />
        <source>Alarms not available</source>
        <translation>报警不可用</translation>
    </message>
    <message>
        <location line="+84" />
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
        <location line="+20" />
        <source>Not permitted: %1</source>
        <translation>不允许：%1</translation>
    </message>
    <message>
        <location line="+20" />
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
        <location filename="../widgets/andon.py" line="+34" />
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
        <location line="+34" />
        <location line="+76" />
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
        <source>%1 is now %2</source>
        <translation>%1 现为：%2</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../widgets/application.py" line="+41" />
        <source>Your saved layout could not be read, so your role's default layout is shown. Saving a layout replaces it.</source>
        <translation>无法读取您保存的布局，现显示您角色的默认布局。保存布局即可替换。</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your saved layout was made by a newer LineSide, so your role's default layout is shown until this terminal is updated.</source>
        <translation>您保存的布局来自更新版本的 LineSide，在本终端更新前显示您角色的默认布局。</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Edit layout</source>
        <translation>编辑布局</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Local store problem: {problem}. Values are kept in memory and written when there is room again; messages this terminal cannot store are refused with a message. Tell plant IT.</source>
        <translation>本地存储故障：{problem}。数值暂存于内存，空间恢复后写入；无法保存的消息将被拒绝并提示。请通知工厂 IT。</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location line="+12" />
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
    <name>EStopButton</name>
    <message>
        <location filename="../widgets/estop.py" line="+66" />
        <location line="+4" />
        <location line="+29" />
        <location line="+1" />
        <source>EMERGENCY STOP</source>
        <translation>急停</translation>
    </message>
</context>
<context>
    <name>EStopPanel</name>
    <message>
        <location line="+134" />
        <source>Reset refused: %s</source>
        <translation>复位被拒绝：%s</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Stop circuit (PLC): RUNNING</source>
        <translation>急停回路（PLC）：运行</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop circuit (PLC): STOPPED</source>
        <translation>急停回路（PLC）：已停止</translation>
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
    <message>
        <location line="+32" />
        <source>Supplements the hard-wired e-stop — does not replace it</source>
        <translation>仅作硬接线急停的补充 — 不能替代硬接线急停</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset…</source>
        <translation>复位…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reset the stop circuit? The line may start again. Make sure nobody is in a danger zone.</source>
        <translation>复位急停回路？生产线可能重新启动。请确认危险区域内无人。</translation>
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
        <location line="+63" />
        <source>Emergency stop</source>
        <translation>急停</translation>
    </message>
</context>
<context>
    <name>FloorMap</name>
    <message>
        <location filename="../widgets/floor_map.py" line="+65" />
        <source>state unknown</source>
        <translation>状态未知</translation>
    </message>
    <message>
        <location line="+3" />
        <source>INTRUSION</source>
        <translation>区域闯入</translation>
    </message>
    <message>
        <location line="+44" />
        <source>No positions received yet</source>
        <translation>尚未收到位置数据</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No danger zones are configured ([[zones]] in the site file)</source>
        <translation>未配置危险区域（站点文件中的 [[zones]]）</translation>
    </message>
</context>
<context>
    <name>LayoutEditor</name>
    <message>
        <location filename="../widgets/layout_editor.py" line="+248" />
        <source>Sign in to edit your layout.</source>
        <translation>请登录后编辑布局。</translation>
    </message>
    <message>
        <location line="+30" />
        <source>No room there: move or shrink the panel in the way.</source>
        <translation>该处没有空间：请移动或缩小挡住的面板。</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The panel cannot grow there: another panel or the edge of the screen is in the way.</source>
        <translation>面板无法在该处扩大：被其他面板或屏幕边缘挡住。</translation>
    </message>
    <message>
        <location line="+31" />
        <source>No free space: make a panel smaller or remove one first.</source>
        <translation>没有空闲空间：请先缩小或移除一个面板。</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Cannot save: {problem}</source>
        <translation>无法保存：{problem}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Not saved: {error}</source>
        <translation>未保存：{error}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saved (revision {n}).</source>
        <translation>已保存（版本 {n}）。</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Changes undone.</source>
        <translation>更改已撤销。</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Selected: {title} “{id}”</source>
        <translation>已选择：{title}“{id}”</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tap a panel to change it.</source>
        <translation>点击面板进行修改。</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Tag</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+3" />
        <source>tag paths, separated by commas</source>
        <translation>变量路径，以逗号分隔</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Tags</source>
        <translation>变量</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Time window</source>
        <translation>时间窗口</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Settings (JSON)</source>
        <translation>设置（JSON）</translation>
    </message>
    <message>
        <location line="+14" />
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
</context>
<context>
    <name>LayoutHost</name>
    <message>
        <location filename="../widgets/layout_host.py" line="+70" />
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
        <location filename="../widgets/shell.py" line="+78" />
        <source>{source}: connected</source>
        <translation>{source}：已连接</translation>
    </message>
    <message>
        <location line="+2" />
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{source}: connecting</source>
        <translation>{source}：正在连接</translation>
    </message>
    <message>
        <location line="+2" />
        <source>reconnecting · no data for {age}</source>
        <translation>正在重连 · {age} 无数据</translation>
    </message>
    <message>
        <location line="+5" />
        <source>OFFLINE · no data for {age}</source>
        <translation>离线 · {age} 无数据</translation>
    </message>
    <message>
        <location line="+177" />
        <source>Nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location line="+39" />
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
    <name>Overlay</name>
    <message>
        <location filename="../widgets/overlay.py" line="+61" />
        <location line="+56" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../widgets/overview.py" line="+25" />
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
        <location line="+26" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OFFLINE</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Summary %1</source>
        <translation>汇总（%1）</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 unacknowledged alarms</source>
        <translation>%1 条未确认报警</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no line summary received yet</source>
        <translation>尚未收到产线汇总</translation>
    </message>
    <message>
        <location line="+45" />
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
    <name>Roles</name>
    <message>
        <location filename="../widgets/shell.py" line="-292" />
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
</context>
<context>
    <name>Setpoint</name>
    <message>
        <location filename="../widgets/setpoint.py" line="+69" />
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location line="+96" />
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
        <location line="+2" />
        <source>Your role ({role}) may not change setpoints. Ask a team lead or maintenance.</source>
        <translation>您的角色（{role}）无权修改设定值。请联系班组长或维修人员。</translation>
    </message>
    <message>
        <location line="+6" />
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
        <location line="+6" />
        <source>{value} is below the lowest allowed value {low} {unit}.</source>
        <translation>{value} 低于允许的最小值 {low} {unit}。</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{value} is above the highest allowed value {high} {unit}.</source>
        <translation>{value} 高于允许的最大值 {high} {unit}。</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Change setpoint: {name}</source>
        <translation>修改设定值：{name}</translation>
    </message>
</context>
<context>
    <name>ShelveReason</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="-721" />
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
        <location line="+5" />
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
        <location line="+41" />
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
    <name>StateLamp</name>
    <message>
        <location filename="../widgets/lamp.py" line="+54" />
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
        <source>NO DATA</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../widgets/station_panel.py" line="+50" />
        <location line="+83" />
        <source>BAD</source>
        <translation>坏值</translation>
    </message>
    <message>
        <location line="-75" />
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location line="+83" />
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
    <name>TrendPanel</name>
    <message>
        <location filename="../widgets/trend_panel.py" line="+24" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../widgets/trend.py" line="+457" />
        <source>History not available: {error}</source>
        <translation>历史数据不可用：{error}</translation>
    </message>
    <message>
        <location line="+42" />
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
        <location line="+10" />
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
        <location filename="../widgets/vitals.py" line="+25" />
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
        <location filename="../widgets/station_panel.py" line="+17" />
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../widgets/trend_panel.py" line="+31" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_table.py" line="+769" />
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <location filename="../widgets/floor_map.py" line="+6" />
        <source>Floor map</source>
        <translation>车间平面图</translation>
    </message>
    <message>
        <location filename="../widgets/vitals.py" line="+5" />
        <source>Vitals</source>
        <translation>体征</translation>
    </message>
</context>
</TS>