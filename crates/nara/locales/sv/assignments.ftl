# Uppdrag med timarvode, timmar, utbetalning och rekrytering.

nav-assignments = Uppdrag och timmar
nav-my-assignments = Mina uppdrag

audit-action-assignment-created = Gav någon ett uppdrag med timarvode
audit-action-assignment-hours-logged = Skrev in timmar på ett uppdrag
audit-action-assignment-hours-deleted = Tog bort timmar från ett uppdrag
audit-action-assignment-hours-approved = Godkände timmar på ett uppdrag
audit-action-payroll-id-set = Sparade ett lönenummer
audit-action-payroll-id-viewed = Såg ett lönenummer
audit-action-payroll-exported = Tog ut timmar och lönenummer för lönen
audit-action-recruitment-interest-sent = Skickade en intresseanmälan
audit-action-recruitment-interest-viewed = Läste en intresseanmälan

assignment-kind-plain-review = Klarspråksgranskning
assignment-kind-article = Artikel
assignment-kind-interview = Intervju
assignment-kind-other = Annat uppdrag
assignment-description = Uppdrag
assignment-dates = Datum
assignment-rate = Timarvode
assignment-hours = Timmar
assignment-approved = Godkänt
assignment-waiting = Inte godkänt än

# Den anlitades egna sidor
paid-title = Mina uppdrag
paid-lead = Här ser du dina uppdrag, dina timmar och vad du får betalt. Samordnaren godkänner timmarna. Sedan betalas de ut med lönen.
paid-approved-total = Godkänt, betalas ut
paid-waiting-total = Väntar på godkännande
paid-assignments-heading = Uppdrag
paid-none = Du har inga uppdrag just nu.
paid-back = Tillbaka till mina uppdrag
hours-log-heading = Skriv in timmar
hours-log-lead = Skriv in tiden för en dag. Om dagen redan har timmar byts de ut. Godkända timmar kan inte ändras.
hours-day = Dag
hours-day-hint = Till exempel 2026-12-03. Dagen ska vara inom uppdraget och får inte vara senare än i dag.
hours-time-legend = Hur länge arbetade du?
hours-hours = Timmar
hours-minutes = Minuter
hours-minutes-option = { $minutes } minuter
hours-note = Anteckning
hours-note-hint = Valfritt. Vad gjorde du?
hours-save = Spara timmarna
hours-heading = Dina timmar
hours-none = Du har inte skrivit in några timmar ännu.
hours-amount = Belopp
hours-status = Läge
hours-status-approved = Godkänd
hours-status-waiting = Väntar
hours-delete = Ta bort
hours-approve = Godkänn
hours-saved = Timmarna är sparade.
hours-deleted = Timmarna är borttagna.
hours-approved = Timmarna är godkända. Nu kan de inte ändras.
hours-error-day = Skriv dagen som år, månad och dag, till exempel 2026-12-03.
hours-error-future = Du kan inte skriva in timmar för en dag som inte har varit.
hours-error-outside = Dagen är inte inom uppdraget. Välj en dag mellan uppdragets första och sista dag.
hours-error-hours = Skriv hela timmar från 0 till 24 och välj minuter. Tiden ska vara minst 15 minuter och högst ett dygn.
hours-error-note-long = Anteckningen får vara högst 300 tecken.
hours-error-approved = Timmarna för dagen är redan godkända. Då kan de inte ändras eller tas bort. Fråga samordnaren om något är fel.
hours-error-own = Du kan inte godkänna dina egna timmar.
hours-error-approved-already = Timmarna var redan godkända.

