## Föreningsbidrag: program, ansökan, bedömning, beslut och utbetalning.

nav-grants = Föreningsbidrag
role-grant-assessor = bidragshandläggare

grants-title = Föreningsbidrag
grants-lead = Staden ger bidrag till föreningar som gör något för invånarna. Här står reglerna för varje bidrag: vem som kan söka, hur vi bedömer ansökningarna, hur mycket ni kan få och när ni senast ska söka.
grants-none = Det finns inga bidrag att söka just nu.
grants-how-to-apply = Ni söker som företrädare för en förening i föreningsregistret, under
grants-purpose = Vad bidraget är till för
grants-who = Vem kan söka
grants-amount = Belopp
grants-amount-most = Högst { $amount }
grants-duration = Hur länge
grants-duration-one-year = Ett år
grants-duration-years = { $years ->
    [one] Ett år
   *[other] { $years } år i taget
}
grants-deadline = Sista dag att söka
grants-deadline-value = Senast { $date }
grants-closed = Stängd
grants-version = Version av reglerna
grants-assessment-heading = Så bedömer vi ansökningarna
grants-two-assessors = Ansökningar om mer än { $amount } bedöms av två handläggare var för sig.
grants-criterion = Vad vi bedömer
grants-weight = Vikt
grants-questions-heading = Frågor i ansökan
grants-questions-lead = Det här frågar vi om. Det föreningsregistret redan vet behöver ni inte skriva igen.

grants-association-title = Föreningsbidrag
grants-association-lead = Här söker ni bidrag för föreningen och ser hur det går med era ansökningar. Alla företrädare för föreningen ser samma sak.
grants-applications-heading = Föreningens ansökningar
grants-applications-none = Föreningen har inte sökt något bidrag här än.
grants-programme = Bidrag
grants-status = Läge
grants-requested = Sökt belopp
grants-changed = Senast ändrad
grants-start-heading = Sök ett bidrag
grants-start-choose = Vilket bidrag vill ni söka?
grants-start-submit = Börja ansökan
grants-none-open = Det finns inga bidrag att söka just nu.
grants-read-rules = Läs reglerna för bidragen
grants-known-heading = Det här vet vi redan om föreningen
grants-known-lead = Uppgifterna kommer från föreningsregistret och följer med ansökan. Ni behöver inte skriva dem igen.
grants-known-when-sent = Ur föreningsregistret när ansökan skickades
grants-known-name = Föreningens namn
grants-known-org-number = Organisationsnummer
grants-known-email = E-post
grants-known-phone = Telefon
grants-known-target-groups = Målgrupper
grants-known-areas = Områden
grants-known-languages = Språk
grants-known-missing = Saknas i registret
grants-known-change = Ändra uppgifterna i föreningsregistret

grants-status-draft = Utkast, inte skickad
grants-status-submitted = Skickad, bedöms
grants-status-withdrawn = Återkallad
grants-status-decided = Beslutad
grants-sent-on = den { $when }
grants-rules-version = Regler
grants-rules-version-value = Version { $version }
grants-draft-lead = Ansökan är sparad som utkast. Ni kan spara och fortsätta senare, och skicka den när den är klar.
grants-budget-heading = Belopp och budget
grants-requested-label = Hur mycket söker ni, i kronor?
grants-requested-hint = Högst { $amount }. Skriv till exempel 25 000.
grants-budget-legend = Budget för det ni söker till
grants-budget-hint = En rad för varje kostnad: vad det är och vad det kostar i kronor. Lämna tomma rader tomma.
grants-budget-line = Budgetpost { $number }
grants-budget-amount = Belopp för budgetpost { $number }, i kronor
grants-budget-total = Summa budget: { $amount }
grants-budget-post = Budgetpost
grants-budget-sum = Summa
grants-files-heading = Bilagor
grants-file-kind = Vad är bilagan?
grants-file-label = Lägg till en bilaga (valfritt)
grants-file-hint = Till exempel stadgar, årsberättelse eller budget. Bara PDF, högst 5 MB.
grants-file-statutes = Stadgar
grants-file-annual-report = Årsberättelse
grants-file-budget = Budget
grants-file-other = Annat
grants-save = Spara
grants-submit-heading = Skicka ansökan
grants-submit-lead = När ansökan är skickad kan ni inte ändra den, men ni kan återkalla den tills beslut är fattat.
grants-submit = Skicka ansökan
grants-sent-heading = Det ni skickade
grants-withdraw-heading = Återkalla ansökan
grants-withdraw = Återkalla ansökan
grants-decision-heading = Beslut
grants-outcome = Beslut
grants-outcome-granted = Beviljat
grants-outcome-refused = Avslag
grants-reasons = Skäl för beslutet
grants-conditions = Villkor
grants-decided-on = Beslutsdatum
grants-payments-heading = Utbetalningar
grants-payment-reference = referens { $reference }

