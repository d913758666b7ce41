# Klarspråk: gruppen granskar personalens texter

nav-plain-review = Granska texter
plain-review-title = Granskning av texter
plain-review-lead = Skicka en text till klarspråksgruppen innan den går ut. Gruppen läser den och ger förslag. Du svarar och gör en ny version. Här ser du hur texten blir lättare att läsa.
plain-review-new-title = Skicka en text
plain-review-new-lead = Klistra in texten eller välj en fil. Texten får inte ha personnummer, telefonnummer eller e-postadresser.
plain-review-mine-heading = Dina texter
plain-review-mine-none = Du har inte skickat någon text än.
plain-review-to-review-heading = Texter att granska
plain-review-to-review-none = Det finns ingen text att granska just nu.
plain-review-unfinished-heading = Alla texter som inte är klara
plain-review-unfinished-none = Alla texter är klara.

plain-review-field-title = Rubrik
plain-review-field-audience = Vem texten är till
plain-review-field-audience-hint = Till exempel: föräldrar som söker förskola, eller alla som bor i staden.
plain-review-field-channel = Var texten ska finnas
plain-review-field-deadline = Klar senast
plain-review-field-deadline-hint = Skriv datumet så här: 2027-01-31.
plain-review-field-text = Texten
plain-review-field-text-hint = Klistra in texten här. Om du väljer en fil används filen.
plain-review-field-file = Eller välj en fil
plain-review-field-file-hint = En .docx, .odt eller .txt på högst 5 MB. Filer med makron eller lösenord går inte.
plain-review-submit = Skicka till gruppen

plain-review-channel-web = Webben
plain-review-channel-brochure = Broschyr
plain-review-channel-letter-template = Brevmall
plain-review-channel-form = Blankett

plain-review-state = Läge
plain-review-state-submitted = Väntar på granskare
plain-review-state-in-review = Granskas
plain-review-state-returned = Tillbaka hos dig
plain-review-state-approved = Godkänd
plain-review-author = Skriven av
plain-review-reviewer = Granskare
plain-review-reviewer-none = Ingen än
plain-review-versions = Versioner

plain-review-take = Ta den här texten
plain-review-figures-heading = Siffror för varje version
plain-review-figures-lead = Siffrorna kommer från kontrollen av klarspråk. Lägre LIX betyder att texten är lättare att läsa.
plain-review-figure = Mått
plain-review-figure-lix = LIX
plain-review-figure-lix-band = Hur svår texten är
plain-review-figure-ovix = OVIX, hur många olika ord
plain-review-figure-nominal = Nominalkvot
plain-review-figure-sentence-words = Ord per mening
plain-review-figure-long-words = Långa ord
plain-review-figure-bureaucratic = Krångliga ord
plain-review-figure-passives = Passiv form
plain-review-version-name = Version { $number }
plain-review-version-latest = den senaste
plain-review-versions-heading = Versioner

plain-review-comments-heading = Kommentarer
plain-review-comments-none = Inga kommentarer än.
plain-review-rewrite-label = Förslag
plain-review-answer-by = Svar från { $name }
plain-review-answer-label = Ditt svar
plain-review-answer-send = Svara

plain-review-comment-heading = Kommentera
plain-review-passage-label = Stycket du menar
plain-review-passage-hint = Kopiera orden från den senaste versionen.
plain-review-comment-label = Din kommentar
plain-review-rewrite-hint = Skriv hur det kan stå i stället. Du kan lämna rutan tom.
plain-review-comment-send = Spara kommentaren
plain-review-decision-heading = Är texten klar?
plain-review-approve = Godkänn texten
plain-review-return = Skicka tillbaka till den som skrev

plain-review-new-version-heading = Gör en ny version
plain-review-new-version-label = Ny version av texten
plain-review-new-version-hint = Ändra texten efter kommentarerna. Den gamla versionen finns kvar.
plain-review-new-version-send = Spara den nya versionen

plain-review-assign-heading = Ge texten till en granskare
plain-review-assign-label = Granskare
plain-review-assign-send = Ge texten till granskaren

plain-review-notice-submitted = Texten är skickad till gruppen.
plain-review-notice-version = Den nya versionen är sparad.
plain-review-notice-answered = Ditt svar är sparat.
plain-review-notice-taken = Du har tagit texten.
plain-review-notice-assigned = Texten har fått en granskare.
plain-review-notice-commented = Kommentaren är sparad.
plain-review-notice-approved = Texten är godkänd.
plain-review-notice-returned = Texten är tillbaka hos den som skrev den.

plain-review-error-title = Skriv en rubrik
plain-review-error-title-long = Skriv en kortare rubrik (högst 150 tecken)
plain-review-error-audience = Skriv vem texten är till
plain-review-error-audience-long = Skriv kortare (högst 200 tecken)
plain-review-error-channel = Välj var texten ska finnas
plain-review-error-deadline = Skriv ett datum som inte har varit, som 2027-01-31
plain-review-error-text = Klistra in texten eller välj en fil
plain-review-error-text-long = Texten är för lång. Dela upp den i flera delar.
plain-review-error-personal-pnr = Texten har ett personnummer. Ta bort det och skicka igen.
plain-review-error-personal-phone = Texten har ett telefonnummer. Ta bort det och skicka igen.
plain-review-error-personal-email = Texten har en e-postadress. Ta bort den och skicka igen.
plain-review-error-personal-field = Fältet har ett personnummer, ett telefonnummer eller en e-postadress. Ta bort det och skicka igen.
plain-review-error-approved = Texten är redan godkänd. Den går inte att ändra.
plain-review-error-answer = Skriv ett svar
plain-review-error-answer-long = Skriv ett kortare svar (högst 4000 tecken)
plain-review-error-passage = Skriv vilket stycke du menar
plain-review-error-passage-long = Välj ett kortare stycke (högst 1000 tecken)
plain-review-error-passage-not-found = Stycket finns inte i den senaste versionen. Kopiera orden från texten.
plain-review-error-comment = Skriv en kommentar
plain-review-error-comment-long = Skriv en kortare kommentar (högst 4000 tecken)
plain-review-error-rewrite-long = Skriv ett kortare förslag (högst 4000 tecken)
plain-review-error-not-in-review = Texten granskas inte just nu.
plain-review-error-reviewer = Välj en granskare
plain-review-error-changed-meanwhile = Någon annan ändrade texten nyss. Se hur det ser ut nu.

audit-action-text-submitted = Skickade en text till klarspråksgruppen
audit-action-text-version-added = Gjorde en ny version av en text
audit-action-text-answered = Svarade på en kommentar om en text
audit-action-text-taken = Tog en text att granska
audit-action-text-assigned = Gav en text till en granskare
audit-action-text-commented = Kommenterade en text
audit-action-text-approved = Godkände en text
audit-action-text-returned = Skickade tillbaka en text
