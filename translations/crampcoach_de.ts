<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>App</name>
    <message>
        <source>CrampCoach was asked to start hidden in the system tray, but this desktop has no tray, so the window opened instead.</source>
        <translation>CrampCoach sollte unsichtbar im Systembereich starten, aber dieser Desktop hat keinen Systembereich; deshalb ist das Fenster geöffnet.</translation>
    </message>
    <message>
        <source>1 problem in your routine files; that routine is not listed (check it with: crampcoach routines check):</source>
        <translation>Ein Problem in Ihren Übungsfolgen-Dateien; diese Übungsfolge wird nicht angezeigt (prüfen Sie sie mit: crampcoach routines check):</translation>
    </message>
    <message numerus="yes">
        <source>%n problems in your routine files; those routines are not listed (check them with: crampcoach routines check):</source>
        <translation>
            <numerusform>%n Problem in Ihren Übungsfolgen-Dateien; diese Übungsfolge wird nicht angezeigt (prüfen Sie sie mit: crampcoach routines check):</numerusform>
            <numerusform>%n Probleme in Ihren Übungsfolgen-Dateien; diese Übungsfolgen werden nicht angezeigt (prüfen Sie sie mit: crampcoach routines check):</numerusform>
        </translation>
    </message>
    <message>
        <source>Your log was repaired when it was opened:</source>
        <translation>Ihr Protokoll wurde beim Öffnen repariert:</translation>
    </message>
    <message>
        <source>Reminders could not start: {error}</source>
        <translation>Die Erinnerungen konnten nicht starten: {error}</translation>
    </message>
    <message>
        <source>Could not save last night&apos;s check-in: {error}. It will be retried.</source>
        <translation>Die Angabe zur letzten Nacht konnte nicht gespeichert werden: {error}. Es wird erneut versucht.</translation>
    </message>
    <message>
        <source>the check-in</source>
        <translation>die Angabe zur Nacht</translation>
    </message>
    <message>
        <source>Last night: {answer}.</source>
        <translation>Letzte Nacht: {answer}.</translation>
    </message>
    <message>
        <source>There is no routine called “{id}”.</source>
        <translation>Es gibt keine Übungsfolge namens „{id}“.</translation>
    </message>
    <message>
        <source>A session is already running; stop it before starting another.</source>
        <translation>Es läuft schon eine Einheit; beenden Sie sie, bevor Sie eine neue starten.</translation>
    </message>
    <message>
        <source>A session is already starting.</source>
        <translation>Eine Einheit startet gerade.</translation>
    </message>
    <message>
        <source>The player is not available ({error}).</source>
        <translation>Der Übungsplayer ist nicht verfügbar ({error}).</translation>
    </message>
    <message>
        <source>Unknown routine {id}.</source>
        <translation>Unbekannte Routine {id}.</translation>
    </message>
    <message>
        <source>Save a printable sheet of “{title}”</source>
        <translation>Ein druckbares Blatt von „{title}“ speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save the sheet to {path}: {error}</source>
        <translation>Das Blatt konnte nicht unter {path} gespeichert werden: {error}</translation>
    </message>
    <message>
        <source>Saved the sheet of “{title}” to {path} ({pages} pages, A4).</source>
        <translation>Das Blatt „{title}“ wurde unter {path} gespeichert ({pages} Seiten, A4).</translation>
    </message>
    <message>
        <source>Cramp saved in your diary.</source>
        <translation>Krampf im Tagebuch gespeichert.</translation>
    </message>
    <message>
        <source>the cramp</source>
        <translation>den Krampf</translation>
    </message>
    <message>
        <source>This part of CrampCoach is not available yet ({what}: {error}).</source>
        <translation>Dieser Teil von CrampCoach ist noch nicht verfügbar ({what}: {error}).</translation>
    </message>
    <message>
        <source>The routines could not be loaded: {error}</source>
        <translation>Die Übungsfolgen konnten nicht geladen werden: {error}</translation>
    </message>
    <message>
        <source>Could not mark the day: {error}</source>
        <translation>Der Tag konnte nicht eingetragen werden: {error}</translation>
    </message>
    <message>
        <source>Today is marked as a sick day: nothing that day counts as missed.</source>
        <translation>Heute ist als Krankheitstag eingetragen: an diesem Tag gilt nichts als versäumt.</translation>
    </message>
    <message>
        <source>Today is marked as a rest day: nothing that day counts as missed.</source>
        <translation>Heute ist als Ruhetag eingetragen: an diesem Tag gilt nichts als versäumt.</translation>
    </message>
    <message>
        <source>{day} is marked as a sick day: nothing that day counts as missed.</source>
        <translation>{day} ist als Krankheitstag eingetragen: an diesem Tag gilt nichts als versäumt.</translation>
    </message>
    <message>
        <source>{day} is marked as a rest day: nothing that day counts as missed.</source>
        <translation>{day} ist als Ruhetag eingetragen: an diesem Tag gilt nichts als versäumt.</translation>
    </message>
    <message>
        <source>the sick day</source>
        <translation>den Krankheitstag</translation>
    </message>
    <message>
        <source>the rest day</source>
        <translation>den Ruhetag</translation>
    </message>
    <message>
        <source>Could not pause reminders: {error}</source>
        <translation>Die Erinnerungen konnten nicht pausiert werden: {error}</translation>
    </message>
    <message>
        <source>Reminders are on again.</source>
        <translation>Die Erinnerungen sind wieder an.</translation>
    </message>
    <message>
        <source>No reminders until {time}.</source>
        <translation>Keine Erinnerungen bis {time}.</translation>
    </message>
    <message>
        <source>CrampCoach is still running in the tray, so your reminders keep coming. Quit it from the tray menu or with Ctrl+Q.</source>
        <translation>CrampCoach läuft im Infobereich weiter, damit Ihre Erinnerungen weiter kommen. Beenden können Sie es über das Menü im Infobereich oder mit Strg+Q.</translation>
    </message>
    <message>
        <source>CrampCoach keeps running</source>
        <translation>CrampCoach läuft weiter</translation>
    </message>
    <message>
        <source>Could not save the glass of water: {error}. It will be retried.</source>
        <translation>Das Glas Wasser konnte nicht gespeichert werden: {error}. Es wird erneut versucht.</translation>
    </message>
    <message>
        <source>Logged {ml} ml of water.</source>
        <translation>{ml} ml Wasser eingetragen.</translation>
    </message>
    <message>
        <source>the glass</source>
        <translation>das Glas</translation>
    </message>
    <message>
        <source>Could not take back {what}: {error}</source>
        <translation>{what} konnte nicht zurückgenommen werden: {error}</translation>
    </message>
    <message>
        <source>Took back {what}.</source>
        <translation>{what} zurückgenommen.</translation>
    </message>
    <message>
        <source>About CrampCoach</source>
        <translation>Über CrampCoach</translation>
    </message>
    <message>
        <source>CrampCoach {version}

Guided leg stretching, reminders and a weekly review for people whose legs cramp.

General information, not medical advice. See a doctor if cramps are frequent, disturb your sleep, or come with swelling, numbness or weakness.</source>
        <translation>CrampCoach {version}

Angeleitetes Dehnen der Beine, Erinnerungen und ein Wochenrückblick für Menschen mit Beinkrämpfen.

Allgemeine Informationen, keine medizinische Beratung. Gehen Sie zum Arzt, wenn Krämpfe häufig sind, Ihren Schlaf stören oder mit Schwellung, Taubheit oder Schwäche einhergehen.</translation>
    </message>
    <message>
        <source>Other CrampCoach commands cannot reach this window: {error}</source>
        <translation>Andere CrampCoach-Befehle erreichen dieses Fenster nicht: {error}</translation>
    </message>
</context>
<context>
    <name>AppStream</name>
    <message>
        <source>CrampCoach</source>
        <extracomment>The AppStream metainfo&apos;s translated elements, by tag.</extracomment>
        <translation>CrampCoach</translation>
    </message>
    <message>
        <source>Guided leg stretching and reminders for people whose legs cramp</source>
        <translation>Angeleitetes Dehnen der Beine und Erinnerungen für Menschen mit Beinkrämpfen</translation>
    </message>
</context>
<context>
    <name>Cautions</name>
    <message>
        <source>You told us you have diabetes or reduced feeling in your feet: hot water can burn without you feeling it. You can skip this soak (it is skipped unless you choose it), or ask your foot-care team first; if you soak, test the water with your elbow or a thermometer.</source>
        <translation>Sie haben angegeben, dass Sie Diabetes oder ein vermindertes Gefühl in den Füßen haben: Heißes Wasser kann verbrennen, ohne dass Sie es spüren. Sie können dieses Fußbad auslassen (es wird ausgelassen, wenn Sie es nicht wählen), oder fragen Sie zuerst Ihr Fußpflegeteam; wenn Sie baden, prüfen Sie das Wasser mit dem Ellbogen oder einem Thermometer.</translation>
    </message>
    <message>
        <source>You told us you have heart failure: raising your legs in bed can bring on breathlessness when lying flat. You can skip this step (it is skipped unless you choose it); ask your heart team what suits you.</source>
        <translation>Sie haben angegeben, dass Sie eine Herzschwäche haben: Die Beine im Bett hochzulegen kann im flachen Liegen Atemnot auslösen. Sie können diesen Schritt auslassen (er wird ausgelassen, wenn Sie ihn nicht wählen); fragen Sie Ihr Herzteam, was für Sie passt.</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <source>The last {n} weeks</source>
        <translation>Die letzten {n} Wochen</translation>
    </message>
    <message>
        <source>Plan done %</source>
        <translation>Plan erfüllt in %</translation>
    </message>
    <message>
        <source>Bedtime routine %</source>
        <translation>Übungsfolge vor dem Schlafen in %</translation>
    </message>
    <message>
        <source>Nights with cramps (of 7)</source>
        <translation>Nächte mit Krämpfen (von 7)</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
</context>
<context>
    <name>CheckinRow</name>
    <message>
        <source>How was last night?</source>
        <translation>Wie war die letzte Nacht?</translation>
    </message>
    <message>
        <source>No cramps</source>
        <translation>Keine Krämpfe</translation>
    </message>
    <message>
        <source>Had cramps…</source>
        <translation>Hatte Krämpfe…</translation>
    </message>
    <message>
        <source>Don&apos;t remember</source>
        <translation>Weiß nicht mehr</translation>
    </message>
    <message>
        <source>Last night had no leg cramps</source>
        <translation>Letzte Nacht gab es keine Wadenkrämpfe</translation>
    </message>
    <message>
        <source>Say how many cramps woke you</source>
        <translation>Angeben, wie viele Krämpfe Sie geweckt haben</translation>
    </message>
    <message>
        <source>Last night stays unknown; it is never counted as none</source>
        <translation>Die letzte Nacht bleibt unbekannt; sie zählt nie als keine</translation>
    </message>
    <message>
        <source>How was last night ({night})?</source>
        <translation>Wie war die letzte Nacht ({night})?</translation>
    </message>
    <message>
        <source>Last night: {answer}. You can change it:</source>
        <translation>Letzte Nacht: {answer}. Sie können es ändern:</translation>
    </message>
</context>
<context>
    <name>CrampDialog</name>
    <message>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <source>Hamstring (back of thigh)</source>
        <translation>Beinbeuger (Oberschenkelrückseite)</translation>
    </message>
    <message>
        <source>Quadriceps (front of thigh)</source>
        <translation>Quadrizeps (Oberschenkelvorderseite)</translation>
    </message>
    <message>
        <source>Foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Anderer</translation>
    </message>
    <message>
        <source>Not said</source>
        <translation>Keine Angabe</translation>
    </message>
    <message>
        <source>In bed / asleep</source>
        <translation>Im Bett / im Schlaf</translation>
    </message>
    <message>
        <source>Exercising</source>
        <translation>Beim Sport</translation>
    </message>
    <message>
        <source>Stretching</source>
        <translation>Beim Dehnen</translation>
    </message>
    <message>
        <source>Sitting or resting</source>
        <translation>Im Sitzen oder in Ruhe</translation>
    </message>
    <message>
        <source>Something else</source>
        <translation>Etwas anderes</translation>
    </message>
    <message>
        <source>The cramp is happening now or just ended</source>
        <translation>Der Krampf ist gerade jetzt oder eben vorbei</translation>
    </message>
    <message>
        <source>The cramp woke you last night</source>
        <translation>Der Krampf hat Sie letzte Nacht geweckt</translation>
    </message>
    <message>
        <source>Choose the date and time yourself</source>
        <translation>Datum und Uhrzeit selbst wählen</translation>
    </message>
    <message>
        <source>The date and time the cramp began</source>
        <translation>Datum und Uhrzeit, zu der der Krampf begann</translation>
    </message>
    <message>
        <source>Which leg cramped</source>
        <translation>Welches Bein verkrampft war</translation>
    </message>
    <message>
        <source>Which muscle cramped</source>
        <translation>Welcher Muskel verkrampft war</translation>
    </message>
    <message>
        <source>How bad it was, from 0 (none) to 10 (worst)</source>
        <translation>Wie schlimm es war, von 0 (gar nicht) bis 10 (am schlimmsten)</translation>
    </message>
    <message>
        <source>How long it lasted, in minutes; leave it if you do not know</source>
        <translation>Wie lange er dauerte, in Minuten; lassen Sie es, wenn Sie es nicht wissen</translation>
    </message>
    <message>
        <source>What you were doing when it began</source>
        <translation>Was Sie getan haben, als er begann</translation>
    </message>
    <message>
        <source>Anything else worth remembering, in your own words</source>
        <translation>Was sonst noch wichtig ist, in Ihren eigenen Worten</translation>
    </message>
    <message>
        <source>Edit a cramp</source>
        <extracomment>The dialog&apos;s margins and a vertical scroll bar beside its form.</extracomment>
        <translation>Krampf bearbeiten</translation>
    </message>
    <message>
        <source>Log a cramp</source>
        <translation>Krampf eintragen</translation>
    </message>
    <message>
        <source>Save this cramp in your diary</source>
        <translation>Diesen Krampf im Tagebuch speichern</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen, ohne zu speichern</translation>
    </message>
    <message>
        <source>Anything else with it? Tick what applies</source>
        <translation>Noch etwas dazu? Kreuzen Sie an, was zutrifft</translation>
    </message>
    <message>
        <source>Tick it if this came with the cramp</source>
        <translation>Ankreuzen, wenn das mit dem Krampf kam</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <source>Kept for now, but not yet on disk: {error}. CrampCoach retries on the next save; keep the app open, or press Save again to retry now.</source>
        <translation>Vorerst behalten, aber noch nicht auf dem Datenträger: {error}. CrampCoach versucht es beim nächsten Speichern erneut; lassen Sie die App geöffnet oder drücken Sie noch einmal „Speichern“, um es jetzt zu versuchen.</translation>
    </message>
