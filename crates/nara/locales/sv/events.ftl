# Möten och evenemang.
nav-calendar = Kalender
calendar-title = Kalender
calendar-lead = Möten, grupper och evenemang som staden och föreningar bjuder in till. Alla är välkomna om inget annat står.
calendar-upcoming = Kommande
calendar-pages = Sidor med kommande träffar
calendar-subscribe = Prenumerera på kalendern i din egen kalender (iCalendar)
calendar-subscribe-series = Prenumerera på alla träffar i din egen kalender (iCalendar)
calendar-feed-name = Nära – kalender
events-none = Det finns inga kommande träffar just nu.
event-cancelled = Inställt
event-cancelled-notice = Det här tillfället är inställt.
event-places-left = { $count ->
    [one] En plats kvar
   *[other] { $count } platser kvar
}
event-full-waitlist = Fullt – du kan ställa dig på väntelistan
event-audience = För vem
event-organiser = Arrangör
event-venue = Plats
event-accessibility = Tillgänglighet
event-online = Delta på distans
event-price = Kostnad
event-free = Gratis
event-contact = Kontakt
event-theme = Tema:
event-theme-not-set = Tema ej klart
event-add-to-calendar = Lägg till i din kalender (iCalendar)
event-register-heading = Anmäl dig
event-email-hint = Vi skickar en bekräftelse med en länk där du kan se eller avboka din anmälan.
event-needs = Behöver du något för att kunna delta? (frivilligt)
event-needs-hint = Till exempel specialkost, tolk eller hjälp med tillgänglighet. Bara arrangören ser det, och vi tar bort det efter träffen.
event-register-submit = Anmäl mig
event-error-needs = Skriv högst 1000 tecken om vad du behöver
event-error-closed = Det går inte längre att anmäla sig till det här tillfället
registration-title = Din anmälan
registration-event = Träff
registration-when = När
registration-keep-link = Spara länken till den här sidan. Här kan du se din anmälan och avboka den.
registration-cancel = Avboka
event-status-confirmed = Du är anmäld. Välkommen!
event-status-waitlisted = Det är fullt just nu, så du står på väntelistan. Vi mejlar dig direkt om du får en plats.
event-status-cancelled = Din anmälan är avbokad.

mail-event-place = Plats: { $place }
mail-event-online = Delta på distans: { $url }
mail-event-confirmed-subject = Du är anmäld: { $title }
mail-event-confirmed-body =
    Hej!

    Du är anmäld till { $title } den { $when }.
    { $where }

    Här kan du se din anmälan eller avboka den:
    { $link }

    Vänliga hälsningar
    Nära, { -city }
mail-event-waitlisted-subject = Du står på väntelistan: { $title }
mail-event-waitlisted-body =
    Hej!

    Det var fullt till { $title } den { $when }, så du står på väntelistan. Om någon avbokar får du platsen och vi mejlar dig direkt.
    { $where }

    Här kan du se din anmälan eller avboka den:
    { $link }

    Vänliga hälsningar
    Nära, { -city }
mail-event-promoted-subject = Du har fått en plats: { $title }
mail-event-promoted-body =
    Hej!

    En plats blev ledig och nu är du anmäld till { $title } den { $when }.
    { $where }

    Om du inte kan komma, avboka gärna så att någon annan får platsen:
    { $link }

    Vänliga hälsningar
    Nära, { -city }

home-meet-heading = Träffa andra
home-meet-body = Här finns samtalsgrupper för anhöriga och öppna föreläsningar som alla kan gå på. I utvecklingsgruppen gör invånare, föreningar och staden stödet bättre tillsammans.
home-meet-link = Se alla träffar i kalendern

nav-organiser = Arrangör
organiser-title = Mina träffar som arrangör
organiser-lead = Träffar som din enhet arrangerar. Här ser du vilka som kommer och vad de behöver.
organiser-none = Din enhet arrangerar inga träffar just nu.
organiser-attendees = Anmälda
organiser-needs-note = Det som deltagarna har skrivit om sina behov ser bara arrangören. Det tas bort när någon avbokar.
organiser-no-attendees = Ingen har anmält sig ännu.
organiser-status = Status
organiser-needs = Behov
organiser-status-confirmed = Anmäld
organiser-status-waitlisted = På väntelistan
organiser-status-cancelled = Avbokad
organiser-export = Ladda ner listan som CSV (öppnas i Excel)
organiser-theme-heading = Tema
organiser-theme-sv = Tema på svenska
organiser-theme-en = Tema på engelska (frivilligt)
organiser-theme-hint = Lämna tomt så visas ”Tema ej klart”.
organiser-theme-submit = Spara tema
organiser-cancel-heading = Ställ in träffen
organiser-cancel-body = Alla som har anmält sig får ett mejl om att träffen är inställd.
organiser-cancel-submit = Ställ in träffen
audit-action-attendees-viewed = Såg listan över anmälda till en träff

