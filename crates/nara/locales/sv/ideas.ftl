## Idéslussen: kampanjer, förslag, rådet, omröstningen, tester och lärdomar.

nav-ideas = Idéer
ideas-title = Idéer för socialtjänsten
ideas-lead = Här samlar staden förslag på hur stödet kan bli bättre. Ett råd med brukarutvecklare väljer ut förslag, alla får rösta, och de valda förslagen testas i en vecka. Allt som händer med varje förslag visas här.
ideas-none = Det finns inga kampanjer ännu.
ideas-manage-link = Hantera kampanjer

idea-dates-proposals = Förslag tas emot
idea-dates-council = Rådsmöte
idea-dates-vote = Omröstning
idea-dates-test-week = Testveckan börjar
idea-who-heading = Vem kan lämna förslag och rösta
idea-who-staff = medarbetare
idea-who-residents = invånare
idea-who-associations = föreningar
idea-cap-heading = Högsta belopp ett förslag kan be om
idea-kronor = { $sum } kr
idea-calendar-link = Datumen finns också i kalendern
idea-feed-link = Följ kampanjen i en flödesläsare (Atom)
idea-take-part-heading = Var med
idea-propose-link = Skriv ett förslag
idea-vote-link = Rösta
idea-vote-done = Du har röstat. Tack! Hur du röstade sparas inte tillsammans med ditt namn.
idea-council-link = Rådets sida
idea-take-part-later = Just nu går det inte att lämna förslag eller rösta. Se datumen ovan.
idea-mine-heading = Dina förslag och utkast
idea-results-heading = Resultat av omröstningen
idea-results-voters = { $count ->
    [one] En person röstade.
   *[other] { $count } personer röstade.
}
idea-votes = { $count ->
    [one] 1 röst
   *[other] { $count } röster
}
idea-proposals-heading = Förslagen
idea-proposals-none = Inga förslag ännu.
idea-category-explore = Utforska
idea-category-test = Testa
idea-category-scale-up = Skala upp
idea-status-draft = Utkast
idea-status-submitted = Skickat till rådet
idea-status-shortlisted = Med i omröstningen
idea-status-declined = Inte med i omröstningen

idea-signup-heading = Anmälan för medarbetare
idea-signup-lead = Vill du arbeta med idéerna i testveckan? Anmäl dig med de timmar din chef har godkänt.
idea-signup-count = { $count ->
    [one] En medarbetare har anmält sig.
   *[other] { $count } medarbetare har anmält sig.
}
idea-signup-done = Du är anmäld.
idea-signup-hours = Timmar som din chef har godkänt
idea-signup-hours-hint = Ett heltal, till exempel 16.
idea-signup-manager = Din chefs namn
idea-signup-submit = Anmäl mig
idea-signup-none = Ingen har anmält sig ännu.
idea-signup-hours-line = { $count ->
    [one] 1 timme
   *[other] { $count } timmar
}

idea-form-title = Skriv ett förslag
idea-form-edit-title = Ändra ditt utkast
idea-form-lead = Tidigare förslag var ofta för tunna, så gruppen som skulle testa fick lägga tiden på att förstå bakgrunden. Därför frågar vi efter problemet, vad de som lever med det säger och vad som kan testas på en vecka.
idea-form-draft-hint = Du kan spara ett utkast och fortsätta senare. Bara du och dina medförfattare ser utkastet.
idea-category-legend = Vilken sorts förslag är det?
idea-category-hint = Utforska: lära mer om hur brukare upplever något. Testa: pröva en bestämd idé. Skala upp: sprida ett arbetssätt som fungerar.
idea-title-label = Rubrik
idea-title-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Minst { $min } tecken. Säg kort vad förslaget gäller.
}
idea-problem-label = Vilket är problemet?
idea-problem-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Beskriv vad som inte fungerar i dag, minst { $min } tecken.
}
idea-whose-label = Vems problem är det?
idea-whose-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Vilka märker problemet, minst { $min } tecken.
}
idea-voices-label = Vad säger de som lever med problemet?
idea-voices-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Vad har du hört dem säga, minst { $min } tecken. Skriv inga namn eller personuppgifter.
}
idea-heard-link-label = Länk till det du hört (frivilligt)
idea-heard-link-hint = Till exempel en länk till en träff (/kalender/…) eller till en intervju (https://…).
idea-heard-link-text = Det här har vi hört
idea-try-label = Vad vill du testa under en vecka?
idea-try-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Något konkret som kan göras på en vecka, minst { $min } tecken.
}
idea-signs-label = Hur märker vi att det fungerar?
idea-signs-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Vad skulle vara annorlunda efter testet, minst { $min } tecken.
}
idea-needs-heading = Vad behövs
idea-people-label = Vilka personer behövs?
idea-people-hint = { $min ->
    [one] Minst ett tecken.
   *[other] Till exempel två handläggare och en brukarutvecklare, minst { $min } tecken.
}
idea-money-label = Hur mycket pengar behövs? (frivilligt)
idea-money-hint = Hela kronor, till exempel 1 500.
idea-money-cap-hint = Hela kronor, högst { $sum } kr.
idea-form-send = Skicka till rådet
idea-form-save = Spara utkast

