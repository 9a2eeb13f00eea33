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
        <source>Your log was repaired when it was opened:</source>
        <translation>Ihr Protokoll wurde beim Öffnen repariert:</translation>
    </message>
    <message>
        <source>Reminders could not start: {error}</source>
        <extracomment>The one context every part is given: clock (with the zone), settings, log. Every write (windows, socket, undo) goes through this one journal.</extracomment>
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
        <source>The player is not available ({error}).</source>
        <translation>Der Übungsplayer ist nicht verfügbar ({error}).</translation>
    </message>
    <message>
        <source>Unknown routine {id}.</source>
        <translation>Unbekannte Routine {id}.</translation>
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
        <source>Save this cramp in your diary</source>
        <extracomment>The dialog&apos;s margins and a vertical scroll bar beside its form.</extracomment>
        <translation>Diesen Krampf im Tagebuch speichern</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen, ohne zu speichern</translation>
    </message>
    <message>
        <source>Tick it if this came with the cramp</source>
        <translation>Ankreuzen, wenn das mit dem Krampf kam</translation>
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
        <extracomment>Below this window width the routines and the side column stack (at 200 % on a 1920×1080 screen the window is 960 px wide). One spelling for each kind of routine (&quot;warm-up&quot;, as the routines write it).</extracomment>
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
        <source>No routines could be loaded. The notice above says which file is wrong; check them with: crampcoach routines check</source>
        <translation>Es konnten keine Übungsfolgen geladen werden. Der Hinweis oben sagt, welche Datei fehlerhaft ist; prüfen Sie sie mit: crampcoach routines check</translation>
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
        <extracomment>Test hook for the end-to-end test: ``&quot;hydration:3&quot;`` shows a hydration reminder 3 s after start-up, whatever the settings say. How often wall and monotonic time are compared (a resume is noticed within this). a routine id -&gt; (title, seconds), for the bedtime text; None if unknown write a night&apos;s check-in (night, cramps or None for &quot;don&apos;t remember&quot;); None: the engine writes it itself ask how many cramps a night had, and the worst (the main window&apos;s check-in)</extracomment>
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
        <extracomment>A whole trial&apos;s nights; with a year&apos;s lead for a first night set ahead, the farthest back a trial&apos;s start can lie from a night it still schedules.</extracomment>
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
    <name>RoutineCard</name>
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
    <message>
        <source>{duration}, {steps} steps</source>
        <translation>{duration}, {steps} Schritte</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>CrampCoach settings</source>
        <translation>CrampCoach-Einstellungen</translation>
    </message>
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
        <source>Follow the system</source>
        <extracomment>Next to the water goal (evidence.md: hydration and cramps; hyponatraemia).</extracomment>
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
        <source>Save every change and close</source>
        <translation>Alle Änderungen speichern und schließen</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Schließen, ohne zu speichern</translation>
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
    <name>Toast</name>
    <message>
        <source>Dismiss</source>
        <extracomment>The server reads the body as markup (dunst, GNOME, Plasma): text is escaped for it.</extracomment>
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
        <extracomment>last night&apos;s check-in: a number of cramps, None for &quot;don&apos;t remember&quot;, -1 to ask</extracomment>
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