grants-notice-saved = Ansökan är sparad.
grants-notice-submitted = Ansökan är skickad. Ni får beslutet med e-post och ser det här.
grants-notice-withdrawn = Ansökan är återkallad.
grants-error-programme = Välj vilket bidrag ni vill söka.
grants-error-closed = Sista dagen att söka det bidraget har passerat.
grants-error-deadline-passed = Sista dagen att söka har passerat, så ansökan kunde inte skickas. Allt ni skrivit finns kvar i utkastet.
grants-error-amount = Skriv beloppet i kronor, till exempel 12 500 eller 12 500,50.
grants-error-budget-label = Skriv vad budgetposten gäller.
grants-error-budget-label-too-long = Budgetposten får vara högst 120 tecken.
grants-error-requested-missing = Skriv hur mycket ni söker.
grants-error-requested-too-much = Ni kan söka högst det belopp som reglerna anger.
grants-error-file-too-large = Bilagan får vara högst 5 MB.
grants-error-file-not-pdf = Bilagan måste vara en PDF.
grants-error-file-too-many = Ansökan har redan så många bilagor som den kan ha. Ta bort en först.

grants-staff-title = Föreningsbidrag – bedömning
grants-staff-applications = Ansökningar
grants-staff-none = Inga ansökningar har skickats än.
grants-staff-csv = Hämta besluten som CSV (för nämndens protokoll)
grants-staff-programmes = Bidragsprogram
grants-staff-public-page = Se den publika sidan
grants-staff-new-programme = Nytt bidragsprogram
grants-staff-current-version = Gällande version: { $version }
grants-staff-versions-lead = När ni publicerar blir det en ny version. Ansökningar som redan gjorts bedöms efter de regler de gjordes under.
grants-staff-slug = Kort namn i adressen
grants-staff-slug-hint = Använd bara a–z, 0–9 och bindestreck, till exempel verksamhetsbidrag.
grants-staff-rules = Regler (TOML)
grants-staff-rules-hint = Namn, syfte, vem som kan söka, hur ni bedömer, antal år, högsta belopp, beloppsgräns för två bedömare, sista dag och kriterier med vikt.
grants-staff-questions = Frågor (samma format som ansökningsformulär)
grants-staff-questions-hint = Frågorna visas för föreningen. Bilagor har en egen del i ansökan, så frågor av typen file går inte att använda här.
grants-staff-publish = Publicera ny version
grants-notice-published = Den nya versionen är publicerad.
grants-rules-problems = Reglerna kan inte publiceras
grants-rules-error-syntax = Texten går inte att läsa: { $detail }
grants-rules-error-too-long = Texten är för lång: { $detail }
grants-rules-error-missing = Texten saknas: { $detail }
grants-rules-error-years = Antal år ska vara 1–5 (nu { $detail }).
grants-rules-error-amount = Beloppet går inte att läsa: { $detail }
grants-rules-error-deadline = Sista dag ska skrivas ÅÅÅÅ-MM-DD (nu { $detail }).
grants-rules-error-criteria = Ange 1–12 kriterier.
grants-rules-error-criterion-id = Kriteriets id ska vara unikt och skrivas med a–z, 0–9 och _: { $detail }
grants-rules-error-weight = Vikten ska vara 1–10: { $detail }
grants-rules-error-file-question = Frågan { $detail } tar en fil; bilagor har en egen del i ansökan.
grants-error-slug = Skriv ett kort namn med a–z, 0–9 och bindestreck.
grants-error-slug-taken = Det korta namnet används redan.

