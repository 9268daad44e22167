<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name></name>
    <message>
        <location filename="../widgets/andon.py" line="+36"/>
        <source>Machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Station: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Note (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What is the problem? One touch sends it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+58"/>
        <source>Report a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Problems (andon)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close as fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No andon board configured (needs a broker)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>taken by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Sign in as maintenance or team lead to take problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets/overview.py" line="+27"/>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+26"/>
        <source>online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OFFLINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Summary %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 unacknowledged alarms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no line summary received yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Plant overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No broker configured: the overview needs the plant broker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for terminals on the broker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unassigned terminals</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlarmState</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="+46"/>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cleared, unacknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shelved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suppressed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarGauge</name>
    <message>
        <location filename="../widgets/gauge.py" line="+73"/>
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
</context>
<context>
    <name>EStopButton</name>
    <message>
        <location filename="../widgets/estop.py" line="+66"/>
        <location line="+4"/>
        <location line="+29"/>
        <location line="+1"/>
        <source>EMERGENCY STOP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EStopPanel</name>
    <message>
        <location line="+118"/>
        <source>Reset refused: %s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stop circuit (PLC): RUNNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop circuit (PLC): STOPPED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop circuit (PLC): UNKNOWN — no read-back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop requested — waiting for the PLC…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop confirmed by the PLC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Supplements the hard-wired e-stop — does not replace it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset the stop circuit? The line may start again. Make sure nobody is in a danger zone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Confirm reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
</context>
<context>
    <name>EStopWindow</name>
    <message>
        <location line="+61"/>
        <source>Emergency stop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayoutHost</name>
    <message>
        <location filename="../widgets/layout_host.py" line="+70"/>
        <source>⚠ Panel “{id}” (type “{type}”) cannot be shown:
{reason}</source>
        <translation>⚠ Feld „{id}“ (Typ „{type}“) kann nicht angezeigt werden:
{reason}</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>unknown panel type (known: {known})</source>
        <translation>unbekannter Feldtyp (bekannt: {known})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/shell.py" line="+78"/>
        <source>{source}: connected</source>
        <translation>{source}: verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{source}: connecting</source>
        <translation>{source}: verbindet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reconnecting · no data for {age}</source>
        <translation>verbindet neu · keine Daten seit {age}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>OFFLINE · no data for {age}</source>
        <translation>OFFLINE · keine Daten seit {age}</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Only a supervisor or an administrator can leave kiosk mode. Sign in with such a role first.</source>
        <translation>Nur Schichtleitung oder Administration kann den Kiosk-Modus verlassen. Bitte zuerst mit dieser Rolle anmelden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Kiosk mode</source>
        <translation>Kiosk-Modus</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>LineSide — {plant}</source>
        <translation>LineSide — {plant}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No alarm summary available</source>
        <translation>Keine Alarmübersicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-stop not connected: use the hard-wired emergency stop</source>
        <translation>Not-Halt nicht verbunden: den fest verdrahteten Not-Halt benutzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit kiosk</source>
        <translation>Kiosk verlassen</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../widgets/overlay.py" line="+61"/>
        <location line="+56"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../widgets/shell.py" line="-276"/>
        <source>Operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Instandhaltung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Safety officer</source>
        <translation>Sicherheitsfachkraft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Supervisor</source>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>Setpoint</name>
    <message>
        <location filename="../widgets/setpoint.py" line="+69"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Allowed: {low} to {high} {unit}</source>
        <translation>Zulässig: {low} bis {high} {unit}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BAD (no valid value)</source>
        <translation>GESTÖRT (kein gültiger Wert)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sign in to change setpoints.</source>
        <translation>Zum Ändern von Sollwerten bitte anmelden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role ({role}) may not change setpoints. Ask a team lead or maintenance.</source>
        <translation>Ihre Rolle ({role}) darf keine Sollwerte ändern. Bitte Teamleitung oder Instandhaltung fragen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+42"/>
        <location line="+9"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>{name}: now {old}.</source>
        <translation>{name}: aktuell {old}.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change {name}
from {old}
to {new} {unit}?</source>
        <translation>{name} ändern
von {old}
auf {new} {unit}?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing {new} {unit} to the PLC…</source>
        <translation>Schreibe {new} {unit} in die SPS…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Done. The PLC reads back {value}.</source>
        <translation>Erledigt. Die SPS meldet zurück: {value}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: the PLC did not take the requested value {new}.</source>
        <translation>Achtung: Die SPS hat den angeforderten Wert {new} nicht übernommen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The write failed: {error}
The setpoint is unchanged ({old}).</source>
        <translation>Schreiben fehlgeschlagen: {error}
Der Sollwert ist unverändert ({old}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“{text}” is not a number.</source>
        <translation>„{text}“ ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{value} is below the lowest allowed value {low} {unit}.</source>
        <translation>{value} liegt unter dem kleinsten zulässigen Wert {low} {unit}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{value} is above the highest allowed value {high} {unit}.</source>
        <translation>{value} liegt über dem größten zulässigen Wert {high} {unit}.</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Change setpoint: {name}</source>
        <translation>Sollwert ändern: {name}</translation>
    </message>
</context>
<context>
    <name>StateLamp</name>
    <message>
        <location filename="../widgets/lamp.py" line="+54"/>
        <source>RUNNING</source>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IDLE</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAULT</source>
        <translation>STÖRUNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAINTENANCE</source>
        <translation>WARTUNG</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../widgets/station_panel.py" line="+49"/>
        <location line="+72"/>
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Cycles</source>
        <translation>Takte</translation>
    </message>
</context>
<context>
    <name>TrendPanel</name>
    <message>
        <location filename="../widgets/trend_panel.py" line="+24"/>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../widgets/trend.py" line="+457"/>
        <source>History not available: {error}</source>
        <translation>Verlauf nicht verfügbar: {error}</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Back to live scrolling</source>
        <translation>Zurück zur Live-Anzeige</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop scrolling; data is still recorded</source>
        <translation>Anzeige anhalten; Daten werden weiter aufgezeichnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cursor</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cursor at {time}</source>
        <translation>Cursor bei {time}</translation>
    </message>
</context>
<context>
    <name>ValueTile</name>
    <message>
        <location filename="../widgets/value_tile.py" line="+42"/>
        <source>ON</source>
        <translation>EIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OFF</source>
        <translation>AUS</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>last {value} {unit}</source>
        <translation>zuletzt {value} {unit}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>BAD quality</source>
        <translation>Qualität GESTÖRT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>STALE · {age} old</source>
        <translation>VERALTET · {age} alt</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>▲ HIGH · limit {limit}</source>
        <translation>▲ HOCH · Grenze {limit}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>▼ LOW · limit {limit}</source>
        <translation>▼ TIEF · Grenze {limit}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>? UNCERTAIN quality</source>
        <translation>? Qualität UNSICHER</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <location filename="../widgets/station_panel.py" line="+17"/>
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../widgets/trend_panel.py" line="+31"/>
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
</TS>