</context>
<context>
    <name>CrampEntry</name>
    <message>
        <source>left</source>
        <extracomment>The short words a logged entry is listed with (the review&apos;s diary, the PDF).</extracomment>
        <translation>links</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>calf</source>
        <translation>Wade</translation>
    </message>
    <message>
        <source>hamstring</source>
        <translation>Beinbeuger</translation>
    </message>
    <message>
        <source>quadriceps</source>
        <translation>Quadrizeps</translation>
    </message>
    <message>
        <source>foot</source>
        <translation>Fuß</translation>
    </message>
    <message>
        <source>other muscle</source>
        <translation>anderer Muskel</translation>
    </message>
    <message>
        <source>night</source>
        <translation>nachts</translation>
    </message>
    <message>
        <source>exercise</source>
        <translation>Sport</translation>
    </message>
    <message>
        <source>stretching</source>
        <translation>Dehnen</translation>
    </message>
    <message>
        <source>resting</source>
        <translation>in Ruhe</translation>
    </message>
    <message>
        <source>other</source>
        <translation>anderes</translation>
    </message>
</context>
<context>
    <name>CrampForm</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>&amp;Now</source>
        <translation>&amp;Jetzt</translation>
    </message>
    <message>
        <source>&amp;Last night</source>
        <translation>&amp;Letzte Nacht</translation>
    </message>
    <message>
        <source>O&amp;ther time</source>
        <translation>&amp;Andere Zeit</translation>
    </message>
    <message>
        <source>Time the cramp began</source>
        <translation>Zeitpunkt, an dem der Krampf begann</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy  HH:mm</source>
        <translation>ddd d. MMM yyyy  HH:mm</translation>
    </message>
    <message>
        <source>L&amp;eg</source>
        <translation>&amp;Bein</translation>
    </message>
    <message>
        <source>&amp;Muscle</source>
        <translation>&amp;Muskel</translation>
    </message>
    <message>
        <source>&amp;Severity (0–10)</source>
        <translation>&amp;Stärke (0–10)</translation>
    </message>
    <message>
        <source>Severity slider</source>
        <translation>Regler für die Stärke</translation>
    </message>
    <message>
        <source>Severity from 0 (none) to 10 (worst)</source>
        <translation>Stärke von 0 (keine) bis 10 (am schlimmsten)</translation>
    </message>
    <message>
        <source>&amp;Duration (minutes)</source>
        <translation>&amp;Dauer (Minuten)</translation>
    </message>
    <message>
        <source>How long it lasted, in minutes</source>
        <translation>Wie lange er dauerte, in Minuten</translation>
    </message>
    <message>
        <source>not sure</source>
        <translation>weiß nicht</translation>
    </message>
    <message>
        <source>&amp;What were you doing</source>
        <translation>&amp;Was haben Sie gerade getan</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>N&amp;otiz</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>freiwillig</translation>
    </message>
    <message>
        <source>General information, not medical advice.</source>
        <translation>Allgemeine Informationen, keine medizinische Beratung.</translation>
    </message>
</context>
<context>
    <name>Cues</name>
    <message>
        <source>Sound cues are off (Settings).</source>
        <extracomment>A cue more than this late (the loop was blocked) is not played: it would be wrong now. Speech, and the sounds when there is no worker. The worker that times the sounds; None when ``cues`` plays them.</extracomment>
        <translation>Tonsignale sind aus (Einstellungen).</translation>
    </message>
    <message>
        <source>No sound server is running, so sound cues are off.</source>
        <extracomment>The bundled cue sounds (assets/sounds/&lt;name&gt;.wav, made by scripts/make_sounds.py).</extracomment>
        <translation>Es läuft kein Soundserver, daher sind die Tonsignale aus.</translation>
    </message>
    <message>
        <source>No audio output was found, so sound cues are off.</source>
        <translation>Es wurde keine Audioausgabe gefunden, daher sind die Tonsignale aus.</translation>
    </message>
    <message>
        <source>No speech engine was found, so spoken cues are off (on Linux, install speech-dispatcher to turn them on).</source>
        <translation>Es wurde keine Sprachausgabe gefunden, daher sind die gesprochenen Hinweise aus (unter Linux schaltet sie die Installation von speech-dispatcher ein).</translation>
    </message>
</context>
<context>
    <name>DesktopEntry</name>
    <message>
        <source>CrampCoach</source>
        <extracomment>The desktop entry&apos;s words, per (group, key). The English is also in ``assets/crampcoach.desktop`` (a test keeps the two equal); the other languages come from ``translations/crampcoach_&lt;lang&gt;.ts``, which lupdate fills from these markers, so the menu speaks the same words as the app.</extracomment>
        <translation>CrampCoach</translation>
    </message>
    <message>
        <source>Leg stretching coach</source>
        <translation>Trainer für Beindehnung</translation>
    </message>
    <message>
        <source>Guided leg stretching, reminders and a weekly review for people whose legs cramp</source>
        <translation>Angeleitetes Dehnen der Beine, Erinnerungen und ein Wochenrückblick für Menschen mit Beinkrämpfen</translation>
    </message>
    <message>
        <source>cramp;stretch;leg;calf;reminder;health;</source>
        <translation>Krampf;Dehnen;Bein;Wade;Erinnerung;Gesundheit;</translation>
    </message>
    <message>
        <source>Start the bedtime routine</source>
        <translation>Die Übungsfolge vor dem Schlafen starten</translation>
    </message>
</context>
<context>
    <name>DocumentReader</name>
    <message>
        <source>The whole document as plain text; the cited passage is marked</source>
        <extracomment>Supplement and drinking passages: a pale blue band and a dotted underline, so the mark does not depend on colour alone; their verdicts are listed above the text.</extracomment>
        <translation>Das ganze Dokument als reiner Text; die zitierte Stelle ist markiert</translation>
    </message>
    <message>
        <source>Close the document (Esc)</source>
        <translation>Das Dokument schließen (Esc)</translation>
    </message>
    <message>
        <source>This passage is cited by the step “{name}”.</source>
        <translation>Diese Stelle zitiert der Schritt „{name}“.</translation>
    </message>
    <message>
        <source>{title} — CrampCoach</source>
        <translation>{title} — CrampCoach</translation>
    </message>
    <message>
        <source>About this source: {quality}</source>
        <translation>Zu dieser Quelle: {quality}</translation>
    </message>
    <message>
        <source>Passages about supplements or drinking are marked in blue. What better studies say:
{verdicts}</source>
        <translation>Stellen über Nahrungsergänzung oder Trinken sind blau markiert. Was bessere Studien sagen:
{verdicts}</translation>
    </message>
    <message>
        <source>The whole document, as published.</source>
        <translation>Das ganze Dokument, wie veröffentlicht.</translation>
    </message>
    <message>
        <source>The quoted passage was not found in this document: “{quote}”</source>
        <translation>Die zitierte Stelle wurde in diesem Dokument nicht gefunden: „{quote}“</translation>
    </message>
    <message>
        <source>The highlighted passage is what this step cites.</source>
        <translation>Die hervorgehobene Stelle ist das, worauf sich dieser Schritt stützt.</translation>
    </message>
</context>
<context>
    <name>DocumentReaderForm</name>
    <message>
        <source>About the evidence for this step</source>
        <translation>Zur Beweislage für diesen Schritt</translation>
    </message>
    <message>
        <source>Document text</source>
        <translation>Text des Dokuments</translation>
    </message>
    <message>
        <source>General information, not medical advice. The app quotes these pages; it does not vouch for them.</source>
        <translation>Allgemeine Informationen, keine medizinische Beratung. Die App zitiert diese Seiten; sie bürgt nicht für sie.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
</context>
<context>
    <name>MainForm</name>
    <message>
        <source>CrampCoach</source>
        <translation>CrampCoach</translation>
    </message>
    <message>
        <source>General information, not medical advice.</source>
        <translation>Allgemeine Informationen, keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>Routines</source>
        <translation>Übungsfolgen</translation>
    </message>
    <message>
        <source>Routine library</source>
        <translation>Sammlung der Übungsfolgen</translation>
    </message>
    <message>
        <source>Enter or double-click starts the selected routine.</source>
        <translation>Eingabetaste oder Doppelklick startet die gewählte Übungsfolge.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Drinking enough matters for health in general, but there is little evidence that extra water prevents cramps, and drinking far more than you need can be harmful. The goal is yours to set in Settings.</source>
        <translation>Genug zu trinken ist für die Gesundheit allgemein wichtig, aber es gibt wenig Belege, dass zusätzliches Wasser Krämpfen vorbeugt, und weit mehr zu trinken als nötig kann schaden. Das Ziel legen Sie selbst in den Einstellungen fest.</translation>
    </message>
    <message>
        <source>Water logged today against your goal</source>
        <translation>Heute eingetragenes Wasser im Vergleich zu Ihrem Ziel</translation>
    </message>
    <message>
        <source>Log a glass of water</source>
        <translation>Ein Glas Wasser eintragen</translation>
    </message>
    <message>
        <source>Log a cramp…</source>
        <translation>Einen Krampf eintragen…</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Source documents</source>
        <translation>Quelldokumente</translation>
    </message>
    <message>
        <source>Enter or double-click opens a document. Each note says how far to trust it.</source>
        <translation>Eingabetaste oder Doppelklick öffnet ein Dokument. Jede Notiz sagt, wie weit man ihm trauen kann.</translation>
    </message>
    <message>
        <source>See a doctor if cramps come often, disturb your sleep, or come with swelling, numbness or weakness. Get help at once if a cramp lasts more than 10 minutes and does not ease.</source>
        <translation>Gehen Sie zum Arzt, wenn Krämpfe oft kommen, Ihren Schlaf stören oder mit Schwellung, Taubheit oder Schwäche einhergehen. Holen Sie sofort Hilfe, wenn ein Krampf länger als 10 Minuten dauert und nicht nachlässt.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>A day off</source>
        <translation>Ein freier Tag</translation>
    </message>
    <message>
        <source>The day to mark; nothing that day counts as missed</source>
        <translation>Der einzutragende Tag; an ihm gilt nichts als versäumt</translation>
    </message>
    <message>
        <source>A rest day</source>
        <translation>Ein Ruhetag</translation>
    </message>
    <message>
        <source>A sick day</source>
        <translation>Ein Krankheitstag</translation>
    </message>
    <message>
        <source>Why the plan was not followed that day</source>
        <translation>Warum der Plan an diesem Tag nicht befolgt wurde</translation>
    </message>
    <message>
        <source>&amp;Day</source>
        <translation>&amp;Tag</translation>
    </message>
    <message>
        <source>&amp;It was</source>
        <translation>&amp;Es war</translation>
    </message>
    <message>
        <source>CrampCoach</source>
        <translation>CrampCoach</translation>
    </message>
    <message>
        <source>Cramping now</source>
        <translation>Krampf jetzt</translation>
    </message>
    <message>
        <source>Start the routine that eases a cramp (Ctrl+N)</source>
        <translation>Die Übungsfolge starten, die einen Krampf lindert (Strg+N)</translation>
    </message>
    <message>
        <source>Starts the cramp relief routine at once</source>
        <translation>Startet sofort die Übungsfolge gegen den Krampf</translation>
    </message>
    <message>
        <source>Add one glass to today&apos;s water (Ctrl+G)</source>
        <translation>Ein Glas zum heutigen Wasser hinzufügen (Strg+G)</translation>
    </message>
    <message>
        <source>Note a cramp in your diary (Ctrl+K)</source>
        <translation>Einen Krampf im Tagebuch notieren (Strg+K)</translation>
    </message>
    <message>
        <source>Your week: what was done, cramps, and when to see a doctor (Ctrl+R)</source>
        <translation>Ihre Woche: was erledigt wurde, Krämpfe und wann Sie zum Arzt gehen sollten (Strg+R)</translation>
    </message>
    <message>
        <source>Bedtime, reminders, water, sounds and colours (Ctrl+,)</source>
        <translation>Schlafenszeit, Erinnerungen, Wasser, Töne und Farben (Strg+,)</translation>
    </message>
    <message>
        <source>Up and Down choose a routine; Enter starts it</source>
        <translation>Auf und Ab wählen eine Übungsfolge; Eingabe startet sie</translation>
    </message>
    <message>
        <source>The sources behind every step; Enter opens one</source>
        <translation>Die Quellen hinter jedem Schritt; Eingabe öffnet eine</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <source>Take back what was just logged (Ctrl+Z)</source>
        <translation>Das gerade Eingetragene zurücknehmen (Strg+Z)</translation>
    </message>
    <message>
        <source>&amp;CrampCoach</source>
        <translation>&amp;CrampCoach</translation>
    </message>
    <message>
        <source>Log a &amp;glass of water</source>
        <translation>Ein &amp;Glas Wasser eintragen</translation>
    </message>
    <message>
        <source>Log a &amp;cramp…</source>
        <translation>Einen &amp;Krampf eintragen…</translation>
    </message>
    <message>
        <source>Weekly &amp;review</source>
        <translation>&amp;Wochenrückblick</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Today is a &amp;rest day</source>
        <translation>Heute ist ein &amp;Ruhetag</translation>
    </message>
    <message>
        <source>Today is a &amp;sick day</source>
        <translation>Heute ist ein &amp;Krankheitstag</translation>
    </message>
    <message>
        <source>A &amp;past day was a rest or sick day…</source>
        <translation>Ein &amp;vergangener Tag war ein Ruhe- oder Krankheitstag…</translation>
    </message>
    <message>
        <source>Pause reminders for 1 &amp;hour</source>
        <translation>Erinnerungen für 1 &amp;Stunde pausieren</translation>
    </message>
    <message>
        <source>Pause reminders until &amp;tomorrow</source>
        <translation>Erinnerungen bis &amp;morgen pausieren</translation>
    </message>
    <message>
        <source>Res&amp;ume reminders</source>
        <translation>Erinnerungen &amp;fortsetzen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About CrampCoach</source>
        <translation>&amp;Über CrampCoach</translation>
    </message>
    <message>
        <source>{title}. {facts}</source>
        <translation>{title}. {facts}</translation>
    </message>
    <message>
        <source>{description} Press Enter to start it.</source>
        <translation>{description} Mit der Eingabetaste starten.</translation>
    </message>
    <message>
        <source>No routines could be loaded. The notice above says which file is wrong; check them with: crampcoach routines check</source>
        <translation>Es konnten keine Übungsfolgen geladen werden. Der Hinweis oben sagt, welche Datei fehlerhaft ist; prüfen Sie sie mit: crampcoach routines check</translation>
    </message>
    <message>
        <source>{quality} Press Enter to open it.</source>
        <translation>{quality} Mit der Eingabetaste öffnen.</translation>
    </message>
    <message>
        <source>Sessions done today: {done}</source>
        <translation>Heute erledigte Einheiten: {done}</translation>
    </message>
    <message>
        <source> (and {partial} stopped early)</source>
        <translation> (und {partial} vorzeitig beendet)</translation>
    </message>
    <message>
        <source>Water logged: {ml} ml of your {goal} ml goal</source>
        <translation>Wasser eingetragen: {ml} ml von Ihrem Ziel, {goal} ml</translation>
    </message>
    <message>
        <source>Water logged: {ml} ml</source>
        <translation>Wasser eingetragen: {ml} ml</translation>
    </message>
    <message>
        <source>… and 1 more.</source>
        <translation>… und ein weiterer.</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… und %n weiterer.</numerusform>
            <numerusform>… und %n weitere.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NightDialog</name>
    <message>
        <source>How was last night?</source>
        <translation>Wie war die letzte Nacht?</translation>
    </message>
    <message>
        <source>The {night}</source>
        <translation>{night}</translation>
    </message>
    <message>
        <source>How many cramps</source>
        <translation>Wie viele Krämpfe</translation>
    </message>
    <message>
        <source>The worst one (0 none – 10 worst)</source>
        <translation>Der schlimmste (0 keiner – 10 am schlimmsten)</translation>
    </message>
    <message>
        <source>The number of cramps in that night</source>
        <translation>Die Zahl der Krämpfe in dieser Nacht</translation>
    </message>
    <message>
        <source>How bad the worst cramp was, from 0 (none) to 10 (the worst you know)</source>
        <translation>Wie schlimm der schlimmste Krampf war, von 0 (keiner) bis 10 (der schlimmste, den Sie kennen)</translation>
    </message>
    <message>
        <source>Keep this answer for the night</source>
        <translation>Diese Antwort für die Nacht speichern</translation>
    </message>
    <message>
        <source>Close without answering</source>
        <translation>Schließen, ohne zu antworten</translation>
    </message>
