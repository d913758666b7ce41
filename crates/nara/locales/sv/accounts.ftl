# Konton, inloggning, Mina sidor, loggen, administration och logguppföljning.
# Klarspråk: korta meningar, "du", säg "staden". Felmeddelanden säger vad man ska göra.
# Avslöja aldrig om en e-postadress har ett konto, utom i mail-already-registered-*
# (det går bara till den som äger e-postlådan).

## Navigering och inloggad tid

account-nav-label = Ditt konto
nav-log-in = Logga in
nav-log-out = Logga ut
nav-my-pages = Mina sidor
nav-admin = Administration
nav-log-review = Logguppföljning
breadcrumbs-label = Du är här
session-ends = Du loggas ut automatiskt kl. { $time } om du inte gör något.
session-extend = Fortsätt vara inloggad

## Formulär

form-error-summary = Det finns ett problem
form-error-prefix = Fel:
form-error-title-prefix = Fel:
field-name = Namn
field-email = E-postadress
field-password = Lösenord
field-new-password = Välj ett lösenord
password-hint = Minst 10 tecken. Tips: skriv några ord i rad som är lätta för dig att komma ihåg men svåra för andra att gissa.
password-error-short = Välj ett lösenord med minst 10 tecken
password-error-long = Välj ett lösenord med högst 256 tecken
choose-password-submit = Spara lösenordet
back-to-login = Tillbaka till sidan för att logga in

## Logga in

login-title = Logga in
login-eid-heading = Logga in med e-legitimation
login-eid-body = För dig som är invånare. Du loggar in med BankID eller Freja eID.
login-password-heading = Logga in med e-post och lösenord
login-password-body = För dig som företräder en förening eller arbetar i staden, och för dig som har skapat ett konto med din e-postadress.
login-submit = Logga in
login-forgot = Har du glömt ditt lösenord?
login-register = Skapa ett konto
login-error-email = Skriv din e-postadress, till exempel namn@exempel.se
login-error-password = Skriv ditt lösenord
login-error-wrong = E-postadressen eller lösenordet stämmer inte. Försök igen eller välj ett nytt lösenord. Har du nyss skapat ett konto? Bekräfta först din e-postadress med länken i mejlet vi skickade.
login-error-unverified = Du behöver bekräfta din e-postadress innan du kan logga in. Vi har skickat ett nytt e-postmeddelande till dig. Öppna länken i det och logga sedan in.
login-error-too-many = Du har försökt logga in för många gånger. Vänta 15 minuter och försök sedan igen.

notice-logged-out = Du är utloggad. Om du har använt en dator som andra också använder kan du stänga webbläsaren nu.
notice-email-verified = Tack! Din e-postadress är bekräftad. Nu kan du logga in.
notice-password-changed = Ditt lösenord är sparat. Nu kan du logga in med det.

## Skapa konto

register-title = Skapa ett konto
register-lead = Här skapar du ett konto med din e-postadress och ett lösenord. Kontot är till exempel för dig som företräder en förening. Du behöver kunna läsa din e-post för att bekräfta adressen.
register-email-hint = Vi skickar en länk till adressen. Med den bekräftar du att adressen är din.
register-error-name = Skriv ett namn. Det får vara högst 200 tecken.
register-error-email = Skriv en e-postadress i rätt format, till exempel namn@exempel.se
register-submit = Skapa kontot
register-sent-heading = Titta i din e-post
register-sent-body = Vi har skickat ett e-postmeddelande till adressen du angav. Öppna länken i det för att bekräfta din e-postadress. Hittar du inte meddelandet? Titta i mappen för skräppost.

## Bekräfta e-postadress

verify-title = Bekräfta din e-postadress
verify-body = Tryck på knappen för att bekräfta att e-postadressen är din. Sedan kan du logga in.
verify-submit = Bekräfta e-postadressen

## Nytt lösenord och inbjudan