idea-error-category = Välj vilken sorts förslag det är
idea-error-title-missing = Skriv en rubrik
idea-error-title-short = Rubriken är för kort: säg vad förslaget gäller
idea-error-title-long = Texten är för lång: högst 160 tecken
idea-error-problem-missing = Beskriv problemet
idea-error-problem-short = Beskrivningen av problemet är för kort
idea-error-whose-missing = Skriv vems problem det är
idea-error-whose-short = Skriv lite mer om vems problem det är
idea-error-voices-missing = Skriv vad de som lever med problemet säger
idea-error-voices-short = Skriv mer om vad de som lever med problemet säger
idea-error-try-missing = Skriv vad du vill testa under en vecka
idea-error-try-short = Skriv mer om vad du vill testa under en vecka
idea-error-signs-missing = Skriv hur vi märker att det fungerar
idea-error-signs-short = Skriv mer om hur vi märker att det fungerar
idea-error-people-missing = Skriv vilka personer som behövs
idea-error-people-short = Skriv lite mer om vilka personer som behövs
idea-error-text-long = Texten är för lång: högst 4 000 tecken
idea-error-link = Länken ska börja med / eller https:// och inte innehålla mellanslag
idea-error-money = Skriv beloppet i hela kronor, till exempel 1 500
idea-error-money-cap = Beloppet är högre än kampanjens gräns
idea-error-comment = Skriv din fråga eller kommentar
idea-error-coauthor = Det finns inget konto med den e-postadressen, eller personen är redan med
idea-error-hours = Skriv antalet timmar som ett heltal mellan 1 och 200
idea-error-manager = Skriv din chefs namn
idea-error-decision = Välj om förslaget ska vara med i omröstningen
idea-error-reason = Skriv ett skäl på minst 20 tecken: förslagsställaren får läsa det
idea-error-council-closed = Rådet kan inte ändra sina beslut när omröstningen har börjat
idea-error-date = Skriv datumet som ÅÅÅÅ-MM-DD
idea-error-order = Datumen ska komma i ordning: förslag, rådsmöte, omröstning och sist testveckan
idea-error-who = Välj vilka som kan lämna förslag
idea-error-votes = Skriv antalet röster per person, från 1 till 10
idea-error-campaign-title = Skriv kampanjens namn
idea-error-campaign-summary = Beskriv kampanjen
idea-error-member = Det finns inget aktivt konto med den e-postadressen
idea-error-not-chosen = Ett test kan startas först när omröstningen är slut, för ett förslag som var med i den
idea-error-coach = Skriv coachens namn
idea-error-co-organiser = Skriv namnet på medarrangören från förvaltningen
idea-error-goal = Skriv ett konkret leveransmål
idea-error-budget = Skriv budgeten i hela kronor, mer än 0
idea-error-presentation = Välj dag och tid för slutpresentationen
idea-error-log = Skriv vad ni gjorde i dag
idea-error-spend-what = Skriv vad pengarna gick till
idea-error-over-budget = Beloppet är mer än det som finns kvar av budgeten
idea-error-test-closed = Testet är avslutat
idea-error-happened = Skriv vad som hände, minst 20 tecken
idea-error-surprised = Skriv vad som överraskade, minst 20 tecken
idea-error-next-step = Välj vad som händer nu
idea-error-next-owner = Skriv vem som ansvarar för det som händer nu

idea-notice-saved = Utkastet är sparat. Du har fått ett mejl om det.
idea-notice-sent = Förslaget är skickat till rådet. Du får mejl vid varje steg.
idea-notice-commented = Tack! Din text visas nu på sidan.
idea-notice-following = Du följer förslaget och får mejl när något händer.
idea-notice-coauthor = Medförfattaren är tillagd och har fått ett mejl.
idea-notice-decided = Rådets beslut och skäl är sparade och förslagsställaren har fått veta.
idea-notice-test-started = Testet är startat och slutpresentationen finns i kalendern.
idea-notice-joined = Du är med i gruppen.
idea-notice-logged = Dagens logg är sparad.
idea-notice-spent = Utgiften är sparad.
idea-notice-closed = Testet är avslutat med sina lärdomar.
idea-notice-signed-up = Du är anmäld.
idea-notice-voted = Din röst är räknad.
idea-notice-campaign = Kampanjen är skapad och datumen finns i kalendern.
idea-notice-council = Personen är med i rådet.