</context>
<context>
    <name>NightWords</name>
    <message>
        <source>you don&apos;t remember</source>
        <translation>Sie wissen es nicht mehr</translation>
    </message>
    <message>
        <source>no cramps</source>
        <translation>keine Krämpfe</translation>
    </message>
    <message>
        <source>1 cramp</source>
        <translation>1 Krampf</translation>
    </message>
    <message numerus="yes">
        <source>%n cramps</source>
        <translation>
            <numerusform>%n Krampf</numerusform>
            <numerusform>%n Krämpfe</numerusform>
        </translation>
    </message>
    <message>
        <source>1 cramp, the worst {worst}/10</source>
        <translation>1 Krampf, Stärke {worst}/10</translation>
    </message>
    <message numerus="yes">
        <source>%n cramps, the worst {worst}/10</source>
        <translation>
            <numerusform>%n Krampf, Stärke {worst}/10</numerusform>
            <numerusform>%n Krämpfe, der stärkste {worst}/10</numerusform>
        </translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <comment>date format of a night&apos;s two days (QDate::toString)</comment>
        <translation>ddd d. MMM</translation>
    </message>
    <message>
        <source>night of {start} to {end}</source>
        <translation>Nacht von {start} auf {end}</translation>
    </message>
</context>
<context>
    <name>PlayerForm</name>
    <message>
        <source>CrampCoach session</source>
        <translation>CrampCoach-Einheit</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Übungsfolge</translation>
    </message>
    <message>
        <source>Step 1 of 1</source>
        <translation>Schritt 1 von 1</translation>
    </message>
    <message>
        <source>00:00 left</source>
        <translation>noch 00:00</translation>
    </message>
    <message>
        <source>Progress through the routine</source>
        <translation>Fortschritt in der Übungsfolge</translation>
    </message>
    <message>
        <source>BOTH LEGS</source>
        <translation>BEIDE BEINE</translation>
    </message>
    <message>
        <source>both</source>
        <translation>beide</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>00:00</source>
        <translation>00:00</translation>
    </message>
    <message>
        <source>Time left in this part</source>
        <translation>Verbleibende Zeit in diesem Teil</translation>
    </message>
    <message>
        <source>◀ Back  (←)</source>
        <translation>◀ Zurück  (←)</translation>
    </message>
    <message>
        <source>Restart this step, or go to the previous one in its first 3 seconds (Left arrow)</source>
        <translation>Diesen Schritt neu beginnen, in den ersten 3 Sekunden zum vorigen (Pfeil links)</translation>
    </message>
    <message>
        <source>Pause  (Space)</source>
        <translation>Pause  (Leertaste)</translation>
    </message>
    <message>
        <source>Pause or resume (Space)</source>
        <translation>Anhalten oder fortsetzen (Leertaste)</translation>
    </message>
    <message>
        <source>Skip  (→) ▶</source>
        <translation>Überspringen  (→) ▶</translation>
    </message>
    <message>
        <source>Skip the rest of this step (Right arrow)</source>
        <translation>Den Rest dieses Schritts überspringen (Pfeil rechts)</translation>
    </message>
    <message>
        <source>Restart step  (R)</source>
        <translation>Schritt neu  (R)</translation>
    </message>
    <message>
        <source>Start this step again from the beginning (R)</source>
        <translation>Diesen Schritt von vorn beginnen (R)</translation>
    </message>
    <message>
        <source>Stop  (Esc)</source>
        <translation>Beenden  (Esc)</translation>
    </message>
    <message>
        <source>End the session now; what you did is recorded (Esc)</source>
        <translation>Die Einheit jetzt beenden; was Sie getan haben, wird eingetragen (Esc)</translation>
    </message>
    <message>
        <source>General information, not medical advice. Stop if it hurts.</source>
        <translation>Allgemeine Informationen, keine medizinische Beratung. Hören Sie auf, wenn es schmerzt.</translation>
    </message>
    <message>
        <source>Session finished</source>
        <translation>Einheit beendet</translation>
    </message>
    <message>
        <source>Try saving again</source>
        <translation>Erneut speichern</translation>
    </message>
    <message>
        <source>Close  (Esc)</source>
        <translation>Schließen  (Esc)</translation>
    </message>
    <message>
        <source>General information, not medical advice. See a doctor if cramps are frequent, disturb your sleep, or come with swelling, numbness or weakness.</source>
        <translation>Allgemeine Informationen, keine medizinische Beratung. Gehen Sie zum Arzt, wenn Krämpfe häufig sind, Ihren Schlaf stören oder mit Schwellung, Taubheit oder Schwäche einhergehen.</translation>
    </message>
</context>
<context>
    <name>PlayerWindow</name>
    <message>
        <source>Stop here? Press Esc or Stop again to end and record it, or Space to go on.</source>
        <extracomment>Seconds to get into position between pressing Start and the first step. The countdown is redrawn when its shown second changes, this long after the change (so the rounding has crossed over), never on a fixed beat.</extracomment>
        <translation>Hier aufhören? Drücken Sie noch einmal Esc oder „Beenden“, um die Einheit zu beenden und einzutragen, oder die Leertaste, um weiterzumachen.</translation>
    </message>
    <message>
        <source>General information, not medical advice. Stop if it hurts.</source>
        <extracomment>How far ahead the cue clock is told the plan. The player re-plans at every cue and boundary, so this only has to outlast a GUI thread stuck that long. The sound each kind of cue plays (kinds not listed are spoken only). A step that starts with a switch of sides plays &quot;switch&quot; only (see ``_on_event``). The share of the window&apos;s width the step&apos;s picture keeps beside the countdown. The smallest the window may be made: the widest button, the controls stacked, a little of the page (which scrolls). The big type that scales with the window (see ``_scale_type``): attribute, and its size at the 1180×760 design size in % of the user&apos;s font. The only place these sizes are given: ``ui/player.qss`` sets the labels&apos; weight and colour, not their size.</extracomment>
        <translation>Allgemeine Informationen, keine medizinische Beratung. Hören Sie auf, wenn es schmerzt.</translation>
    </message>
    <message>
        <source>◀  LEFT LEG</source>
        <translation>◀  LINKES BEIN</translation>
    </message>
    <message>
        <source>RIGHT LEG  ▶</source>
        <translation>RECHTES BEIN  ▶</translation>
    </message>
    <message>
        <source>BOTH LEGS</source>
        <translation>BEIDE BEINE</translation>
    </message>
    <message>
        <source>THE CRAMPING LEG</source>
        <translation>DAS KRAMPFENDE BEIN</translation>
    </message>
    <message>
        <source>Switch to the left leg.</source>
        <extracomment>Whole sentences, not &quot;Switch to the {side}&quot;: the side&apos;s case can differ by language.</extracomment>
        <translation>Wechseln Sie zum linken Bein.</translation>
    </message>
    <message>
        <source>Switch to the right leg.</source>
        <translation>Wechseln Sie zum rechten Bein.</translation>
    </message>
    <message>
        <source>Switch to the cramping leg.</source>
        <translation>Wechseln Sie zum krampfenden Bein.</translation>
    </message>
    <message>
        <source>Switch to both legs.</source>
        <translation>Wechseln Sie zu beiden Beinen.</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>linkes Bein</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>rechtes Bein</translation>
    </message>
    <message>
        <source>the cramping leg</source>
        <translation>das krampfende Bein</translation>
    </message>
    <message>
        <source>both legs</source>
        <translation>beide Beine</translation>
    </message>
    <message>
        <source>{title} — CrampCoach</source>
        <extracomment>doc id, quote, the step&apos;s evidence note or None, and the step (for its picture)</extracomment>
        <translation>{title} — CrampCoach</translation>
    </message>
    <message>
        <source>A guided stretching session is running</source>
        <extracomment>What was last announced to assistive technology (newest last). Said before the session starts when no sound cue will play. Esc or Stop was pressed once: the session is paused, asking to confirm. Fires at the engine&apos;s next deadline (a boundary or a cue) and ticks it. Redraws the countdown when a shown figure changes (once a second while a step counts down), and never while the window is hidden or minimised.</extracomment>
        <translation>Eine angeleitete Dehneinheit läuft</translation>
    </message>
    <message>
        <source>Get ready for {step}.</source>
        <translation>Machen Sie sich bereit für {step}.</translation>
    </message>
    <message>
        <source>Get ready for {step}, {side}.</source>
        <translation>Machen Sie sich bereit für {step}, {side}.</translation>
    </message>
    <message>
        <source>{step}.</source>
        <translation>{step}.</translation>
    </message>
    <message>
        <source>{step}, {side}.</source>
        <translation>{step}, {side}.</translation>
    </message>
    <message>
        <source>Hold {rep} of {reps}.</source>
        <translation>Halten, {rep} von {reps}.</translation>
    </message>
    <message>
        <source>Relax.</source>
        <translation>Entspannen.</translation>
    </message>
    <message>
        <source>Half way.</source>
        <translation>Halbzeit.</translation>
    </message>
    <message>
        <source>Well done. The routine is finished.</source>
        <translation>Gut gemacht. Die Übungsfolge ist beendet.</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>Bereit machen</translation>
    </message>
    <message>
        <source>Relax — hold {rep} of {reps} next</source>
        <translation>Entspannen — gleich Halten {rep} von {reps}</translation>
    </message>
    <message>
        <source>Hold {rep} of {reps}</source>
        <translation>Halten {rep} von {reps}</translation>
    </message>
    <message>
        <source>Press Space or Start when you are in position.</source>
        <translation>Drücken Sie die Leertaste oder „Start“, sobald Sie in Position sind.</translation>
    </message>
    <message>
        <source>Start  (Space)</source>
        <translation>Start  (Leertaste)</translation>
    </message>
    <message>
        <source>Paused — press Space to continue.</source>
        <translation>Angehalten — mit der Leertaste geht es weiter.</translation>
    </message>
    <message>
        <source>Resume  (Space)</source>
        <translation>Weiter  (Leertaste)</translation>
    </message>
    <message>
        <source>Get into position, or press → to begin now.</source>
        <translation>Gehen Sie in Position oder drücken Sie →, um gleich zu beginnen.</translation>
    </message>
    <message>
        <source>Pause  (Space)</source>
        <translation>Pause  (Leertaste)</translation>
    </message>
    <message>
        <source>Step {n} of {total}</source>
        <translation>Schritt {n} von {total}</translation>
    </message>
    <message>
        <source>Side: {side}</source>
        <translation>Seite: {side}</translation>
    </message>
    <message>
        <source>{progress}: {step}</source>
        <translation>{progress}: {step}</translation>
    </message>
    <message>
        <source>{progress}: {step}, {side}</source>
        <translation>{progress}: {step}, {side}</translation>
    </message>
    <message>
        <source>Evidence: {verdict}</source>
        <translation>Belege: {verdict}</translation>
    </message>
    <message>
        <source>{caution} Press → to skip it.</source>
        <translation>{caution} Mit → überspringen Sie ihn.</translation>
    </message>
    <message>
        <source>Next: the end of the routine.</source>
        <translation>Als Nächstes: das Ende der Übungsfolge.</translation>
    </message>
    <message>
        <source>Next: {step}</source>
        <translation>Als Nächstes: {step}</translation>
    </message>
    <message>
        <source>Next: {step} — {side}</source>
        <translation>Als Nächstes: {step} — {side}</translation>
    </message>
    <message>
        <source>Why this step?</source>
        <translation>Warum dieser Schritt?</translation>
    </message>
    <message>
        <source>{link} — {title}: “{quote}”</source>
        <translation>{link} — {title}: „{quote}“</translation>
    </message>
    <message>
        <source>“{quote}”
Opens the source with this passage marked.</source>
        <translation>„{quote}“
Öffnet die Quelle mit dieser Stelle markiert.</translation>
    </message>
    <message>
        <source>{time} left</source>
        <translation>noch {time}</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>Gut gemacht</translation>
    </message>
    <message>
        <source>The step done in {time}.</source>
        <translation>Den Schritt in {time} geschafft.</translation>
    </message>
    <message numerus="yes">
        <source>All %n steps done in {time}.</source>
        <translation>
            <numerusform>%n Schritt in {time} geschafft.</numerusform>
            <numerusform>Alle %n Schritte in {time} geschafft.</numerusform>
        </translation>
    </message>
    <message>
        <source>Session stopped</source>
        <translation>Einheit beendet</translation>
    </message>
    <message>
        <source>Routine finished</source>
        <translation>Übungsfolge zu Ende</translation>
    </message>
    <message>
        <source>{done} of 1 step done, {skipped} skipped, in {time}.</source>
        <translation>{done} von 1 Schritt geschafft, {skipped} übersprungen, in {time}.</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n steps done, {skipped} skipped, in {time}.</source>
        <translation>
            <numerusform>{done} von %n Schritt geschafft, {skipped} übersprungen, in {time}.</numerusform>
            <numerusform>{done} von %n Schritten geschafft, {skipped} übersprungen, in {time}.</numerusform>
        </translation>
    </message>
    <message>
        <source>{done} of 1 step done, in {time}.</source>
        <translation>{done} von 1 Schritt geschafft, in {time}.</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n steps done, in {time}.</source>
        <translation>
            <numerusform>{done} von %n Schritt geschafft, in {time}.</numerusform>
            <numerusform>{done} von %n Schritten geschafft, in {time}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not recorded: no log is open.</source>
        <translation>Nicht eingetragen: Es ist kein Protokoll geöffnet.</translation>
    </message>
    <message>
        <source>Recorded in your log.</source>
        <translation>In Ihr Protokoll eingetragen.</translation>
    </message>
    <message>
        <source>Could not save this session to your log: {error}. It is kept and will be saved with your next entry, or press “Try saving again”.</source>
        <translation>Diese Einheit konnte nicht in Ihr Protokoll gespeichert werden: {error}. Sie bleibt erhalten und wird mit Ihrem nächsten Eintrag gespeichert, oder drücken Sie „Erneut speichern“.</translation>
    </message>
    <message>
        <source>Could not save this session to your log: {error}.</source>
        <translation>Diese Einheit konnte nicht in Ihr Protokoll gespeichert werden: {error}.</translation>
    </message>