grants-association = Förening
grants-assessments = Bedömningar
grants-assessments-done = { $done } klara,
grants-assessments-needed = { $needed } behövs
grants-weighted = viktat { $percent } %
grants-sent = Skickad
grants-scores-heading = Bedömningar
grants-scores-none = Ingen har bedömt ansökan än.
grants-assessor = Bedömare
grants-score = Poäng (0–5)
grants-reason = Motivering
grants-conflicts = { $count } bedömare har anmält jäv.
grants-you-are-conflicted = Du har anmält jäv och deltar inte i bedömningen av den här ansökan.
grants-my-score-heading = Din bedömning
grants-my-score-lead = Ge varje kriterium 0–5 poäng och skriv kort varför.
grants-score-hint = 0 är inte alls, 5 är helt och fullt. Vikt { $weight }.
grants-reason-label = Motivering: { $criterion }
grants-score-submit = Spara bedömningen
grants-conflict-lead = Är du jävig, till exempel medlem i föreningen eller släkt med någon i styrelsen? Anmäl det, så deltar du inte i bedömningen.
grants-conflict-submit = Anmäl jäv
grants-decide-heading = Beslut
grants-decision-amount = Beviljat belopp i kronor (bara om ansökan beviljas)
grants-kronor-hint = Till exempel 25 000 eller 25 000,50.
grants-conditions-hint = Vad föreningen ska göra för att få pengarna. Skriv enkelt. Du kan lämna tomt.
grants-reasons-hint = Skriv i klarspråk varför, så att föreningen förstår beslutet.
grants-decide-submit = Fatta beslut och skicka till föreningen
grants-not-ready = Ansökan behöver bedömas färdigt innan beslut kan fattas.
grants-payments-none = Inga utbetalningar är registrerade.
grants-paid-total = Utbetalt totalt: { $amount }
grants-payment-date = Utbetalningsdag
grants-date-hint = ÅÅÅÅ-MM-DD, till exempel 2027-05-15.
grants-payment-amount = Belopp i kronor
grants-payment-reference-label = Referens (till exempel verifikationsnummer)
grants-payment-submit = Registrera utbetalning
grants-notice-conflict = Ditt jäv är anmält. Du deltar inte i bedömningen av ansökan.
grants-notice-scored = Din bedömning är sparad.
grants-notice-decided = Beslutet är fattat och skickat till föreningen.
grants-notice-paid = Utbetalningen är registrerad.
grants-error-score = Välj 0–5 poäng.
grants-error-reason = Skriv en kort motivering.
grants-error-reason-too-long = Motiveringen får vara högst 1 000 tecken.
grants-error-not-assessed = Ett så stort belopp kräver fler bedömare. Alla har inte bedömt ansökan än.
grants-error-outcome = Välj beviljat eller avslag.
grants-error-decision-amount = Skriv ett belopp större än noll och högst det som reglerna anger.
grants-error-reasons = Skriv skälen för beslutet.
grants-error-text-too-long = Texten är för lång.
grants-error-date = Skriv dagen som ÅÅÅÅ-MM-DD.
grants-error-reference = Skriv en referens.
grants-error-not-granted = Utbetalningar kan bara registreras för beviljade bidrag.

grants-csv-association = Förening
grants-csv-org-number = Organisationsnummer
grants-csv-programme = Bidrag
grants-csv-version = Regelversion
grants-csv-requested = Sökt (kr)
grants-csv-outcome = Beslut
grants-csv-amount = Beviljat (kr)
grants-csv-conditions = Villkor
grants-csv-reasons = Skäl
grants-csv-decided = Beslutsdatum

grants-mail-decision-subject = Beslut om { $programme } för { $association }
grants-mail-decision-body =
    Hej!

    Nu finns beslutet om er ansökan om { $programme } för { $association }: { $outcome }, { $amount }.

    Läs beslutet med skäl och villkor här:

    { $link }

audit-action-grant-programme-published = Publicerade en version av ett bidragsprogram
audit-action-grant-application-saved = Sparade en bidragsansökan
audit-action-grant-application-submitted = Skickade en bidragsansökan
audit-action-grant-application-withdrawn = Återkallade en bidragsansökan
audit-action-grant-application-viewed = Läste en bidragsansökan
audit-action-grant-file-read = Öppnade en bilaga till en bidragsansökan
audit-action-grant-conflict-declared = Anmälde jäv i en bidragsansökan
audit-action-grant-scored = Bedömde en bidragsansökan
audit-action-grant-decided = Fattade beslut om en bidragsansökan
audit-action-grant-payment-recorded = Registrerade en utbetalning av bidrag
audit-action-grant-decisions-exported = Hämtade bidragsbesluten som CSV

