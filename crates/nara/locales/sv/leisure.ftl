## Fritidsbanken: utrustning att låna gratis, lån, utlämning, deltagarnas arbete och statistik.

role-leisure-staff = personal på fritidsbanken
role-leisure-participant = deltagare på fritidsbanken
nav-leisure = Fritidsbanken
nav-leisure-desk = Fritidsbanken
nav-leisure-work = Uppgifter på fritidsbanken

leisure-title = Fritidsbanken
leisure-lead = Låna sport- och fritidsutrustning gratis, som på ett bibliotek. Utrustningen är skänkt och tas om hand av deltagare som sorterar, tvättar och lagar den.
leisure-places-heading = Utlåningsställen
leisure-places-none = Det finns inga utlåningsställen ännu.
leisure-items-heading = Utrustning
leisure-how-it-works = Du lånar i 14 dagar och kan förlänga en gång om ingen väntar. Reserverar du hämtar du inom 3 dagar. Ta med legitimation när du hämtar. Siffrorna visar hur mycket som finns att låna just nu.
leisure-log-in-to-reserve = Logga in för att reservera
leisure-kind = Utrustning
leisure-size = Storlek
leisure-available-at = Finns nu på { $place }
leisure-reserve = Reservera
leisure-reserve-where = Var vill du hämta { $kind }?
leisure-join-waitlist = Ställ dig i kö
leisure-category = Kategori
leisure-category-ball = Bollsport
leisure-category-winter = Vintersport
leisure-category-cycling = Cykel
leisure-category-outdoor = Friluftsliv
leisure-category-water = Vatten
leisure-category-fitness = Träning
leisure-category-games = Spel och lek

leisure-step = Steg
leisure-step-donated = Skänkt
leisure-step-sorting = Sorteras
leisure-step-washing = Tvättas
leisure-step-repair = Lagas
leisure-step-available = Finns att låna
leisure-step-lent = Utlånad
leisure-step-returned = Återlämnad
leisure-step-retired = Utrangerad
leisure-condition = Skick
leisure-condition-good = Bra
leisure-condition-worn = Sliten
leisure-condition-damaged = Skadad
leisure-task-sort = Sortera
leisure-task-wash = Tvätta
leisure-task-repair = Laga
leisure-task-store = Lägga på lager
leisure-task-deliver = Leverera

leisure-my-loans-title = Mina lån på fritidsbanken
leisure-my-loans-lead = Här ser du vad du har reserverat och lånat, och när det ska hämtas eller lämnas tillbaka. Du kan lämna tillbaka på vilket utlåningsställe som helst.
leisure-my-loans-none = Du har inga lån.
leisure-loan-reserved = Reserverad
leisure-loan-lent = Utlånad
leisure-loan-returned = Återlämnad
leisure-loan-expired = Inte hämtad
leisure-pick-up-by = Hämta senast { $when }
leisure-due-on = Lämna tillbaka senast { $date }
leisure-renew = Förläng lånet av { $kind }
leisure-renew-refused = Lånet kunde inte förlängas
leisure-renew-not-lent = Bara ett lån som du har hämtat kan förlängas.
leisure-renew-once = Ett lån kan förlängas en gång.
leisure-renew-waiting = Någon annan väntar på samma sak, så lånet kan inte förlängas. Lämna tillbaka det senast på sista dagen.
leisure-waiting-heading = Köer du står i
leisure-waiting-none = Du står inte i någon kö.
leisure-waiting-place = { $place ->
    [one] du är först i kön
   *[other] plats { $place } i kön
}
leisure-notice-reserved = Du har reserverat. Hämta inom 3 dagar.
leisure-notice-waiting = Det fanns inget ledigt just nu. Du står i kö och får ett mejl när det finns något att hämta.
leisure-notice-renewed = Lånet är förlängt.

