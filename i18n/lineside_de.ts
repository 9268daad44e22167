<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>About</name>
    <message>
        <location filename="../widgets/about.py" line="+35" />
        <source>installed bundle</source>
        <translation>installiertes Paket</translation>
    </message>
    <message>
        <location line="+1" />
        <source>source</source>
        <translation>Quellcode</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Site file</source>
        <translation>Standortdatei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Store</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Runtime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <location line="+35" />
        <source>About</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Version and installation of this terminal</source>
        <translation>Version und Installation dieses Terminals</translation>
    </message>
</context>
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="+169" />
        <source>Alarm banner</source>
        <translation>Alarmleiste</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+106" />
        <source>ALARM FLOOD</source>
        <translation>ALARMFLUT</translation>
    </message>
    <message>
        <location line="-55" />
        <source>Alarms not available</source>
        <translation>Alarme nicht verfügbar</translation>
    </message>
    <message>
        <location line="+19" />
        <source>No active alarms</source>
        <translation>Keine aktiven Alarme</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Unack: %n</source>
        <translation>Unquittiert: %n</translation>
    </message>
</context>
<context>
    <name>AlarmEvent</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="+719" />
        <source>activated</source>
        <translation>gekommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>returned to normal</source>
        <translation>gegangen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelved</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>unshelved</source>
        <translation>reaktiviert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelving expired</source>
        <translation>Zurückstellung abgelaufen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>suppressed by design</source>
        <translation>planmäßig unterdrückt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>no longer suppressed</source>
        <translation>nicht mehr unterdrückt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taken out of service</source>
        <translation>außer Betrieb genommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>returned to service</source>
        <translation>wieder in Betrieb genommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>chattering</source>
        <translation>flatternd</translation>
    </message>
    <message>
        <location line="+1" />
        <source>chattering ended</source>
        <translation>Flattern beendet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>alarm flood began</source>
        <translation>Alarmflut begonnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>alarm flood ended</source>
        <translation>Alarmflut beendet</translation>
    </message>
</context>
<context>
    <name>AlarmKpi</name>
    <message>
        <location filename="../widgets/alarm_kpi.py" line="+48" />
        <source>acceptable</source>
        <translation>akzeptabel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>manageable</source>
        <translation>beherrschbar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OVERLOADED</source>
        <translation>ÜBERLASTET</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{n} s</source>
        <translation>{n} s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>{n} min</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} h</source>
        <translation>{n} h</translation>
    </message>
    <message>
        <location line="+97" />
        <source>High (P1-2)</source>
        <translation>Hoch (P1-2)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Medium (P3)</source>
        <translation>Mittel (P3)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Low (P4)</source>
        <translation>Niedrig (P4)</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{share} % (target {target} %)</source>
        <translation>{share} % (Ziel {target} %)</translation>
    </message>
    <message>
        <location line="+62" />
        <source>No journal: this terminal has no store</source>
        <translation>Kein Journal: dieses Terminal hat keinen Speicher</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Could not compute: {e}</source>
        <translation>Nicht berechenbar: {e}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>updated {t}</source>
        <translation>aktualisiert {t}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Per 10 min, per operator</source>
        <translation>Pro 10 min und Bediener</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{load} · target 1, at most 2</source>
        <translation>{load} · Ziel 1, höchstens 2</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Per hour</source>
        <translation>Pro Stunde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>target 6, at most 12 · {n} in all</source>
        <translation>Ziel 6, höchstens 12 · {n} insgesamt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Busiest 10 min</source>
        <translation>Stärkste 10 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a flood is more than 10</source>
        <translation>eine Alarmflut sind mehr als 10</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Time in flood</source>
        <translation>Zeit in Alarmflut</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{share} % · target under 1 %</source>
        <translation>{share} % · Ziel unter 1 %</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Chattering</source>
        <translation>Flatternd</translation>
    </message>
    <message>
        <location line="+1" />
        <source>3 in a minute · target 0</source>
        <translation>3 pro Minute · Ziel 0</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stale (over 24 h)</source>
        <translation>Veraltet (über 24 h)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>target 0</source>
        <translation>Ziel 0</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{n} times in the period</source>
        <translation>{n}-mal im Zeitraum</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <location line="+1" />
        <source>review each one</source>
        <translation>jeden einzeln prüfen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>The 10 most frequent alarms: {share} % of all</source>
        <translation>Die 10 häufigsten Alarme: {share} % aller</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Alarm performance, last {h} h</source>
        <translation>Alarmkennzahlen, letzte {h} h</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority mix (target 5 / 15 / 80 %)</source>
        <translation>Prioritätenmix (Ziel 5 / 15 / 80 %)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The 10 most frequent alarms</source>
        <translation>Die 10 häufigsten Alarme</translation>
    </message>
    <message>
        <location line="+29" />
        <source>Alarm KPIs could not be computed: {e}</source>
        <translation>Alarmkennzahlen nicht berechenbar: {e}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Last 24 h: {r10} alarms per 10 min ({load}) · {r60} per hour · flood {flood} · chattering {chat} · stale {stale} · shelved {shelved} · out of service {oos}</source>
        <translation>Letzte 24 h: {r10} Alarme pro 10 min ({load}) · {r60} pro Stunde · Flut {flood} · flatternd {chat} · veraltet {stale} · zurückgestellt {shelved} · außer Betrieb {oos}</translation>
    </message>
</context>
<context>
    <name>AlarmState</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="-211" />
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unacknowledged</source>
        <translation>Unquittiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cleared, unacknowledged</source>
        <translation>Gegangen, unquittiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
</context>
<context>
    <name>AlarmTable</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="-639" />
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%n h</source>
        <translation>%n h</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Sign in to %1</source>
        <translation>Anmeldung nötig für: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your role (%1) may not %2</source>
        <translation>Ihre Rolle (%1) darf nicht: %2</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_journal.py" line="+50" />
        <location filename="../widgets/alarm_table.py" line="+0" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="-1" />
        <location filename="../widgets/alarm_table.py" line="+1" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="+0" />
        <location filename="../widgets/alarm_table.py" line="+0" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_table.py" line="+1" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+63" />
        <source>first out</source>
        <translation>Erstmeldung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>chattering</source>
        <translation>flatternd</translation>
    </message>
    <message>
        <location line="+2" />
        <source>until %1 (%2)</source>
        <translation>bis %1 (%2)</translation>
    </message>
    <message>
        <location line="+31" />
        <location line="+145" />
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="-142" />
        <source>Unacknowledged</source>
        <translation>Unquittiert</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+432" />
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <location line="-431" />
        <location line="+460" />
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="-459" />
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+454" />
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <location line="-453" />
        <source>All defined</source>
        <translation>Alle definierten</translation>
    </message>
    <message>
        <location line="+60" />
        <location line="+28" />
        <source>Shelve</source>
        <translation>Zurückstellen</translation>
    </message>
    <message>
        <location line="-27" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+2" />
        <source>For how long</source>
        <translation>Wie lange</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Take out of service: %1</source>
        <translation>Außer Betrieb nehmen: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelve: %1</source>
        <translation>Zurückstellen: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Take out of service</source>
        <translation>Außer Betrieb nehmen</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_journal.py" line="+1" />
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <location line="+1" />
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+24" />
        <source>No journal: this terminal has no local store</source>
        <translation>Kein Journal: Dieses Terminal hat keinen lokalen Speicher</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The journal could not be read: %1</source>
        <translation>Journal nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%n entries</source>
        <translation>Einträge: %n</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_table.py" line="+32" />
        <source>All priorities</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Priority %1</source>
        <translation>Priorität %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Search alarms</source>
        <translation>Alarme suchen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Journal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <location line="+38" />
        <source>History of the selected alarm</source>
        <translation>Verlauf des gewählten Alarms</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Acknowledge all visible</source>
        <translation>Alle sichtbaren quittieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shelve…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Unshelve</source>
        <translation>Reaktivieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Out of service…</source>
        <translation>Außer Betrieb…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Return to service</source>
        <translation>In Betrieb nehmen</translation>
    </message>
    <message>
        <location line="+65" />
        <source>Alarms not available</source>
        <translation>Alarme nicht verfügbar</translation>
    </message>
    <message>
        <location line="+90" />
        <source>Camera {camera} at {time}</source>
        <translation>Kamera {camera} um {time}</translation>
    </message>
    <message>
        <location line="+13" />
        <location line="+3" />
        <source>acknowledge alarms</source>
        <translation>Alarme quittieren</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Select an unacknowledged alarm</source>
        <translation>Einen unquittierten Alarm wählen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No unacknowledged alarm is shown</source>
        <translation>Kein unquittierter Alarm angezeigt</translation>
    </message>
    <message>
        <location line="+4" />
        <location line="+4" />
        <source>shelve alarms</source>
        <translation>Alarme zurückstellen</translation>
    </message>
    <message>
        <location line="-3" />
        <source>Select an alarm to shelve</source>
        <translation>Zurückzustellenden Alarm wählen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Select a shelved alarm</source>
        <translation>Einen zurückgestellten Alarm wählen</translation>
    </message>
    <message>
        <location line="+4" />
        <source>take alarms out of service</source>
        <translation>Alarme außer Betrieb nehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select an alarm in service</source>
        <translation>Einen Alarm in Betrieb wählen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>return alarms to service</source>
        <translation>Alarme wieder in Betrieb nehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Select an alarm out of service</source>
        <translation>Einen Alarm außer Betrieb wählen</translation>
    </message>
    <message>
        <location line="+40" />
        <source>%n acknowledged</source>
        <translation>%n quittiert</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Returned to service</source>
        <translation>Wieder in Betrieb</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unshelved</source>
        <translation>Reaktiviert</translation>
    </message>