## Återrapport (follow-up of a paid grant)
grants-rules-error-follow-up-due = Dagen för återrapporten ska skrivas ÅÅÅÅ-MM-DD (nu { $detail }).
grants-rules-error-reminder-days = Påminnelsen kan komma högst 180 dagar före (nu { $detail }).
grants-follow-up-title = Återrapport
grants-follow-up-due = Ska lämnas
grants-follow-up-due-value = Lämnas senast { $date }
grants-follow-up-late = Försenad
grants-follow-up-submitted = Inlämnad
grants-follow-up-start = Återrapportera
grants-follow-up-read = Läs återrapporten
grants-follow-up-period = Bidragsperiod
grants-follow-up-due-on = Lämnas senast
grants-follow-up-counted-heading = Det här vet vi redan
grants-follow-up-counted-lead = Vi har räknat era träffar i kalendern under bidragsperioden, hur många som anmälde sig och hur många som kom. Siffrorna står redan i formuläret nedan. Ändra dem bara om något saknas eller är fel.
grants-follow-up-counted-none = Vi hittade inga träffar från er i kalendern under perioden. Skriv in det ni har gjort i formuläret.
grants-follow-up-meeting = Träff
grants-follow-up-when = När
grants-follow-up-counted-total = { $count ->
    [one] { $count } träff
   *[other] { $count } träffar
}
grants-follow-up-counted-hint = Kalendern räknade { $count }.
grants-follow-up-activities = Aktiviteter ni har haft
grants-follow-up-registrations = Anmälda
grants-follow-up-attended = Deltog
grants-follow-up-reached-legend = Hur många har ni nått i varje målgrupp?
grants-follow-up-reached-hint = Målgrupperna kommer från föreningsregistret. Ungefärliga siffror räcker. Lämna tomt om ni inte vet.
grants-follow-up-reached-in = Nådda: { $group }
grants-follow-up-changes = Vad har förändrats?
grants-follow-up-changes-hint = Skriv några meningar om vad bidraget har gjort för deltagarna eller för föreningen.
grants-follow-up-story = En berättelse
grants-follow-up-story-hint = En händelse eller en person (utan namn) som visar vad verksamheten betyder.
grants-follow-up-form-heading = Er återrapport
grants-follow-up-form-lead = Fem saker, och de flesta är redan ifyllda. Ni kan spara och fortsätta senare.
grants-follow-up-submit = Skicka återrapporten
grants-follow-up-save = Spara utkast
grants-follow-up-sent-heading = Det ni skickade
grants-follow-up-notice-saved = Utkastet är sparat.
grants-follow-up-notice-submitted = Tack! Återrapporten är skickad.
grants-follow-up-error-number = Skriv ett heltal från 0, till exempel 12.
grants-follow-up-error-too-long = Texten är för lång (högst 2 000 tecken).
grants-follow-up-error-required = Fyll i det här innan ni skickar.
grants-follow-up-figures-label = Återrapportens siffror { $period }
grants-follow-up-figure = Uppgift
grants-follow-up-reported = Föreningen angav
grants-follow-up-counted = Kalendern räknade
grants-follow-up-corrected = Ändrad
grants-follow-up-earlier-heading = Återrapporter från tidigare bidrag
grants-follow-up-earlier-lead = Det här har föreningen rapporterat tidigare år i samma program. Det kan hjälpa dig inför beslutet.
grants-mail-follow-up-subject = Påminnelse: återrapport för { $programme }
grants-mail-follow-up-body = Hej!

    Återrapporten för { $association }s bidrag ({ $programme }) ska lämnas senast { $date }.

    Det mesta är redan ifyllt från kalendern. Ni kontrollerar siffrorna och skriver vad som har förändrats och en berättelse:
    { $link }

    Hälsningar
    Staden
audit-action-grant-follow-up-saved = Sparade en återrapport
audit-action-grant-follow-up-submitted = Skickade en återrapport
audit-action-grant-follow-up-reminded = Påminde om en återrapport

## Effect view
grants-effect-title = Vad bidragen ger
grants-effect-lead = Bidrag som föreningar har fått och det de har rapporterat om hur det gick. Här finns inga personuppgifter, bara belopp, uppgifter ur registret och föreningarnas egna siffror.
grants-effect-none = Inget att visa än.
grants-effect-years = År för år
grants-effect-year = År
grants-effect-grants = Bidrag
grants-effect-granted = Beviljat
grants-effect-reports = Återrapporter
grants-effect-reached = Nådda personer
grants-effect-per-person = Kronor per nådd person
grants-effect-per-10k = Nådda per 10 000 kr
grants-effect-per-person-hint = Kronor per nådd person och nådda per 10 000 kr räknas bara på bidrag med inlämnad återrapport.
grants-effect-by-area = Pengar per område
grants-effect-area = Område
grants-effect-overlap-hint = En förening kan ha flera områden och målgrupper. Bidraget räknas då under vart och ett, så summorna kan bli större än det beviljade.
grants-effect-by-target-group = Pengar per målgrupp
grants-effect-target-group = Målgrupp
grants-effect-by-district = Pengar per stadsdel
grants-effect-district = Stadsdel eller ort
grants-effect-district-unknown = Inte angiven
grants-effect-funded-again = Föreningar med bidrag flera år
grants-effect-funded-years = År
grants-effect-year-count = { $count ->
    [one] { $count } år
   *[other] { $count } år
}
grants-effect-open-data = Öppna data
grants-effect-open-data-lead = Besluten finns som öppna data, utan personuppgifter.
grants-effect-json = Besluten som JSON
grants-effect-csv = Besluten som CSV
