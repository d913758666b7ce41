## Booking a meeting with one's contact person
booking-book-title = Boka ett möte
booking-rebook-title = Boka om ditt möte
booking-book-lead = Välj en tid som passar dig och hur du vill träffas. Du får en bekräftelse här på Mina sidor.
booking-rebook-lead = Ditt möte { $when } flyttas till den tid du väljer. Den gamla tiden lämnas tillbaka.
booking-no-times = Det finns inga lediga tider just nu. Skicka ett meddelande till din kontaktperson så hittar ni en tid.
booking-back-to-case = Tillbaka till ärendet
booking-choose-time = Välj tid
booking-choose-time-hint = Tider som är utanför kontorstid är markerade.
booking-outside-office-hours = Utanför kontorstid
booking-choose-mode = Hur vill du träffas?
booking-book-submit = Boka mötet
booking-rebook-submit = Flytta mötet hit
booking-mode-in-person = Besök
booking-mode-phone = Telefon (vi ringer dig)
booking-mode-video = Videomöte
booking-error-choose-time = Välj en tid
booking-error-taken = Tiden är inte ledig längre. Välj en annan tid
booking-error-choose-mode = Välj hur du vill träffas
booking-error-mode = Den tiden går inte att ha på det sättet. Välj ett annat sätt eller en annan tid
booking-error-too-late = Det är för sent att boka om mötet här. Ring eller skriv till din kontaktperson
booking-title = Ditt möte
booking-case = Ärendet
booking-booked = Mötet är bokat.
booking-cancelled = Mötet är avbokat.
booking-when = När
booking-how = Hur
booking-where = Var
booking-with = Med
booking-reference = Bokningsnummer
booking-add-to-calendar = Lägg till i din kalender (iCalendar)
booking-change-until = { $hours ->
    [one] Du kan boka om eller avboka fram till en timme innan.
   *[other] Du kan boka om eller avboka fram till { $hours } timmar innan.
}
booking-rebook-link = Boka om mötet
booking-cancel = Avboka
booking-too-late = Det är för sent att ändra mötet här. Ring eller skriv till din kontaktperson om du inte kan komma.
booking-calendar-summary = Möte med din kontaktperson
mail-booking-changed-subject = En bokning har ändrats
mail-booking-changed-body =
    Hej!

    Något har ändrats i en av dina bokningar. Logga in på Mina sidor för att se vad:
    { $link }

    Vänliga hälsningar
    Nära, { -city }
mail-booking-changed-officer-subject = En bokning har ändrats
mail-booking-changed-officer-body =
    Hej!

    Något har ändrats i ett av dina bokade möten. Logga in och öppna Mina bokningsbara tider och kommande möten för att se vad:
    { $link }

    Vänliga hälsningar
    Nära, { -city }

## The officer's bookable times
availability-title = Mina bokningsbara tider
availability-lead = De tider du lägger upp här kan de du är kontaktperson för boka, boka om och avboka själva. Du kan också erbjuda tider på kvällar och helger.
availability-bookings = Kommande möten
availability-no-bookings = Inga bokade möten.
availability-windows = Tider varje vecka
availability-no-windows = Du har inga bokningsbara tider ännu.
availability-meetings-of = { $minutes } minuter per möte
availability-buffer-of = { $minutes } minuter mellan möten
availability-remove = Ta bort
availability-add = Lägg till en tid
availability-weekday = Veckodag
availability-from = Från (tt:mm)
availability-until = Till (tt:mm)
availability-time-hint = Till exempel 17:00
availability-length = Mötets längd i minuter
availability-length-hint = Mellan 10 och 240
availability-buffer = Minuter mellan mötena (frivilligt)
availability-buffer-hint = Tid för att skriva och förbereda
availability-modes = Hur kan man träffa dig på den tiden?
availability-place = Adress eller videolänk
availability-place-hint = Visas för den som bokar besök eller videomöte
availability-add-submit = Lägg till
availability-blocked = Dagar du inte tar emot
availability-block-date = Datum
availability-block-submit = Spärra dagen
availability-error-weekday = Välj en veckodag
availability-error-time = Skriv en tid som 17:00
availability-error-order = Tiden måste sluta efter att den börjar
availability-error-length = Skriv en längd mellan 10 och 240 minuter som ryms inom tiden
availability-error-buffer = Skriv högst 240 minuter mellan mötena
availability-error-modes = Välj minst ett sätt att träffas
availability-error-date = Skriv ett datum som 2027-03-15
audit-action-booking-made = Bokade ett möte
audit-action-booking-cancelled = Avbokade ett möte
case-meetings-heading = Möten
case-meetings-none = Inga bokade möten.
case-book-meeting = Boka ett möte med din kontaktperson
booking-cancelled-tag = Avbokat
availability-link = Mina bokningsbara tider och kommande möten
mail-booking-reminder-subject = Påminnelse om ett möte
mail-booking-reminder-body =
    Hej!

    Det här är en påminnelse om att du har ett bokat möte med din kontaktperson inom ett dygn.
    Du ser tid och plats, och kan boka om eller avboka, här:
    { $link }

    Vänliga hälsningar
    Nära, { -city }
booking-mode-in-person-short = besök
booking-mode-phone-short = telefon
booking-mode-video-short = video
audit-action-bookings-listed = Såg sina kommande möten, där ett av dina fanns med
availability-error-place = Skriv adressen eller länken på en rad, högst 300 tecken
booking-error-too-many = Du har redan tre kommande möten i det här ärendet. Boka om eller avboka ett av dem först
booking-error-gone = Mötet du ville flytta är redan flyttat eller avbokat
booking-error-case-changed = Du har fått en ny kontaktperson. Välj en av hens tider
booking-choose-mode-hint = Sedan visar vi de tider då det går att träffas så.
booking-show-times = Visa lediga tider
booking-mode-chosen = Så här träffas ni:
booking-change-mode = Välj ett annat sätt att träffas
phone-hours-heading = När du svarar i telefon
phone-hours-lead = Visas för dem du är kontaktperson för. Utanför tiderna får de veta att de kan ringa socialjouren.
phone-hours-phone = Telefonnummer
phone-hours-phone-hint = Till exempel 042-10 50 00
phone-hours-days = Dagar du svarar
phone-hours-submit = Spara telefontider
phone-hours-error-phone = Skriv ett telefonnummer, till exempel 042-10 50 00
phone-hours-error-days = Välj minst en dag
phone-hours-from = Svarar från (tt:mm)
phone-hours-until = Svarar till (tt:mm)