</context>
<context>
    <name>Andon</name>
    <message>
        <location filename="../widgets/andon.py" line="+40" />
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Other</source>
        <translation>Sonstiges</translation>
    </message>
    <message>
        <location line="+4" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taken</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Station: %1</source>
        <translation>Station: %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Note (optional)</source>
        <translation>Notiz (optional)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What is the problem? One touch sends it.</source>
        <translation>Was ist das Problem? Ein Tippen sendet es.</translation>
    </message>
    <message>
        <location line="+41" />
        <location line="+79" />
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
    <message>
        <location line="-1" />
        <source>Problems (andon)</source>
        <translation>Probleme (Andon)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Take</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close as fixed</source>
        <translation>Als behoben schließen</translation>
    </message>
    <message>
        <location line="+12" />
        <source>No andon board configured (needs a broker)</source>
        <translation>Keine Andon-Tafel konfiguriert (Broker nötig)</translation>
    </message>
    <message>
        <location line="+9" />
        <source>taken by %1</source>
        <translation>übernommen von %1</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Sign in as maintenance or team lead to take problems</source>
        <translation>Zum Übernehmen als Instandhaltung oder Teamleitung anmelden</translation>
    </message>
    <message>
        <location line="+15" />
        <source>%1 problem: you are on it</source>
        <translation>%1-Problem: Sie kümmern sich darum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 problem closed</source>
        <translation>%1-Problem geschlossen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 problem is open again</source>
        <translation>%1-Problem ist wieder offen</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../widgets/application.py" line="+49" />
        <source>Your saved layout could not be read, so your role's default layout is shown. Saving a layout replaces it.</source>
        <translation>Ihr gespeichertes Layout ist nicht lesbar; das Standardlayout Ihrer Rolle wird angezeigt. Speichern ersetzt es.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your saved layout was made by a newer LineSide, so your role's default layout is shown until this terminal is updated.</source>
        <translation>Ihr gespeichertes Layout stammt aus einer neueren LineSide-Version; bis zum Update dieses Terminals wird das Standardlayout Ihrer Rolle angezeigt.</translation>
    </message>
    <message>
        <location line="+91" />
        <source>Edit layout</source>
        <translation>Layout bearbeiten</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Local store problem: {problem}. Values are kept in memory and written when there is room again; messages this terminal cannot store are refused with a message. Tell plant IT.</source>
        <translation>Problem mit dem lokalen Speicher: {problem}. Werte bleiben im Arbeitsspeicher und werden geschrieben, sobald wieder Platz ist; Meldungen, die nicht gespeichert werden können, werden mit Hinweis abgelehnt. Bitte die Werks-IT informieren.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>The local store was damaged and has been replaced by a new one; what could be read was kept. Tell plant IT: {detail}.</source>
        <translation>Der lokale Speicher war beschädigt und wurde durch einen neuen ersetzt; was lesbar war, wurde übernommen. Bitte die IT informieren: {detail}.</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Not running: {services}. The rest of this terminal works; tell plant IT (details in the log).</source>
        <translation>Nicht aktiv: {services}. Der Rest des Terminals arbeitet; bitte die IT informieren (Details im Protokoll).</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="+4" />
        <source>About this terminal</source>
        <translation>Über dieses Terminal</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Edit my layout</source>
        <translation>Mein Layout bearbeiten</translation>
    </message>
</context>
<context>
    <name>BarGauge</name>
    <message>
        <location filename="../widgets/gauge.py" line="+73" />
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
</context>
<context>
    <name>Camera</name>
    <message>
        <location filename="../widgets/camera.py" line="+73" />
        <source>LIVE</source>
        <translation>LIVE</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NO SIGNAL</source>
        <translation>KEIN SIGNAL</translation>
    </message>
    <message>
        <location line="+35" />
        <source>no picture for a while</source>
        <translation>seit einer Weile kein Bild</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{why} · reconnecting by itself</source>
        <translation>{why} · verbindet sich selbst neu</translation>
    </message>
    <message>
        <location line="+45" />
        <source>No cameras are configured ([[cameras]] in the site file)</source>
        <translation>Keine Kameras konfiguriert ([[cameras]] in der Standortdatei)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Unknown camera “{id}” (cameras: {known})</source>
        <translation>Unbekannte Kamera „{id}“ (Kameras: {known})</translation>
    </message>
</context>
<context>
    <name>Channels</name>
    <message>
        <location filename="../widgets/channels.py" line="+32" />
        <source>Production</source>
        <translation>Produktion</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance</source>
        <translation>Instandhaltung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Logistics</source>
        <translation>Logistik</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purchasing</source>
        <translation>Einkauf</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EHS</source>
        <translation>Arbeitssicherheit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shift log</source>
        <translation>Schichtbuch</translation>
    </message>
    <message>
        <location line="+56" />
        <location line="+52" />
        <source>Write a message</source>
        <translation>Nachricht schreiben</translation>
    </message>
    <message>
        <location line="-51" />
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mention nobody</source>
        <translation>Niemanden erwähnen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Mention %1</source>
        <translation>%1 erwähnen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No station</source>
        <translation>Keine Station</translation>
    </message>
    <message>
        <location line="+13" />
        <source>No channels on this terminal</source>
        <translation>Keine Kanäle auf diesem Terminal</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Sign in to write</source>
        <translation>Zum Schreiben anmelden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>You write in %1 and the shift log</source>
        <translation>Sie schreiben in %1 und im Schichtbuch</translation>
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
        <translation>NOT-HALT</translation>
    </message>
</context>
<context>
    <name>EStopPanel</name>
    <message>
        <location line="+213" />
        <source>Reset refused: %s</source>
        <translation>Rücksetzen abgelehnt: %s</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Start refused: %s</source>
        <translation>Start abgelehnt: %s</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Stop circuit (PLC): RUNNING</source>
        <translation>Not-Halt-Kreis (SPS): LÄUFT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop circuit (PLC): STOPPED</source>
        <translation>Not-Halt-Kreis (SPS): GESTOPPT</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop circuit (PLC): RESET — line stopped, ready to start</source>
        <translation>Not-Halt-Kreis (SPS): QUITTIERT — Linie steht, startbereit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop circuit (PLC): UNKNOWN — no read-back</source>
        <translation>Not-Halt-Kreis (SPS): UNBEKANNT — keine Rückmeldung</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stop requested — waiting for the PLC…</source>
        <translation>Halt angefordert — warte auf SPS…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop confirmed by the PLC</source>
        <translation>Halt von der SPS bestätigt</translation>
    </message>
    <message>
        <location line="+5" />
        <source>STOP NOT CONFIRMED — USE THE HARD-WIRED EMERGENCY STOP</source>
        <translation>HALT NICHT BESTÄTIGT — FEST VERDRAHTETEN NOT-HALT BETÄTIGEN</translation>
    </message>
    <message numerus="yes">
        <location line="+21" />
        <source>WARNING: THE LINE STARTS IN %n s — keep clear</source>
        <translation><numerusform>WARNUNG: DIE LINIE STARTET IN %n s — Abstand halten</numerusform><numerusform>WARNUNG: DIE LINIE STARTET IN %n s — Abstand halten</numerusform></translation>
    </message>
    <message>
        <location line="+40" />
        <source>Supplements the hard-wired e-stop — does not replace it</source>
        <translation>Ergänzt den fest verdrahteten Not-Halt — ersetzt ihn nicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset…</source>
        <translation>Rücksetzen…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Start…</source>
        <translation>Start…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel start</source>
        <translation>Start abbrechen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Start the line? A pre-start warning of %1 s runs first. Make sure nobody is in a danger zone.</source>
        <translation>Linie starten? Zuerst läuft eine Anlaufwarnung von %1 s. Stellen Sie sicher, dass niemand im Gefahrenbereich ist.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Confirm start</source>
        <translation>Start bestätigen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Reset the stop circuit? The line stays stopped until someone starts it. Make sure nobody is in a danger zone.</source>
        <translation>Not-Halt-Kreis quittieren? Die Linie bleibt stehen, bis jemand sie startet. Stellen Sie sicher, dass niemand im Gefahrenbereich ist.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Confirm reset</source>
        <translation>Rücksetzen bestätigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>EStopWindow</name>
    <message>
        <location line="+64" />
        <source>Emergency stop</source>
        <translation>Not-Halt</translation>
    </message>
