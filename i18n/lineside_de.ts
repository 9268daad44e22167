<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de">
<context>
    <name>AlarmBanner</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="+160" />
        <source>Alarm banner</source>
        <translation>Alarmleiste</translation>
    </message>
    <message>
        <location line="+17" />
        <location line="+75" />
        <source>ALARM FLOOD</source>
        <translation>ALARMFLUT</translation>
    </message>
    <message>
        <location line="-53" />
        <source>Alarms not available</source>
        <translation>Alarme nicht verfügbar</translation>
    </message>
    <message>
        <location line="+17" />
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
        <location filename="../widgets/alarm_table.py" line="+809" />
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
    <name>AlarmState</name>
    <message>
        <location filename="../widgets/alarm_banner.py" line="-180" />
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
        <location filename="../widgets/alarm_table.py" line="-731" />
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
        <location line="+0" />
        <location line="+288" />
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="-287" />
        <location line="+286" />
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location line="-286" />
        <location line="+286" />
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <location line="-285" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location line="+130" />
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
        <location line="+221" />
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="-218" />
        <source>Unacknowledged</source>
        <translation>Unquittiert</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+457" />
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <location line="-456" />
        <location line="+485" />
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <location line="-484" />
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <location line="+1" />
        <location line="+479" />
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <location line="-478" />
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
        <location line="+25" />
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
        <location line="+12" />
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+15" />
        <source>No journal: this terminal has no local store</source>
        <translation>Kein Journal: Dieses Terminal hat keinen lokalen Speicher</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Loading…</source>
        <translation>Lädt…</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The journal could not be read: %1</source>
        <translation>Journal nicht lesbar: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>%n entries</source>
        <translation>Einträge: %n</translation>
    </message>
    <message>
        <location line="+27" />
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
        <location line="+36" />
        <source>History of the selected alarm</source>
        <translation>Verlauf des gewählten Alarms</translation>
    </message>
    <message>
        <location line="+13" />
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
        <location line="+47" />
        <source>Alarms not available</source>
        <translation>Alarme nicht verfügbar</translation>
    </message>
    <message>
        <location line="+84" />
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
        <location line="+20" />
        <source>Not permitted: %1</source>
        <translation>Nicht erlaubt: %1</translation>
    </message>
    <message>
        <location line="+20" />
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
        <location filename="../widgets/andon.py" line="+34" />
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
        <location line="+34" />
        <location line="+76" />
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
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../widgets/application.py" line="+41" />
        <source>Your saved layout could not be read, so your role's default layout is shown. Saving a layout replaces it.</source>
        <translation>Ihr gespeichertes Layout ist nicht lesbar; das Standardlayout Ihrer Rolle wird angezeigt. Speichern ersetzt es.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Your saved layout was made by a newer LineSide, so your role's default layout is shown until this terminal is updated.</source>
        <translation>Ihr gespeichertes Layout stammt aus einer neueren LineSide-Version; bis zum Update dieses Terminals wird das Standardlayout Ihrer Rolle angezeigt.</translation>
    </message>
    <message>
        <location line="+74" />
        <source>Edit layout</source>
        <translation>Layout bearbeiten</translation>
    </message>
    <message>
        <location line="+19" />
        <source>Local store problem: {problem}. Values are kept in memory and written when there is room again; messages this terminal cannot store are refused with a message. Tell plant IT.</source>
        <translation>Problem mit dem lokalen Speicher: {problem}. Werte bleiben im Arbeitsspeicher und werden geschrieben, sobald wieder Platz ist; Meldungen, die nicht gespeichert werden können, werden mit Hinweis abgelehnt. Bitte die Werks-IT informieren.</translation>
    </message>
    <message>
        <location line="+25" />
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location line="+12" />
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
    <name>EStopButton</name>
    <message>
        <location filename="../widgets/estop.py" line="+66" />
        <location line="+4" />
        <location line="+29" />
        <location line="+1" />
        <source>EMERGENCY STOP</source>
        <translation>NOT-HALT</translation>
    </message>