mail-event-cancelled-subject = Inställt: { $title }
mail-event-cancelled-body =
    Hej!

    Tyvärr är { $title } den { $when } inställt. Du behöver inte göra något.

    Vänliga hälsningar
    Nära, { -city }
calendar-atom = Följ kommande träffar i en flödesläsare (Atom)

suggest-link = Föreslå ett tema
suggest-title = Föreslå ett tema
suggest-lead = Vad vill du att vi pratar om på ett kommande möte? Alla förslag läses av dem som planerar mötena.
suggest-text = Ditt förslag
suggest-name = Ditt namn
suggest-optional = Frivilligt.
suggest-email = Din e-postadress
suggest-email-hint = Frivilligt. Skriv den om du vill få veta vad som händer med ditt förslag.
suggest-submit = Skicka förslaget
suggest-thanks = Tack för ditt förslag! Vi har tagit emot det.
suggest-error-text = Skriv ditt förslag (högst 2000 tecken)
suggest-organiser-link = Temaförslag
suggest-organiser-title = Temaförslag
suggest-none = Inga förslag ännu.
suggest-anonymous = Utan namn
suggest-status-new = Nytt
suggest-status-accepted = Antaget
suggest-status-declined = Inte antaget
suggest-accept-for = Anta för mötet
suggest-accept = Anta
suggest-decline = Tacka nej

mail-suggestion-accepted-subject = Ditt förslag blir tema: { $title }
mail-suggestion-accepted-body =
    Hej!

    Tack för ditt förslag till { $title }: ”{ $suggestion }”.

    Det blir tema för mötet { $when }. Välkommen dit!

    Vänliga hälsningar
    Nära, { -city }
mail-suggestion-declined-subject = Om ditt förslag till { $title }
mail-suggestion-declined-body =
    Hej!

    Tack för ditt förslag till { $title }: ”{ $suggestion }”.

    Den här gången blev det inte ett tema på våra möten. Skicka gärna fler förslag – vi läser alla.

    Vänliga hälsningar
    Nära, { -city }

mail-event-reminder-subject = Påminnelse: { $title } { $when }
mail-event-reminder-body =
    Hej!

    Välkommen till { $title } den { $when }.

    Om du inte kan komma, avboka med länken i ditt bekräftelsemejl så att någon annan kan få platsen. Alla träffar finns här:
    { $link }

    Vänliga hälsningar
    Nära, { -city }

## The calendar's views and filters
calendar-filters = Visa bara
calendar-filter-all = Alla
calendar-filter-area = Område
calendar-filter-submit = Visa
calendar-filter-clear = Visa allt igen
calendar-views = Visa som
calendar-view-list = Lista
calendar-view-month = Månad
calendar-months = Andra månader
calendar-month-empty = Inga träffar den här månaden.

## A meeting's agenda, notes and documents
event-agenda = Dagordning
event-notes = Anteckningar från träffen
event-documents = Dokument
event-scope = Vilka träffar vill du anmäla dig till?
event-scope-one = Bara den här träffen
event-scope-all = { $count ->
    [one] Den här och den kommande träffen
   *[other] Alla { $count } träffar från och med den här
}
registration-group-heading = Dina träffar
registration-cancel-all = Avboka alla kommande träffar

mail-event-series-subject = Din anmälan: { $title }
mail-event-series-body =
    Hej!

    Du har anmält dig till de här träffarna i { $title }:
    { $when }

    { $where }

    Om det är fullt står du på väntelistan, och vi mejlar dig direkt om du får en plats.
    Här ser du dina träffar och kan avboka en eller alla:
    { $link }

    Vänliga hälsningar
    Nära, { -city }