</context>
<context>
    <name>Energy</name>
    <message>
        <location filename="../widgets/energy_panel.py" line="+49" />
        <source>Live shift</source>
        <translation>Laufende Schicht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location line="+1" />
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <location line="+18" />
        <source>%1: let it sleep after %2 min idle</source>
        <translation>%1: nach %2 min Stillstand schlafen lassen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1: set back air and heat while the line stands</source>
        <translation>%1: Luft und Heizung absenken, solange die Linie steht</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Stagger start-up after breaks and shift change</source>
        <translation>Anlauf nach Pausen und Schichtwechsel staffeln</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1 kWh drawn idle; %2 min of it more than %3 min into a stop, at %4 kW (asleep: %5 kW)</source>
        <translation>%1 kWh im Stillstand bezogen; %2 min davon mehr als %3 min nach Stillstandsbeginn, bei %4 kW (schlafend: %5 kW)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Demand peaked at %1 kW against a contract limit of %2 kW</source>
        <translation>Lastspitze %1 kW gegenüber einer Vertragsgrenze von %2 kW</translation>
    </message>
    <message>
        <location line="+91" />
        <source>Waiting for meter data</source>
        <translation>Warte auf Zählerdaten</translation>
    </message>
    <message>
        <location line="+38" />
        <source>Recovered heat %1 kW</source>
        <translation>Rückgewonnene Wärme %1 kW</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Grid</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PV</source>
        <translation>PV</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Nothing measured yet</source>
        <translation>Noch nichts gemessen</translation>
    </message>
    <message>
        <location line="+55" />
        <source>kWh per vehicle, by hour</source>
        <translation>kWh pro Fahrzeug, nach Stunde</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No vehicles yet in this period</source>
        <translation>Noch keine Fahrzeuge in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+31" />
        <source>baseline %1</source>
        <translation>Basis %1</translation>
    </message>
    <message>
        <location line="+23" />
        <source>Saves about %1 kWh, %2 %3 and %4 kg CO2e a week</source>
        <translation>Spart etwa %1 kWh, %2 %3 und %4 kg CO2e pro Woche</translation>
    </message>
    <message>
        <location line="+15" />
        <source>On site</source>
        <translation>Vor Ort</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Needs a change on site; there is no switch for it</source>
        <translation>Erfordert eine Änderung vor Ort; dafür gibt es keinen Schalter</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Applied</source>
        <translation>Angewendet</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in as team lead, maintenance or supervisor to apply</source>
        <translation>Zum Anwenden als Teamleiter, Instandhaltung oder Schichtleiter anmelden</translation>
    </message>
    <message>
        <location line="+164" />
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location line="+3" />
        <source>What to change</source>
        <translation>Was zu ändern ist</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This site configures no energy meters ([energy] in the site file)</source>
        <translation>Dieser Standort hat keine Energiezähler ([energy] in der Standortdatei)</translation>
    </message>
    <message>
        <location line="+35" />
        <source>better</source>
        <translation>besser</translation>
    </message>
    <message>
        <location line="+0" />
        <source>worse</source>
        <translation>schlechter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>baseline %1 · %2 % %3</source>
        <translation>Basis %1 · %2 % %3</translation>
    </message>
    <message>
        <location line="+4" />
        <source>kWh per vehicle</source>
        <translation>kWh pro Fahrzeug</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Idle now</source>
        <translation>Stillstand jetzt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 stations standing, still drawing</source>
        <translation>%1 Stationen stehen und ziehen trotzdem Strom</translation>
    </message>
    <message>
        <location line="+2" />
        <source>every station producing</source>
        <translation>alle Stationen produzieren</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Idle waste</source>
        <translation>Stillstandsverbrauch</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 % of %2 kWh</source>
        <translation>%1 % von %2 kWh</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Renewable (PV)</source>
        <translation>Erneuerbar (PV)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recovered heat %1 kWh</source>
        <translation>rückgewonnene Wärme %1 kWh</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CO2e per vehicle</source>
        <translation>CO2e pro Fahrzeug</translation>
    </message>
    <message>
        <location line="+2" />
        <source>market-based %1 kg</source>
        <translation>marktbasiert %1 kg</translation>
    </message>
    <message>
        <location line="+2" />
        <source>peak %1 of %2 kW</source>
        <translation>Spitze %1 von %2 kW</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cost per vehicle</source>
        <translation>Kosten pro Fahrzeug</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+84" />
        <source>Energy — %1</source>
        <translation>Energie — %1</translation>
    </message>
    <message>
        <location line="-83" />
        <source>%1 shift</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Largest consumers</source>
        <translation>Größte Verbraucher</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Largest idle wastes</source>
        <translation>Größte Stillstandsverluste</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Nothing to change in this period</source>
        <translation>In diesem Zeitraum nichts zu ändern</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Sending to the PLC…</source>
        <translation>Wird an die SPS gesendet…</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Not applied: %1</source>
        <translation>Nicht angewendet: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Applied: %1</source>
        <translation>Angewendet: %1</translation>
    </message>
    <message>
        <location line="+41" />
        <source>line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No energy meters on this site</source>
        <translation>Keine Energiezähler an diesem Standort</translation>
    </message>
    <message>
        <location line="+14" />
        <source>%1 kWh/vehicle</source>
        <translation>%1 kWh/Fahrzeug</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Idle now: %1 kW</source>
        <translation>Stillstand jetzt: %1 kW</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Drawing %1 kW</source>
        <translation>Bezieht %1 kW</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Idle this shift: %1 kWh</source>
        <translation>Stillstand diese Schicht: %1 kWh</translation>
    </message>
</context>
<context>
    <name>Environment</name>
    <message>
        <location filename="../widgets/environment_panel.py" line="+41" />
        <source>within limit</source>
        <translation>innerhalb des Grenzwerts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>on course to exceed</source>
        <translation>auf Kurs zur Überschreitung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>EXCEEDED</source>
        <translation>ÜBERSCHRITTEN</translation>
    </message>
    <message>
        <location line="+7" />
        <source>%1-min mean</source>
        <translation>%1-min-Mittel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>daily mean</source>
        <translation>Tagesmittel</translation>
    </message>
    <message>
        <location line="+2" />
        <source>today</source>
        <translation>heute</translation>
    </message>
    <message>
        <location line="+2" />
        <source>this month</source>
        <translation>diesen Monat</translation>
    </message>
    <message>
        <location line="+87" />
        <source>projected %1</source>
        <translation>Prognose %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>limit %1</source>
        <translation>Grenzwert %1</translation>
    </message>
    <message>
        <location line="+70" />
        <source>Environment and permit limits</source>
        <translation>Umwelt und Genehmigungsgrenzwerte</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Warnings, exceedances, anomalies</source>
        <translation>Warnungen, Überschreitungen, Auffälligkeiten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No environment monitoring configured</source>
        <translation>Keine Umweltüberwachung konfiguriert</translation>
    </message>
    <message>
        <location line="+16" />
        <source>Exceedance</source>
        <translation>Überschreitung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Early warning</source>
        <translation>Frühwarnung</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Cause: %1 · done: %2 (%3)</source>
        <translation>Ursache: %1 · getan: %2 (%3)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Note cause…</source>
        <translation>Ursache eintragen…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Anomaly (%1) · %2: %3</source>
        <translation>Auffälligkeit (%1) · %2: %3</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Dismiss…</source>
        <translation>Verwerfen…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No warnings, exceedances or anomalies in the last day</source>
        <translation>Keine Warnungen, Überschreitungen oder Auffälligkeiten am letzten Tag</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <location line="+1" />
        <source>What was done</source>
        <translation>Was getan wurde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save note</source>
        <translation>Notiz speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Exceedance note</source>
        <translation>Notiz zur Überschreitung</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Why is it not a problem?</source>
        <translation>Warum ist es kein Problem?</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+1" />
        <source>Dismiss anomaly</source>
        <translation>Auffälligkeit verwerfen</translation>
    </message>
