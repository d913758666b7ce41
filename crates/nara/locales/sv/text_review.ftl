# Klarspråk: gruppen granskar personalens texter

nav-plain-review = Granska texter
review-title = Granskning av texter
review-lead = Skicka en text till klarspråksgruppen innan den går ut. Gruppen läser den och ger förslag. Du svarar och gör en ny version. Här ser du hur texten blir lättare att läsa.
review-new-title = Skicka en text
review-new-lead = Klistra in texten eller välj en fil. Texten får inte ha personnummer, telefonnummer eller e-postadresser.
review-mine-heading = Dina texter
review-mine-none = Du har inte skickat någon text än.
review-to-review-heading = Texter att granska
review-to-review-none = Det finns ingen text att granska just nu.
review-unfinished-heading = Alla texter som inte är klara
review-unfinished-none = Alla texter är klara.

review-field-title = Rubrik
review-field-audience = Vem texten är till
review-field-audience-hint = Till exempel: föräldrar som söker förskola, eller alla som bor i staden.
review-field-channel = Var texten ska finnas
review-field-deadline = Klar senast
review-field-deadline-hint = Skriv datumet så här: 2027-01-31.
review-field-text = Texten
review-field-text-hint = Klistra in texten här. Om du väljer en fil används filen.
review-field-file = Eller välj en fil
review-field-file-hint = En .docx, .odt eller .txt på högst 5 MB. Filer med makron eller lösenord går inte.
review-submit = Skicka till gruppen

review-channel-web = Webben
review-channel-brochure = Broschyr
review-channel-letter-template = Brevmall
review-channel-form = Blankett

review-state = Läge
review-state-submitted = Väntar på granskare
review-state-in-review = Granskas
review-state-returned = Tillbaka hos dig
review-state-approved = Godkänd
review-author = Skriven av
review-reviewer = Granskare
review-reviewer-none = Ingen än
review-versions = Versioner

review-take = Ta den här texten
review-figures-heading = Siffror för varje version
review-figures-lead = Siffrorna kommer från kontrollen av klarspråk. Lägre LIX betyder att texten är lättare att läsa.
review-figure = Mått
review-figure-lix = LIX
review-figure-lix-band = Hur svår texten är
review-figure-ovix = OVIX, hur många olika ord
review-figure-nominal = Nominalkvot
review-figure-sentence-words = Ord per mening
review-figure-long-words = Långa ord
review-figure-bureaucratic = Krångliga ord
review-figure-passives = Passiv form
review-version-name = Version { $number }
review-version-latest = den senaste
review-versions-heading = Versioner

review-comments-heading = Kommentarer
review-comments-none = Inga kommentarer än.
review-rewrite-label = Förslag
review-answer-by = Svar från { $name }
review-answer-label = Ditt svar
review-answer-send = Svara

review-comment-heading = Kommentera
review-passage-label = Stycket du menar
review-passage-hint = Kopiera orden från den senaste versionen.
review-comment-label = Din kommentar
review-rewrite-hint = Skriv hur det kan stå i stället. Du kan lämna rutan tom.
review-comment-send = Spara kommentaren
review-decision-heading = Är texten klar?
review-approve = Godkänn texten
review-return = Skicka tillbaka till den som skrev

review-new-version-heading = Gör en ny version
review-new-version-label = Ny version av texten
review-new-version-hint = Ändra texten efter kommentarerna. Den gamla versionen finns kvar.
review-new-version-send = Spara den nya versionen

review-assign-heading = Ge texten till en granskare
review-assign-label = Granskare
review-assign-send = Ge texten till granskaren

review-notice-submitted = Texten är skickad till gruppen.
review-notice-version = Den nya versionen är sparad.
review-notice-answered = Ditt svar är sparat.
review-notice-taken = Du har tagit texten.
review-notice-assigned = Texten har fått en granskare.
review-notice-commented = Kommentaren är sparad.
review-notice-approved = Texten är godkänd.
review-notice-returned = Texten är tillbaka hos den som skrev den.

review-error-title = Skriv en rubrik
review-error-title-long = Skriv en kortare rubrik (högst 150 tecken)
review-error-audience = Skriv vem texten är till
review-error-audience-long = Skriv kortare (högst 200 tecken)
review-error-channel = Välj var texten ska finnas
review-error-deadline = Skriv ett datum som inte har varit, som 2027-01-31
review-error-text = Klistra in texten eller välj en fil
review-error-text-long = Texten är för lång. Dela upp den i flera delar.
review-error-personal-pnr = Texten har ett personnummer. Ta bort det och skicka igen.
review-error-personal-phone = Texten har ett telefonnummer. Ta bort det och skicka igen.
review-error-personal-email = Texten har en e-postadress. Ta bort den och skicka igen.
review-error-approved = Texten är redan godkänd. Den går inte att ändra.
review-error-answer = Skriv ett svar
review-error-answer-long = Skriv ett kortare svar (högst 4000 tecken)
review-error-passage = Skriv vilket stycke du menar
review-error-passage-long = Välj ett kortare stycke (högst 1000 tecken)
review-error-passage-not-found = Stycket finns inte i den senaste versionen. Kopiera orden från texten.
review-error-comment = Skriv en kommentar
review-error-comment-long = Skriv en kortare kommentar (högst 4000 tecken)
review-error-rewrite-long = Skriv ett kortare förslag (högst 4000 tecken)
review-error-not-in-review = Texten granskas inte just nu.
review-error-reviewer = Välj en granskare
review-error-changed-meanwhile = Någon annan ändrade texten nyss. Se hur det ser ut nu.

audit-action-text-submitted = Skickade en text till klarspråksgruppen
audit-action-text-version-added = Gjorde en ny version av en text
audit-action-text-answered = Svarade på en kommentar om en text
audit-action-text-taken = Tog en text att granska
audit-action-text-assigned = Gav en text till en granskare
audit-action-text-commented = Kommenterade en text
audit-action-text-approved = Godkände en text
audit-action-text-returned = Skickade tillbaka en text