forgot-title = Har du glömt ditt lösenord?
forgot-lead = Skriv e-postadressen som du loggar in med. Vi skickar en länk där du kan välja ett nytt lösenord.
forgot-submit = Skicka länken
reset-sent-heading = Titta i din e-post
reset-sent-body = Om adressen har ett konto hos oss har vi skickat en länk dit. Med länken kan du välja ett nytt lösenord. Länken fungerar i 1 timme. Hittar du inte meddelandet? Titta i mappen för skräppost.
reset-choose-heading = Välj ett nytt lösenord
invitation-heading = Välkommen till Nära! Välj ett lösenord
link-expired-heading = Länken fungerar inte längre
link-expired-body = Länken är för gammal eller har redan använts. Har du redan valt ett lösenord eller bekräftat din e-postadress? Då kan du logga in. Vill du välja ett nytt lösenord? Be om en ny länk under ”Har du glömt ditt lösenord?” när du loggar in. Har du fått en inbjudan? Be den som bjöd in dig att skicka en ny.

error-429-heading = Du har försökt för många gånger
error-429-body = Vi har fått många förfrågningar på kort tid. Vänta en timme och försök sedan igen.

## E-post (vanlig text, ingen HTML)

mail-verify-subject = Bekräfta din e-postadress för Nära
mail-verify-body =
    Hej!

    Någon har skapat ett konto på Nära med din e-postadress. Var det du? Öppna då länken och tryck på knappen för att bekräfta adressen:

    { $link }

    Länken fungerar i 48 timmar.

    Var det inte du? Då behöver du inte göra något. Ingen kan logga in på kontot förrän adressen är bekräftad.

    Har du frågor? Ring kontaktcenter på { -contact-phone }.

    Vänliga hälsningar
    Nära, { -city }

mail-already-registered-subject = Du har redan ett konto på Nära
mail-already-registered-body =
    Hej!

    Någon försökte nyss skapa ett konto på Nära med din e-postadress. Men du har redan ett konto med den här adressen.

    Var det du? Då kan du logga in med länken här nedanför. Har du glömt ditt lösenord? Välj ”Har du glömt ditt lösenord?” på samma sida, så får du välja ett nytt.

    { $link }

    Var det inte du? Då behöver du inte göra något. Ingenting har ändrats i ditt konto.

    Har du frågor? Ring kontaktcenter på { -contact-phone }.

    Vänliga hälsningar
    Nära, { -city }

mail-reset-subject = Välj ett nytt lösenord för Nära
mail-reset-body =
    Hej!

    Någon har bett om att få välja ett nytt lösenord till ditt konto på Nära. Var det du? Öppna då länken och välj ett nytt lösenord:

    { $link }

    Länken fungerar i 1 timme och bara en gång. När du har valt ett nytt lösenord blir du utloggad överallt där du var inloggad.

    Var det inte du? Då behöver du inte göra något. Ditt lösenord ändras inte om ingen använder länken.

    Har du frågor? Ring kontaktcenter på { -contact-phone }.

    Vänliga hälsningar
    Nära, { -city }

mail-invitation-subject = Du är inbjuden till Nära
mail-invitation-body =
    Hej!

    Du har blivit inbjuden till Nära. Nära är webbplatsen för stöd och hjälp från { -city }. Öppna länken och välj ett lösenord för att börja använda ditt konto:

    { $link }

    Länken fungerar i 7 dagar. Hinner den sluta fungera kan du be den som bjöd in dig att skicka en ny.

    Väntade du dig inte den här inbjudan? Då behöver du inte göra något.

    Har du frågor? Ring kontaktcenter på { -contact-phone }.

    Vänliga hälsningar
    Nära, { -city }

## Mina sidor

my-pages-title = Mina sidor
my-pages-greeting = Hej { $name }! Här ser du dina uppgifter och vem som har läst eller ändrat dem.
my-pages-details-heading = Dina uppgifter
my-pages-log-heading = Vem har läst dina uppgifter?
my-pages-log-body = Du har rätt att veta vem som har läst eller ändrat uppgifter om dig. Varje gång det händer skriver vi upp det.
my-pages-log-link = Se vem som har läst eller ändrat dina uppgifter
my-pages-sessions-heading = Är du inloggad på en annan dator eller mobil?
my-pages-sessions-body = Har du glömt att logga ut någon annanstans? Eller tror du att någon annan kan komma åt ditt konto? Då kan du logga ut överallt på en gång, även här.
my-pages-log-out-everywhere = Logga ut överallt