</context>
<context>
    <name>EsgReport</name>
    <message>
        <location filename="../widgets/esg_pdf.py" line="+38" />
        <source>ESG report</source>
        <translation>ESG-Bericht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>made</source>
        <translation>erstellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>none in this period</source>
        <translation>keine in diesem Zeitraum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Energy per day</source>
        <translation>Energie pro Tag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e per day (location-based)</source>
        <translation>CO2e pro Tag (standortbasiert)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 per day against its limit</source>
        <translation>%1 pro Tag gegen seinen Grenzwert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>over the limit on</source>
        <translation>über dem Grenzwert am</translation>
    </message>
    <message>
        <location filename="../app/environment/esg.py" line="+46" />
        <source>energy (kWh)</source>
        <translation>Energie (kWh)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>vehicles</source>
        <translation>Fahrzeuge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kWh per vehicle</source>
        <translation>kWh pro Fahrzeug</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t CO2e (location-based)</source>
        <translation>t CO2e (standortbasiert)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>t CO2e (market-based)</source>
        <translation>t CO2e (marktbasiert)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kg CO2e per vehicle</source>
        <translation>kg CO2e pro Fahrzeug</translation>
    </message>
    <message>
        <location line="+1" />
        <source>renewable share %</source>
        <translation>Anteil erneuerbar %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recovered kWh</source>
        <translation>rückgewonnene kWh</translation>
    </message>
    <message>
        <location line="+1" />
        <source>idle share %</source>
        <translation>Stillstandsanteil %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>waste (kg)</source>
        <translation>Abfall (kg)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recycled %</source>
        <translation>verwertet %</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+219" />
        <source>exceedances</source>
        <translation>Überschreitungen</translation>
    </message>
    <message>
        <location line="-218" />
        <location line="+352" />
        <source>emergency stops</source>
        <translation>Not-Halte</translation>
    </message>
    <message>
        <location line="-351" />
        <source>hazard alarms</source>
        <translation>Gefahrenalarme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>safety reports</source>
        <translation>Sicherheitsmeldungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>health alerts</source>
        <translation>Gesundheitswarnungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>median s to acknowledge</source>
        <translation>Median s bis Quittierung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>exceedances with a note</source>
        <translation>Überschreitungen mit Notiz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>setpoint changes</source>
        <translation>Sollwertänderungen</translation>
    </message>
    <message>
        <location line="+163" />
        <source>Energy and greenhouse gases</source>
        <translation>Energie und Treibhausgase</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+178" />
        <location line="+17" />
        <location line="+100" />
        <location filename="../app/environment/esg_daily.py" line="+67" />
        <source>figure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <location line="-294" />
        <location line="+194" />
        <location line="+61" />
        <location line="+39" />
        <location filename="../app/environment/esg_daily.py" line="+1" />
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="-293" />
        <location line="+42" />
        <location filename="../app/environment/esg_daily.py" line="+1" />
        <source>unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <location line="-38" />
        <source>energy used</source>
        <translation>Energieverbrauch</translation>
    </message>
    <message>
        <location line="+1" />
        <source>vehicles produced</source>
        <translation>produzierte Fahrzeuge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>energy per vehicle</source>
        <translation>Energie pro Fahrzeug</translation>
    </message>
    <message>
        <location line="+2" />
        <source>idle energy (nothing produced)</source>
        <translation>Stillstandsenergie (nichts produziert)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>renewable share (own PV)</source>
        <translation>Anteil erneuerbar (eigene PV)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>recovered heat</source>
        <translation>rückgewonnene Wärme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>grid import</source>
        <translation>Netzbezug</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e location-based</source>
        <translation>CO2e standortbasiert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e market-based</source>
        <translation>CO2e marktbasiert</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CO2e per vehicle (location)</source>
        <translation>CO2e pro Fahrzeug (standortbasiert)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>peak demand</source>
        <translation>Lastspitze</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Emissions against permit limits</source>
        <translation>Emissionen gegenüber Genehmigungsgrenzwerten</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+61" />
        <location line="+152" />
        <location filename="../app/environment/esg_daily.py" line="-4" />
        <source>parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <location line="-212" />
        <source>rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+214" />
        <location filename="../widgets/esg_pdf.py" line="-1" />
        <source>limit</source>
        <translation>Grenzwert</translation>
    </message>
    <message>
        <location line="-212" />
        <source>period value</source>
        <translation>Wert im Zeitraum</translation>
    </message>
    <message>
        <location line="+1" />
        <source>maximum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location line="+2" />
        <source>early warnings</source>
        <translation>Frühwarnungen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>good data %</source>
        <translation>gute Daten %</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Waste by category</source>
        <translation>Abfall nach Kategorie</translation>
    </message>
    <message>
        <location line="+2" />
        <source>category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>kg</source>
        <translation>kg</translation>
    </message>
    <message>
        <location line="+1" />
        <source>recycled</source>
        <translation>verwertet</translation>
    </message>
    <message>
        <location line="+41" />
        <source>Anomalies found</source>
        <translation>Gefundene Auffälligkeiten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>found</source>
        <translation>gefunden</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+152" />
        <source>kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <location line="-151" />
        <source>evidence</source>
        <translation>Beleg</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+253" />
        <source>status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-252" />
        <source>reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Environment</source>
        <translation>Umwelt</translation>
    </message>
    <message>
        <location line="+37" />
        <source>danger-zone intrusions</source>
        <translation>Eindringen in Gefahrenbereiche</translation>
    </message>
    <message>
        <location line="+2" />
        <source>hazardous gas alarms</source>
        <translation>Gasalarme</translation>
    </message>
    <message>
        <location line="+2" />
        <source>smoke alarms</source>
        <translation>Rauchalarme</translation>
    </message>
    <message>
        <location line="+2" />
        <source>other hazard alarms</source>
        <translation>sonstige Gefahrenalarme</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Safety (no personal data)</source>
        <translation>Sicherheit (ohne personenbezogene Daten)</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+131" />
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location line="-126" />
        <source>safety problems reported (andon)</source>
        <translation>gemeldete Sicherheitsprobleme (Andon)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Health alerts per shift</source>
        <translation>Gesundheitswarnungen pro Schicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location line="+0" />
        <source>alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Time to acknowledge alarms</source>
        <translation>Zeit bis zur Quittierung</translation>
    </message>
    <message>
        <location line="+3" />
        <source>alarms activated</source>
        <translation>ausgelöste Alarme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>median seconds</source>
        <translation>Median Sekunden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>90th percentile seconds</source>
        <translation>90. Perzentil Sekunden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>never acknowledged</source>
        <translation>nie quittiert</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Social</source>
        <translation>Soziales</translation>
    </message>
    <message>
        <location line="+40" />
        <source>Exceedances and early warnings</source>
        <translation>Überschreitungen und Frühwarnungen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>from</source>
        <translation>von</translation>
    </message>
    <message>
        <location line="+1" />
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+5" />
        <source>cause</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+50" />
        <source>action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location line="-49" />
        <source>noted by</source>
        <translation>notiert von</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Alarm management (ISA-18.2)</source>
        <translation>Alarmmanagement (ISA-18.2)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>alarms per operator hour</source>
        <translation>Alarme pro Bedienerstunde</translation>
    </message>
    <message>
        <location line="+1" />
        <source>time in flood %</source>
        <translation>Zeit in Alarmflut %</translation>
    </message>
    <message>
        <location line="+1" />
        <source>chattering alarms</source>
        <translation>flatternde Alarme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>stale alarms</source>
        <translation>veraltete Alarme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelved</source>
        <translation>zurückgestellt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>out of service</source>
        <translation>außer Betrieb</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Audit summary</source>
        <translation>Auditübersicht</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Governance</source>
        <translation>Unternehmensführung</translation>
    </message>
    <message>
        <location line="+31" />
        <source>Green supplier status</source>
        <translation>Status grüne Lieferanten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location line="+1" />
        <source>score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>environmental certificate</source>
        <translation>Umweltzertifikat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>valid to</source>
        <translation>gültig bis</translation>
    </message>
    <message>
        <location filename="../app/environment/esg_daily.py" line="-34" />
        <source>highest value</source>
        <translation>Höchstwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>highest block mean</source>
        <translation>höchster Blockmittelwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>highest rolling mean</source>
        <translation>höchster gleitender Mittelwert</translation>
    </message>
    <message>
        <location line="+3" />
        <source>lowest value</source>
        <translation>Tiefstwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lowest block mean</source>
        <translation>niedrigster Blockmittelwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>lowest rolling mean</source>
        <translation>niedrigster gleitender Mittelwert</translation>
    </message>
    <message>
        <location line="+3" />
        <source>daily mean</source>
        <translation>Tagesmittel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>daily total</source>
        <translation>Tagessumme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>month-to-date total</source>
        <translation>Monatssumme bis heute</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Emissions per day against permit limits</source>
        <translation>Emissionen pro Tag gegen die Genehmigungsgrenzwerte</translation>
    </message>
    <message>
        <location line="+3" />
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location line="+4" />
        <source>low limit</source>
        <translation>unterer Grenzwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>high limit</source>
        <translation>oberer Grenzwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>over limit</source>
        <translation>über Grenzwert</translation>
    </message>
</context>
<context>
    <name>EvacuationBanner</name>
    <message>
        <location filename="../widgets/evacuation.py" line="+62" />
        <source>(reported by terminal {terminal})</source>
        <translation>(gemeldet von Terminal {terminal})</translation>
    </message>
    <message>
        <location line="+4" />
        <source>⚠ EVACUATE — LEAVE THE HALL NOW ⚠</source>
        <translation>⚠ EVAKUIEREN — HALLE SOFORT VERLASSEN ⚠</translation>
    </message>
</context>
<context>
    <name>FloorMap</name>
    <message>
        <location filename="../widgets/floor_map.py" line="+77" />
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>INTRUSION</source>
        <translation>SCHUTZBEREICH VERLETZT</translation>
    </message>
    <message>
        <location line="+36" />
        <source>No positions received yet</source>
        <translation>Noch keine Positionen empfangen</translation>
    </message>
    <message>
        <location line="+21" />
        <source>{m} m · hall {w} × {h} m</source>
        <translation>{m} m · Halle {w} × {h} m</translation>
    </message>
    <message>
        <location line="+148" />
        <source>No danger zones are configured ([[zones]] in the site file)</source>
        <translation>Keine Gefahrenbereiche konfiguriert ([[zones]] in der Standortdatei)</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../widgets/job_panel.py" line="+61" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+66" />
        <source>Release (team lead)</source>
        <translation>Freigabe (Teamleiter)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+67" />
        <source>Your qualification for %1 lapses in %2 days: book the refresher.</source>
        <translation>Ihre Qualifikation für %1 läuft in %2 Tagen ab: Auffrischung buchen.</translation>
    </message>
    <message>
        <location line="+12" />
        <source>You are not qualified for %1. A team lead must confirm that you work here supervised.</source>
        <translation>Sie sind für %1 nicht qualifiziert. Ein Teamleiter muss bestätigen, dass Sie hier unter Aufsicht arbeiten.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Team lead's user id</source>
        <translation>Benutzer-ID des Teamleiters</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Supervised session</source>
        <translation>Arbeit unter Aufsicht</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Supervised session confirmed by %1</source>
        <translation>Arbeit unter Aufsicht bestätigt von %1</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No job assistance configured</source>
        <translation>Keine Werkerführung konfiguriert</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no car</source>
        <translation>kein Fahrzeug</translation>
    </message>
    <message>
        <location line="+3" />
        <source>next: %1</source>
        <translation>als Nächstes: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Learning mode: every step in full, each one confirmed</source>
        <translation>Lernmodus: jeder Schritt vollständig, jeder einzeln bestätigt</translation>
    </message>
    <message>
        <location line="+19" />
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>in limits</source>
        <translation>in Toleranz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OUT OF LIMITS</source>
        <translation>AUSSER TOLERANZ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>released by %1</source>
        <translation>freigegeben von %1</translation>
    </message>
    <message>
        <location line="+12" />
        <source>All steps done for this car</source>
        <translation>Alle Schritte für dieses Fahrzeug erledigt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Waiting for the next car</source>
        <translation>Warte auf das nächste Fahrzeug</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>PPE</source>
        <translation>PSA</translation>
    </message>
    <message>
        <location line="+2" />
        <source>limits</source>
        <translation>Toleranz</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Enter %1</source>
        <translation>%1 eingeben</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Confirm step</source>
        <translation>Schritt bestätigen</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+46" />
        <source>Out of limits: rework and measure again, or a team lead releases it</source>
        <translation>Außer Toleranz: nacharbeiten und neu messen oder ein Teamleiter gibt frei</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Job</source>
        <translation>Arbeitsschritte</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Job: %1</source>
        <translation>Arbeitsschritte: %1</translation>
    </message>
