# Ärenden och journalen: invånarens sidor under Mina sidor och handläggarens arbetslista.
# Klarspråk: korta meningar, "du", säg "staden". Säg vad som händer härnäst och när.
# E-post om ärenden säger aldrig vad det gäller, bara att något nytt finns att läsa.

nav-cases = Ärenden

## Status och vad som händer härnäst ($due: datum, $contact: kontaktpersonens namn)

case-status-received = Mottaget
case-status-being-assessed = Utreds
case-status-more-information-needed = Vi behöver mer information
case-status-decision-made = Beslut fattat
case-status-closed = Avslutat
case-next-received = Vi har tagit emot ditt ärende. Nästa steg är att en handläggare börjar titta på vad du behöver. Du ser här när det händer.
case-next-being-assessed = { $contact } utreder nu vad du behöver. Det betyder att vi läser det du har berättat och pratar med dig. Du behöver inte göra något just nu. Har du frågor kan du skicka ett meddelande.
case-next-more-information-needed = Vi behöver mer information från dig senast { $due }. Läs vad som behövs i tidslinjen här nedanför. Svara med ett meddelande eller ring { $contact }. Hinner du inte till dess? Hör av dig, så hittar vi en lösning tillsammans.
case-next-decision-made = Vi har fattat ett beslut. Du kan läsa om beslutet i din journal här nedanför. Håller du inte med om beslutet kan du överklaga det. { $contact } hjälper dig om du vill.
case-next-closed = Ärendet är avslutat. Allt som skrevs finns kvar här och du kan läsa det när du vill. Behöver du stöd igen är du välkommen att höra av dig.
case-contact-none-short = din kontaktperson
case-status-heading = Just nu:
case-status-label = Status
case-due-by = Svara senast { $due }
case-timeline-heading = Så här har ärendet gått
case-opened-on = Öppnat { $when }
case-unit = Enhet
case-unread = { $count ->
    [one] 1 nytt meddelande
   *[other] { $count } nya meddelanden
}
case-you = du

## Kontaktperson

case-contact-heading = Kontaktperson
case-contact-named = Kontaktperson: { $name }
case-contact-body = Din kontaktperson är den du i första hand vänder dig till. Du kan skicka ett meddelande här nedanför.
case-contact-none = Du får snart en kontaktperson. Fram till dess kan du ringa kontaktcenter på { -contact-phone }.

## Journalen

case-journal-heading = Journal
case-journal-none = Det finns inga anteckningar ännu.
case-corrected = Rättad
case-version = Version { $number }
case-earlier-versions = { $count ->
    [one] Visa 1 tidigare version
   *[other] Visa { $count } tidigare versioner
}
case-shared = Visas för invånaren
case-withheld = Visas inte för invånaren
case-withheld-reason = Skäl till att den inte visas:
case-additions-heading = Tillägg från invånaren
case-disputes-tag = Invånaren anser att det här inte stämmer
case-about-version = Gäller version { $number }

## Meddelanden

case-messages-heading = Meddelanden
case-messages-none = Det finns inga meddelanden ännu.
case-message-new = Nytt
case-message-submit = Skicka meddelandet

## Mina ärenden

my-cases-title = Mina ärenden
my-cases-lead = Här ser du dina ärenden hos staden, vad som händer härnäst och allt vi har skrivit om dig. Du kan också lägga till egna anteckningar och skicka meddelanden till din kontaktperson.
my-cases-none = Du har inga ärenden hos oss.
my-cases-open = Pågående ärenden
my-cases-closed = Avslutade ärenden
my-pages-cases-heading = Dina ärenden
my-pages-cases-body = Se hur det går i dina ärenden, läs vad vi har skrivit och skicka meddelanden till din kontaktperson.
my-pages-cases-link = Gå till dina ärenden

my-case-journal-lead = Det här har vi skrivit om dig i ärendet. Om något inte stämmer kan du säga det. Det du skriver sparas tillsammans med anteckningen och ändras aldrig.
my-case-additions-heading = Det du har lagt till
my-case-disputes-tag = Du har sagt att det här inte stämmer
my-case-comment-link = Kommentera anteckningen eller säg att något inte stämmer
my-case-notes-heading = Dina egna anteckningar
my-case-notes-lead = Här kan du lägga till något i din journal som du vill att vi ska veta.
my-case-note-label = Ny anteckning
my-case-note-hint = Skriv med dina egna ord. Din kontaktperson kan läsa det du skriver.
my-case-note-submit = Spara anteckningen
my-case-message-label = Meddelande till din kontaktperson
my-case-message-hint = Din kontaktperson får ett e-postmeddelande om att det finns ett nytt meddelande här. Det som du skriver skickas aldrig med e-post.
my-case-file-label = Bifoga en fil
my-case-file-hint = Till exempel ett intyg som din kontaktperson har bett om. PDF, JPEG eller PNG, högst 5 MB. Skriv några ord om filen i meddelandet.
my-case-closed-messages = Ärendet är avslutat, så du kan inte skicka meddelanden här längre. Vill du ha kontakt? Ring kontaktcenter på { -contact-phone }.