</context>
<context>
    <name>PoseStrip</name>
    <message>
        <source>Pictures of the steps</source>
        <translation>Bilder der Schritte</translation>
    </message>
</context>
<context>
    <name>PoseView</name>
    <message>
        <source>Picture: {title}</source>
        <extracomment>Milliseconds between frames of a move (25 a second).</extracomment>
        <translation>Bild: {title}</translation>
    </message>
</context>
<context>
    <name>ReminderController</name>
    <message>
        <source>No cramps</source>
        <extracomment>Test hook for the end-to-end test: ``&quot;hydration:3&quot;`` shows a hydration reminder 3 s after start-up, whatever the settings say. How often wall and monotonic time are compared (a resume is noticed within this). A reminder due within this long has its notification code loaded ahead (``Notifications.prepare``): more than one clock check, so one always sees it. a routine id -&gt; (title, seconds), for the bedtime text; None if unknown write a night&apos;s check-in (night, cramps or None for &quot;don&apos;t remember&quot;); None: the engine writes it itself ask how many cramps a night had, and the worst (the main window&apos;s check-in)</extracomment>
        <translation>Keine Krämpfe</translation>
    </message>
    <message>
        <source>Had cramps…</source>
        <translation>Hatte Krämpfe…</translation>
    </message>
    <message>
        <source>Don&apos;t remember</source>
        <translation>Weiß nicht mehr</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Night of {start} to {end}
One tap answers; a night with no answer stays unknown, never cramp-free.</source>
        <translation>Nacht von {start} bis {end}
Ein Klick genügt; eine Nacht ohne Antwort bleibt unbekannt, nie krampffrei.</translation>
    </message>
    <message>
        <source>How was last night?</source>
        <translation>Wie war die letzte Nacht?</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Snooze 10 min</source>
        <translation>In 10 Min. erneut</translation>
    </message>
    <message>
        <source>Start bedtime routine</source>
        <extracomment>How far back the log is read to know what was handled (a bedtime night, the last hydration slot, the weekly review). No reminder in the first minutes after the very first launch: the user is still finding their way around (the first-day welcome, the settings). Wall and monotonic time may drift apart this much between two checks before it counts as a resume or a clock change (NTP slews far more gently).</extracomment>
        <translation>Übungsfolge vor dem Schlafen starten</translation>
    </message>
    <message>
        <source>Skip tonight</source>
        <translation>Heute auslassen</translation>
    </message>
    <message>
        <source>Log a glass</source>
        <translation>Ein Glas eintragen</translation>
    </message>
    <message>
        <source>Open the review</source>
        <translation>Wochenrückblick öffnen</translation>
    </message>
    <message>
        <source>No cramps</source>
        <translation>Keine Krämpfe</translation>
    </message>
    <message>
        <source>Had cramps…</source>
        <translation>Hatte Krämpfe…</translation>
    </message>
    <message>
        <source>Don&apos;t remember</source>
        <translation>Weiß nicht mehr</translation>
    </message>
    <message>
        <source>OK</source>
        <extracomment>The one button of a trial night without the routine: seen, nothing to do.</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <source>Next: bedtime reminder {when}</source>
        <extracomment>The check-in&apos;s answers that need no more than the click: key -&gt; cramps. The tray tooltip&apos;s &quot;next&quot; line, per kind.</extracomment>
        <translation>Nächste: Erinnerung vor dem Schlafen {when}</translation>
    </message>
    <message>
        <source>Next: hydration reminder {when}</source>
        <translation>Nächste: Trinkerinnerung {when}</translation>
    </message>
    <message>
        <source>Next: review reminder {when}</source>
        <translation>Nächste: Erinnerung zum Wochenrückblick {when}</translation>
    </message>
    <message>
        <source>Next: morning check-in {when}</source>
        <translation>Nächste: Morgen-Abfrage zur Nacht {when}</translation>
    </message>
    <message>
        <source>{day} {time}</source>
        <extracomment>A time on another day than today: &quot;Tue 22:30&quot;.</extracomment>
        <translation>{day} {time}</translation>
    </message>
    <message>
        <source>Mon</source>
        <extracomment>Weekday abbreviations, Monday first (``strftime(&quot;%a&quot;)`` would follow the C locale).</extracomment>
        <translation>Mo</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So</translation>
    </message>
    <message>
        <source>Reminders paused until {when}</source>
        <extracomment>a routine id -&gt; (title, seconds), so the bedtime text says its real length puts core&apos;s messages into the user&apos;s language (the GUI passes Qt&apos;s translator) name -&gt; when, on the clock: &quot;bedtime&quot;, &quot;hydration&quot;, &quot;review&quot; (the next of each kind), &quot;snooze-&lt;kind&gt;&quot;, &quot;extra&quot; (a reminder asked for by hand). When :meth:`check` last ran (None before the first run: what happened while the app was closed is not logged as missed).</extracomment>
        <translation>Erinnerungen pausiert bis {when}</translation>
    </message>
    <message>
        <source>No reminder planned</source>
        <translation>Keine Erinnerung geplant</translation>
    </message>
    <message>
        <source>Water today: {water} ml of {goal} ml</source>
        <translation>Wasser heute: {water} ml von {goal} ml</translation>
    </message>
    <message>
        <source>Water today: {water} ml</source>
        <translation>Wasser heute: {water} ml</translation>
    </message>
    <message>
        <source>{title} (snoozed)</source>
        <translation>{title} (verschoben)</translation>
    </message>
    <message>
        <source>{night}. One tap answers; a night with no answer stays unknown, never cramp-free.</source>
        <extracomment>A reminder shown later than this after its due time is marked late. A hydration slot is still shown this long after it was due (a blocked event loop, a slow wake-up); later than that it is dropped, never shown late. A weekly review reminder is still shown this long after it was due. A morning check-in is still shown this long after its time (a morning). Skip reasons that make a day a day off (``core.days``). How far ahead the next-time functions look (a week and a day covers the weekly review and any setting). nights with an answer: a check-in (any, &quot;don&apos;t remember&quot; too) or a night cramp nights a check-in reminder was already shown for (or snoozed, closed ...) log days marked as a rest or sick day The check-in&apos;s body; ``{night}`` is &quot;Night of Mon 4 Jan to Tue 5 Jan&quot;.</extracomment>
        <translation>{night}. Ein Klick genügt; eine Nacht ohne Antwort bleibt unbekannt, nie krampffrei.</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>unter einer Minute</translation>
    </message>
    <message>
        <source>about {n} minute</source>
        <translation>etwa {n} Minute</translation>
    </message>
    <message>
        <source>about {n} minutes</source>
        <translation>etwa {n} Minuten</translation>
    </message>
    <message>
        <source>Time for your bedtime stretches</source>
        <translation>Zeit für Ihre Dehnübungen vor dem Schlafen</translation>
    </message>
    <message>
        <source>{routine}: {length}, before sleep.</source>
        <translation>{routine}: {length}, vor dem Schlafen.</translation>
    </message>
    <message>
        <source>Your bedtime routine, before sleep.</source>
        <translation>Ihre Übungsfolge vor dem Schlafen.</translation>
    </message>
    <message>
        <source>You missed your {time} reminder</source>
        <translation>Sie haben Ihre Erinnerung um {time} verpasst</translation>
    </message>
    <message>
        <source>There is still time for your bedtime stretches tonight. {body}</source>
        <translation>Für Ihre Dehnübungen ist heute Abend noch Zeit. {body}</translation>
    </message>
    <message>
        <source>A glass of water?</source>
        <translation>Ein Glas Wasser?</translation>
    </message>
    <message>
        <source>A regular drink through the day; no need to force it.</source>
        <translation>Regelmäßig über den Tag trinken; zwingen müssen Sie sich nicht.</translation>
    </message>
    <message>
        <source>How was last night?</source>
        <translation>Wie war die letzte Nacht?</translation>
    </message>
    <message>
        <source>Your week in review</source>
        <translation>Ihre Woche im Rückblick</translation>
    </message>
    <message>
        <source>Your week in review (due {time})</source>
        <translation>Ihre Woche im Rückblick (fällig um {time})</translation>
    </message>
    <message>
        <source>See how your stretching week went.</source>
        <translation>Sehen Sie, wie Ihre Dehnwoche gelaufen ist.</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>nichts geplant</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source>Bedtime routine on {done} of {planned} nights, plan done {overall}, cramps on {cramps} of {n} known night.</source>
        <translation>Übungsfolge vor dem Schlafen an {done} von {planned} Abenden, Plan erfüllt: {overall}, Krämpfe in {cramps} von {n} bekannten Nacht.</translation>
    </message>
    <message>
        <source>Bedtime routine on {done} of {planned} nights, plan done {overall}, cramps on {cramps} of {n} known nights.</source>
        <translation>Übungsfolge vor dem Schlafen an {done} von {planned} Abenden, Plan erfüllt: {overall}, Krämpfe in {cramps} von {n} bekannten Nächten.</translation>
    </message>
    <message>
        <source>{week} Your log matches a warning sign: please open the review.</source>
        <translation>{week} Ihr Protokoll passt zu einem Warnzeichen: Bitte öffnen Sie den Wochenrückblick.</translation>
    </message>
    <message>
        <source>Trial night: the bedtime routine</source>
        <translation>Versuchsnacht: mit der Übungsfolge vor dem Schlafen</translation>
    </message>
    <message>
        <source>In your personal trial tonight is a night with the routine (block {block}: with the routine).</source>
        <translation>In Ihrem persönlichen Versuch ist heute eine Nacht mit der Übungsfolge (Block {block}: mit der Übungsfolge).</translation>
    </message>
    <message>
        <source>Trial night: no bedtime routine tonight</source>
        <translation>Versuchsnacht: heute keine Übungsfolge vor dem Schlafen</translation>
    </message>
    <message>
        <source>In your personal trial tonight is a night without it (block {block}: without the routine); just say tomorrow morning how the night went.</source>
        <translation>In Ihrem persönlichen Versuch ist heute eine Nacht ohne sie (Block {block}: ohne die Übungsfolge); sagen Sie einfach morgen früh, wie die Nacht war.</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>{n} cramp</source>
        <translation>{n} Krampf</translation>
    </message>
    <message>
        <source>{n} cramps</source>
        <translation>{n} Krämpfe</translation>
    </message>
    <message>
        <source>{n} known night with the bedtime routine</source>
        <translation>{n} bekannte Nacht mit der Übungsfolge vor dem Schlafen</translation>
    </message>
    <message>
        <source>{n} known nights with the bedtime routine</source>
        <translation>{n} bekannte Nächte mit der Übungsfolge vor dem Schlafen</translation>
    </message>
    <message>
        <source>{with_routine} ({cramps_with}), {without} without ({cramps_without})</source>
        <translation>{with_routine} ({cramps_with}), {without} ohne ({cramps_without})</translation>
    </message>
    <message>
        <source> {n} night with no check-in or night cramp logged is unknown and left out.</source>
        <translation> {n} Nacht ohne Angabe und ohne eingetragenen Nachtkrampf ist unbekannt und bleibt außen vor.</translation>
    </message>
    <message>
        <source> {n} nights with no check-in or night cramp logged are unknown and left out.</source>
        <translation> {n} Nächte ohne Angabe und ohne eingetragenen Nachtkrampf sind unbekannt und bleiben außen vor.</translation>
    </message>
    <message>
        <source>Clearer fewer cramps after nights with the routine.</source>
        <translation>Deutlich weniger Krämpfe nach Nächten mit der Übungsfolge.</translation>
    </message>
    <message>
        <source>Clearer more cramps after nights with the routine.</source>
        <translation>Deutlich mehr Krämpfe nach Nächten mit der Übungsfolge.</translation>
    </message>
    <message>
        <source>No clear difference between nights with and without it.</source>
        <translation>Kein deutlicher Unterschied zwischen Nächten mit und ohne sie.</translation>
    </message>
    <message>
        <source>Not enough nights yet to compare: it needs at least {min} known nights in each group. So far: {counts}.{unknown}</source>
        <translation>Noch zu wenige Nächte für einen Vergleich: Er braucht in jeder Gruppe mindestens {min} bekannte Nächte. Bisher: {counts}.{unknown}</translation>
    </message>
    <message>
        <source>your personal trial&apos;s result is the fairer answer.</source>
        <translation>Das Ergebnis Ihres persönlichen Versuchs ist die fairere Antwort.</translation>
    </message>
    <message>
        <source>a personal trial is fairer.</source>
        <translation>ein persönlicher Versuch ist fairer.</translation>
    </message>
    <message>
        <source>{verdict} With the bedtime routine: {with_rate} cramps a night; without: {without_rate}; difference {difference} (95 % interval {low} to {high}, {method}). From {counts}.{unknown} Your own log, not proof; {fairer}</source>
        <translation>{verdict} Mit der Übungsfolge vor dem Schlafen: {with_rate} Krämpfe pro Nacht; ohne: {without_rate}; Unterschied {difference} (95-%-Intervall {low} bis {high}, {method}). Grundlage: {counts}.{unknown} Ihr eigenes Protokoll, kein Beweis; {fairer}</translation>
    </message>
    <message>
        <source>nothing planned</source>
        <translation>nichts geplant</translation>
    </message>
    <message>
        <source>{percent}%</source>
        <translation>{percent} %</translation>
    </message>
    <message>
        <source> ({points} points on last week)</source>
        <translation> ({points} Punkte zur Vorwoche)</translation>
    </message>
    <message>
        <source>; water goal reached {done} of {planned} days (not in plan done)</source>
        <translation>; Wasserziel an {done} von {planned} Tagen erreicht (zählt nicht zum Plan)</translation>
    </message>
    <message>
        <source>Plan done so far: {overall}{trend} (bedtime routine and stretching){water}</source>
        <translation>Plan bisher erfüllt: {overall}{trend} (Übungsfolge vor dem Schlafen und Dehnen){water}</translation>
    </message>
    <message>
        <source>Plan done: {overall}{trend} (bedtime routine and stretching){water}</source>
        <translation>Plan erfüllt: {overall}{trend} (Übungsfolge vor dem Schlafen und Dehnen){water}</translation>
    </message>
    <message>
        <source>Night cramps: no night known yet. Each morning, answer “How was last night?”; log a cramp when one comes.</source>
        <translation>Nächtliche Krämpfe: noch keine Nacht bekannt. Beantworten Sie jeden Morgen „Wie war die letzte Nacht?“ und tragen Sie einen Krampf ein, wenn einer kommt.</translation>
    </message>
    <message>
        <source>, mean severity {severity}/10</source>
        <translation>, mittlere Stärke {severity}/10</translation>
    </message>
    <message>
        <source>; {n} night unknown</source>
        <translation>; {n} Nacht unbekannt</translation>
    </message>
    <message>
        <source>; {n} nights unknown</source>
        <translation>; {n} Nächte unbekannt</translation>
    </message>
    <message>
        <source>; daytime cramps: {count}</source>
        <translation>; Krämpfe tagsüber: {count}</translation>
    </message>
    <message>
        <source>Night cramps: {episodes} on {n} night of {known} known{severity}{unknown}{day}</source>
        <translation>Nächtliche Krämpfe: {episodes} in {n} von {known} bekannten Nächten{severity}{unknown}{day}</translation>
    </message>
    <message>
        <source>Night cramps: {episodes} on {n} nights of {known} known{severity}{unknown}{day}</source>
        <translation>Nächtliche Krämpfe: {episodes} in {n} von {known} bekannten Nächten{severity}{unknown}{day}</translation>
    </message>
    <message>
        <source>Bedtime routine: no night to count yet; the first is the coming bedtime.</source>
        <translation>Übungsfolge vor dem Schlafen: noch keine Nacht zu zählen; die erste ist der kommende Abend.</translation>
    </message>
    <message>
        <source>Bedtime routine: no night to count this week.</source>
        <translation>Übungsfolge vor dem Schlafen: diese Woche keine Nacht zu zählen.</translation>
    </message>
    <message>
        <source> ({n} trial night without it, as planned)</source>
        <translation> ({n} Versuchsnacht ohne sie, wie geplant)</translation>
    </message>
    <message>
        <source> ({n} trial nights without it, as planned)</source>
        <translation> ({n} Versuchsnächte ohne sie, wie geplant)</translation>
    </message>
    <message>
        <source>Bedtime routine: {done} of {planned} nights{trial}</source>
        <translation>Übungsfolge vor dem Schlafen: {done} von {planned} Nächten{trial}</translation>
    </message>
    <message>
        <source>Stretch / warm-up sessions: {done} of {planned}</source>
        <translation>Dehn- und Aufwärmeinheiten: {done} von {planned}</translation>
    </message>
    <message>
        <source>Stretch / warm-up sessions: {done} (none due yet this week)</source>
        <translation>Dehn- und Aufwärmeinheiten: {done} (diese Woche noch keine fällig)</translation>
    </message>
    <message>
        <source>Stretch / warm-up sessions: none planned this week.</source>
        <translation>Dehn- und Aufwärmeinheiten: diese Woche keine geplant.</translation>
    </message>
    <message>
        <source>Bedtime streak: {streak} nights (best {best})</source>
        <translation>Serie vor dem Schlafen: {streak} Nächte in Folge (Bestwert {best})</translation>
    </message>
    <message>
        <source>Bedtime streak: none yet; it begins with the first bedtime routine done.</source>
        <translation>Serie vor dem Schlafen: noch keine; sie beginnt mit der ersten erledigten Übungsfolge vor dem Schlafen.</translation>
    </message>
    <message>
        <source>Bedtime routine</source>
        <translation>Übungsfolge vor dem Schlafen</translation>
    </message>
    <message>
        <source>Stretch / warm-up</source>
        <translation>Dehnen / Aufwärmen</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Wasser</translation>
    </message>
    <message>
        <source>Cramps that night</source>
        <translation>Krämpfe in der Nacht</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ausgelassen</translation>
    </message>
    <message>
        <source>skipped (rest)</source>
        <translation>ausgelassen (Ruhetag)</translation>
    </message>
    <message>
        <source>skipped (sick)</source>
        <translation>ausgelassen (krank)</translation>
    </message>
    <message>
        <source>skipped (other)</source>
        <translation>ausgelassen (anderes)</translation>
    </message>
    <message>
        <source>½ partial</source>
        <translation>½ teilweise</translation>
    </message>
    <message>
        <source>✓ done</source>
        <translation>✓ erledigt</translation>
    </message>
    <message>
        <source>✗ missed</source>
        <translation>✗ fehlt</translation>
    </message>
    <message>
        <source>tonight</source>
        <translation>heute Abend</translation>
    </message>
    <message>
        <source>before you started</source>
        <translation>vor Ihrem Beginn</translation>
    </message>
    <message>
        <source>trial: none</source>
        <translation>Versuch: ohne</translation>
    </message>
    <message>
        <source>✓ {done} +{partial}½</source>
        <translation>✓ {done} +{partial}½</translation>
    </message>
    <message>
        <source>✓ {done}</source>
        <translation>✓ {done}</translation>
    </message>
    <message>
        <source>✓ {ml} ml</source>
        <translation>✓ {ml} ml</translation>
    </message>
    <message>
        <source>✗ {ml} ml</source>
        <translation>✗ {ml} ml</translation>
    </message>
    <message>
        <source>{ml} ml</source>
        <translation>{ml} ml</translation>
    </message>
    <message>
        <source>don&apos;t remember</source>
        <translation>weiß nicht mehr</translation>
    </message>
    <message>
        <source>not logged</source>
        <translation>nicht eingetragen</translation>
    </message>
    <message>
        <source>{cramps} (worst {severity}/10)</source>
        <translation>{cramps} (max. {severity}/10)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Water (goal {goal} ml)</source>
        <translation>Wasser (Ziel {goal} ml)</translation>
    </message>
    <message>
        <source>Week {week}: {first} – {last}</source>
        <translation>Woche {week}: {first} – {last}</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Vorige Woche</translation>
    </message>
    <message>
        <source>Previous week (Page Up)</source>
        <translation>Vorige Woche (Bild auf)</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Vorige Woche</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Nächste Woche ▶</translation>
    </message>
    <message>
        <source>Next week (Page Down)</source>
        <translation>Nächste Woche (Bild ab)</translation>
    </message>
    <message>
        <source>Next week</source>
        <translation>Nächste Woche</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>This week (Home)</source>
        <translation>Diese Woche (Pos1)</translation>
    </message>
    <message>
        <source>Log a &amp;cramp…</source>
        <translation>Einen &amp;Krampf eintragen…</translation>
    </message>
    <message>
        <source>Week grid: plan items by day</source>
        <translation>Wochenraster: geplante Punkte nach Tag</translation>
    </message>
    <message>
        <source>Cramp diary for this week</source>
        <translation>Krampftagebuch dieser Woche</translation>
    </message>
    <message>
        <source>Cramp diary</source>
        <translation>Krampftagebuch</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>Löschen &amp;rückgängig</translation>
    </message>
    <message>
        <source>Save week as &amp;PDF…</source>
        <translation>Woche als &amp;PDF speichern…</translation>
    </message>
    <message>
        <source>All events as C&amp;SV…</source>
        <translation>Alle Einträge als C&amp;SV…</translation>
    </message>
    <message>
        <source>All events as &amp;JSON…</source>
        <translation>Alle Einträge als &amp;JSON…</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <source>No cramps logged this week. After a cramp, press “Log a cramp…”: when it was and how bad is enough, and the review compares nights with and without the routine.</source>
        <translation>Diese Woche wurden keine Krämpfe eingetragen. Drücken Sie nach einem Krampf „Einen Krampf eintragen…“: Wann und wie stark genügt, und der Rückblick vergleicht Nächte mit und ohne Übungsfolge.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Bein</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min.</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Your week in review</source>
        <translation>Ihre Woche im Rückblick</translation>
    </message>
    <message>
        <source>Add a cramp to the diary (Ctrl+K in the main window)</source>
        <translation>Einen Krampf ins Tagebuch eintragen (Strg+K im Hauptfenster)</translation>
    </message>
    <message>
        <source>Each plan item by day: done, partly, missed, skipped or to come</source>
        <translation>Jeder geplante Punkt nach Tag: erledigt, teilweise, versäumt, ausgelassen oder noch offen</translation>
    </message>
    <message>
        <source>The cramps logged this week; Enter or double-click edits one</source>
        <translation>Die diese Woche eingetragenen Krämpfe; Eingabetaste oder Doppelklick bearbeitet einen</translation>
    </message>
    <message>
        <source>Change the selected cramp</source>
        <translation>Den ausgewählten Krampf ändern</translation>
    </message>
    <message>
        <source>Delete the selected cramp (Undo brings it back)</source>
        <translation>Den ausgewählten Krampf löschen („Rückgängig“ holt ihn zurück)</translation>
    </message>
    <message>
        <source>Bring back the cramp just deleted</source>
        <translation>Den gerade gelöschten Krampf zurückholen</translation>
    </message>
    <message>
        <source>Save this week as a PDF to print or show a doctor</source>
        <translation>Diese Woche als PDF speichern, zum Drucken oder für den Arzt</translation>
    </message>
    <message>
        <source>Save every entry as a CSV spreadsheet</source>
        <translation>Alle Einträge als CSV-Tabelle speichern</translation>
    </message>
    <message>
        <source>Save every entry as JSON</source>
        <translation>Alle Einträge als JSON speichern</translation>
    </message>
    <message>
        <source>Personal trial: none yet. A fair test of the bedtime routine on yourself: crampcoach trial start (about 26 weeks of nightly check-ins).</source>
        <translation>Persönlicher Versuch: noch keiner. Ein fairer Test der Übungsfolge vor dem Schlafen an Ihnen selbst: crampcoach trial start (etwa 26 Wochen mit nächtlichen Abfragen).</translation>
    </message>
    <message>
        <source>{week} (so far)</source>
        <translation>{week} (bisher)</translation>
    </message>
    <message>
        <source>skipped: no reason given</source>
        <translation>ausgelassen: ohne Angabe eines Grundes</translation>
    </message>
    <message>
        <source>Chart of the last weeks</source>
        <translation>Diagramm der letzten Wochen</translation>
    </message>
    <message>
        <source>Bars: share of the plan done each week; line: nights with cramps</source>
        <translation>Balken: erledigter Anteil des Plans je Woche; Linie: Nächte mit Krämpfen</translation>
    </message>
    <message>
        <source>That entry was already deleted.</source>
        <translation>Dieser Eintrag war schon gelöscht.</translation>
    </message>
    <message>
        <source>Entry deleted, but not yet on disk ({error}); CrampCoach will retry.</source>
        <translation>Eintrag gelöscht, aber noch nicht auf dem Datenträger ({error}); CrampCoach versucht es erneut.</translation>
    </message>
    <message>
        <source>Entry deleted. Undo puts it back.</source>
        <translation>Eintrag gelöscht. „Rückgängig“ stellt ihn wieder her.</translation>
    </message>
    <message>
        <source>Could not restore the entry yet: {error}. CrampCoach will retry.</source>
        <translation>Der Eintrag konnte noch nicht wiederhergestellt werden: {error}. CrampCoach versucht es erneut.</translation>
    </message>
    <message>
        <source>Entry restored.</source>
        <translation>Eintrag wiederhergestellt.</translation>
    </message>
    <message>
        <source>Save the week as PDF</source>
        <translation>Die Woche als PDF speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}</source>
        <translation>{path} konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Gespeichert: {path}</translation>
    </message>
    <message>
        <source>Save all events as {format}</source>
        <translation>Alle Einträge als {format} speichern</translation>
    </message>
    <message>
        <source>{format} (*.{ext})</source>
        <translation>{format} (*.{ext})</translation>
    </message>
    <message>
        <source>Saved 1 event to {path}</source>
        <translation>1 Eintrag in {path} gespeichert</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n events to {path}</source>
        <translation>
            <numerusform>%n Eintrag in {path} gespeichert</numerusform>
            <numerusform>%n Einträge in {path} gespeichert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewWords</name>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>ddd d. MMM yyyy</translation>
    </message>
    <message>
        <source>ddd d MMM</source>
        <translation>ddd d. MMM</translation>
    </message>
