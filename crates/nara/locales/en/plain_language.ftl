# Plain language: the checker and the review of texts

plain-api-too-long = The text is too long. Send at most { $max } characters at a time.
plain-api-unreadable = We could not read the text. Send JSON such as {"{"}"text": "…"{"}"} or a form with the field text.
plain-api-too-many = You have sent many texts in a short time. Wait a minute and try again.

plain-lix-very-easy = Very easy to read, like children's books
plain-lix-easy = Easy to read, like simple texts
plain-lix-medium = Medium, like an ordinary newspaper text
plain-lix-difficult = Difficult, like factual information
plain-lix-very-difficult = Very difficult, like specialist texts
plain-lix-bureaucratic = Very difficult, bureaucratic Swedish

plain-personal-pnr = Personal identity number
plain-personal-phone = Phone number
plain-personal-email = E-mail address

# Plain-language hints under fields where staff write text for residents
plain-hints-title = Plain Swedish: how the text reads
plain-hints-lix = LIX { $lix }: { $band }
plain-hints-word = “{ $word }”: write “{ $plain }” instead
plain-hints-long = { $count ->
    [one] One sentence has more than { $max } words. Consider splitting it in two.
   *[other] { $count } sentences have more than { $max } words. Consider splitting them.
}