mail-event-moved-subject = Ny tid: { $title }
mail-event-moved-body =
    Hej!

    { $title } har fått en ny tid. Träffen som skulle ha varit { $before } blir i stället { $when }–{ $until }.
    Din anmälan gäller den nya tiden. Om du inte kan komma då, avboka gärna med länken i ditt första mejl.

    Vänliga hälsningar
    Nära, { -city }

## The organiser's page of a meeting
organiser-public-page = Se sidan som besökare ser den
organiser-attended = Närvarande
organiser-attended-yes = Kom
organiser-attended-submit = Spara närvaro
organiser-agenda-heading = Dagordning
organiser-agenda-sv = Dagordning på svenska
organiser-agenda-en = Dagordning på engelska (frivilligt)
organiser-agenda-hint = En punkt per rad.
organiser-agenda-submit = Spara dagordning
organiser-notes-heading = Anteckningar
organiser-notes-label = Anteckningar från träffen
organiser-notes-hint = Visas på träffens sida. Du kan använda Markdown: ## Rubrik, **fet stil**, - punktlista och [länktext](https://…).
organiser-notes-submit = Publicera anteckningar
organiser-notes-error-long = Anteckningarna får vara högst 20 000 tecken
organiser-theme-error-long = Temat får vara högst 200 tecken
organiser-agenda-error-long = Dagordningen får vara högst 4 000 tecken
organiser-documents-heading = Dokument
organiser-documents-none = Inga dokument ännu.
organiser-document-title = Dokumentets namn
organiser-document-title-hint = Till exempel ”Anteckningar 16 mars”. Lämna tomt så används filens namn.
organiser-document-file = Välj en PDF-fil
organiser-document-file-hint = Bara PDF, högst { $kb } kB. Dokumentet visas för alla på träffens sida.
organiser-document-submit = Ladda upp
document-error-missing = Välj en PDF-fil att ladda upp
document-error-not-pdf = Filen är inte en PDF. Spara den som PDF och försök igen
document-error-too-large = Filen är för stor. Den får vara högst 1 500 kB
document-error-title = Skriv ett namn på högst 200 tecken
organiser-move-heading = Flytta träffen
organiser-move-body = Alla som har anmält sig får ett mejl med den nya tiden. Kalendrar som prenumererar uppdateras.
organiser-move-date = Nytt datum
organiser-move-date-hint = Till exempel 2027-03-15
organiser-move-start = Börjar (tt:mm)
organiser-move-end = Slutar (tt:mm)
organiser-move-submit = Flytta träffen
organiser-move-error-date = Skriv ett datum som 2027-03-15
organiser-move-error-time = Skriv en tid som 13:30
organiser-move-error-order = Träffen måste sluta efter att den börjar
organiser-move-error-past = Välj en tid som inte har varit
organiser-move-error-cancelled = Träffen är inställd och kan inte flyttas
audit-action-attendance-marked = Antecknade vilka som kom till en träff

## My calendar feed
my-calendar-title = Min kalender
my-calendar-lead = Få träffarna du har anmält dig till direkt i kalendern i din telefon eller dator.
my-calendar-link = Prenumerera på dina träffar
my-calendar-none = Du har ingen kalenderlänk ännu.
my-calendar-active = Du har en kalenderlänk sedan { $since }. Av säkerhetsskäl visas den bara när den skapas.
my-calendar-create = Skapa kalenderlänk
my-calendar-renew = Skapa ny länk (den gamla slutar fungera)
my-calendar-revoke = Stäng av länken
my-calendar-created = Din kalenderlänk är klar. Kopiera den nu – den visas bara en gång.
my-calendar-address = Adress att prenumerera på
my-calendar-address-hint = Klistra in adressen där din kalender-app låter dig lägga till en kalender från internet. Dela den inte: den som har länken ser dina träffar.
my-calendar-feed-name = Nära – mina träffar

# Träffar där folk söker hjälp: på en post i katalogen, med ett område och i sökresultat.
meetings-heading = Träffar
meetings-next = Nästa träffar:
meetings-calendar = Alla träffar inom området i kalendern
# Seriens sida: träffar som har varit, med anteckningarna.
series-past = Tidigare träffar
series-coming-shown = Visar träff { $from }–{ $to } av { $total } kommande.
series-past-newest = { $count ->
    [one] Den senaste träffen.
   *[other] De { $count } senaste träffarna.
}
series-past-no-notes = Det finns inga anteckningar från den här träffen.