idea-authors-you = Förslaget skrivs av:
idea-authors-count = { $count ->
    [one] Skrivet av en person.
   *[other] Skrivet av { $count } personer.
}
idea-draft-lead = Det här är ett utkast. Bara du och dina medförfattare ser det.
idea-edit-link = Ändra eller skicka utkastet
idea-path-heading = Förslagets väg
idea-path-draft = Inte skickat ännu.
idea-path-sent = Skickat till rådet { $when }.
idea-path-council-waiting = Rådet går igenom förslagen { $date }.
idea-path-reason = Rådets skäl:
idea-path-vote = Omröstningen slutar { $date }.
idea-path-test-week = Testveckan börjar { $date }.
idea-path-tested = Förslaget testas. Se nedan.
idea-test-heading = Testet
idea-test-goal = Leveransmål
idea-test-goal-hint = Vad gruppen ska ha levererat när veckan är slut.
idea-test-coach = Coach
idea-test-co-organiser = Medarrangör från förvaltningen
idea-test-co-organiser-hint = En person från förvaltningen som ordnar testet ihop med gruppen. Skriv personens namn.
idea-test-group = Gruppen
idea-test-group-empty = Ingen har anmält sig ännu.
idea-test-group-count = { $count ->
    [one] En person är med.
   *[other] { $count } personer är med.
}
idea-test-presentation = Slutpresentation
idea-test-presentation-link = Se slutpresentationen i kalendern
idea-test-join = Var med i gruppen
idea-test-budget = Budget
idea-test-spent = använt { $sum } kr
idea-test-left = kvar { $sum } kr
idea-test-log = Logg per dag
idea-test-log-empty = Inget skrivet ännu.
idea-lessons-heading = Lärdomar
idea-lessons-happened = Vad hände?
idea-lessons-surprised = Vad överraskade?
idea-lessons-next = Vad händer nu?
idea-lessons-owner = Vem ansvarar för det som händer nu?
idea-lessons-owner-hint = En namngiven person eller enhet.
idea-lessons-closed = Avslutat
idea-lessons-waiting = Testet är inte avslutat ännu.
idea-next-stop = Vi slutar
idea-next-test-again = Vi testar igen
idea-next-scale-up = Vi skalar upp
idea-next-hand-over = Vi lämnar över till en enhet
idea-log-form-heading = Skriv dagens logg
idea-log-day = Dag
idea-log-body = Vad gjorde ni?
idea-log-submit = Spara loggen
idea-spend-form-heading = Skriv in en utgift
idea-spend-what = Vad gick pengarna till?
idea-spend-amount = Belopp
idea-spend-day = Datum
idea-spend-submit = Spara utgiften
idea-close-form-heading = Avsluta testet
idea-close-lead = Ett test avslutas med sina lärdomar och en namngiven ansvarig för det som händer sedan.
idea-close-submit = Avsluta testet
idea-start-test-heading = Starta ett test
idea-start-test-submit = Starta testet
idea-comments-heading = Frågor och kommentarer
idea-comments-none = Inga frågor eller kommentarer ännu.
idea-comment-kind = Vad vill du skriva?
idea-comment-question = Fråga
idea-comment-comment = Kommentar
idea-comment-label = Din text
idea-comment-hint = Ditt namn visas tillsammans med texten. Skriv inga personuppgifter om andra.
idea-comment-submit = Skicka
idea-follow = Följ förslaget via mejl
idea-following = Du följer förslaget.
idea-log-in-to-comment = Logga in för att ställa en fråga eller följa förslaget
idea-coauthor-heading = Bjud in en medförfattare
idea-coauthor-label = Medförfattarens e-postadress
idea-coauthor-hint = Personen behöver ett konto i Nära.
idea-coauthor-submit = Bjud in

idea-council-title = Rådet
idea-council-lead = Rådet väljer vilka förslag som är med i omröstningen. Skriv ett skäl för varje beslut: förslagsställaren får läsa det.
idea-council-members = Rådets medlemmar:
idea-council-decision = Beslut
idea-council-in = Med i omröstningen
idea-council-out = Inte med
idea-council-reason = Skäl
idea-council-reason-hint = Minst 20 tecken. Skälet visas på förslagets sida.
idea-council-submit = Spara beslutet
idea-council-empty = Ingen är med i rådet ännu.
idea-council-add-label = Lägg till i rådet (e-postadress)
idea-council-add-hint = Brukarutvecklare och medarbetare med ett konto i Nära.
idea-council-add-submit = Lägg till

idea-vote-title = Rösta
idea-vote-secret = Omröstningen är hemlig: vi sparar att du har röstat, men inte vad du röstade på.
idea-vote-legend = Vilka förslag ska testas?
idea-vote-hint = { $count ->
    [one] Välj ett förslag.
   *[other] Välj upp till { $count } förslag.
}
idea-vote-submit = Lägg min röst
idea-vote-read = Läs förslaget: { $title }
idea-vote-error-empty = Välj ett förslag
idea-vote-error-too-many = Du har valt fler förslag än du har röster
idea-vote-error-unknown = Välj bara bland förslagen i listan
idea-vote-error-voted = Du har redan röstat
idea-vote-error-closed = Omröstningen är inte öppen.