my-entry-title = Anteckning i din journal
my-entry-comment-heading = Lägg till en kommentar
my-entry-comment-lead = Du har rätt att säga vad du tycker om det vi har skrivit. Din kommentar sparas tillsammans med anteckningen och kan inte ändras eller tas bort.
my-entry-disputes = Det här stämmer inte
my-entry-disputes-hint = Kryssa i om du tycker att något i anteckningen är fel. Då står det tydligt bredvid anteckningen.
my-entry-comment-label = Din kommentar
my-entry-comment-hint = Skriv till exempel vad som är fel och hur det egentligen är.
my-entry-comment-submit = Spara kommentaren
my-entry-back = Tillbaka till ärendet

case-notice-note-added = Din anteckning är sparad.
case-notice-comment-added = Din kommentar är sparad tillsammans med anteckningen.
case-notice-message-sent = Meddelandet är skickat.
case-notice-entry-written = Anteckningen är sparad.
case-notice-entry-corrected = Rättelsen är sparad som en ny version. De tidigare versionerna finns kvar.
case-notice-status-changed = Statusen är ändrad. Invånaren får ett e-postmeddelande om att något är nytt.
case-notice-handed-over = Ärendet är överlämnat. Den nya kontaktpersonen får ett e-postmeddelande.
case-notice-closed = Ärendet är avslutat.

## Fel i formulär

case-error-note = Skriv din anteckning
case-error-comment = Skriv din kommentar
case-error-message = Skriv ditt meddelande
case-error-too-long = Texten är för lång. Den får vara högst 20 000 tecken.
case-error-entry-body = Skriv anteckningen
case-error-sharing = Välj om invånaren ska kunna läsa anteckningen
case-error-reason = Skriv varför invånaren inte får läsa anteckningen. Det ska alltid finnas ett skäl när något inte visas.
case-error-stale = Någon annan har rättat anteckningen medan du skrev. Läs den nya versionen och försök igen.
case-error-status = Välj en ny status
case-error-status-not-allowed = Ärendet kan inte få den statusen nu
case-error-status-stale = Någon annan har ändrat statusen medan du skrev. Läs den nya statusen och försök igen.
case-error-due-missing = Skriv vilket datum invånaren ska svara senast
case-error-due-past = Datumet har redan varit. Välj ett datum från i dag och framåt.
case-error-due-format = Skriv datumet som år-månad-dag, till exempel 2026-12-07
case-error-status-note = Skriv vilken information ni behöver. Invånaren läser texten.
case-error-handover-to = Välj en handläggare på samma enhet
case-error-handover-note = Skriv en överlämning, så att den nya kontaktpersonen vet vad som har hänt

## Handläggare: arbetslistan

worklist-cases-title = Ärenden
worklist-cases-lead = Ärenden på dina enheter. De som väntar på svar från invånaren står först, med det tidigaste datumet först.
worklist-cases-no-units = Du arbetar inte på någon enhet ännu. Be en administratör lägga till dig.
worklist-cases-filter = Välj ärenden
worklist-cases-all-units = Alla mina enheter
worklist-cases-all-open = Alla pågående
worklist-cases-show = Visa
worklist-cases-none = Det finns inga ärenden som passar.
worklist-cases-count = { $count ->
    [one] 1 ärende
   *[other] { $count } ärenden
}
worklist-cases-case = Ärende
worklist-cases-resident = Invånare
worklist-cases-due = Svar senast
worklist-cases-opened = Öppnat
worklist-cases-overdue = Datumet har passerat
worklist-cases-unassigned = Ingen kontaktperson

## Handläggare: ärendet

