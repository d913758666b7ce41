# Möten och evenemang.
nav-calendar = Kalender
calendar-title = Kalender
calendar-lead = Möten, grupper och evenemang som staden och föreningar bjuder in till. Alla är välkomna om inget annat står.
calendar-upcoming = Kommande
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

mail-event-confirmed-subject = Du är anmäld: { $title }
mail-event-confirmed-body =
    Hej!

    Du är anmäld till { $title } den { $when }.

    Här kan du se din anmälan eller avboka den:
    { $link }

    Vänliga hälsningar
    Nära, { -city }
mail-event-waitlisted-subject = Du står på väntelistan: { $title }
mail-event-waitlisted-body =
    Hej!

    Det var fullt till { $title } den { $when }, så du står på väntelistan. Om någon avbokar får du platsen och vi mejlar dig direkt.

    Här kan du se din anmälan eller avboka den:
    { $link }

    Vänliga hälsningar
    Nära, { -city }
mail-event-promoted-subject = Du har fått en plats: { $title }
mail-event-promoted-body =
    Hej!

    En plats blev ledig och nu är du anmäld till { $title } den { $when }.

    Om du inte kan komma, avboka gärna så att någon annan får platsen:
    { $link }

    Vänliga hälsningar
    Nära, { -city }

home-meet-heading = Träffa andra
home-meet-body = Samtalsgrupper för anhöriga, utvecklingsgruppen där invånare, föreningar och staden utvecklar stödet tillsammans, och öppna föreläsningar.
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