</context>
<context>
    <name>RoutineCard</name>
    <message>
        <source>Warm-up</source>
        <extracomment>Below this window width the routines and the side column stack (at 200 % on a 1920×1080 screen the window is 960 px wide). One spelling for each kind of routine (&quot;warm-up&quot;, as the routines write it).</extracomment>
        <translation>Aufwärmen</translation>
    </message>
    <message>
        <source>Stretch</source>
        <translation>Dehnen</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>Vor dem Schlafen</translation>
    </message>
    <message>
        <source>Relief</source>
        <translation>Linderung</translation>
    </message>
    <message>
        <source>Cool-down</source>
        <translation>Abwärmen</translation>
    </message>
    <message>
        <source>{kind} · {duration} · {steps} · {last_done}</source>
        <translation>{kind} · {duration} · {steps} · {last_done}</translation>
    </message>
    <message>
        <source>{kind} · {duration} · {steps} · {last_done} · your routine</source>
        <translation>{kind} · {duration} · {steps} · {last_done} · Ihre eigene Übungsfolge</translation>
    </message>
    <message>
        <source>1 step</source>
        <translation>1 Schritt</translation>
    </message>
    <message numerus="yes">
        <source>%n steps</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Start “{title}” (Enter)</source>
        <translation>„{title}“ starten (Eingabetaste)</translation>
    </message>
    <message>
        <source>Start {title}</source>
        <translation>{title} starten</translation>
    </message>
    <message>
        <source>{duration}, 1 step</source>
        <translation>{duration}, 1 Schritt</translation>
    </message>
    <message numerus="yes">
        <source>{duration}, %n steps</source>
        <translation>
            <numerusform>{duration}, %n Schritt</numerusform>
            <numerusform>{duration}, %n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>never done</source>
        <translation>noch nie gemacht</translation>
    </message>
    <message>
        <source>last done today</source>
        <translation>zuletzt heute gemacht</translation>
    </message>
    <message>
        <source>last done yesterday</source>
        <translation>zuletzt gestern gemacht</translation>
    </message>
    <message numerus="yes">
        <source>last done %n days ago</source>
        <translation>
            <numerusform>zuletzt vor %n Tag gemacht</numerusform>
            <numerusform>zuletzt vor %n Tagen gemacht</numerusform>
        </translation>
    </message>
    <message>
        <source>Print sheet…</source>
        <translation>Blatt drucken…</translation>
    </message>
    <message>
        <source>Save “{title}” as an A4 sheet with a picture of every step (PDF)</source>
        <translation>„{title}“ als A4-Blatt mit einem Bild jedes Schritts speichern (PDF)</translation>
    </message>
    <message>
        <source>Print a sheet of {title}</source>
        <translation>Ein Blatt von {title} drucken</translation>
    </message>
</context>
<context>
    <name>RoutineSheet</name>
    <message>
        <source>Left leg, then right leg</source>
        <extracomment>Which legs, in words; whole phrases, as a language may word each differently.</extracomment>
        <translation>Linkes Bein, dann rechtes Bein</translation>
    </message>
    <message>
        <source>The cramping leg</source>
        <translation>Das krampfende Bein</translation>
    </message>
    <message>
        <source>No stretch</source>
        <translation>Keine Dehnung</translation>
    </message>
    <message>
        <source>Both legs</source>
        <translation>Beide Beine</translation>
    </message>
    <message>
        <source>Left</source>
        <extracomment>The labels under a step&apos;s two pictures.</extracomment>
        <translation>Links</translation>
    </message>
    <message>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Anfang</translation>
    </message>
    <message>
        <source>Then</source>
        <translation>Dann</translation>
    </message>
    <message>
        <source>1 hold of {hold}</source>
        <translation>Einmal {hold} halten</translation>
    </message>
    <message numerus="yes">
        <source>%n holds of {hold}</source>
        <translation>
            <numerusform>%n-mal {hold} halten</numerusform>
            <numerusform>%n-mal {hold} halten</numerusform>
        </translation>
    </message>
    <message>
        <source>Total time {duration} · 1 step</source>
        <translation>Dauer insgesamt {duration} · 1 Schritt</translation>
    </message>
    <message numerus="yes">
        <source>Total time {duration} · %n steps</source>
        <translation>
            <numerusform>Dauer insgesamt {duration} · %n Schritt</numerusform>
            <numerusform>Dauer insgesamt {duration} · %n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>{duration} per leg</source>
        <translation>{duration} je Bein</translation>
    </message>
    <message>
        <source>{holds}, {rest} rest between</source>
        <translation>{holds}, dazwischen {rest} Pause</translation>
    </message>
    <message>
        <source>{holds} ({total})</source>
        <translation>{holds} ({total})</translation>
    </message>
    <message>
        <source>{title}: “{quote}”</source>
        <translation>{title}: „{quote}“</translation>
    </message>
    <message>
        <source> · a move, about {seconds} s a cycle</source>
        <translation> · eine Bewegung, etwa {seconds} s je Durchgang</translation>
    </message>
    <message>
        <source>Safety:</source>
        <translation>Zur Sicherheit:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Belege:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Quelle:</translation>
    </message>
    <message>
        <source>Before you start:</source>
        <translation>Bevor Sie beginnen:</translation>
    </message>
    <message>
        <source>Printed by CrampCoach {version} · page {page} of {pages}</source>
        <translation>Gedruckt mit CrampCoach {version} · Seite {page} von {pages}</translation>
    </message>