</context>
<context>
    <name>EStopPanel</name>
    <message>
        <location line="+134" />
        <source>Reset refused: %s</source>
        <translation>Rücksetzen abgelehnt: %s</translation>
    </message>
    <message>
        <location line="+13" />
        <source>Stop circuit (PLC): RUNNING</source>
        <translation>Not-Halt-Kreis (SPS): LÄUFT</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Stop circuit (PLC): STOPPED</source>
        <translation>Not-Halt-Kreis (SPS): GESTOPPT</translation>
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
    <message>
        <location line="+32" />
        <source>Supplements the hard-wired e-stop — does not replace it</source>
        <translation>Ergänzt den fest verdrahteten Not-Halt — ersetzt ihn nicht</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Reset…</source>
        <translation>Rücksetzen…</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Reset the stop circuit? The line may start again. Make sure nobody is in a danger zone.</source>
        <translation>Not-Halt-Kreis zurücksetzen? Die Linie kann wieder anlaufen. Sicherstellen, dass sich niemand im Gefahrenbereich aufhält.</translation>
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
        <location line="+63" />
        <source>Emergency stop</source>
        <translation>Not-Halt</translation>
    </message>
</context>
<context>
    <name>FloorMap</name>
    <message>
        <location filename="../widgets/floor_map.py" line="+65" />
        <source>state unknown</source>
        <translation>Zustand unbekannt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>INTRUSION</source>
        <translation>SCHUTZBEREICH VERLETZT</translation>
    </message>
    <message>
        <location line="+44" />
        <source>No positions received yet</source>
        <translation>Noch keine Positionen empfangen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>No danger zones are configured ([[zones]] in the site file)</source>
        <translation>Keine Gefahrenbereiche konfiguriert ([[zones]] in der Standortdatei)</translation>
    </message>