## Vem har läst eller ändrat mina uppgifter

access-log-title = Vem har läst eller ändrat mina uppgifter
access-log-lead = Varje gång någon läser eller ändrar uppgifter om dig skriver vi upp det här. Du ser vem det var, när det hände och varför. Här ser du också när du själv har loggat in.
access-log-empty = Det finns inget här ännu.
access-log-when = När
access-log-who = Vem
access-log-what = Vad
access-log-why = Varför

log-who-you = Du
log-who-anonymous = Någon som inte var inloggad
log-who-system = Systemet

role-resident = invånare
role-association = föreningsrepresentant
role-organiser = arrangör
role-staff = handläggare
role-log-reviewer = logguppföljning
role-admin = administratör
role-anonymous = inte inloggad
role-system = systemet

audit-action-log-in = Loggade in
audit-action-log-in-failed = Misslyckat inloggningsförsök
audit-action-log-out = Loggade ut
audit-action-log-out-everywhere = Loggade ut överallt
audit-action-account-created = Skapade ditt konto
audit-action-email-verified = Bekräftade e-postadressen
audit-action-password-reset-requested = Bad om en länk för nytt lösenord
audit-action-password-changed = Bytte lösenord
audit-action-invitation-sent = Skickade en inbjudan
audit-action-role-granted = Gav en behörighet
audit-action-role-revoked = Tog bort en behörighet
audit-action-account-deactivated = Stängde av ditt konto
audit-action-person-viewed = Öppnade ditt konto
audit-action-access-denied = Nekades åtkomst
audit-action-audit-log-searched = Sökte i loggen
audit-action-audit-log-exported = Laddade ner loggen
audit-action-people-listed = Visade listan över konton
audit-action-identity-linked = Kopplade din e-legitimation till ditt konto

## Logguppföljning

review-title = Logguppföljning
review-lead = Sök i loggen över vem som har läst eller ändrat uppgifter. Dina sökningar skrivs också upp i loggen.
review-actor = Vem gjorde det?
review-subject = Vems uppgifter gäller det?
review-person-hint = E-postadress eller personnummer
review-action = Händelse
review-any-action = Alla händelser
review-from = Från och med datum
review-until = Till och med datum
review-submit = Sök
review-results = Resultat
review-export = Ladda ner som CSV (öppnas i Excel)
review-empty = Inga händelser passar din sökning. Ändra sökningen och försök igen.
review-no-person = Ingen person passar det du skrev. Kontrollera e-postadressen eller personnumret och försök igen.
review-subject-column = Vems uppgifter

## Administration

admin-title = Administration
admin-people-heading = Personer med konto
admin-roles = Roller
admin-status = Status
admin-active = Aktiv
admin-inactive = Avstängd
admin-invite-heading = Bjud in en medarbetare
admin-invite-body = Personen får ett e-postmeddelande med en länk. Där väljer personen ett lösenord. Länken fungerar i 7 dagar.
admin-invite-submit = Skicka inbjudan
admin-role = Roll
admin-unit = Enhet
admin-unit-hint = Arrangörer, handläggare och de som granskar loggen ska ha en enhet. Andra roller kan vara utan.
admin-no-unit = Ingen enhet
admin-error-role = Välj en roll
admin-error-unit = Välj en enhet. Arrangörer, handläggare och logguppföljning behöver en enhet.
admin-no-roles = Personen har inga andra roller än invånare.
admin-grant-heading = Lägg till en roll
admin-grant-submit = Lägg till rollen
admin-revoke = Ta bort
admin-deactivate-heading = Stäng av kontot
admin-deactivate-body = När du stänger av kontot kan personen inte längre logga in. Allt som personen har gjort finns kvar i loggen.
admin-deactivate-submit = Stäng av kontot
admin-notice-invited = Inbjudan är skickad. Länken i e-postmeddelandet fungerar i 7 dagar.
admin-notice-role = Rollerna är uppdaterade.
admin-notice-deactivated = Kontot är avstängt. Personen kan inte längre logga in.

