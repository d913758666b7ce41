# Enkäter: var stödet till nytta?

survey-lead = Dina svar hjälper oss att bli bättre. Du är anonym: svaren sparas utan ditt namn, ditt ärende eller tidpunkten. Du kan hoppa över frågor.
survey-lead-easy = Vi vill veta vad du tycker. Vi vet inte vem som svarar. Du behöver inte svara på alla frågor.
survey-wording-easy = Läs frågorna på lättläst svenska
survey-wording-usual = Läs frågorna på vanlig svenska
survey-optional = (frivillig)
survey-free-text-hint = Skriv inte namn, personnummer eller telefonnummer. Sådant tas bort innan svaret sparas.
survey-yes = Ja
survey-no = Nej
survey-dont-know = Vet inte
survey-submit = Skicka svaren
survey-answer-error-choice = Välj ett av svaren som finns.
survey-answer-error-too-long = Texten är för lång (högst 4 000 tecken).
survey-opt-out-heading = Vill du inte få fler frågor?
survey-opt-out-body = Då frågar vi dig aldrig igen, varken om stöd du har fått eller om en träff.
survey-opt-out = Fråga mig inte igen
survey-to-start = Till startsidan

survey-thanks-title = Tack för dina svar
survey-thanks-body = Svaren är sparade utan ditt namn. De hjälper oss att göra stödet bättre.
survey-opted-out-title = Vi frågar dig inte igen
survey-opted-out-body = Du får inga fler frågor från oss om vad du tyckte.
survey-unknown-title = Länken fungerar inte
survey-unknown-body = Vi hittar ingen enkät med den här länken. Kontrollera att hela länken kom med från e-postmeddelandet, eller öppna enkäten från Mina sidor.
survey-used-title = Du har redan svarat
survey-used-body = Enkäten är redan besvarad, och den kan bara besvaras en gång. Tack för dina svar.

survey-my-pages-heading = Berätta vad du tyckte
survey-my-pages-body = Var stödet till nytta? Du svarar anonymt, och det tar några minuter.
survey-my-pages-none = Du har inga enkäter att svara på just nu.
survey-my-pages-answer = Svara på enkäten
survey-my-pages-opted-out = Du har bett oss att inte fråga dig. Du får inga enkäter.
survey-notice-opted-out = Vi frågar dig inte igen.

survey-interview-heading = Mål och nytta
survey-interview-link = Gör en intervju
survey-interview-title = Intervju: var stödet till nytta?
survey-interview-back = Tillbaka till ärendet
survey-interview-body = Ställ frågorna till invånaren och skriv in svaren. Svaren sparas anonymt, utan ärendet, och räknas som en intervju.
survey-interview-answered = Invånaren har redan svarat på enkäten om det här ärendet.
survey-interview-submit = Spara intervjun
survey-consent-label = Invånaren har samtyckt till intervjun
survey-error-consent = Kryssa i att invånaren har samtyckt till intervjun.
survey-notice-interview = Intervjun är sparad, anonymt.

survey-builder-title = Enkäter
survey-builder-lead = Här finns frågorna i stadens enkäter. En version som är publicerad ändras aldrig. Du ändrar i ett utkast, som sedan blir nästa version.
survey-builder-col-key = Nyckel
survey-builder-col-version = Publicerad version
survey-builder-has-draft = Utkast pågår
survey-builder-key = Nyckel
survey-builder-published = Version { $version } är publicerad.
survey-draft-heading = Utkast till version { $version }
survey-no-draft-heading = Inget utkast
survey-no-draft-body = Skapa ett utkast för att ändra frågorna. Det börjar som en kopia av den publicerade versionen.
survey-create-draft = Skapa utkast
survey-draft-empty = Utkastet har inga frågor än.
survey-text-missing = Svensk text saknas
survey-question-edit = Ändra fråga
survey-question-up = Flytta upp fråga
survey-question-down = Flytta ner fråga
survey-question-remove = Ta bort fråga
survey-question-add-heading = Lägg till en fråga
survey-question-add = Lägg till frågan
survey-question-title = Ändra frågan
survey-question-save = Spara frågan
survey-publish-heading = Publicera
survey-publish-body = Hela utkastet kontrolleras först. Nya svar ges sedan till den nya versionen; tidigare svar behåller sin.
survey-publish = Publicera utkastet
survey-publish-problems = Utkastet kan inte publiceras än
survey-published-heading = Publicerad version
survey-notice-published = Den nya versionen är publicerad.
survey-notice-draft = Utkastet är skapat.
survey-notice-saved = Utkastet är sparat.
survey-field-kind = Typ av fråga
survey-field-text-sv = Frågan på svenska
survey-field-text-en = Frågan på engelska
survey-field-text-easy = Frågan på lättläst svenska
survey-field-text-easy-hint = Korta ord och korta meningar. Visas för den som väljer lättläst.
survey-field-options = Svarsalternativ
survey-field-options-hint = Ett svar per rad: svenska | engelska | lättläst. En skala har fem rader (1 till 5). Ja/nej och fritext har inga.
survey-kind-scale = Skala 1–5
survey-kind-yes-no = Ja / nej / vet inte
survey-kind-choice = Ett val
survey-kind-multiple-choice = Flera val
survey-kind-free-text = Fritext
survey-error-kind = Välj vilken typ av fråga det är.
survey-error-text-too-long = Texten är för lång (högst 300 tecken).
survey-error-option-line = Ett svarsalternativ har högst tre delar (svenska | engelska | lättläst) på högst 300 tecken var.
survey-error-too-many-options = En fråga kan ha högst 20 svarsalternativ.
survey-error-no-questions = Enkäten behöver minst en fråga.
survey-error-too-many-questions = Enkäten har för många frågor (högst 30).
survey-error-scale-labels = Fråga { $detail } är en skala och behöver fem steg, vart och ett med text på svenska, engelska och lättläst.
survey-error-choices = Fråga { $detail } behöver 2–20 svar att välja mellan. Varje svar ska ha text på svenska, engelska och lättläst svenska.

mail-survey-invitation-subject = Berätta vad du tyckte
mail-survey-invitation-body =
    Hej!

    Vi vill gärna veta om stödet du fått har varit till nytta. Det tar några minuter, och du svarar anonymt:

    { $link }

    Länken är bara till dig. Om du inte vill få fler frågor kan du säga det på sidan.
mail-survey-reminder-subject = Påminnelse: berätta vad du tyckte
mail-survey-reminder-body =
    Hej!

    För en tid sedan frågade vi vad du tyckte om stödet du fått. Om du vill svara finns enkäten här:

    { $link }

    Det här är den enda påminnelsen.

audit-action-survey-invitation-sent = Bjöd in dig att svara på en enkät
audit-action-survey-reminder-sent = Påminde dig om en enkät
audit-action-survey-invitation-used = Din enkätinbjudan användes (svaret sparades utan koppling till dig)
audit-action-survey-opted-out = Du bad oss att inte fråga dig igen
audit-action-survey-interview-recorded = Sparade en intervju (anonymt)
audit-action-survey-published = Publicerade en enkät