</context>
<context>
    <name>LayoutEditor</name>
    <message>
        <location filename="../widgets/layout_editor.py" line="+248" />
        <source>Sign in to edit your layout.</source>
        <translation>Zum Bearbeiten des Layouts bitte anmelden.</translation>
    </message>
    <message>
        <location line="+30" />
        <source>No room there: move or shrink the panel in the way.</source>
        <translation>Dort ist kein Platz: Das störende Feld verschieben oder verkleinern.</translation>
    </message>
    <message>
        <location line="+14" />
        <source>The panel cannot grow there: another panel or the edge of the screen is in the way.</source>
        <translation>Das Feld kann dort nicht wachsen: Ein anderes Feld oder der Bildschirmrand ist im Weg.</translation>
    </message>
    <message>
        <location line="+31" />
        <source>No free space: make a panel smaller or remove one first.</source>
        <translation>Kein freier Platz: Zuerst ein Feld verkleinern oder entfernen.</translation>
    </message>
    <message>
        <location line="+42" />
        <source>Cannot save: {problem}</source>
        <translation>Speichern nicht möglich: {problem}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saving…</source>
        <translation>Speichert…</translation>
    </message>
    <message>
        <location line="+17" />
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saved (revision {n}).</source>
        <translation>Gespeichert (Revision {n}).</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Changes undone.</source>
        <translation>Änderungen verworfen.</translation>
    </message>
    <message>
        <location line="+18" />
        <source>Selected: {title} “{id}”</source>
        <translation>Ausgewählt: {title} „{id}“</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Tap a panel to change it.</source>
        <translation>Feld antippen, um es zu ändern.</translation>
    </message>
    <message>
        <location line="+24" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Tag</source>
        <translation>Variable</translation>
    </message>
    <message>
        <location line="+3" />
        <source>tag paths, separated by commas</source>
        <translation>Variablenpfade, durch Kommas getrennt</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Tags</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Time window</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Settings (JSON)</source>
        <translation>Einstellungen (JSON)</translation>
    </message>
    <message>
        <location line="+14" />
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
</context>
<context>
    <name>LayoutHost</name>
    <message>
        <location filename="../widgets/layout_host.py" line="+70" />
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
        <location filename="../widgets/shell.py" line="+78" />
        <source>{source}: connected</source>
        <translation>{source}: verbunden</translation>
    </message>
    <message>
        <location line="+2" />
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>{source}: connecting</source>
        <translation>{source}: verbindet</translation>
    </message>
    <message>
        <location line="+2" />
        <source>reconnecting · no data for {age}</source>
        <translation>verbindet neu · keine Daten seit {age}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>OFFLINE · no data for {age}</source>
        <translation>OFFLINE · keine Daten seit {age}</translation>
    </message>
    <message>
        <location line="+177" />
        <source>Nobody signed in</source>
        <translation>Niemand angemeldet</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <location line="+39" />
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
    <name>Overlay</name>
    <message>
        <location filename="../widgets/overlay.py" line="+61" />
        <location line="+56" />
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <location filename="../widgets/overview.py" line="+25" />
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
        <location line="+26" />
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location line="+1" />
        <source>OFFLINE</source>
        <translation>OFFLINE</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Summary %1</source>
        <translation>Stand %1</translation>
    </message>
    <message>
        <location line="+5" />
        <source>%1 unacknowledged alarms</source>
        <translation>%1 unquittierte Alarme</translation>
    </message>
    <message>
        <location line="+3" />
        <source>no line summary received yet</source>
        <translation>noch keine Linienübersicht empfangen</translation>
    </message>
    <message>
        <location line="+45" />
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
    <name>Roles</name>
    <message>
        <location filename="../widgets/shell.py" line="-292" />
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
</context>
<context>
    <name>Setpoint</name>
    <message>
        <location filename="../widgets/setpoint.py" line="+69" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+96" />
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
        <location line="+2" />
        <source>Your role ({role}) may not change setpoints. Ask a team lead or maintenance.</source>
        <translation>Ihre Rolle ({role}) darf keine Sollwerte ändern. Bitte Teamleitung oder Instandhaltung fragen.</translation>
    </message>
    <message>
        <location line="+6" />
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
        <location line="+6" />
        <source>{value} is below the lowest allowed value {low} {unit}.</source>
        <translation>{value} liegt unter dem kleinsten zulässigen Wert {low} {unit}.</translation>
    </message>
    <message>
        <location line="+10" />
        <source>{value} is above the highest allowed value {high} {unit}.</source>
        <translation>{value} liegt über dem größten zulässigen Wert {high} {unit}.</translation>
    </message>
    <message>
        <location line="+98" />
        <source>Change setpoint: {name}</source>
        <translation>Sollwert ändern: {name}</translation>
    </message>
</context>
<context>
    <name>ShelveReason</name>
    <message>
        <location filename="../widgets/alarm_table.py" line="-721" />
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
        <location line="+5" />
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
        <location line="+41" />
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
    <name>StateLamp</name>
    <message>
        <location filename="../widgets/lamp.py" line="+54" />
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
        <source>NO DATA</source>
        <translation>KEINE DATEN</translation>
    </message>
</context>
<context>
    <name>StationPanel</name>
    <message>
        <location filename="../widgets/station_panel.py" line="+50" />
        <location line="+83" />
        <source>BAD</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <location line="-75" />
        <source>Change…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location line="+83" />
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
    <name>TrendPanel</name>
    <message>
        <location filename="../widgets/trend_panel.py" line="+24" />
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
</context>
<context>
    <name>TrendPlot</name>
    <message>
        <location filename="../widgets/trend.py" line="+457" />
        <source>History not available: {error}</source>
        <translation>Verlauf nicht verfügbar: {error}</translation>
    </message>
    <message>
        <location line="+42" />
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
        <location line="+10" />
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
        <location filename="../widgets/vitals.py" line="+25" />
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
        <location filename="../widgets/station_panel.py" line="+17" />
        <source>Station</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../widgets/trend_panel.py" line="+31" />
        <source>Trend</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../widgets/alarm_table.py" line="+769" />
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <location filename="../widgets/floor_map.py" line="+6" />
        <source>Floor map</source>
        <translation>Hallenplan</translation>
    </message>
    <message>
        <location filename="../widgets/vitals.py" line="+5" />
        <source>Vitals</source>
        <translation>Vitaldaten</translation>
    </message>
</context>
</TS>