</context>
<context>
    <name>LayoutEditor</name>
    <message>
        <location filename="../widgets/layout_editor.py" line="+395" />
        <source>Sign in to edit your layout.</source>
        <translation>Zum Bearbeiten des Layouts bitte anmelden.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No room there: move or shrink the panel in the way.</source>
        <translation>Dort ist kein Platz: Das störende Feld verschieben oder verkleinern.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>The panel cannot grow there: another panel or the edge of the screen is in the way.</source>
        <translation>Das Feld kann dort nicht wachsen: Ein anderes Feld oder der Bildschirmrand ist im Weg.</translation>
    </message>
    <message>
        <location line="+121" />
        <source>Cannot save: {problem}</source>
        <translation>Speichern nicht möglich: {problem}</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Saving…</source>
        <translation>Speichert…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Saved (revision {n}).</source>
        <translation>Gespeichert (Revision {n}).</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Changes undone.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>Selected: {title} “{id}”</source>
        <translation>Ausgewählt: {title} „{id}“</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tap a panel to change it.</source>
        <translation>Feld antippen, um es zu ändern.</translation>
    </message>
    <message>
        <location filename="../layouts/panels/andon.py" line="+14" />
        <location filename="../layouts/panels/energy.py" line="+27" />
        <location filename="../layouts/panels/job.py" line="+14" />
        <location filename="../layouts/panels/scheduling.py" line="+32" />
        <location filename="../layouts/panels/station.py" line="+26" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../layouts/panels/trend.py" line="+28" />
        <source>Tag</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="-15" />
        <source>Tags</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Time window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+12" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../widgets/layout_editor.py" line="-488" />
        <source>Drag to resize</source>
        <translation>Zum Ändern der Größe ziehen</translation>
    </message>
    <message>
        <location line="+334" />
        <source>No room left, even below: make a panel smaller or remove one first.</source>
        <translation>Kein Platz mehr, auch unten nicht: zuerst ein Panel verkleinern oder entfernen.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Added below the other panels; the layout grew.</source>
        <translation>Unter den anderen Panels hinzugefügt; das Layout ist gewachsen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Added in free space and selected.</source>
        <translation>In freiem Platz hinzugefügt und ausgewählt.</translation>
    </message>
    <message>
        <location line="+168" />
        <source>Settings (JSON)</source>
        <translation>Einstellungen (JSON)</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Tick at least one signal.</source>
        <translation>Mindestens ein Signal ankreuzen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tick a signal.</source>
        <translation>Ein Signal ankreuzen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Tap a station.</source>
        <translation>Eine Station antippen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Needed before saving: {detail}</source>
        <translation>Vor dem Speichern nötig: {detail}</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Settings must be a JSON object: {error}</source>
        <translation>Einstellungen müssen ein JSON-Objekt sein: {error}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Add panel</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remove panel</source>
        <translation>Feld entfernen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Theme</source>
        <translation>Design</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dark (night shift)</source>
        <translation>Dunkel (Nachtschicht)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>High contrast</source>
        <translation>Hoher Kontrast</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Move left</source>
        <translation>Nach links</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move right</source>
        <translation>Nach rechts</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Narrower</source>
        <translation>Schmaler</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wider</source>
        <translation>Breiter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Shorter</source>
        <translation>Niedriger</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Taller</source>
        <translation>Höher</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarm_kpi.py" line="+14" />
        <source>Period (hours)</source>
        <translation>Zeitraum (Stunden)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operator positions</source>
        <translation>Bedienerplätze</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarms.py" line="+13" />
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../layouts/panels/camera.py" line="+13" />
        <source>Camera (id)</source>
        <translation>Kamera (ID)</translation>
    </message>
    <message>
        <location filename="../layouts/panels/energy.py" line="-12" />
        <source>Period shown first</source>
        <translation>Zuerst gezeigter Zeitraum</translation>
    </message>
    <message>
        <location filename="../layouts/panels/floor_map.py" line="+13" />
        <source>Hall width (m)</source>
        <translation>Hallenbreite (m)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Hall depth (m)</source>
        <translation>Hallentiefe (m)</translation>
    </message>
    <message>
        <location filename="../layouts/panels/mimic.py" line="+25" />
        <source>Compact (one line high)</source>
        <translation>Kompakt (eine Zeile hoch)</translation>
    </message>
    <message>
        <location filename="../layouts/panels/registers.py" line="+29" />
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../layouts/panels/scheduling.py" line="-19" />
        <source>Hours shown ahead</source>
        <translation>Stunden im Voraus</translation>
    </message>
    <message>
        <location filename="../layouts/panels/station.py" line="+2" />
        <source>Small trend</source>
        <translation>Kleiner Trend</translation>
    </message>
</context>
<context>
    <name>LayoutHost</name>
    <message>
        <location filename="../widgets/layout_host.py" line="+65" />
        <source>⚠ Panel “{id}” (type “{type}”) cannot be shown:
{reason}</source>
        <translation>⚠ Feld „{id}“ (Typ „{type}“) kann nicht angezeigt werden:
{reason}</translation>
    </message>
    <message>
        <location line="+53" />
        <source>unknown panel type (known: {known})</source>
        <translation>unbekannter Feldtyp (bekannt: {known})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../widgets/shell.py" line="+258" />
        <source>{source}: connected</source>
        <translation>{source}: verbunden</translation>
    </message>
    <message>
        <location line="-31" />
        <location line="+33" />
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="-32" />
        <location line="+37" />
        <source>reconnecting · {age}</source>
        <translation>verbindet neu · {age}</translation>
    </message>
    <message>
        <location line="-36" />
        <location line="+42" />
        <source>OFFLINE · {age}</source>
        <translation>OFFLINE · {age}</translation>
    </message>
    <message>
        <location line="-10" />
        <source>{source}: connecting</source>
        <translation>{source}: verbindet</translation>
    </message>
    <message>
        <location line="+7" />
        <source>{source}: reconnecting · no data for {age}</source>
        <translation>{source}: verbindet neu · keine Daten seit {age}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{source}: OFFLINE · no data for {age}</source>
        <translation>{source}: OFFLINE · keine Daten seit {age}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Touch to reconnect now</source>
        <translation>Antippen, um sofort neu zu verbinden</translation>
    </message>
    <message>
        <location line="+190" />
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+23" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="-20" />
        <location line="+21" />
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Only a supervisor or an administrator can leave kiosk mode. Sign in with such a role first.</source>
        <translation>Nur Schichtleitung oder Administration kann den Kiosk-Modus verlassen. Bitte zuerst mit dieser Rolle anmelden.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Kiosk mode</source>
        <translation>Kiosk-Modus</translation>
    </message>
    <message>
        <location line="+16" />
        <source>LineSide — {plant}</source>
        <translation>LineSide — {plant}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No alarm summary available</source>
        <translation>Keine Alarmübersicht verfügbar</translation>
    </message>
    <message>
        <location line="+2" />
        <source>E-stop not connected: use the hard-wired emergency stop</source>
        <translation>Not-Halt nicht verbunden: den fest verdrahteten Not-Halt benutzen</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Exit kiosk</source>
        <translation>Kiosk verlassen</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../widgets/maintenance_panel.py" line="+30" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location line="+7" />
        <source>not enough data yet</source>
        <translation>noch nicht genug Daten</translation>
    </message>
    <message>
        <location line="+2" />
        <source>no wear trend toward the limit</source>
        <translation>kein Verschleißtrend zum Grenzwert</translation>
    </message>
    <message>
        <location line="+5" />
        <source>limit in %1</source>
        <translation>Grenzwert in %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>planned %1–%2, %3</source>
        <translation>geplant %1–%2, %3</translation>
    </message>
    <message>
        <location line="+77" />
        <source>Work orders</source>
        <translation>Arbeitsaufträge</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New work order</source>
        <translation>Neuer Arbeitsauftrag</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Take</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Close as done</source>
        <translation>Als erledigt schließen</translation>
    </message>
    <message>
        <location line="+16" />
        <source>No predictive maintenance configured ([maintenance])</source>
        <translation>Keine vorausschauende Instandhaltung konfiguriert ([maintenance])</translation>
    </message>
    <message>
        <location line="+18" />
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>taken</source>
        <translation>übernommen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>taken by %1</source>
        <translation>übernommen von %1</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Touch a forecast to see how it was estimated</source>
        <translation>Eine Prognose antippen, um zu sehen, wie sie geschätzt wurde</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Sign in as maintenance or team lead to handle work orders</source>
        <translation>Zum Bearbeiten von Arbeitsaufträgen als Instandhaltung oder Teamleiter anmelden</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Inspection</source>
        <translation>Inspektion</translation>
    </message>
</context>
<context>
    <name>Mimic</name>
    <message>
        <location filename="../widgets/mimic.py" line="+50" />
        <source>RUNNING</source>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IDLE</source>
        <translation>STILLSTAND</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MAINTENANCE</source>
        <translation>WARTUNG</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAULT</source>
        <translation>STÖRUNG</translation>
    </message>
    <message>
        <location line="+1" />
        <source>STOPPED</source>
        <translation>GESTOPPT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
    <message>
        <location line="+326" />
        <source>{n} bodies out</source>
        <translation>{n} Karossen fertig</translation>
    </message>
    <message>
        <location line="+10" />
        <source>E-STOP: LINE STOPPED</source>
        <translation>NOT-HALT: LINIE GESTOPPT</translation>
    </message>
    <message>
        <location line="+182" />
        <source>No stations are configured ([[stations]] in the site file)</source>
        <translation>Keine Stationen konfiguriert ([[stations]] in der Standortdatei)</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <location filename="../widgets/keypad.py" line="+36" />
        <location line="+85" />
        <source>Entered digits</source>
        <translation>Eingegebene Ziffern</translation>
    </message>
    <message>
        <location line="-78" />
        <location line="+75" />
        <source>Clear</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location line="-72" />
        <location line="+74" />
        <source>Delete last digit</source>
        <translation>Letzte Ziffer löschen</translation>
    </message>
    <message>
        <location line="-73" />
        <location line="+72" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>OEE</name>
    <message>
        <location filename="../widgets/oee_panel.py" line="+22" />
        <source>Fault</source>
        <translation>Störung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Maintenance</source>
        <translation>Wartung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Starved</source>
        <translation>Materialmangel</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Blocked</source>
        <translation>Rückstau</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Changeover</source>
        <translation>Umrüsten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Microstops</source>
        <translation>Kurzstopps</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Speed loss</source>
        <translation>Leistungsverlust</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Quality loss</source>
        <translation>Qualitätsverlust</translation>
    </message>
    <message>
        <location line="+61" />
        <source>No losses recorded this shift yet</source>
        <translation>In dieser Schicht noch keine Verluste erfasst</translation>
    </message>
    <message>
        <location line="+16" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+37" />
        <source>Losses of the line this shift</source>
        <translation>Verluste der Linie in dieser Schicht</translation>
    </message>
    <message>
        <location line="+2" />
        <source>No OEE on this terminal (no [oee] section)</source>
        <translation>Keine OEE auf diesem Terminal (kein Abschnitt [oee])</translation>
    </message>
    <message>
        <location line="+7" />
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Shift %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Last hours</source>
        <translation>Letzte Stunden</translation>
    </message>