</context>
<context>
    <name>Safety</name>
    <message>
        <source>; or </source>
        <translation>; oder </translation>
    </message>
    <message>
        <source>CrampCoach gives general information, not medical advice. It cannot diagnose anything; see a clinician about your symptoms.</source>
        <translation>CrampCoach gibt allgemeine Informationen, keine medizinische Beratung. Es kann nichts diagnostizieren; lassen Sie Ihre Beschwerden ärztlich abklären.</translation>
    </message>
    <message>
        <source>CALL THE EMERGENCY NUMBER NOW</source>
        <translation>RUFEN SIE JETZT DEN NOTRUF</translation>
    </message>
    <message>
        <source>URGENT, TODAY</source>
        <translation>DRINGEND, HEUTE</translation>
    </message>
    <message>
        <source>See a doctor</source>
        <translation>Zum Arzt gehen</translation>
    </message>
    <message>
        <source>Call the emergency number now if:</source>
        <translation>Rufen Sie sofort den Notruf, wenn:</translation>
    </message>
    <message>
        <source>Get an urgent appointment the same day if:</source>
        <translation>Lassen Sie sich noch am selben Tag dringend ärztlich untersuchen, wenn:</translation>
    </message>
    <message>
        <source>See a doctor if:</source>
        <translation>Gehen Sie zum Arzt, wenn:</translation>
    </message>
    <message>
        <source>Call the emergency number now (for example 999 in the UK, 112 in Europe, 911 in North America). Do not drive yourself and do not wait to see if it passes.</source>
        <translation>Rufen Sie jetzt den Notruf (zum Beispiel 112 in Europa, 999 in Großbritannien, 911 in Nordamerika). Fahren Sie nicht selbst und warten Sie nicht ab, ob es vorbeigeht.</translation>
    </message>
    <message>
        <source>Get an urgent appointment the same day: call your doctor&apos;s practice or an urgent-care service (in England, NHS 111). If you cannot be seen today, go to urgent care. Do not wait for the next review.</source>
        <translation>Lassen Sie sich noch heute dringend untersuchen: Rufen Sie Ihre Arztpraxis oder den ärztlichen Bereitschaftsdienst an (in Deutschland 116 117). Wenn Sie heute keinen Termin bekommen, gehen Sie in eine Notfallpraxis. Warten Sie nicht auf den nächsten Rückblick.</translation>
    </message>
    <message>
        <source>See a clinician (your GP or doctor) and show them this log.</source>
        <translation>Gehen Sie zu Ihrer Ärztin oder Ihrem Arzt (zum Beispiel in die Hausarztpraxis) und zeigen Sie dieses Protokoll.</translation>
    </message>
    <message>
        <source>you are short of breath or have chest pain, together with a painful, swollen or warm leg</source>
        <translation>Sie Atemnot oder Brustschmerzen haben, zusammen mit einem schmerzenden, geschwollenen oder warmen Bein</translation>
    </message>
    <message>
        <source>one calf (rarely both) is swollen, warm, red or darker, throbbing or tender</source>
        <translation>eine Wade (selten beide) geschwollen, warm, gerötet oder dunkler verfärbt ist, pocht oder druckempfindlich ist</translation>
    </message>
    <message>
        <source>a cramp lasts more than 10 minutes and does not ease</source>
        <translation>ein Krampf länger als 10 Minuten dauert und nicht nachlässt</translation>
    </message>
    <message>
        <source>cramps began after a wound or cut (tetanus), or after contact with toxins such as lead or mercury</source>
        <translation>die Krämpfe nach einer Wunde oder Schnittverletzung (Tetanus) oder nach Kontakt mit Giften wie Blei oder Quecksilber begannen</translation>
    </message>
    <message>
        <source>cramps disturb your sleep or daily life, or come often</source>
        <translation>die Krämpfe Ihren Schlaf oder Alltag stören oder oft kommen</translation>
    </message>
    <message>
        <source>your legs feel numb or are swollen, or your muscles are getting smaller or weaker</source>
        <translation>sich Ihre Beine taub anfühlen oder geschwollen sind oder Ihre Muskeln kleiner oder schwächer werden</translation>
    </message>
    <message>
        <source>your calf hurts after walking a set distance and eases with rest, or a foot is cold and pale</source>
        <translation>Ihre Wade nach einer bestimmten Gehstrecke schmerzt und in Ruhe nachlässt oder ein Fuß kalt und blass ist</translation>
    </message>
    <message>
        <source>cramps began after you started a new medicine: ask your doctor, and never stop a medicine on your own</source>
        <translation>die Krämpfe nach dem Beginn eines neuen Medikaments anfingen: Fragen Sie Ihren Arzt, und setzen Sie ein Medikament nie eigenmächtig ab</translation>
    </message>
    <message>
        <source>you are pregnant, or have kidney disease, liver disease, diabetes or nerve damage (neuropathy)</source>
        <translation>Sie schwanger sind oder eine Nieren- oder Lebererkrankung, Diabetes oder Nervenschäden (Neuropathie) haben</translation>
    </message>
    <message>
        <source>you feel an urge to move your legs that moving relieves (this is more like restless legs than cramp)</source>
        <translation>Sie einen Drang spüren, die Beine zu bewegen, den Bewegung lindert (das spricht eher für unruhige Beine, Restless Legs, als für Krämpfe)</translation>
    </message>
    <message>
        <source>nothing has improved after about six weeks of stretching every night</source>
        <translation>sich nach etwa sechs Wochen täglichen abendlichen Dehnens nichts gebessert hat</translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} Minuten</translation>
    </message>
    <message>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <source>{first} and {last}</source>
        <translation>{first} und {last}</translation>
    </message>
    <message>
        <source>You logged {signs} with this cramp. {why}</source>
        <translation>Sie haben zu diesem Krampf eingetragen: {signs}. {why}</translation>
    </message>
    <message>
        <source>A cramp lasting more than 10 minutes</source>
        <translation>Ein Krampf, der länger als 10 Minuten dauert</translation>
    </message>
    <message>
        <source>Short of breath or chest pain with a leg cramp</source>
        <translation>Atemnot oder Brustschmerzen mit einem Beinkrampf</translation>
    </message>
    <message>
        <source>Together with a painful leg this can be serious (a blood clot can travel to the lungs). Only a doctor can tell, and it cannot wait.</source>
        <translation>Zusammen mit einem schmerzenden Bein kann das ernst sein (ein Blutgerinnsel kann in die Lunge wandern). Nur eine Ärztin oder ein Arzt kann das beurteilen, und es kann nicht warten.</translation>
    </message>
    <message>
        <source>A swollen, warm, red or tender leg</source>
        <translation>Ein geschwollenes, warmes, gerötetes oder druckempfindliches Bein</translation>
    </message>
    <message>
        <source>A calf that is swollen, warm, red or tender needs a doctor to check it today: it can be a sign of a blood clot. This is not a diagnosis; only a doctor can tell.</source>
        <translation>Eine geschwollene, warme, gerötete oder druckempfindliche Wade sollte heute noch ärztlich untersucht werden: Sie kann ein Zeichen für ein Blutgerinnsel sein. Das ist keine Diagnose; nur eine Ärztin oder ein Arzt kann das beurteilen.</translation>
    </message>
    <message>
        <source>You logged a cramp that lasted {minutes}. NHS advice is to get help urgently when a cramp lasts more than {limit} minutes and does not ease.</source>
        <translation>Sie haben einen Krampf eingetragen, der {minutes} dauerte. Der NHS rät, dringend Hilfe zu holen, wenn ein Krampf länger als {limit} Minuten dauert und nicht nachlässt.</translation>
    </message>
    <message>
        <source>You logged a cramp that does not ease. NHS advice is to get help urgently when a cramp lasts more than {limit} minutes and does not ease.</source>
        <translation>Sie haben einen Krampf eingetragen, der nicht nachlässt. Der NHS rät, dringend Hilfe zu holen, wenn ein Krampf länger als {limit} Minuten dauert und nicht nachlässt.</translation>
    </message>
    <message>
        <source>A cramp after a wound or a toxin</source>
        <translation>Ein Krampf nach einer Wunde oder einem Gift</translation>
    </message>
    <message>
        <source>Cramps after a wound or cut (tetanus) or after contact with toxins such as lead or mercury need a doctor urgently.</source>
        <translation>Krämpfe nach einer Wunde oder Schnittverletzung (Tetanus) oder nach Kontakt mit Giften wie Blei oder Quecksilber brauchen dringend ärztliche Hilfe.</translation>
    </message>
    <message>
        <source>Numbness, swelling or weak muscles</source>
        <translation>Taubheit, Schwellung oder schwache Muskeln</translation>
    </message>
    <message>
        <source>Numb or swollen legs, or muscles getting smaller or weaker, are worth a clinician&apos;s look.</source>
        <translation>Taube oder geschwollene Beine oder Muskeln, die kleiner oder schwächer werden, sollten ärztlich angesehen werden.</translation>
    </message>
    <message>
        <source>Signs about the blood flow in the legs</source>
        <translation>Zeichen für die Durchblutung der Beine</translation>
    </message>
    <message>
        <source>Calf pain after walking a set distance that eases with rest, or a cold, pale foot, can be about the circulation; a clinician should check it.</source>
        <translation>Wadenschmerzen nach einer bestimmten Gehstrecke, die in Ruhe nachlassen, oder ein kalter, blasser Fuß können an der Durchblutung liegen; das sollte ärztlich untersucht werden.</translation>
    </message>
    <message>
        <source>Cramps since a new medicine</source>
        <translation>Krämpfe seit einem neuen Medikament</translation>
    </message>
    <message>
        <source>Some medicines can bring on cramps. Ask your doctor or pharmacist about it, and never stop a medicine on your own.</source>
        <translation>Manche Medikamente können Krämpfe auslösen. Fragen Sie Ihre Ärztin, Ihren Arzt oder Ihre Apotheke danach, und setzen Sie ein Medikament nie eigenmächtig ab.</translation>
    </message>
    <message>
        <source>An urge to move the legs</source>
        <translation>Ein Drang, die Beine zu bewegen</translation>
    </message>
    <message>
        <source>An urge to move the legs that moving relieves is more like restless legs than cramp; a clinician can tell them apart.</source>
        <translation>Ein Drang, die Beine zu bewegen, den Bewegung lindert, spricht eher für unruhige Beine (Restless Legs) als für Krämpfe; ärztlich lässt sich das unterscheiden.</translation>
    </message>
    <message>
        <source>{first} or {last}</source>
        <translation>{first} oder {last}</translation>
    </message>
    <message>
        <source>Cramps with a condition a doctor should know about</source>
        <translation>Krämpfe bei einer Erkrankung, von der Ihre Ärztin oder Ihr Arzt wissen sollte</translation>
    </message>
    <message>
        <source>Your health profile says {conditions}. Cramps with it are worth telling your doctor or midwife about, rather than managing them alone.</source>
        <translation>Ihr Gesundheitsprofil nennt: {conditions}. Krämpfe dabei sollten Sie Ihrer Ärztin, Ihrem Arzt oder Ihrer Hebamme erzählen, statt allein damit umzugehen.</translation>
    </message>
    <message>
        <source>the {nights} nights to {weekday} {day} {month}</source>
        <translation>den {nights} Nächten bis {weekday} {day}. {month}</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Mo.</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Di.</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mi.</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Do.</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Fr.</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sa.</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>So.</translation>
    </message>
    <message>
        <source>Jan</source>
        <translation>Jan.</translation>
    </message>
    <message>
        <source>Feb</source>
        <translation>Feb.</translation>
    </message>
    <message>
        <source>Mar</source>
        <translation>März</translation>
    </message>
    <message>
        <source>Apr</source>
        <translation>Apr.</translation>
    </message>
    <message>
        <source>May</source>
        <translation>Mai</translation>
    </message>
    <message>
        <source>Jun</source>
        <translation>Juni</translation>
    </message>
    <message>
        <source>Jul</source>
        <translation>Juli</translation>
    </message>
    <message>
        <source>Aug</source>
        <translation>Aug.</translation>
    </message>
    <message>
        <source>Sep</source>
        <translation>Sept.</translation>
    </message>
    <message>
        <source>Oct</source>
        <translation>Okt.</translation>
    </message>
    <message>
        <source>Nov</source>
        <translation>Nov.</translation>
    </message>
    <message>
        <source>Dec</source>
        <translation>Dez.</translation>
    </message>
    <message>
        <source>In {span} you logged {n} cramp lasting more than {limit} minutes (the longest: {longest}). A cramp that long and not easing needs a clinician urgently.</source>
        <translation>In {span} haben Sie {n} Krampf eingetragen, der länger als {limit} Minuten dauerte (der längste: {longest}). Ein so langer Krampf, der nicht nachlässt, braucht dringend ärztliche Hilfe.</translation>
    </message>
    <message>
        <source>In {span} you logged {n} cramps lasting more than {limit} minutes (the longest: {longest}). A cramp that long and not easing needs a clinician urgently.</source>
        <translation>In {span} haben Sie {n} Krämpfe eingetragen, die länger als {limit} Minuten dauerten (der längste: {longest}). Ein so langer Krampf, der nicht nachlässt, braucht dringend ärztliche Hilfe.</translation>
    </message>
    <message>
        <source>Cramps on most nights for two weeks</source>
        <translation>Krämpfe in den meisten Nächten seit zwei Wochen</translation>
    </message>
    <message>
        <source>You had cramps on {nights} of {span}. Cramps that come this often are worth a clinician&apos;s look.</source>
        <translation>Sie hatten Krämpfe in {nights} von {span}. So häufige Krämpfe sollten ärztlich angesehen werden.</translation>
    </message>
    <message>
        <source>Strong cramps that can disturb your sleep</source>
        <translation>Starke Krämpfe, die Ihren Schlaf stören können</translation>
    </message>
    <message>
        <source>On {nights} of {span} you logged a cramp of severity {severity} or more (out of 10). Cramps that disturb sleep or daily life are a reason to see a clinician.</source>
        <translation>In {nights} von {span} haben Sie einen Krampf der Stärke {severity} oder mehr (von 10) eingetragen. Krämpfe, die Schlaf oder Alltag stören, sind ein Grund für einen Arztbesuch.</translation>
    </message>
    <message>
        <source>No improvement after about six weeks of the routine</source>
        <translation>Keine Besserung nach etwa sechs Wochen mit der Übungsfolge</translation>
    </message>
    <message>
        <source>You did the bedtime routine on {done} of the last {period} nights, yet you had cramps on {last} of the last {recent} nights, against {first} of {recent} in the first two weeks. The stretching trial lasted six weeks, so this is a sensible time to ask a clinician (our inference, not a guideline).</source>
        <translation>Sie haben die Übungsfolge vor dem Schlafen in {done} der letzten {period} Nächte gemacht und hatten doch in {last} der letzten {recent} Nächte Krämpfe, gegenüber {first} von {recent} in den ersten zwei Wochen. Die Dehnstudie dauerte sechs Wochen; jetzt ist also ein guter Zeitpunkt, ärztlich nachzufragen (unsere Schlussfolgerung, keine Leitlinie).</translation>
    </message>
    <message>
        <source>pregnancy</source>
        <translation>Schwangerschaft</translation>
    </message>
    <message>
        <source>kidney disease</source>
        <translation>Nierenerkrankung</translation>
    </message>
    <message>
        <source>liver disease</source>
        <translation>Lebererkrankung</translation>
    </message>
    <message>
        <source>diabetes</source>
        <translation>Diabetes</translation>
    </message>
    <message>
        <source>nerve damage (neuropathy)</source>
        <translation>Nervenschäden (Neuropathie)</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>when you go to bed (HH:MM)</source>
        <translation>wann Sie ins Bett gehen (HH:MM)</translation>
    </message>
    <message>
        <source>minutes before bedtime to remind</source>
        <translation>wie viele Minuten vor dem Schlafengehen erinnert wird</translation>
    </message>
    <message>
        <source>remind me to do the bedtime routine</source>
        <translation>an die Übungsfolge vor dem Schlafen erinnern</translation>
    </message>
    <message>
        <source>the routine the bedtime reminder starts</source>
        <translation>die Übungsfolge, die die Erinnerung vor dem Schlafen startet</translation>
    </message>
    <message>
        <source>remind me to drink during the day</source>
        <translation>tagsüber ans Trinken erinnern</translation>
    </message>
    <message>
        <source>minutes between reminders</source>
        <translation>Minuten zwischen den Erinnerungen</translation>
    </message>
    <message>
        <source>first hydration reminder of the day</source>
        <translation>erste Trinkerinnerung des Tages</translation>
    </message>
    <message>
        <source>no hydration reminders after this time</source>
        <translation>nach dieser Uhrzeit keine Trinkerinnerungen</translation>
    </message>
    <message>
        <source>how much one logged glass is (ml)</source>
        <translation>wie viel ein eingetragenes Glas ist (ml)</translation>
    </message>
    <message>
        <source>daily water goal (ml); 0 for none</source>
        <translation>tägliches Trinkziel (ml); 0 für keines</translation>
    </message>
    <message>
        <source>quiet hours begin: no reminders</source>
        <translation>Ruhezeit beginnt: keine Erinnerungen</translation>
    </message>
    <message>
        <source>quiet hours end</source>
        <translation>Ruhezeit endet</translation>
    </message>
    <message>
        <source>a day in the log starts at this time</source>
        <translation>ein Tag im Protokoll beginnt um diese Uhrzeit</translation>
    </message>
    <message>
        <source>play sound cues in the player</source>
        <translation>Tonsignale während der Übungen abspielen</translation>
    </message>
    <message>
        <source>speak cues aloud where a speech engine exists</source>
        <translation>Ansagen laut sprechen, wo eine Sprachausgabe vorhanden ist</translation>
    </message>
    <message>
        <source>remind me to look at my week</source>
        <translation>an den Blick auf meine Woche erinnern</translation>
    </message>
    <message>
        <source>day of the weekly review reminder</source>
        <translation>Tag der Erinnerung an den Wochenrückblick</translation>
    </message>
    <message>
        <source>time of the weekly review reminder</source>
        <translation>Uhrzeit der Erinnerung an den Wochenrückblick</translation>
    </message>
    <message>
        <source>planned stretch/warm-up sessions a week</source>
        <translation>geplante Dehn- und Aufwärmeinheiten pro Woche</translation>
    </message>
    <message>
        <source>start CrampCoach when I log in</source>
        <translation>CrampCoach beim Anmelden starten</translation>
    </message>
    <message>
        <source>I am pregnant</source>
        <translation>Ich bin schwanger</translation>
    </message>
    <message>
        <source>I have kidney disease</source>
        <translation>Ich habe eine Nierenerkrankung</translation>
    </message>
    <message>
        <source>I have liver disease</source>
        <translation>Ich habe eine Lebererkrankung</translation>
    </message>
    <message>
        <source>I have diabetes</source>
        <translation>Ich habe Diabetes</translation>
    </message>
    <message>
        <source>I have nerve damage or reduced feeling in my feet</source>
        <translation>Ich habe Nervenschäden oder weniger Gefühl in den Füßen</translation>
    </message>
    <message>
        <source>I have heart failure</source>
        <translation>Ich habe eine Herzschwäche</translation>
    </message>
    <message>
        <source>a daily fluid limit my clinician set (ml); 0 for none. The water goal follows it</source>
        <translation>eine tägliche Trinkmengengrenze, die meine Ärztin oder mein Arzt festgelegt hat (ml); 0 für keine. Das Trinkziel richtet sich danach</translation>
    </message>
    <message>
        <source>ask &quot;how was last night?&quot; in the morning</source>
        <translation>morgens fragen: „Wie war die letzte Nacht?“</translation>
    </message>
    <message>
        <source>when to ask about last night</source>
        <translation>wann nach der letzten Nacht gefragt wird</translation>
    </message>
    <message>
        <source>the first day you used CrampCoach (days before it are never counted as missed)</source>
        <translation>der erste Tag mit CrampCoach (Tage davor zählen nie als versäumt)</translation>
    </message>
    <message>
        <source>colours: system (follow the desktop), light or dark</source>
        <translation>Farben: system (wie die Arbeitsumgebung), light (hell) oder dark (dunkel)</translation>
    </message>
    <message>
        <source>reminders are paused until this moment (set from the tray; &quot;&quot; resumes)</source>
        <translation>Erinnerungen sind bis zu diesem Zeitpunkt pausiert (im Infobereich gesetzt; &quot;&quot; setzt sie fort)</translation>
    </message>
    <message>
        <source>the first-day welcome was shown (set false to see it again)</source>
        <translation>die Begrüßung am ersten Tag wurde gezeigt (auf false setzen, um sie wieder zu sehen)</translation>
    </message>
    <message>
        <source>closing the window was explained once (it keeps running in the tray)</source>
        <translation>das Schließen des Fensters wurde einmal erklärt (CrampCoach läuft im Infobereich weiter)</translation>
    </message>
    <message>
        <source>when the app last quit while checking reminders (so nights missed while it was closed are logged as missed)</source>
        <translation>wann die App zuletzt beim Prüfen der Erinnerungen beendet wurde (damit Nächte, in denen sie geschlossen war, als versäumt eingetragen werden)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Bedtime</source>
        <translation>Schlafenszeit</translation>
    </message>
    <message>
        <source>Remind me to do the bedtime routine</source>
        <translation>An die Übungsfolge vor dem Schlafen erinnern</translation>
    </message>
    <message>
        <source>HH:mm</source>
        <translation>HH:mm</translation>
    </message>
    <message>
        <source>Remind me before</source>
        <translation>Erinnern vorher</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>Übungsfolge</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>Wasser</translation>
    </message>
    <message>
        <source>Remind me to drink during the day</source>
        <translation>Tagsüber ans Trinken erinnern</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>One glass is</source>
        <translation>Ein Glas sind</translation>
    </message>
    <message>
        <source> ml</source>
        <translation> ml</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Daily goal</source>
        <translation>Tagesziel</translation>
    </message>
    <message>
        <source>Quiet hours (no reminders)</source>
        <translation>Ruhezeit (keine Erinnerungen)</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Remind me to look at my week</source>
        <translation>An den Wochenrückblick erinnern</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Uhrzeit</translation>
    </message>
    <message>
        <source>Planned stretch sessions a week</source>
        <translation>Geplante Dehneinheiten pro Woche</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Einheiten</translation>
    </message>
    <message>
        <source>Play sound cues</source>
        <translation>Tonsignale abspielen</translation>
    </message>
    <message>
        <source>Speak cues aloud</source>
        <translation>Ansagen sprechen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>A day in the log starts at</source>
        <translation>Ein Tag im Protokoll beginnt um</translation>
    </message>
    <message>
        <source>&amp;Colours</source>
        <translation>&amp;Farben</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>Start CrampCoach when I log in</source>
        <translation>CrampCoach beim Anmelden starten</translation>
    </message>
    <message>
        <source>General information, not medical advice.</source>
        <translation>Allgemeine Informationen, keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>Good evidence that drinking more prevents cramps is lacking, and drinking far more than you are thirsty for can be harmful (it can dilute the salt in your blood). Keep the goal modest; your doctor can advise if you have heart or kidney problems.</source>
        <extracomment>Next to the water goal (evidence.md: hydration and cramps; hyponatraemia).</extracomment>
        <translation>Gute Belege dafür, dass mehr Trinken Krämpfen vorbeugt, fehlen, und weit mehr zu trinken, als Sie Durst haben, kann schaden (es kann das Salz in Ihrem Blut verdünnen). Halten Sie das Ziel bescheiden; bei Herz- oder Nierenproblemen kann Ihr Arzt Sie beraten.</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>Montag</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>Dienstag</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>Mittwoch</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Donnerstag</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>Freitag</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>Samstag</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>Sonntag</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>{title} ({id})</source>
        <translation>{title} ({id})</translation>
    </message>
    <message>
        <source>Save every change and close</source>
        <translation>Alle Änderungen speichern und schließen</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen, ohne zu speichern</translation>
    </message>
    <message>
        <source>Morning check-in</source>
        <translation>Morgendliche Abfrage</translation>
    </message>
    <message>
        <source>Ask “How was last night?” each morning</source>
        <translation>Jeden Morgen fragen: „Wie war die letzte Nacht?“</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Um</translation>
    </message>
    <message>
        <source>Your health (optional; it makes the advice more careful)</source>
        <translation>Ihre Gesundheit (freiwillig; sie macht die Hinweise vorsichtiger)</translation>
    </message>
    <message>
        <source>I am pregnant</source>
        <translation>Ich bin schwanger</translation>
    </message>
    <message>
        <source>I have kidney disease</source>
        <translation>Ich habe eine Nierenerkrankung</translation>
    </message>
    <message>
        <source>I have liver disease</source>
        <translation>Ich habe eine Lebererkrankung</translation>
    </message>
    <message>
        <source>I have diabetes</source>
        <translation>Ich habe Diabetes</translation>
    </message>
    <message>
        <source>I have nerve damage or reduced feeling in my feet</source>
        <translation>Ich habe Nervenschäden oder weniger Gefühl in den Füßen</translation>
    </message>
    <message>
        <source>I have heart failure</source>
        <translation>Ich habe eine Herzschwäche</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>A fluid limit my clinician set</source>
        <translation>Eine Trinkmengengrenze von meinem Arzt</translation>
    </message>
    <message>
        <source>The water goal never goes above a fluid limit. CrampCoach keeps this on your computer; it never diagnoses anything and never suggests a medicine.</source>
        <translation>Das Wasserziel liegt nie über einer Trinkmengengrenze. CrampCoach speichert dies nur auf Ihrem Computer; es stellt nie eine Diagnose und schlägt nie ein Medikament vor.</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