officer-case-resident-reads = Invånaren läser:
officer-case-correct-link = Rätta anteckningen eller se historiken
officer-case-write-heading = Skriv en ny anteckning
officer-case-entry-label = Anteckning
officer-case-entry-hint = Skriv så att invånaren förstår. Invånaren kan läsa anteckningen direkt om den visas.
officer-case-entry-submit = Spara anteckningen
case-sharing-legend = Ska invånaren kunna läsa anteckningen?
case-sharing-hint = Huvudregeln är att invånaren får läsa allt. Att inte visa något är ett undantag som du måste motivera.
case-sharing-shared = Ja, visa den för invånaren
case-sharing-withheld = Nej, visa den inte
case-reason-label = Skäl till att den inte visas
case-reason-hint = Behövs bara om anteckningen inte ska visas. Skriv till exempel vilken sekretessregel det gäller.
officer-case-notes-heading = Invånarens egna anteckningar
officer-case-notes-none = Invånaren har inte skrivit några egna anteckningar.
officer-case-message-label = Meddelande till invånaren
officer-case-message-hint = Invånaren får ett e-postmeddelande om att det finns ett nytt meddelande här. Det du skriver skickas aldrig med e-post.
officer-case-status-heading = Ändra status
officer-case-new-status = Ny status
officer-case-due-label = Svara senast
officer-case-due-hint = Behövs när ni behöver mer information. Skriv som år-månad-dag, till exempel 2026-12-07.
officer-case-status-note-label = Till invånaren
officer-case-status-note-hint = Skriv vad som händer, eller vilken information ni behöver. Invånaren läser texten i tidslinjen.
officer-case-status-submit = Ändra status
officer-case-handover-heading = Lämna över ärendet
officer-case-handover-none = Det finns ingen annan handläggare på enheten att lämna över till.
officer-case-handover-to = Ny kontaktperson
officer-case-handover-note-label = Överlämning
officer-case-handover-note-hint = Skriv vad den nya kontaktpersonen behöver veta, så att invånaren inte behöver börja om.
officer-case-handover-submit = Lämna över ärendet
officer-case-handovers-heading = Överlämningar
officer-case-close-heading = Avsluta ärendet
officer-case-close-body = När ärendet är avslutat kan ingen skicka meddelanden i det. Allt som har skrivits finns kvar och invånaren kan fortfarande läsa det.
officer-case-close-note-label = Till invånaren (om du vill)
officer-case-close-note-hint = Till exempel vart invånaren kan vända sig om hen behöver stöd igen.
officer-case-close-submit = Avsluta ärendet

correct-title = Rätta en anteckning
correct-history = Tidigare versioner
correct-form-heading = Skriv en rättelse
correct-form-lead = Rättelsen sparas som en ny version. Den gamla versionen finns kvar och kan läsas, av invånaren också om den visades.
correct-submit = Spara rättelsen

## Loggen

audit-action-case-viewed = Läste ditt ärende
audit-action-cases-listed = Såg listan över ärenden
audit-action-journal-entry-written = Skrev en anteckning i din journal
audit-action-journal-entry-corrected = Rättade en anteckning i din journal
audit-action-case-addition-made = Lade till något i journalen
audit-action-case-message-sent = Skickade ett meddelande i ärendet
audit-action-case-status-changed = Ändrade status i ditt ärende
audit-action-case-handed-over = Lämnade över ditt ärende till en annan kontaktperson
audit-action-case-closed = Avslutade ditt ärende

## E-post (vanlig text, ingen HTML). Aldrig vad ärendet gäller.

mail-case-news-subject = Det finns något nytt i ditt ärende på Nära
mail-case-news-body =
    Hej!

    Det finns något nytt att läsa i ditt ärende hos { -city }. För att skydda dig skriver vi inte vad det gäller i e-posten. Logga in på Nära för att läsa det:

    { $link }

    Har du frågor? Ring kontaktcenter på { -contact-phone }.

    Vänliga hälsningar
    Nära, { -city }

mail-case-officer-news-subject = Nytt i ett ärende på Nära
mail-case-officer-news-body =
    Hej!

    Det finns något nytt i ett ärende där du är kontaktperson. Logga in på Nära för att läsa det:

    { $link }

    Vänliga hälsningar
    Nära
worklist-pages = Sidor i arbetslistan
officer-case-withdrawn = Den sökande återkallade ansökan { $when }. Skälet:
case-contact-phone = Telefon
case-contact-phone-hours = Svarar i telefon
case-contact-not-now = { $name } svarar inte i telefon just nu.
case-contact-call-instead = Behöver du hjälp av socialtjänsten innan dess? Ring socialjouren på
case-contact-emergency = Om någon är i fara: ring 112.