oidc-error-heading = Inloggningen gick inte att slutföra
oidc-error-mismatch = Inloggningen kunde inte kopplas till den här webbläsaren, eller så har länken redan använts. Börja om från sidan Logga in.
oidc-error-cancelled = Inloggningen avbröts. Du kan försöka igen när du vill, från sidan Logga in.
oidc-error-rejected = Vi kunde inte bekräfta inloggningen med e-legitimationen. Försök igen från sidan Logga in. Om det inte fungerar kan du ringa kontaktcenter på { -contact-phone }.
session-warning = Du loggas snart ut eftersom du inte har gjort något på en stund. Vill du fortsätta vara inloggad?
session-region-label = Din inloggning

## Everything about me, to read, print or download
export-title = Allt om dig
export-lead = Här är allt Nära har sparat om dig som du har rätt att se, samlat på ett ställe. Du kan skriva ut sidan eller ladda ner uppgifterna som en fil.
export-generated = Sammanställt { $when }.
export-json = Ladda ner som fil (JSON)
export-link = Se allt om dig, skriv ut eller ladda ner
export-cases = Dina ärenden
export-none = Inget.
export-opened = Öppnat
export-timeline = Så har ärendet gått
export-version = version
export-additions = Det du har lagt till
export-disputes = du har sagt att det inte stämmer
export-events = Träffar du är anmäld till
export-log = Vem som har läst eller ändrat dina uppgifter
export-log-count = { $count ->
    [one] Loggen har en rad, och den finns med i filen.
   *[other] Loggen har { $count } rader, och de finns med i filen.
}
audit-action-own-data-downloaded = Hämtade alla sina uppgifter

## The audit log's checkpoint, e-mailed to the log reviewer.
mail-audit-checkpoint-subject = Kontrollpunkt för granskningsloggen: post { $seq }
mail-audit-checkpoint-body =
    Den { $when } var post { $seq } den senaste i granskningsloggen i Nära. Raden nedan är signerad med loggens nyckel och visar vilken posten var.

    Spara det här mejlet. Samla raderna i en fil och kör `nara audit verify --checkpoints FILEN`: då märks det om poster som fanns här har tagits bort eller ändrats, även om någon har ändrat i databasen och i serverns egen fil med kontrollpunkter.

    { $line }
access-log-refused = { $count ->
    [one] Någon försökte öppna ditt ärende och nekades.
   *[other] Någon försökte öppna ditt ärende och nekades, { $count } gånger.
}
export-log-refused = { $count ->
    [one] Någon försökte en gång öppna ditt ärende och nekades. Det finns med i filen, utan namn.
   *[other] Någon försökte { $count } gånger öppna ditt ärende och nekades. Det finns med i filen, en rad per dag, utan namn.
}
mail-refusals-subject = Upprepade nekade försök i Nära
mail-refusals-body =
    Hej!

    En person har nekats åtkomst fler än { $count } gånger under de senaste { $minutes } minuterna. Vi skriver inte i e-posten vem det är eller vems uppgifter det gäller. Logga in på Nära och se de nekade försöken i loggen:

    { $link }

    Du får det här för att du följer upp loggen. Vi skickar högst ett meddelande i timmen om samma person.

## Purposes recorded in the log, as the reader sees them
audit-purpose-case-work = Handläggning av ärendet
audit-purpose-work-list = Arbetslista för handläggning
audit-purpose-own-case-addition = Eget tillägg i ärendet
audit-purpose-booking = Bokning av möte i ärendet
audit-purpose-officer-meetings = Handläggarens egna möten
audit-purpose-own-application = Egen ansökan
audit-purpose-organiser = Arrangör av träffen
audit-purpose-account-admin = Administration av konto
audit-purpose-log-review = Logguppföljning
audit-purpose-log-review-no-match = Logguppföljning (ingen träff)
audit-purpose-own-data-request = Din egen begäran om dina uppgifter
my-pages-language-heading = Språk
my-pages-language-legend = Vilket språk vill du läsa Nära på?
my-pages-language-hint = Vi skickar e-post till dig på det språket. Du kan också byta språk längst upp på sidan.
my-pages-language-submit = Spara språket
my-pages-language-saved = Språket är sparat.
my-pages-language-missing = Välj ett språk
access-log-times = { $count ->
    [one] en gång den dagen
   *[other] { $count } gånger den dagen (senast vid tiden här)
}
