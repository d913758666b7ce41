## The municipality's set-up: units, areas of help, target groups, the search page's contact

setup-kind-units = Enheter
setup-kind-areas = Områden
setup-kind-target-groups = Målgrupper
setup-one-units = Enheten
setup-one-areas = Området
setup-one-target-groups = Målgruppen

setup-admin-heading = Stadens uppgifter
setup-admin-body = Här ändrar du de enheter, områden och målgrupper som resten av Nära använder. Vi sparar vem som ändrade vad och när.
setup-no-units = Det finns inga enheter än. Handläggare och logguppföljare behöver en enhet, så lägg till en enhet innan du bjuder in dem.
setup-no-units-link = Lägg till en enhet

setup-lead-enheter = Enheterna i socialtjänsten. Handläggare och logguppföljare har sin roll inom en enhet.
setup-lead-omraden = Områdena är vanliga ord som invånare letar efter stöd med. Varje post i katalogen hör till ett eller flera områden.
setup-lead-malgrupper = Målgrupperna säger vem en post i katalogen är till för.
setup-add-enheter = Lägg till en enhet
setup-add-omraden = Lägg till ett område
setup-add-malgrupper = Lägg till en målgrupp
setup-list-heading = Alla
setup-list-empty = Här finns inget än.
setup-add-submit = Lägg till
setup-save-submit = Spara ändringarna
setup-slug-fixed = (kan inte ändras)

setup-field-slug = Adress
setup-field-name-sv = Namn på svenska
setup-field-name-en = Namn på engelska
setup-field-kind = Typ av enhet
setup-field-phone = Telefon
setup-field-email = E-post
setup-field-summary-sv = Kort beskrivning på svenska
setup-field-summary-en = Kort beskrivning på engelska
setup-field-position = Plats i listan
setup-field-home-page = Visa på startsidan

setup-hint-slug = Används i webbadresser och i filen du läser in. Använd bara a–z, 0–9 och bindestreck, till exempel barn-och-familj. Det går inte att ändra senare.
setup-hint-position = En siffra. Lägre siffror visas först.
setup-hint-home-page = Området visas som en väg in på startsidan. Alla områden går ändå att hitta när man söker.
setup-hint-unit-kind = Myndighetsutövning är utredning och beslut. Verksamhet ger stödet. Stab är till exempel kvalitet och utveckling.
setup-hint-optional = Frivilligt.

setup-unit-kind-case-handling = Myndighetsutövning
setup-unit-kind-service = Verksamhet
setup-unit-kind-development = Stab och utveckling
setup-yes = Ja
setup-no = Nej

setup-error-slug = Skriv adressen med små bokstäver a–z, siffror och bindestreck, till exempel barn-och-familj
setup-error-name-sv = Skriv namnet på svenska, högst 120 tecken
setup-error-name-en = Skriv namnet på engelska, högst 120 tecken
setup-error-name = Skriv namnet, högst 120 tecken
setup-error-summary = Skriv högst 400 tecken
setup-error-position = Skriv en siffra mellan 1 och 9999
setup-error-unit-kind = Välj typ av enhet: case_handling, service eller development
setup-error-contact-one = Ange antingen en post i katalogen (entry) eller ett namn (name), inte båda
setup-error-contact-reach = Skriv ett telefonnummer eller en e-postadress
setup-error-unknown-key = Nyckeln finns inte. Kontrollera stavningen.
setup-error-duplicate = Adressen finns redan tidigare i listan
setup-error-expect-text = Skriv texten inom citattecken
setup-error-expect-number = Skriv en siffra utan citattecken
setup-error-expect-boolean = Skriv true eller false
setup-error-taken = Adressen används redan. Välj en annan, eller ändra den som finns.
setup-error-in-use = Det här används och kan inte tas bort. Se vad som använder det nedan.

setup-use-roles = { $count ->
    [one] en roll
   *[other] { $count } roller
}
setup-use-invitations = { $count ->
    [one] en inbjudan som inte är använd
   *[other] { $count } inbjudningar som inte är använda
}
setup-use-cases = { $count ->
    [one] ett ärende
   *[other] { $count } ärenden
}
setup-use-forms = { $count ->
    [one] ett ansökningsformulär
   *[other] { $count } ansökningsformulär
}
setup-use-events = { $count ->
    [one] en träffserie
   *[other] { $count } träffserier
}
setup-use-log = { $count ->
    [one] en rad i loggen
   *[other] { $count } rader i loggen
}
setup-use-entries = { $count ->
    [one] en post i katalogen
   *[other] { $count } poster i katalogen
}
setup-refused-in-use = { $kind } ”{ $slug }” används och kan inte tas bort: { $uses }
setup-refused-taken = Adressen ”{ $slug }” används redan

setup-uses-heading = Används av
setup-uses-none = Ingenting använder det här än.
setup-remove-heading = Ta bort
setup-remove-body = Ingenting använder det här, så det går att ta bort. Ändringen sparas i historiken.
setup-remove-submit = Ta bort
setup-remove-instead = Det här används och kan därför inte tas bort. Byt namn om det behövs; det som använder det följer med.
setup-remove-instead-area = Området används och kan därför inte tas bort. Vill du inte visa det på startsidan kan du ta bort bocken för Visa på startsidan.

setup-history-heading = Ändringar
setup-history-none = Inga ändringar är sparade. Det här fanns innan historiken började.
setup-history-when = När
setup-history-who = Vem
setup-history-what = Vad
setup-history-created = Lades till
setup-history-updated = Ändrades
setup-history-removed = Togs bort
setup-history-by-system = Systemet (nara setup)

setup-notice-created = Det är tillagt.
setup-notice-saved = Ändringarna är sparade.
setup-notice-unchanged = Inget var ändrat, så inget sparades.
setup-notice-removed = Det är borttaget.

setup-contact-lead = Hör av dig hit om du inte hittar det du letar efter. Här lyssnar vi på vad du behöver och hjälper dig vidare till rätt stöd.
setup-contact-hours = Öppet
audit-action-setup-changed = Ändrade stadens uppgifter (enheter, områden, målgrupper)
