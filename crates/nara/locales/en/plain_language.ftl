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

role-plain-reviewer = plain-language reviewer
nav-plain-words = Plain-language list

plain-words-title = Words and phrases with plainer alternatives
plain-words-lead = The plain-language checker marks these words and phrases and suggests the plainer alternative. Changes apply at once.
plain-words-none = The list is empty.
plain-words-count = { $count ->
    [one] { $count } word or phrase
   *[other] { $count } words and phrases
}
plain-words-new-title = Add a word or phrase
plain-words-change-title = Change a word or phrase
plain-words-phrase = Word or phrase (Swedish)
plain-words-phrase-hint = One or more words. Put * at the end of a word to include every word that begins that way, for example erhåll*.
plain-words-plain = Plainer alternative
plain-words-save = Save
plain-words-remove-heading = Remove from the list
plain-words-remove = Remove
plain-words-error-phrase-missing = Enter a word or phrase
plain-words-error-phrase-too-long = Enter a shorter phrase (80 characters at most)
plain-words-error-phrase-unusable = Use only letters, digits and hyphens, and * only at the end of a word after at least three letters
plain-words-error-phrase-listed = The word or phrase is already on the list
plain-words-error-plain-missing = Enter a plainer alternative
plain-words-error-plain-too-long = Enter a shorter alternative (200 characters at most)

# Plain-language hints under fields where staff write text for residents
plain-hints-title = Plain Swedish: how the text reads
plain-hints-lix = LIX { $lix }: { $band }
plain-hints-word = “{ $word }”: write “{ $plain }” instead
plain-hints-long = { $count ->
    [one] One sentence has more than { $max } words. Consider splitting it in two.
   *[other] { $count } sentences have more than { $max } words. Consider splitting them.
}

# Uploaded texts (.docx, .odt, .txt) for plain-language review
plain-upload-empty = The file is empty. Choose a file with text in it.
plain-upload-too-large = The file is too large. It can be at most 5 MB.
plain-upload-encrypted = The file is protected by a password or saved in an old Word format. Remove the password or save it as .docx and try again.
plain-upload-macros = The file has macros. Save it as an ordinary .docx without macros and try again.
plain-upload-expands = The file becomes too large when it is unpacked. Paste the text instead.
plain-upload-text-too-long = The text is too long. Split it into several parts.
plain-upload-unreadable = We cannot read the file. Choose a .docx, .odt or .txt, or paste the text.