</context>
<context>
    <name>SkipDialog</name>
    <message>
        <source>Skip tonight&apos;s stretches</source>
        <translation>Die Dehnübungen heute Abend auslassen</translation>
    </message>
    <message>
        <source>Skipped for tonight. You can say why (optional):</source>
        <translation>Für heute Abend ausgelassen. Sie können sagen, warum (freiwillig):</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Kein Grund angegeben</translation>
    </message>
    <message>
        <source>Rest day</source>
        <translation>Ruhetag</translation>
    </message>
    <message>
        <source>Unwell</source>
        <translation>Unwohl</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Why tonight is skipped, if you want to say</source>
        <translation>Warum heute Abend ausfällt, wenn Sie es sagen möchten</translation>
    </message>
    <message>
        <source>a few words, if you like</source>
        <translation>ein paar Worte, wenn Sie mögen</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Keep the reason and close</source>
        <translation>Den Grund speichern und schließen</translation>
    </message>
</context>
<context>
    <name>Stats</name>
    <message>
        <source>normal approximation</source>
        <translation>Normalapproximation</translation>
    </message>
    <message>
        <source>t interval over block pairs (95 %)</source>
        <translation>t-Intervall über die Blockpaare (95 %)</translation>
    </message>
</context>
<context>
    <name>Symptoms</name>
    <message>
        <source>swelling</source>
        <extracomment>What each sign is called, marked for translation (``QT_TRANSLATE_NOOP``: the GUI shows it in the user&apos;s language; the command line and the rules use the English).</extracomment>
        <translation>Schwellung</translation>
    </message>
    <message>
        <source>warm skin</source>
        <translation>warme Haut</translation>
    </message>
    <message>
        <source>redness or darker skin</source>
        <translation>Rötung oder dunklere Haut</translation>
    </message>
    <message>
        <source>tender or throbbing between cramps</source>
        <translation>druckempfindlich oder pochend zwischen den Krämpfen</translation>
    </message>
    <message>
        <source>numbness</source>
        <translation>Taubheit</translation>
    </message>
    <message>
        <source>weak or shrinking muscles</source>
        <translation>schwache oder schwindende Muskeln</translation>
    </message>
    <message>
        <source>calf pain on walking that eases with rest</source>
        <translation>Wadenschmerz beim Gehen, der in Ruhe nachlässt</translation>
    </message>
    <message>
        <source>a cold, pale foot</source>
        <translation>ein kalter, blasser Fuß</translation>
    </message>
    <message>
        <source>a recent wound or cut</source>
        <translation>eine frische Wunde oder Schnittverletzung</translation>
    </message>
    <message>
        <source>contact with lead, mercury or another toxin</source>
        <translation>Kontakt mit Blei, Quecksilber oder einem anderen Gift</translation>
    </message>
    <message>
        <source>started a new medicine</source>
        <translation>ein neues Medikament begonnen</translation>
    </message>
    <message>
        <source>short of breath</source>
        <translation>Atemnot</translation>
    </message>
    <message>
        <source>chest pain</source>
        <translation>Brustschmerz</translation>
    </message>
    <message>
        <source>the cramp does not ease</source>
        <translation>der Krampf lässt nicht nach</translation>
    </message>
    <message>
        <source>an urge to move the legs that moving relieves</source>
        <translation>ein Drang, die Beine zu bewegen, den Bewegung lindert</translation>
    </message>