</context>
<context>
    <name>Overlay</name>
    <message>
        <location filename="../widgets/overlay.py" line="+63" />
        <location line="+57" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../widgets/overview.py" line="+38" />
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <location line="+1" />
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <location line="+69" />
        <source>+%1 online</source>
        <translation>+%1 online</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 OFFLINE</source>
        <translation>%1 OFFLINE</translation>
    </message>
    <message>
        <location line="+3" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+0" />
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location line="+6" />
        <source>no line summary received yet</source>
        <translation>noch keine Linienübersicht empfangen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>bodies out: %1</source>
        <translation>Karossen fertig: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>unacknowledged: %1</source>
        <translation>unquittiert: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>OLD DATA (summary %1)</source>
        <translation>ALTE DATEN (Übersicht %1)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>the line's drawing is unreadable: %1</source>
        <translation>die Zeichnung der Linie ist nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+57" />
        <source>Plant overview</source>
        <translation>Werksübersicht</translation>
    </message>
    <message>
        <location line="+10" />
        <source>No broker configured: the overview needs the plant broker.</source>
        <translation>Kein Broker konfiguriert: Die Übersicht braucht den Werks-Broker.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Waiting for terminals on the broker…</source>
        <translation>Warte auf Terminals am Broker…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Unassigned terminals</source>
        <translation>Nicht zugeordnete Terminals</translation>
    </message>
</context>
<context>
    <name>Permissions</name>
    <message>
        <location filename="../app/auth/permissions.py" line="+100" />
        <source>operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <location line="+1" />
        <source>team lead</source>
        <translation>Teamleiter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>maintenance technician</source>
        <translation>Instandhalter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>safety officer</source>
        <translation>Sicherheitsfachkraft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>purchaser</source>
        <translation>Einkäufer</translation>
    </message>
    <message>
        <location line="+5" />
        <source>an operator</source>
        <translation>ein Bediener</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a team lead</source>
        <translation>ein Teamleiter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a maintenance technician</source>
        <translation>ein Instandhalter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a safety officer</source>
        <translation>eine Sicherheitsfachkraft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a supervisor</source>
        <translation>ein Schichtleiter</translation>
    </message>
    <message>
        <location line="+1" />
        <source>an administrator</source>
        <translation>ein Administrator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>a purchaser</source>
        <translation>ein Einkäufer</translation>
    </message>
    <message>
        <location line="+5" />
        <source>acknowledge alarms</source>
        <translation>Alarme quittieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>shelve alarms</source>
        <translation>Alarme zurückstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>take alarms out of service</source>
        <translation>Alarme außer Betrieb nehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>reset the stop</source>
        <translation>den Not-Halt quittieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>start the line</source>
        <translation>die Linie starten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change setpoints</source>
        <translation>Sollwerte ändern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>change the screen layout</source>
        <translation>das Bildschirmlayout ändern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>leave kiosk mode</source>
        <translation>den Kioskmodus verlassen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>see every worker's health state</source>
        <translation>den Gesundheitszustand aller Werker sehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>report a problem</source>
        <translation>ein Problem melden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>take on a problem</source>
        <translation>ein Problem übernehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>close a problem</source>
        <translation>ein Problem schließen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>see the plant overview</source>
        <translation>die Werksübersicht sehen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>switch on an energy-saving mode</source>
        <translation>einen Energiesparmodus einschalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit suppliers</source>
        <translation>Lieferanten bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit risks</source>
        <translation>Risiken bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>mark a measure done</source>
        <translation>eine Maßnahme als erledigt markieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>manage notifications</source>
        <translation>Benachrichtigungen verwalten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>note a cause and action</source>
        <translation>eine Ursache und Maßnahme eintragen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>dismiss an anomaly</source>
        <translation>eine Auffälligkeit verwerfen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>make a report</source>
        <translation>einen Bericht erstellen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accept a value out of limits</source>
        <translation>einen Wert außer Toleranz freigeben</translation>
    </message>
    <message>
        <location line="+1" />
        <source>confirm supervised work</source>
        <translation>Arbeit unter Aufsicht bestätigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>edit the skills matrix</source>
        <translation>die Qualifikationsmatrix bearbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>accept or reject a re-plan</source>
        <translation>eine Neuplanung annehmen oder ablehnen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>import or cancel orders</source>
        <translation>Aufträge importieren oder stornieren</translation>
    </message>
    <message>
        <location line="+1" />
        <source>flag missing material</source>
        <translation>fehlendes Material melden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>take a work order</source>
        <translation>einen Arbeitsauftrag übernehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>close a work order</source>
        <translation>einen Arbeitsauftrag schließen</translation>
    </message>
    <message>
        <location filename="../widgets/permission_text.py" line="+29" />
        <source>Sign in to {action}.</source>
        <translation>Anmelden, um {action}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>, </source>
        <comment>between roles in a list</comment>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1" />
        <source> or </source>
        <comment>before the last role</comment>
        <translation> oder </translation>
    </message>
    <message>
        <location line="+1" />
        <source>Only {roles} can {action}.</source>
        <translation>Nur {roles} kann {action}.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign in first.</source>
        <translation>Zuerst anmelden.</translation>
    </message>
</context>
<context>
    <name>Registers</name>
    <message>
        <location filename="../widgets/risks.py" line="+283" />
        <location filename="../widgets/suppliers.py" line="+183" />
        <source>Seen, keep</source>
        <translation>Gesehen, behalten</translation>
    </message>
    <message>
        <location filename="../widgets/suppliers.py" line="-124" />
        <source>%1 set %2 to “%3” (%4, terminal %5) at the same time as %6 set “%7”; %6's value was kept.</source>
        <translation>%1 hat %2 auf „%3“ gesetzt (%4, Terminal %5), gleichzeitig mit %6, der „%7“ gesetzt hat; der Wert von %6 wurde behalten.</translation>
    </message>
    <message>
        <location line="+68" />
        <source>%1 conflicting edits</source>
        <translation>%1 widersprüchliche Änderungen</translation>
    </message>
</context>
<context>
    <name>Reports</name>
    <message>
        <location filename="../widgets/reports_panel.py" line="+33" />
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This month so far</source>
        <translation>Dieser Monat bis jetzt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Last month</source>
        <translation>Letzter Monat</translation>
    </message>
    <message>
        <location line="+14" />
        <source>ESG reports</source>
        <translation>ESG-Berichte</translation>
    </message>
    <message>
        <location line="+32" />
        <source>No environment monitoring configured</source>
        <translation>Keine Umweltüberwachung konfiguriert</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Sign in as team lead, safety officer or supervisor to make one</source>
        <translation>Zum Erstellen als Teamleiter, Sicherheitsfachkraft oder Schichtleiter anmelden</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Making the report for %1…</source>
        <translation>Bericht für %1 wird erstellt…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>The report could not be made: %1</source>
        <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Report made.</source>
        <translation>Bericht erstellt.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>No reports yet</source>
        <translation>Noch keine Berichte</translation>
    </message>
</context>
<context>
    <name>Risks</name>
    <message>
        <location filename="../widgets/risks.py" line="-245" />
        <source>supply</source>
        <translation>Versorgung</translation>
    </message>
    <message>
        <location line="+0" />
        <source>technical</source>
        <translation>Technik</translation>
    </message>
    <message>
        <location line="+1" />
        <source>market</source>
        <translation>Markt</translation>
    </message>
    <message>
        <location line="+0" />
        <source>safety</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>environmental</source>
        <translation>Umwelt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location line="+4" />
        <source>low</source>
        <translation>gering</translation>
    </message>
    <message>
        <location line="+0" />
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>high</source>
        <translation>hoch</translation>
    </message>
    <message>
        <location line="+0" />
        <source>critical</source>
        <translation>kritisch</translation>
    </message>
    <message>
        <location line="+107" />
        <source>Risks</source>
        <translation>Risiken</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+221" />
        <source>New risk</source>
        <translation>Neues Risiko</translation>
    </message>
    <message>
        <location line="-220" />
        <source>up: likelihood 1-5 · across: impact 1-5</source>
        <translation>nach oben: Wahrscheinlichkeit 1-5 · quer: Auswirkung 1-5</translation>
    </message>
    <message>
        <location line="+7" />
        <source>No risk register on this terminal</source>
        <translation>Kein Risikoregister auf diesem Terminal</translation>
    </message>
    <message>
        <location line="+16" />
        <location line="+52" />
        <source>early warning</source>
        <translation>Frühwarnung</translation>
    </message>
    <message>
        <location line="-50" />
        <source>proposal to decide</source>
        <translation>Vorschlag zu entscheiden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>measure overdue</source>
        <translation>Maßnahme überfällig</translation>
    </message>
    <message>
        <location line="+4" />
        <source>owner %1</source>
        <translation>Verantwortlich %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No open risks</source>
        <translation>Keine offenen Risiken</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Likelihood %1 × impact %2 = %3 (%4)</source>
        <translation>Wahrscheinlichkeit %1 × Auswirkung %2 = %3 (%4)</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Early-warning indicators</source>
        <translation>Frühwarnindikatoren</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Proposed: likelihood %1 (indicator %2 at %3)</source>
        <translation>Vorgeschlagen: Wahrscheinlichkeit %1 (Indikator %2 bei %3)</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Response plan</source>
        <translation>Maßnahmenplan</translation>
    </message>
    <message>
        <location line="+6" />
        <source>by %1</source>
        <translation>bis %1</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <location line="+7" />
        <location line="+45" />
        <source>Assign a measure</source>
        <translation>Maßnahme zuweisen</translation>
    </message>
    <message>
        <location line="-21" />
        <source>Measure</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Responsible</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>in %1 days</source>
        <translation>in %1 Tagen</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Say what is to be done and who does it</source>
        <translation>Angeben, was zu tun ist und wer es tut</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Owner (user id)</source>
        <translation>Verantwortlich (Benutzer-ID)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Save risk</source>
        <translation>Risiko speichern</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Likelihood</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Impact</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <location line="+27" />
        <source>Give the risk a title</source>
        <translation>Dem Risiko einen Titel geben</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../widgets/shell.py" line="-506" />
        <source>Operator</source>
        <translation>Werker</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Team lead</source>
        <translation>Teamleitung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance</source>
        <translation>Instandhaltung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Safety officer</source>
        <translation>Sicherheitsfachkraft</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supervisor</source>
        <translation>Schichtleitung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Purchasing</source>
        <translation>Einkauf</translation>
    </message>