idea-manage-title = Hantera idékampanjer
idea-manage-lead = Skapa en kampanj och välj vilka som sitter i dess råd. Datumen för rådsmöte, omröstning och testvecka läggs in i kalendern.
idea-campaign-new = Ny kampanj
idea-campaign-title = Kampanjens namn
idea-campaign-summary = Kort beskrivning
idea-campaign-opens = Förslag tas emot från
idea-campaign-closes = Förslag tas emot till och med
idea-campaign-vote-opens = Omröstningen öppnar
idea-campaign-vote-closes = Omröstningen stänger (sista dagen)
idea-campaign-votes = Röster per person
idea-campaign-submit = Skapa kampanjen

idea-calendar-audience = Alla som vill
idea-calendar-council = Idéslussen: rådsmöte – { $title }
idea-calendar-council-summary = Rådet väljer vilka förslag som går vidare till omröstningen i { $title }. I rådet finns brukarutvecklare och medarbetare.
idea-calendar-vote = Idéslussen: omröstningen öppnar – { $title }
idea-calendar-vote-summary = Nu kan du rösta på förslagen i { $title }.
idea-calendar-test-week = Idéslussen: testveckan börjar – { $title }
idea-calendar-test-week-summary = De valda förslagen i { $title } testas under en vecka.
idea-calendar-presentation = Slutpresentation: { $title }
idea-calendar-presentation-summary = Gruppen som testade { $title } berättar vad de gjorde och lärde sig. Alla är välkomna.

mail-idea-saved-subject = Ditt utkast är sparat: { $title }
mail-idea-saved-body =
    Hej!

    Ditt utkast "{ $title }" är sparat. Bara du och dina medförfattare ser det. Skicka det till rådet när du är klar:
    { $link }
mail-idea-sent-subject = Ditt förslag är skickat: { $title }
mail-idea-sent-body =
    Hej!

    Ditt förslag "{ $title }" är skickat till rådet. Du får ett mejl när rådet har bestämt sig, och vid varje steg efter det.
    { $link }
mail-idea-coauthor-subject = Du är medförfattare: { $title }
mail-idea-coauthor-body =
    Hej!

    Du har bjudits in som medförfattare till förslaget "{ $title }". Du kan läsa och ändra det här:
    { $link }
mail-idea-comment-subject = Ny fråga eller kommentar: { $title }
mail-idea-comment-body =
    Hej!

    Någon har skrivit till ditt förslag "{ $title }":

    { $reason }

    Svara på förslagets sida:
    { $link }
mail-idea-shortlisted-subject = Ditt förslag är med i omröstningen: { $title }
mail-idea-shortlisted-body =
    Hej!

    Rådet har valt att ta med "{ $title }" i omröstningen. Rådets skäl:

    { $reason }

    { $link }
mail-idea-declined-subject = Rådets beslut om ditt förslag: { $title }
mail-idea-declined-body =
    Hej!

    Rådet har valt att inte ta med "{ $title }" i omröstningen. Rådets skäl:

    { $reason }

    Tack för ditt förslag. Det finns kvar på sin sida:
    { $link }
mail-idea-test-started-subject = Förslaget testas: { $title }
mail-idea-test-started-body =
    Hej!

    "{ $title }" ska testas. Coach, mål, budget och slutpresentation finns här:
    { $link }
mail-idea-test-closed-subject = Testet är avslutat: { $title }
mail-idea-test-closed-body =
    Hej!

    Testet av "{ $title }" är avslutat. Lärdomarna och vad som händer nu finns här:
    { $link }

audit-action-idea-campaign-created = Skapade en idékampanj
audit-action-idea-signed-up = Anmälde sig till idéarbete
audit-action-idea-council-member-added = Lade till dig i en idékampanjs råd
audit-action-idea-proposal-saved = Sparade ett idéförslag
audit-action-idea-proposal-sent = Skickade ett idéförslag
audit-action-idea-coauthor-added = Lade till dig som medförfattare till ett idéförslag
audit-action-idea-commented = Skrev en fråga eller kommentar till ett idéförslag
audit-action-idea-followed = Följde ett idéförslag
audit-action-idea-decided = Beslutade om ett idéförslag i rådet
audit-action-idea-voted = Röstade i en idékampanj
audit-action-idea-test-started = Startade ett test av ett idéförslag
audit-action-idea-test-changed = Ändrade ett test av ett idéförslag
audit-action-idea-test-closed = Avslutade ett test av ett idéförslag