</context>
<context>
    <name>Toast</name>
    <message>
        <source>Dismiss</source>
        <extracomment>The server reads the body as markup (dunst, GNOME, Plasma): text is escaped for it. &quot;×&quot;: closes the toast without an answer (the reminder&apos;s fate: dismissed).</extracomment>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>No system tray was found on this desktop, so closing this window quits CrampCoach and reminders only arrive while it runs. (On GNOME, the AppIndicator extension adds a tray.)</source>
        <translation>Auf diesem Desktop wurde kein Systembereich gefunden; deshalb beendet das Schließen dieses Fensters CrampCoach, und Erinnerungen kommen nur, solange es läuft. (Unter GNOME fügt die Erweiterung AppIndicator einen Systembereich hinzu.)</translation>
    </message>
    <message>
        <source>Cramping now</source>
        <extracomment>last night&apos;s check-in: a number of cramps, None for &quot;don&apos;t remember&quot;, -1 to ask the menu opened: a routine may start from it soon</extracomment>
        <translation>Krampf jetzt</translation>
    </message>
    <message>
        <source>Start a routine</source>
        <translation>Übungsfolge starten</translation>
    </message>
    <message>
        <source>Log a glass of water</source>
        <translation>Ein Glas Wasser eintragen</translation>
    </message>
    <message>
        <source>Log a cramp…</source>
        <translation>Einen Krampf eintragen…</translation>
    </message>
    <message>
        <source>How was last night?</source>
        <translation>Wie war die letzte Nacht?</translation>
    </message>
    <message>
        <source>No cramps</source>
        <translation>Keine Krämpfe</translation>
    </message>
    <message>
        <source>Had cramps…</source>
        <translation>Hatte Krämpfe…</translation>
    </message>
    <message>
        <source>Don&apos;t remember</source>
        <translation>Weiß nicht mehr</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>Erinnerungen pausieren</translation>
    </message>
    <message>
        <source>For 1 hour</source>
        <translation>Für 1 Stunde</translation>
    </message>
    <message>
        <source>Until tomorrow</source>
        <translation>Bis morgen</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>Erinnerungen fortsetzen</translation>
    </message>
    <message>
        <source>Weekly review</source>
        <translation>Wochenrückblick</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Einstellungen…</translation>
    </message>
    <message>
        <source>Open CrampCoach</source>
        <translation>CrampCoach öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>(no routines)</source>
        <translation>(keine Übungsfolgen)</translation>
    </message>
</context>
<context>
    <name>Trial</name>
    <message>
        <source>cramp nights a week: nights with at least one cramp, from your morning check-ins and diary night cramps, per known night x 7</source>
        <translation>Krampfnächte pro Woche: Nächte mit mindestens einem Krampf, aus Ihren morgendlichen Angaben zur Nacht und den Nachtkrämpfen im Tagebuch, je bekannte Nacht × 7</translation>
    </message>
    <message>
        <source>What this cannot rule out: you know which nights you stretch (the trial cannot be blinded), so expecting the routine to help can change how you sleep and what you notice; cramps also change with the seasons, activity, illness and other treatment; the routine&apos;s benefit built up over 6 weeks in the stretching trial, so 4-week blocks may under-estimate it, and some effect may carry over past the wash-in week. It is your own result, not proof for anyone else, and not medical advice.</source>
        <translation>Was dies nicht ausschließen kann: Sie wissen, in welchen Nächten Sie dehnen (der Versuch lässt sich nicht verblinden); die Erwartung, dass die Übungsfolge hilft, kann also verändern, wie Sie schlafen und was Sie bemerken. Krämpfe ändern sich außerdem mit der Jahreszeit, mit Bewegung, Krankheit und anderer Behandlung. In der Dehnstudie baute sich der Nutzen über 6 Wochen auf, daher können 4-Wochen-Blöcke ihn unterschätzen, und ein Teil der Wirkung kann über die Einlaufwoche hinaus nachwirken. Es ist Ihr eigenes Ergebnis, kein Beweis für andere und keine medizinische Beratung.</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Ausgangsphase</translation>
    </message>
    <message>
        <source>block {n}: with the routine</source>
        <translation>Block {n}: mit der Übungsfolge</translation>
    </message>
    <message>
        <source>block {n}: without the routine</source>
        <translation>Block {n}: ohne die Übungsfolge</translation>
    </message>
    <message>
        <source>clearer fewer cramps</source>
        <translation>deutlich weniger Krämpfe</translation>
    </message>
    <message>
        <source>clearer more cramps</source>
        <translation>deutlich mehr Krämpfe</translation>
    </message>
    <message>
        <source>no clear difference</source>
        <translation>kein deutlicher Unterschied</translation>
    </message>
    <message>
        <source>Clearer fewer cramps</source>
        <translation>Deutlich weniger Krämpfe</translation>
    </message>
    <message>
        <source>Clearer more cramps</source>
        <translation>Deutlich mehr Krämpfe</translation>
    </message>
    <message>
        <source>No clear difference</source>
        <translation>Kein deutlicher Unterschied</translation>
    </message>
    <message>
        <source>as usual</source>
        <translation>wie gewohnt</translation>
    </message>
    <message>
        <source>do the routine</source>
        <translation>mit der Übungsfolge</translation>
    </message>
    <message>
        <source>no routine</source>
        <translation>ohne die Übungsfolge</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>all blocks are over</source>
        <translation>alle Blöcke sind vorbei</translation>
    </message>
    <message>
        <source>begins {day}</source>
        <translation>beginnt am {day}</translation>
    </message>
    <message>
        <source>{block}, tonight {tonight}</source>
        <translation>{block}; heute Nacht {tonight}</translation>
    </message>
    <message>
        <source>Not enough nights yet</source>
        <translation>Noch nicht genug Nächte</translation>
    </message>
    <message>
        <source>{verdict} ({estimate} cramp nights a week, 95 % {low} to {high})</source>
        <translation>{verdict} ({estimate} Krampfnächte pro Woche, 95 % {low} bis {high})</translation>
    </message>
    <message>
        <source>Personal trial: {where}. {result}; {unknown}/{counted} nights unknown; not blinded.</source>
        <translation>Persönlicher Versuch: {where}. {result}; {unknown}/{counted} Nächte unbekannt; nicht verblindet.</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>noch nicht begonnen</translation>
    </message>
    <message>
        <source>wash-in until {day}; nothing counted yet</source>
        <translation>Einlaufphase bis {day}; noch nichts gezählt</translation>
    </message>
    <message>
        <source>{rate} cramp nights a week</source>
        <translation>{rate} Krampfnächte pro Woche</translation>
    </message>
    <message>
        <source>no number yet (needs {n} known nights)</source>
        <translation>noch keine Zahl (dafür sind {n} bekannte Nächte nötig)</translation>
    </message>
    <message>
        <source>{known} known of {counted} counted nights so far, {cramp_nights} with cramps; {rate}</source>
        <translation>bisher {known} bekannte von {counted} gezählten Nächten, {cramp_nights} mit Krämpfen; {rate}</translation>
    </message>
    <message>
        <source>Result: not enough nights yet. It needs at least two finished pairs of blocks with two thirds of the counted nights known in each block; {pairs} so far.</source>
        <translation>Ergebnis: noch nicht genug Nächte. Nötig sind mindestens zwei abgeschlossene Blockpaare, in deren Blöcken jeweils zwei Drittel der gezählten Nächte bekannt sind; bisher {pairs}.</translation>
    </message>
    <message>
        <source>Result: {verdict}. With the routine minus without: {estimate} cramp nights a week (95 % interval {low} to {high}, {method}, {pairs} pairs).</source>
        <translation>Ergebnis: {verdict}. Mit der Übungsfolge minus ohne: {estimate} Krampfnächte pro Woche (95-%-Intervall {low} bis {high}, {method}, {pairs} Paare).</translation>
    </message>
    <message>
        <source>with</source>
        <translation>mit</translation>
    </message>
    <message>
        <source>without</source>
        <translation>ohne</translation>
    </message>
    <message>
        <source>Your personal trial (n-of-1), {first} to {last}</source>
        <translation>Ihr persönlicher Versuch (n-of-1), {first} bis {last}</translation>
    </message>
    <message>
        <source>Your personal trial (n-of-1), {first} to {last} (stopped {stopped})</source>
        <translation>Ihr persönlicher Versuch (n-of-1), {first} bis {last} (beendet am {stopped})</translation>
    </message>
    <message>
        <source>Question: does the bedtime routine reduce your night cramps?</source>
        <translation>Frage: Verringert die Übungsfolge vor dem Schlafen Ihre nächtlichen Krämpfe?</translation>
    </message>
    <message>
        <source>Design: {baseline} nights as usual (baseline), then {pairs} pairs of {block}-night blocks with and without the routine, in random order within each pair ({order}; seed {seed}, kept in your log). The first {washin} nights of each block are a wash-in and not counted.</source>
        <translation>Aufbau: {baseline} Nächte wie gewohnt (Ausgangsphase), dann {pairs} Paare von Blöcken zu je {block} Nächten mit und ohne die Übungsfolge, innerhalb jedes Paars in zufälliger Reihenfolge ({order}; Startwert {seed}, in Ihrem Protokoll gespeichert). Die ersten {washin} Nächte jedes Blocks sind eine Einlaufphase und werden nicht gezählt.</translation>
    </message>
    <message>
        <source>Outcome, fixed in advance: {outcome}.</source>
        <translation>Zielgröße, vorab festgelegt: {outcome}.</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} bis {last}</translation>
    </message>
    <message>
        <source>Unknown nights: {unknown} of {counted} counted nights had no check-in and no night cramp logged; they are left out, never counted as cramp-free.</source>
        <translation>Unbekannte Nächte: Für {unknown} von {counted} gezählten Nächten gibt es keine Angabe zur Nacht und keinen eingetragenen Nachtkrampf; sie bleiben außen vor und zählen nie als krampffrei.</translation>
    </message>
</context>
<context>
    <name>WeekPdf</name>
    <message>
        <source>signs: {signs}</source>
        <translation>Anzeichen: {signs}</translation>
    </message>
    <message>
        <source>… and 1 more episode (see the CSV export).</source>
        <translation>… und 1 weiterer Krampf (siehe CSV-Export).</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more episodes (see the CSV export).</source>
        <translation>
            <numerusform>… und %n weiterer Krampf (siehe CSV-Export).</numerusform>
            <numerusform>… und %n weitere Krämpfe (siehe CSV-Export).</numerusform>
        </translation>
    </message>
    <message>
        <source>Began</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>Bein</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>No cramps logged this week.</source>
        <translation>Diese Woche wurden keine Krämpfe eingetragen.</translation>
    </message>
    <message>
        <source>{week} (so far)</source>
        <translation>{week} (bisher)</translation>
    </message>
    <message>
        <source>A week of the adherence log, for talking with a clinician. Printed {made} by CrampCoach {version}.</source>
        <translation>Eine Woche des Übungsprotokolls, für das Gespräch mit Arzt oder Ärztin. Gedruckt am {made} von CrampCoach {version}.</translation>
    </message>
    <message>
        <source>Cramps after nights with vs without the bedtime routine</source>
        <translation>Krämpfe nach Nächten mit und ohne Übungsfolge vor dem Schlafen</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Diese Woche</translation>
    </message>
    <message>
        <source>Cramp diary</source>
        <translation>Krampftagebuch</translation>
    </message>
    <message>
        <source>CrampCoach {week}</source>
        <translation>CrampCoach {week}</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>A few choices to start with. Each can be changed later in Settings, and skipping keeps the usual ones.</source>
        <translation>Ein paar Entscheidungen für den Anfang. Jede lässt sich später in den Einstellungen ändern, und wer überspringt, behält die üblichen.</translation>
    </message>
    <message>
        <source>A cramp at 2 in the morning belongs to the night before: the log&apos;s day starts at this time, not at midnight.</source>
        <translation>Ein Krampf um 2 Uhr morgens gehört zur Nacht davor: der Tag im Protokoll beginnt zu dieser Uhrzeit, nicht um Mitternacht.</translation>
    </message>
    <message>
        <source>Welcome to CrampCoach</source>
        <extracomment>Every write goes through the app&apos;s journal (validated, durable, heard by all).</extracomment>
        <translation>Willkommen bei CrampCoach</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Bedtime</source>
        <translation>Schlafenszeit</translation>
    </message>
    <message>
        <source>When you usually go to bed</source>
        <translation>Wann Sie gewöhnlich schlafen gehen</translation>
    </message>
    <message>
        <source>&amp;Bedtime</source>
        <translation>&amp;Schlafenszeit</translation>
    </message>
    <message>
        <source>&amp;Remind me: before bedtime, to drink, and to look at my week</source>
        <translation>&amp;Erinnern: vor dem Schlafengehen, ans Trinken und an den Blick auf meine Woche</translation>
    </message>
    <message>
        <source>Reminders come from the tray or as desktop notifications; they can be paused</source>
        <translation>Erinnerungen kommen aus dem Infobereich oder als Desktop-Benachrichtigungen; sie lassen sich pausieren</translation>
    </message>
    <message>
        <source>A day in the log starts at</source>
        <translation>Ein Tag im Protokoll beginnt um</translation>
    </message>
    <message>
        <source>A &amp;day in the log starts at</source>
        <translation>Ein &amp;Tag im Protokoll beginnt um</translation>
    </message>
    <message>
        <source>&amp;Sound cues in the player</source>
        <translation>&amp;Klangsignale im Player</translation>
    </message>
    <message>
        <source>A short sound at each step, so you can keep your eyes closed</source>
        <translation>Ein kurzer Ton bei jedem Schritt, damit Sie die Augen geschlossen halten können</translation>
    </message>
    <message>
        <source>Speak the steps &amp;aloud</source>
        <translation>Schritte &amp;laut ansagen</translation>
    </message>
    <message>
        <source>Where a speech engine is installed</source>
        <translation>Wo eine Sprachausgabe installiert ist</translation>
    </message>
    <message>
        <source>Start CrampCoach when I &amp;log in</source>
        <translation>CrampCoach beim &amp;Anmelden starten</translation>
    </message>
    <message>
        <source>So that reminders come without opening the app</source>
        <translation>Damit Erinnerungen kommen, ohne dass Sie die App öffnen</translation>
    </message>
    <message>
        <source>Add CrampCoach to the &amp;applications menu</source>
        <translation>CrampCoach ins An&amp;wendungsmenü aufnehmen</translation>
    </message>
    <message>
        <source>Installs its menu entry and icon</source>
        <translation>Installiert seinen Menüeintrag und sein Symbol</translation>
    </message>
    <message>
        <source>&amp;Save and start</source>
        <translation>Speichern und &amp;beginnen</translation>
    </message>
    <message>
        <source>Keep these choices</source>
        <translation>Diese Entscheidungen behalten</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>&amp;Überspringen</translation>
    </message>
    <message>
        <source>Keep the usual choices; all are in Settings</source>
        <translation>Die üblichen Einstellungen behalten; alle stehen in den Einstellungen</translation>
    </message>
    <message>
        <source>Not saved: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
</context>
</TS>