# Samordnarens sida
coordination-title = Uppdrag och timmar
coordination-lead = Godkänn timmar, ta ut månaden till lönen och ge nya uppdrag. Lönenummer visas bara här. Varje gång de visas skrivs det i loggen.
coordination-month-heading = Timmar i { $month }
coordination-previous = Föregående månad
coordination-next = Nästa månad
coordination-csv = Ladda ner godkända timmar för { $month } (CSV för Excel)
coordination-no-hours = Inga timmar är inskrivna den här månaden.
coordination-person = Person
coordination-payroll-id = Lönenummer
coordination-running-heading = Pågående uppdrag
coordination-none-running = Inga uppdrag pågår.
assignment-created = Uppdraget är sparat.
engage-heading = Ge ett nytt uppdrag
engage-person = Vem?
engage-person-hint = Bara invånarreportrar och klarspråkare kan få uppdrag.
engage-choose = Välj en person
engage-kind = Vilket slags uppdrag?
engage-rate = Timarvode i kronor
engage-rate-hint = Till exempel 150 eller 162,50.
engage-starts = Första dag
engage-ends = Sista dag
engage-date-hint = Till exempel 2026-12-01.
engage-payroll-id = Lönenummer
engage-payroll-id-hint = Valfritt. Fyll i om personen inte har ett lönenummer här, eller om det har ändrats.
engage-submit = Spara uppdraget
assignment-error-person = Välj en invånarreporter eller klarspråkare.
assignment-error-kind = Välj vilket slags uppdrag det är.
assignment-error-description = Skriv vad uppdraget gäller.
assignment-error-description-long = Uppdraget får beskrivas med högst 300 tecken.
assignment-error-rate = Skriv timarvodet i kronor, till exempel 150. Det ska vara mer än 0 och högst 10 000 kronor.
assignment-error-starts = Skriv första dagen, till exempel 2026-12-01.
assignment-error-ends = Skriv sista dagen, till exempel 2026-12-31.
assignment-error-ends-before = Sista dagen kan inte vara före den första.
assignment-error-payroll-id = Lönenumret får vara högst 40 tecken.

payroll-csv-payroll-id = Lönenummer
payroll-csv-name = Namn
payroll-csv-kind = Slags uppdrag
payroll-csv-description = Uppdrag
payroll-csv-day = Dag
payroll-csv-hours = Timmar
payroll-csv-rate = Timarvode (kr)
payroll-csv-amount = Belopp (kr)

# Rekrytering
recruit-title = Bli klarspråkare eller invånarreporter
recruit-lead = Har du egen erfarenhet av socialtjänsten? Hjälp oss att skriva så att alla förstår. Klarspråkare läser våra texter och säger vad som är svårt. Invånarreportrar skriver artiklar och gör intervjuer.
recruit-paid = Du får betalt per timme. Du behöver inte ha skrivit förut.
recruit-name = Ditt namn
recruit-contact = Hur når vi dig?
recruit-contact-hint = E-post eller telefonnummer.
recruit-role-legend = Vad vill du göra?
recruit-role-plain-reviewer = Klarspråkare
recruit-role-reporter = Invånarreporter
recruit-role-both = Båda
recruit-experience = Berätta lite om dig
recruit-experience-hint = Valfritt, högst 1 500 tecken. Skriv inget om din hälsa eller dina ärenden.
recruit-consent = När du skickar sparar vi ditt namn, hur vi når dig och det du skriver. Bara samordnaren läser det. Vi tar bort det efter sex månader.
recruit-submit = Skicka
recruit-thanks = Tack! Samordnaren hör av sig till dig.
recruit-error-name = Skriv ditt namn.
recruit-error-name-long = Namnet får vara högst 120 tecken.
recruit-error-contact = Skriv hur vi når dig, med e-post eller telefon.
recruit-error-contact-long = Det får vara högst 200 tecken.
recruit-error-role = Välj vad du vill göra.
recruit-error-experience-long = Texten om dig får vara högst 1 500 tecken.
recruit-link = Vill du skriva eller läsa texter åt oss? Bli klarspråkare eller invånarreporter.
mail-recruit-subject = Ny intresseanmälan
mail-recruit-body =
    Någon vill bli klarspråkare eller invånarreporter.

    Läs anmälan här: { $link }
interests-title = Intresseanmälningar
interests-lead = De som vill bli klarspråkare eller invånarreportrar. Anmälningarna tas bort efter sex månader. Varje gång du läser dem skrivs det i loggen.
interests-none = Det finns inga anmälningar.
interests-sent = Skickad
interests-delete-on = Tas bort
coordination-interests-link = Intresseanmälningar
coordination-assignments-link = Uppdrag och timmar
