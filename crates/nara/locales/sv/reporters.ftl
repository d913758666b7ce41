# Invånarreportrar: artiklar, redaktörens granskning, samtycke.

role-coordinator = samordnare
role-reporter = invånarreporter
nav-coordination = Samordnare
nav-reporting = Mina artiklar
nav-articles = Artiklar

audit-action-reporter-byline-chosen = Valde namnet som artiklarna skrivs under
audit-action-article-saved = Sparade en artikel
audit-action-article-sent = Skickade en artikel till redaktören
audit-action-article-interviewee-recorded = Skrev in en intervjuad person och hens samtycke
audit-action-article-commented = Kommenterade en artikel
audit-action-article-returned = Skickade tillbaka en artikel till reportern
audit-action-article-published = Publicerade en artikel

article-status = Läge
article-status-draft = Utkast
article-status-in-review = Hos redaktören
article-status-returned = Tillbaka hos dig
article-status-published = Publicerad
article-updated = Ändrad
article-lang-sv = På svenska
article-lang-en = På engelska

# Den publika sidan
articles-title = Artiklar
articles-lead = Våra invånarreportrar har själva erfarenhet av socialtjänsten. De skriver om stöd, om människor och om hur det är att söka hjälp.
articles-feed-name = Nära – artiklar
articles-feed-link = Följ artiklarna i din flödesläsare (Atom)
articles-none = Det finns inga artiklar än.
article-byline = Av { $name }
article-mentions-heading = Läs mer
article-public-link = Se artikeln som alla ser den

# Reporterns sidor
reporter-title = Mina artiklar
reporter-lead = Skriv ett utkast, spara så ofta du vill och skicka det till redaktören när du är klar.
reporter-new-article = Skriv en ny artikel
reporter-articles-heading = Dina artiklar
reporter-no-articles = Du har inte skrivit någon artikel än.
reporter-byline-heading = Namnet du skriver under
reporter-byline-label = Namn i artiklarna
reporter-byline-hint = Det här namnet står under dina artiklar. Du väljer själv. Det behöver inte vara ditt riktiga namn.
reporter-byline-save = Spara namnet
reporter-byline-saved = Namnet är sparat.
reporter-error-byline = Skriv namnet som ska stå under dina artiklar
reporter-error-byline-long = Namnet får vara högst 80 tecken

article-new-title = Ny artikel
article-form-lead = Skriv på svenska eller engelska. Texten syns inte för någon annan förrän du skickar den till redaktören.
article-lang-legend = Vilket språk skriver du på?
article-title-label = Rubrik
article-lead-label = Ingress
article-lead-hint = Två eller tre meningar som säger vad artikeln handlar om.
article-body-label = Text
article-body-hint = Skriv ## före en mellanrubrik. Gör en lista med - först på raden. Skriv en länk så här: [text](https://exempel.se).
article-entries-legend = Stöd som artikeln nämner
article-mentions-hint = Kryssa i det som artikeln handlar om. Då får läsaren en länk dit.
article-series-legend = Träffar och evenemang som artikeln nämner
article-send = Skicka till redaktören
article-save = Spara utkast
article-saved = Artikeln är sparad.
article-sent = Artikeln är skickad till redaktören.

article-error-lang = Välj språket du skriver på
article-error-title = Skriv en rubrik
article-error-title-long = Rubriken får vara högst 150 tecken
article-error-lead = Skriv en ingress
article-error-lead-long = Ingressen får vara högst 600 tecken
article-error-body = Skriv artikelns text
article-error-body-long = Texten får vara högst 40 000 tecken
article-error-mention = Välj bara bland det som finns i listan
article-error-send-without-byline = Välj först namnet du skriver under, på sidan Mina artiklar

# Intervjuade och samtycke
article-interviewees-heading = Personer du har intervjuat
article-interviewees-none = Ingen är inskriven.
article-interviewee-name = Namn
article-interviewee-consent = Samtycke
article-interviewee-how = Hur personen gav samtycke
article-interviewee-how-hint = Till exempel: muntligt i telefon, i ett mejl, på papper.
article-interviewee-on = Datum
article-anonymous = Anonym
article-consent-yes = Ja, personen har sagt ja
article-consent-no = Nej, inte än
article-consent-not-yet = Nej, inte än
article-interviewee-add = Skriv in en person du har intervjuat
article-interviewee-add-hint = Artikeln kan inte publiceras förrän alla som står här har sagt ja.
article-interviewee-anonymous = Personen vill vara anonym
article-interviewee-consent-legend = Har personen sagt ja till att vara med?
article-interviewee-save = Spara personen
article-interviewee-added = Personen är inskriven.
article-error-name = Skriv personens namn, eller kryssa i att personen vill vara anonym
article-error-name-long = Namnet får vara högst 120 tecken
article-error-consent = Svara om personen har sagt ja
article-error-consent-how = Skriv hur personen sa ja eller nej
article-error-consent-how-long = Texten får vara högst 300 tecken
article-error-consent-on = Skriv dagen personen svarade, till exempel 2026-11-30. Det kan inte vara en dag som inte har varit än

# Redaktören
editor-title = Artiklar att granska
editor-lead = Läs artikeln som den kommer att se ut. Skriv en kommentar, skicka tillbaka den eller publicera den.
editor-waiting-heading = Väntar på dig
editor-none-waiting = Ingen artikel väntar.
editor-others-heading = Tillbaka hos reportern och publicerade
editor-none-others = Inga andra artiklar.
article-comments-heading = Kommentarer
article-comments-none = Inga kommentarer än.
editor-decide-heading = Vad vill du göra?
editor-comment-label = Kommentar till reportern
editor-comment-hint = Behövs när du skickar tillbaka artikeln.
editor-publish = Publicera
editor-return = Skicka tillbaka
editor-comment = Skicka bara kommentaren
article-commented = Kommentaren är skickad.
article-returned = Artikeln är tillbaka hos reportern.
article-published = Artikeln är publicerad.
article-error-comment = Skriv en kommentar till reportern
article-error-comment-long = Kommentaren får vara högst 4 000 tecken
article-error-not-in-review = Artikeln är inte hos redaktören just nu
article-error-no-byline = Reportern har inte valt något namn att skriva under
article-error-no-consent = Alla intervjuade har inte sagt ja. Artikeln kan inte publiceras än.
article-error-changed-meanwhile = Artikeln ändrades medan du läste. Se hur den ser ut nu.

# Bild
audit-action-article-image-chosen = Valde en bild till en artikel
article-image-heading = Bild
article-image-none = Artikeln har ingen bild.
article-image-label = Välj en bild
article-image-hint = JPEG, PNG eller WebP, högst 10 MB. Vi tar bort uppgifter om var och när bilden togs.
article-alt-label = Beskriv bilden
article-alt-hint = Skriv vad bilden visar, för den som inte ser den. Till exempel: Tre personer lagar mat i ett stort kök.
article-image-save = Spara bilden
article-image-saved = Bilden är sparad.
article-error-alt = Beskriv vad bilden visar
article-error-alt-long = Beskrivningen får vara högst 300 tecken