</context>
<context>
    <name>Schedule</name>
    <message>
        <location filename="../widgets/schedule_gantt.py" line="+233" />
        <source>Order %1 late by %2 min (was %3 min)</source>
        <translation>Auftrag %1 verspätet um %2 min (war %3 min)</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Order %1 late by %2 min (was on time)</source>
        <translation>Auftrag %1 verspätet um %2 min (war pünktlich)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>No order late</source>
        <translation>Kein Auftrag verspätet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lost output this shift: %1 cars</source>
        <translation>Produktionsausfall in dieser Schicht: %1 Fahrzeuge</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Sequence changes: %1 cars</source>
        <translation>Reihenfolgeänderungen: %1 Fahrzeuge</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Operations moved to another station: %1</source>
        <translation>Auf eine andere Station verlegte Arbeitsgänge: %1</translation>
    </message>
    <message>
        <location line="+123" />
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Zoom in</source>
        <translation>Vergrößern</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Flag a shortage</source>
        <translation>Materialmangel melden</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No production plan on this terminal (no [scheduling] section)</source>
        <translation>Kein Produktionsplan auf diesem Terminal (kein Abschnitt [scheduling])</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No plan yet (no orders)</source>
        <translation>Noch kein Plan (keine Aufträge)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Planning…</source>
        <translation>Plane…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Plan of %1, accepted by %2; %3 orders late</source>
        <translation>Plan vom %1, angenommen von %2; %3 Aufträge verspätet</translation>
    </message>
    <message>
        <location line="+4" />
        <source>re-planning…</source>
        <translation>plane neu…</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Re-plan proposed: %1 — %2 orders late (found in %3 s)</source>
        <translation>Neuplanung vorgeschlagen: %1 — %2 Aufträge verspätet (gefunden in %3 s)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Show after</source>
        <translation>Danach zeigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Show before</source>
        <translation>Vorher zeigen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Sign in as team lead or supervisor to decide on a re-plan</source>
        <translation>Zum Entscheiden über eine Neuplanung als Teamleiter oder Schichtleiter anmelden</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Plan accepted and shared with the line</source>
        <translation>Plan angenommen und an die Linie verteilt</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Re-plan rejected; the plan stays as it was</source>
        <translation>Neuplanung abgelehnt; der Plan bleibt, wie er war</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Material shortage</source>
        <translation>Materialmangel</translation>
    </message>
    <message>
        <location line="+16" />
        <source>What is missing at the line?</source>
        <translation>Was fehlt an der Linie?</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Expected back in:</source>
        <translation>Wieder da in:</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Choose the part first</source>
        <translation>Zuerst das Teil wählen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Shortage of %1 flagged; re-planning</source>
        <translation>Mangel an %1 gemeldet; wird neu geplant</translation>
    </message>
    <message>
        <location line="+22" />
        <source>Next jobs: none planned</source>
        <translation>Nächste Aufträge: keine geplant</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Next jobs: %1</source>
        <translation>Nächste Aufträge: %1</translation>
    </message>
</context>
<context>
    <name>Setpoint</name>
    <message>
        <location filename="../widgets/setpoint.py" line="+73" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+97" />
        <source>Allowed: {low} to {high} {unit}</source>
        <translation>Zulässig: {low} bis {high} {unit}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <location line="+2" />
        <source>BAD (no valid value)</source>
        <translation>GESTÖRT (kein gültiger Wert)</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Sign in to change setpoints.</source>
        <translation>Zum Ändern von Sollwerten bitte anmelden.</translation>
    </message>
    <message>
        <location line="+5" />
        <location line="+42" />
        <location line="+9" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="-49" />
        <source>{name}: now {old}.</source>
        <translation>{name}: aktuell {old}.</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Change {name}
from {old}
to {new} {unit}?</source>
        <translation>{name} ändern
von {old}
auf {new} {unit}?</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Writing {new} {unit} to the PLC…</source>
        <translation>Schreibe {new} {unit} in die SPS…</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Done. The PLC reads back {value}.</source>
        <translation>Erledigt. Die SPS meldet zurück: {value}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Note: the PLC did not take the requested value {new}.</source>
        <translation>Achtung: Die SPS hat den angeforderten Wert {new} nicht übernommen.</translation>
    </message>
    <message>
        <location line="+9" />
        <source>The write failed: {error}
The setpoint is unchanged ({old}).</source>
        <translation>Schreiben fehlgeschlagen: {error}
Der Sollwert ist unverändert ({old}).</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Try again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location line="+7" />
        <source>“{text}” is not a number.</source>
        <translation>„{text}“ ist keine Zahl.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>{value} is below the lowest allowed value {low} {unit}.</source>
        <translation>{value} liegt unter dem kleinsten zulässigen Wert {low} {unit}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>{value} is above the highest allowed value {high} {unit}.</source>
        <translation>{value} liegt über dem größten zulässigen Wert {high} {unit}.</translation>
    </message>
    <message>
        <location line="+53" />
        <source>Change setpoint: {name}</source>
        <translation>Sollwert ändern: {name}</translation>
    </message>
</context>
<context>
    <name>ShelveReason</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="-629" />
        <source>Sensor fault</source>
        <translation>Sensorfehler</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Maintenance work</source>
        <translation>Instandhaltungsarbeiten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Known nuisance alarm</source>
        <translation>Bekannter Fehlalarm</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Process upset under control</source>
        <translation>Prozessstörung unter Kontrolle</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Commissioning</source>
        <translation>Inbetriebnahme</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../widgets/signin.py" line="+156" />
        <source>Signed in as {name}.</source>
        <translation>Angemeldet als {name}.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Wrong user or PIN. Attempts left before sign-in is locked: {n}.</source>
        <translation>Benutzer oder PIN falsch. Verbleibende Versuche bis zur Sperre: {n}.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Hold the badge once, then wait a moment.</source>
        <translation>Ausweis einmal vorhalten, dann kurz warten.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Too many unknown badges. Badge sign-in is locked for another {time}; sign in with your PIN.</source>
        <translation>Zu viele unbekannte Ausweise. Die Ausweisanmeldung ist noch {time} gesperrt; bitte mit PIN anmelden.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Badge accepted. Enter your PIN.</source>
        <translation>Ausweis erkannt. PIN eingeben.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This role signs in with badge and PIN: hold your badge to the reader first, then enter your PIN.</source>
        <translation>Diese Rolle meldet sich mit Ausweis und PIN an: zuerst den Ausweis an den Leser halten, dann die PIN eingeben.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Badge not recognised. Sign in with your PIN or ask your team lead.</source>
        <translation>Ausweis nicht erkannt. Mit PIN anmelden oder Teamleitung fragen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>A PIN is 4 to 8 digits.</source>
        <translation>Eine PIN hat 4 bis 8 Ziffern.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Too many wrong PINs. Sign-in is locked for another {time}.</source>
        <translation>Zu viele falsche PINs. Anmeldung noch {time} gesperrt.</translation>
    </message>
    <message>
        <location line="+63" />
        <source>The user list cannot be read; badge sign-in may still work. Tell your team lead.</source>
        <translation>Benutzerliste nicht lesbar; Anmeldung per Ausweis geht evtl. noch. Bitte Teamleitung informieren.</translation>
    </message>
    <message>
        <location line="+26" />
        <source>PIN for {name}</source>
        <translation>PIN für {name}</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Pick your name, then type your PIN</source>
        <translation>Namen wählen, dann PIN eingeben</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Pick your name first.</source>
        <translation>Bitte zuerst Namen wählen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location line="+43" />
        <source>You can try again now.</source>
        <translation>Sie können es jetzt erneut versuchen.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Or hold your badge to the reader.</source>
        <translation>Oder Ausweis an das Lesegerät halten.</translation>
    </message>
    <message>
        <location line="+34" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
</context>
<context>
    <name>Skills</name>
    <message>
        <location filename="../widgets/skills_panel.py" line="+26" />
        <source>learning</source>
        <translation>lernend</translation>
    </message>
    <message>
        <location line="+1" />
        <source>qualified</source>
        <translation>qualifiziert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <location line="+28" />
        <source>Skills matrix</source>
        <translation>Qualifikationsmatrix</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No skills matrix on this terminal</source>
        <translation>Keine Qualifikationsmatrix auf diesem Terminal</translation>
    </message>
    <message>
        <location line="+27" />
        <source>%1 gaps · %2 trainings or certificates lapse within 30 days</source>
        <translation>%1 Lücken · %2 Schulungen oder Zertifikate laufen in 30 Tagen ab</translation>
    </message>
    <message>
        <location line="+3" />
        <source>team leads change a cell by touching it</source>
        <translation>Teamleiter ändern eine Zelle durch Antippen</translation>
    </message>
</context>
<context>
    <name>StateLamp</name>
    <message>
        <location filename="../widgets/lamp.py" line="+58" />
        <source>RUNNING</source>
        <translation>LÄUFT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>IDLE</source>
        <translation>BEREIT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>FAULT</source>
        <translation>STÖRUNG</translation>
    </message>
    <message>
        <location line="+1" />
        <source>MAINTENANCE</source>
        <translation>WARTUNG</translation>
    </message>
    <message>
        <location line="+1" />
        <source>stopped (e-stop)</source>
        <translation>gestoppt (Not-Halt)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../widgets/station_panel.py" line="+56" />
        <location line="+96" />
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="-87" />
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location line="+96" />
        <source>Cycles</source>
        <translation>Takte</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Report a problem</source>
        <translation>Problem melden</translation>
    </message>