leisure-desk-title = Fritidsbanken, disken
leisure-desk-reserved = Reserverat, att lämna ut
leisure-desk-overdue = Försenade lån
leisure-desk-none = Inget just nu.
leisure-desk-steps = Utrustning per steg
leisure-place = Utlåningsställe
leisure-scan-title = Skanna eller skriv koden
leisure-scan-lead = Skanna QR-koden på etiketten med kameran, eller skriv koden som står under den.
leisure-scan-code = Kod
leisure-scan-code-hint = 24 tecken, till exempel från etiketten. Mellanslag och bindestreck gör inget.
leisure-scan-submit = Visa utrustningen
leisure-scan-camera = Skanna med kameran
leisure-error-code = Koden ska vara 24 bokstäver och siffror. Kontrollera etiketten.
leisure-code = Kod
leisure-borrower = Låntagare: { $name }
leisure-hand-over = Lämna ut
leisure-desk-loan-heading = Låna ut vid disken
leisure-desk-loan-lead = Den som inte vill ha ett konto lämnar bara namn och telefonnummer. Båda raderas när saken lämnas tillbaka.
leisure-desk-name = Namn
leisure-desk-phone = Telefonnummer
leisure-desk-phone-hint = Till exempel 070-123 45 67.
leisure-lend = Låna ut
leisure-error-name = Skriv låntagarens namn.
leisure-error-name-long = Namnet är för långt.
leisure-error-phone = Skriv ett telefonnummer med 6 till 15 siffror.
leisure-error-not-free = Saken är inte ledig längre. Ladda om sidan.
leisure-error-move = Saken kan inte flyttas till det steget nu. Ladda om sidan.
leisure-return-heading = Ta emot
leisure-return-place = Var lämnas den tillbaka?
leisure-return = Ta emot
leisure-next-step = Nästa steg
leisure-move-to = Till: { $step }
leisure-history = Historik
leisure-when = När
leisure-by = Av
leisure-notice-lent = Utlämnad.
leisure-notice-returned = Tillbaka. Saken finns nu på utlåningsstället där den lämnades.
leisure-notice-moved = Flyttad till nästa steg.
leisure-notice-offered = Flyttad. Den som stod först i kön har fått den reserverad och ett mejl.

mail-leisure-offer-subject = Det du köar för finns att hämta
mail-leisure-offer-body = Hej! Nu finns { $kind } att hämta på fritidsbanken. Hämta senast { $until }, annars går den till nästa i kön. Dina lån: { $link }
mail-leisure-due-subject = Påminnelse: lämna tillbaka { $kind }
mail-leisure-due-body = Hej! Lånet av { $kind } ska lämnas tillbaka senast { $date }. Du kan lämna på vilket utlåningsställe som helst. Dina lån: { $link }
mail-leisure-overdue-subject = Lånet av { $kind } är försenat
mail-leisure-overdue-body = Hej! Lånet av { $kind } skulle ha lämnats tillbaka { $date }. Lämna det så snart du kan, så att någon annan kan låna. Dina lån: { $link }

audit-action-leisure-reserved = Reserverade utrustning på fritidsbanken
audit-action-leisure-reservation-lapsed = Reservationen gick ut: utrustningen hämtades inte i tid
audit-action-leisure-waitlisted = Ställde sig i kö på fritidsbanken
audit-action-leisure-renewed = Förlängde ett lån på fritidsbanken
audit-action-leisure-lent = Lämnade ut utrustning på fritidsbanken
audit-action-leisure-returned = Tog emot utrustning på fritidsbanken
audit-action-leisure-item-moved = Flyttade utrustning till nästa steg
audit-action-leisure-loan-viewed = Läste vem som lånar utrustning
audit-action-leisure-work-recorded = Skrev in arbete på fritidsbanken
audit-action-leisure-hours-signed-off = Godkände deltagares timmar

leisure-label-title = Etikett
leisure-label-lead = Skriv ut etiketten och fäst den på saken. QR-koden öppnar sakens sida i disken; koden under den kan skrivas in på skanningssidan.
leisure-label-qr = QR-kod för { $kind }
leisure-label-link = Skriv ut etikett

leisure-board-title = Uppgifter på fritidsbanken
leisure-board-lead = Här ser du vad som väntar i varje steg och var. Välj en sak, gör uppgiften och skriv hur lång tid det tog och vad du gjorde.
leisure-my-work = Ditt arbete
leisure-hours-recorded = Timmar du har skrivit in
leisure-hours-signed-off = Timmar som är godkända
leisure-items-back = Saker du har gjort klara att låna ut igen
leisure-loans-enabled = Lån som ditt arbete har gjort möjliga
leisure-notice-work = Sparat. Tack för ditt arbete!
leisure-work-minutes = Hur många minuter tog det?
leisure-work-minutes-hint = Mellan 1 och 720 minuter.
leisure-work-what = Vad gjorde du?
leisure-work-next = Vart ska saken nu?
leisure-work-submit = Spara och flytta vidare
leisure-error-minutes = Skriv antal minuter, mellan 1 och 720.
leisure-error-what = Skriv kort vad du gjorde.
leisure-error-what-long = Texten är för lång. Skriv högst 1 000 tecken.
leisure-error-next = Välj vart saken ska nu.
leisure-desk-work = Deltagares arbete att godkänna
leisure-minutes = { $count ->
    [one] 1 minut
   *[other] { $count } minuter
}
leisure-sign-off = Godkänn { $name }s timmar

