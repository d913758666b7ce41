# Klarspråk: kontrollen och granskningen av texter

plain-api-too-long = Texten är för lång. Skicka högst { $max } tecken åt gången.
plain-api-unreadable = Vi kunde inte läsa texten. Skicka JSON som {"{"}"text": "…"{"}"} eller ett formulär med fältet text.
plain-api-too-many = Du har skickat många texter på kort tid. Vänta en minut och försök igen.

plain-lix-very-easy = Mycket lättläst, som barnböcker
plain-lix-easy = Lättläst, som enkla texter
plain-lix-medium = Medelsvår, som en vanlig tidningstext
plain-lix-difficult = Svår, som sakinformation
plain-lix-very-difficult = Mycket svår, som facktexter
plain-lix-bureaucratic = Mycket svår, byråkratsvenska

plain-personal-pnr = Personnummer
plain-personal-phone = Telefonnummer
plain-personal-email = E-postadress

role-plain-reviewer = klarspråkare
nav-plain-words = Klarspråkslistan

plain-words-title = Ord och fraser med enklare alternativ
plain-words-lead = Kontrollen av klarspråk markerar de här orden. Den visar också ett enklare ord att skriva i stället. Det du ändrar gäller direkt.
plain-words-none = Listan är tom.
plain-words-count = { $count ->
    [one] { $count } ord eller fras
   *[other] { $count } ord och fraser
}
plain-words-new-title = Lägg till ord eller fras
plain-words-change-title = Ändra ord eller fras
plain-words-phrase = Ord eller fras
plain-words-phrase-hint = Ett eller flera ord. Sätt * sist i ett ord för att få med alla ord som börjar så, till exempel erhåll*.
plain-words-plain = Enklare alternativ
plain-words-save = Spara
plain-words-remove-heading = Ta bort från listan
plain-words-remove = Ta bort
plain-words-error-phrase-missing = Skriv ett ord eller en fras
plain-words-error-phrase-too-long = Skriv en kortare fras (högst 80 tecken)
plain-words-error-phrase-unusable = Använd bara bokstäver, siffror och bindestreck, och * bara sist i ett ord efter minst tre bokstäver
plain-words-error-phrase-listed = Ordet eller frasen finns redan i listan
plain-words-error-plain-missing = Skriv ett enklare alternativ
plain-words-error-plain-too-long = Skriv ett kortare alternativ (högst 200 tecken)

# Klarspråkstips under fält där personalen skriver text till invånare
plain-hints-title = Klarspråk: så läses texten
plain-hints-lix = LIX { $lix }: { $band }
plain-hints-word = ”{ $word }”: skriv hellre ”{ $plain }”
plain-hints-long = { $count ->
    [one] En mening har fler än { $max } ord. Dela gärna upp den i två.
   *[other] { $count } meningar har fler än { $max } ord. Dela gärna upp dem.
}

# Uppladdade texter (.docx, .odt, .txt) till klarspråksgranskningen
plain-upload-empty = Filen är tom. Välj en fil med text i.
plain-upload-too-large = Filen är för stor. Den får vara högst 5 MB.
plain-upload-encrypted = Filen är låst med lösenord eller sparad i ett gammalt Word-format. Ta bort lösenordet eller spara den som .docx och försök igen.
plain-upload-macros = Filen har makron. Spara den som en vanlig .docx utan makron och försök igen.
plain-upload-expands = Filen blir för stor när den packas upp. Klistra in texten i stället.
plain-upload-text-too-long = Texten är för lång. Dela upp den i flera delar.
plain-upload-unreadable = Vi kan inte läsa filen. Välj en .docx, .odt eller .txt, eller klistra in texten.
