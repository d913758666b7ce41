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

# Klarspråkstips under fält där personalen skriver text till invånare
plain-hints-title = Klarspråk: så läses texten
plain-hints-lix = LIX { $lix }: { $band }
plain-hints-word = ”{ $word }”: skriv hellre ”{ $plain }”
plain-hints-long = { $count ->
    [one] En mening har fler än { $max } ord. Dela gärna upp den i två.
   *[other] { $count } meningar har fler än { $max } ord. Dela gärna upp dem.
}