leisure-reserve-refused = Det gick inte att reservera
leisure-error-limit = { $max ->
    [one] Du kan ha en reservation eller plats i kö åt gången. Hämta det du har reserverat, eller lämna en kö nedan, innan du reserverar något mer.
   *[other] Du kan ha högst { $max } reservationer och platser i kö samtidigt. Hämta det du har reserverat, eller lämna en kö nedan, innan du reserverar något mer.
}
leisure-leave-waitlist = Lämna kön till { $kind }
leisure-notice-left-waitlist = Du har lämnat kön. De som stod efter dig flyttar fram.
leisure-loan-lost = Avskrivet, inte tillbakalämnat
audit-action-leisure-waitlist-left = Lämnade en kö på fritidsbanken
audit-action-leisure-desk-loan-written-off = Skrev av ett lån som aldrig lämnades tillbaka och raderade låntagarens namn och telefonnummer
audit-action-leisure-photo-added = Lade till ett foto av utrustning på fritidsbanken
audit-action-leisure-photo-removed = Tog bort ett foto av utrustning på fritidsbanken

leisure-photo-heading = Foto
leisure-photo-lead = Fotot visas för den här sortens utrustning på den öppna sidan Fritidsbanken. Ett nytt foto ersätter det gamla.
leisure-photo-none = Det finns inget foto ännu.
leisure-photo-label = Välj ett foto
leisure-photo-hint = JPEG, PNG eller WebP, högst 10 MB. Fotot görs mindre och platsuppgifter och annan information i filen tas bort.
leisure-photo-alt = Beskriv fotot för den som inte ser det
leisure-photo-alt-hint = Till exempel: Ett par vita konståkningsskridskor med blå skydd på skenorna. Högst 300 tecken.
leisure-photo-save = Spara fotot
leisure-photo-remove = Ta bort fotot
leisure-error-alt = Beskriv vad fotot visar.
leisure-error-alt-long = Beskrivningen är för lång. Skriv högst 300 tecken.
leisure-notice-photo = Fotot är sparat och visas på den öppna sidan.
leisure-notice-photo-removed = Fotot är borttaget.

leisure-stats-title = Fritidsbankens statistik
leisure-stats-lead = Här ser du lån, saker som har kommit tillbaka i bruk och deltagarnas godkända timmar. Du ser också en grov uppskattning av vad lånen sparar för klimatet. Sidan är till för utlåningsställena och nämnden.
leisure-stats-year = År
leisure-stats-show = Visa
leisure-stats-hidden-note = { $min ->
    [one] Ett streck (–) betyder att siffran döljs för att gruppen är för liten.
   *[other] Ett streck (–) betyder att siffran döljs: grupper med färre än { $min } visas inte, och inte heller siffror som skulle avslöja dem.
}
leisure-stats-csv = Ladda ner som CSV (för Excel)
leisure-stats-month = Månad
leisure-stats-whole-year = Hela året
leisure-stats-all = Alla kategorier
leisure-stats-loans = Lån per månad och kategori
leisure-stats-loans-lead = Räknat den dag utrustningen lämnades ut.
leisure-stats-back-in-use = Tillbaka i bruk
leisure-stats-back-in-use-lead = Utrustning som tvättats eller lagats och flyttats till Finns att låna.
leisure-stats-co2 = Uppskattad klimatnytta, kg koldioxidekvivalenter
leisure-stats-co2-lead = En grov uppskattning per lån: vad det kostar klimatet att tillverka en ny sak i kategorin, gånger andelen lån som ersätter ett köp (en av fem). Siffrorna är egna uppskattningar, inte en livscykelanalys.
leisure-stats-loans-year = Lån under året
leisure-stats-kg-per-loan = kg per lån
leisure-stats-kg-saved = kg sparat
leisure-stats-hours = Deltagarnas godkända timmar
leisure-stats-hours-lead = Timmar som en handledare har godkänt, per månad. En månad med för få deltagare visas inte, så att ingen enskild deltagares timmar går att se.
leisure-stats-participants = Deltagare
leisure-stats-hours-column = Timmar
leisure-stats-csv-measure = Mått
leisure-stats-csv-category = Kategori
leisure-stats-csv-period = Period
leisure-stats-csv-value = Värde
nav-leisure-statistics = Statistik för fritidsbanken