</context>
<context>
    <name>Suppliers</name>
    <message>
        <location filename="../app/registers/suppliers.py" line="+35" />
        <source>score = 40 x certificates + 40 x audit + 20 x data; certificates: valid ISO 14001 or EMAS 0.5, ISO 50001 0.25, ISO 45001 0.15, IATF 16949 0.10 (at most 1); audit: latest audit score / 100, less 0.1 per overdue corrective action; data: recycled content share x 0.5, plus 0.5 when CO2e per unit is reported</source>
        <translation>Bewertung = 40 x Zertifikate + 40 x Audit + 20 x Daten; Zertifikate: gültiges ISO 14001 oder EMAS 0,5, ISO 50001 0,25, ISO 45001 0,15, IATF 16949 0,10 (höchstens 1); Audit: letzte Auditbewertung / 100, abzüglich 0,1 je überfälliger Korrekturmaßnahme; Daten: Recyclinganteil x 0,5, plus 0,5, wenn CO2e pro Einheit gemeldet ist</translation>
    </message>
    <message>
        <location filename="../widgets/suppliers.py" line="-84" />
        <source>%1 lapsed %2 days ago</source>
        <translation>%1 vor %2 Tagen abgelaufen</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+3" />
        <source>%1 lapses in %2 days</source>
        <translation>%1 läuft in %2 Tagen ab</translation>
    </message>
    <message>
        <location line="+2" />
        <source>%1 valid</source>
        <translation>%1 gültig</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Suppliers</source>
        <translation>Lieferanten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Lapsing soon</source>
        <translation>Läuft bald ab</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Only purchasing or a supervisor edits suppliers</source>
        <translation>Nur Einkauf oder Schichtleiter bearbeiten Lieferanten</translation>
    </message>
    <message>
        <location line="+5" />
        <source>No supplier register on this terminal</source>
        <translation>Kein Lieferantenregister auf diesem Terminal</translation>
    </message>
    <message>
        <location line="+11" />
        <source>no certificates</source>
        <translation>keine Zertifikate</translation>
    </message>
    <message>
        <location line="+5" />
        <source>score %1</source>
        <translation>Bewertung %1</translation>
    </message>
    <message>
        <location line="+4" />
        <source>No suppliers</source>
        <translation>Keine Lieferanten</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No certificate lapses in 90 days</source>
        <translation>Kein Zertifikat läuft in 90 Tagen ab</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Supplies: %1</source>
        <translation>Liefert: %1</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Transport: %1</source>
        <translation>Transport: %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>CO2e per unit: %1 kg · recycled content: %2 %</source>
        <translation>CO2e pro Einheit: %1 kg · Recyclinganteil: %2 %</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Score %1 of 100</source>
        <translation>Bewertung %1 von 100</translation>
    </message>
    <message>
        <location line="+12" />
        <source>valid to %1</source>
        <translation>gültig bis %1</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Corrective action overdue by %1 days: %2</source>
        <translation>Korrekturmaßnahme überfällig seit %1 Tagen: %2</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location line="+3" />
        <location line="+58" />
        <location line="+19" />
        <source>Add certificate</source>
        <translation>Zertifikat hinzufügen</translation>
    </message>
    <message>
        <location line="-60" />
        <source>Supplier id</source>
        <translation>Lieferanten-ID</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Supplies (separate with ;)</source>
        <translation>Liefert (mit ; trennen)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>CO2e per unit (kg)</source>
        <translation>CO2e pro Einheit (kg)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Supplier</source>
        <translation>Lieferant</translation>
    </message>
    <message>
        <location line="+11" />
        <source>CO2e per unit must be a number</source>
        <translation>CO2e pro Einheit muss eine Zahl sein</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Certificate number</source>
        <translation>Zertifikatsnummer</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Issued by</source>
        <translation>Ausgestellt von</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Valid to (YYYY-MM-DD)</source>
        <translation>Gültig bis (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <location line="+47" />
        <source>Files in %1</source>
        <translation>Dateien in %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No CSV files there. Ask plant IT to put the ERP supplier export in this folder.</source>
        <translation>Dort liegen keine CSV-Dateien. Bitte die IT, den ERP-Lieferantenexport in diesen Ordner zu legen.</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Import suppliers</source>
        <translation>Lieferanten importieren</translation>
    </message>
    <message>
        <location line="+11" />
        <source>%1: %2. Nothing was imported.</source>
        <translation>%1: %2. Nichts wurde importiert.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>%1 suppliers imported from %2</source>
        <translation>%1 Lieferanten aus %2 importiert</translation>
    </message>
</context>
<context>
    <name>TagPicker</name>
    <message>
        <location filename="../widgets/tag_picker.py" line="+211" />
        <source>Chosen: {tags}</source>
        <translation>Ausgewählt: {tags}</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Nothing chosen yet: tap a signal.</source>
        <translation>Noch nichts ausgewählt: ein Signal antippen.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Search tags</source>
        <translation>Tags suchen</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <location filename="../widgets/keyboard.py" line="+45" />
        <source>Shift</source>
        <translation>Umschalt</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Space</source>
        <translation>Leerzeichen</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
</context>
<context>
    <name>TrendPanel</name>
    <message>
        <location filename="../widgets/trend_panel.py" line="+25" />
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../widgets/trend.py" line="+477" />
        <source>{time} alarm: {message}</source>
        <translation>{time} Alarm: {message}</translation>
    </message>
    <message>
        <location line="+192" />
        <source>History not available: {error}</source>
        <translation>Verlauf nicht verfügbar: {error}</translation>
    </message>
    <message>
        <location line="+59" />
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Back to live scrolling</source>
        <translation>Zurück zur Live-Anzeige</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Stop scrolling; data is still recorded</source>
        <translation>Anzeige anhalten; Daten werden weiter aufgezeichnet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Cursor</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <location line="+11" />
        <source>gap</source>
        <translation>Lücke</translation>
    </message>
    <message>
        <location line="+6" />
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{label} · {station}</source>
        <translation>{label} · {station}</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Cursor at {time}</source>
        <translation>Cursor bei {time}</translation>
    </message>
</context>
<context>
    <name>ValueTile</name>
    <message>
        <location filename="../widgets/value_tile.py" line="+42" />
        <source>ON</source>
        <translation>EIN</translation>
    </message>
    <message>
        <location line="+0" />
        <source>OFF</source>
        <translation>AUS</translation>
    </message>
    <message>
        <location line="+140" />
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
    <message>
        <location line="+7" />
        <source>last {value} {unit}</source>
        <translation>zuletzt {value} {unit}</translation>
    </message>
    <message>
        <location line="+4" />
        <source>BAD quality</source>
        <translation>Qualität GESTÖRT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="+7" />
        <source>STALE · {age} old</source>
        <translation>VERALTET · {age} alt</translation>
    </message>
    <message>
        <location line="+10" />
        <source>▲ HIGH · limit {limit}</source>
        <translation>▲ HOCH · Grenze {limit}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>▼ LOW · limit {limit}</source>
        <translation>▼ TIEF · Grenze {limit}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>? UNCERTAIN quality</source>
        <translation>? Qualität UNSICHER</translation>
    </message>
</context>
<context>
    <name>Vitals</name>
    <message>
        <location filename="../widgets/vitals.py" line="+29" />
        <source>Heart rate</source>
        <translation>Herzfrequenz</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Blood pressure (systolic)</source>
        <translation>Blutdruck (systolisch)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Blood pressure (diastolic)</source>
        <translation>Blutdruck (diastolisch)</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Skin temperature</source>
        <translation>Hauttemperatur</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <location line="+1" />
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+1" />
        <source>ALARM</source>
        <translation>ALARM</translation>
    </message>
    <message>
        <location line="+39" />
        <source>Vitals are personal: shown only to the worker and to the safety officer.</source>
        <translation>Vitaldaten sind persönlich: nur für die Person selbst und die Sicherheitsfachkraft sichtbar.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Worker health</source>
        <translation>Mitarbeitergesundheit</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Your vitals (%s): %s</source>
        <translation>Ihre Vitaldaten (%s): %s</translation>
    </message>
    <message>
        <location line="+30" />
        <source>Health monitoring is not configured ([health] in the site file)</source>
        <translation>Gesundheitsüberwachung nicht konfiguriert ([health] in der Standortdatei)</translation>
    </message>
</context>
<context>
    <name>panels</name>
    <message>
        <location filename="../layouts/panels/station.py" line="-7" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../layouts/panels/trend.py" line="-21" />
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarms.py" line="-4" />
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../layouts/panels/floor_map.py" line="-6" />
        <source>Floor map</source>
        <translation>Hallenplan</translation>
    </message>
    <message>
        <location filename="../layouts/panels/vitals.py" line="+9" />
        <source>Vitals</source>
        <translation>Vitaldaten</translation>
    </message>
    <message>
        <location filename="../widgets/maintenance_panel.py" line="-172" />
        <location line="+65" />
        <location filename="../layouts/panels/scheduling.py" line="+14" />
        <source>Maintenance forecast</source>
        <translation>Wartungsprognose</translation>
    </message>
    <message>
        <location filename="../widgets/oee_panel.py" line="-51" />
        <location line="+26" />
        <location filename="../layouts/panels/scheduling.py" line="-7" />
        <source>OEE this shift</source>
        <translation>OEE dieser Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/schedule_gantt.py" line="-261" />
        <location line="+90" />
        <location filename="../layouts/panels/scheduling.py" line="-11" />
        <source>Production plan</source>
        <translation>Produktionsplan</translation>
    </message>
    <message>
        <location filename="../layouts/panels/alarm_kpi.py" line="-7" />
        <source>Alarm KPIs</source>
        <translation>Alarmkennzahlen</translation>
    </message>
    <message>
        <location filename="../layouts/panels/andon.py" line="-5" />
        <source>Problems (andon)</source>
        <translation>Probleme (Andon)</translation>
    </message>
    <message>
        <location filename="../layouts/panels/camera.py" line="-4" />
        <source>Camera</source>
        <translation>Kamera</translation>
    </message>
    <message>
        <location filename="../layouts/panels/energy.py" line="-4" />
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Energy tile (station)</source>
        <translation>Energiekachel (Station)</translation>
    </message>
    <message>
        <location filename="../layouts/panels/environment.py" line="+9" />
        <source>Environment</source>
        <translation>Umwelt</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <location filename="../layouts/panels/job.py" line="-5" />
        <source>Job</source>
        <translation>Arbeitsschritte</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Skills</source>
        <translation>Qualifikationen</translation>
    </message>
    <message>
        <location filename="../layouts/panels/mimic.py" line="-5" />
        <source>Line mimic</source>
        <translation>Linienbild</translation>
    </message>
    <message>
        <location filename="../layouts/panels/overview.py" line="+9" />
        <source>Plant overview</source>
        <translation>Werksübersicht</translation>
    </message>
    <message>
        <location filename="../layouts/panels/registers.py" line="-19" />
        <source>Suppliers</source>
        <translation>Lieferanten</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Risks</source>
        <translation>Risiken</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
</context>
</TS>