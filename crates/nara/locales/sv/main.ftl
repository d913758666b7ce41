# Svenska – standardspråket. Skriv enkelt och respektfullt. Säg "staden", aldrig "soc".
-city = Helsingborgs stad
-contact-phone = 042-10 50 00
-contact-hours = Måndag till fredag 8.00–16.00

site-name = Nära
site-tagline = Stöd och hjälp från { -city }
skip-to-content = Gå direkt till innehållet
language-switch-label = Välj språk
footer-nav-label = Om webbplatsen
footer-accessibility = Tillgänglighet
footer-owner = Nära drivs av { -city }.

home-title = Vad behöver du hjälp med?
home-heading = Vad behöver du hjälp med?
home-lead = Här hittar du stöd från staden, regionen och föreningar. Du kan vara anonym, och du bestämmer själv vad du vill berätta.
home-urgent-heading = Behöver du hjälp nu?
home-urgent-emergency = Om någon är i fara: ring 112.
home-urgent-after-hours = Kvällar, nätter och helger når du socialjouren genom att ringa 112. Där får du prata med någon direkt.
home-areas-heading = Stöd inom olika områden
home-areas-empty = Här kommer det snart finnas en lista över olika sorters stöd. Ring kontaktcenter så länge.
home-contact-heading = Vill du prata med någon?
home-contact-body = Kontaktcenter svarar på frågor om allt som staden gör och hjälper dig vidare till rätt person.
home-contact-phone-label = Telefon
home-contact-phone = { -contact-phone }
home-contact-hours-label = Öppettider
home-contact-hours = { -contact-hours }

error-go-home = Gå till startsidan
error-contact = Om problemet finns kvar kan du ringa kontaktcenter på { -contact-phone }.
error-reference = Referens om du kontaktar oss:
error-400-heading = Något i förfrågan var fel
error-400-body = Vi kunde inte förstå det som skickades. Gå tillbaka och försök igen.
error-403-heading = Du har inte tillgång till sidan
error-403-body = Du har inte tillgång till sidan, eller så kom formuläret från en annan webbplats. Gå tillbaka och försök igen.
error-404-heading = Sidan finns inte
error-404-body = Sidan kan ha flyttats eller tagits bort. Kontrollera adressen eller börja om från startsidan.
error-408-heading = Det tog för lång tid
error-408-body = Svaret dröjde för länge. Försök igen om en stund.
error-413-heading = Det du skickade är för stort
error-413-body = Försök med en mindre fil eller kortare text.
error-500-heading = Något gick fel hos oss
error-500-body = Felet är inte ditt. Försök igen om en stund.

## Pictures people upload (media)
media-error-empty = Filen är tom. Välj en bild.
media-error-too-large = Bilden är för stor. Den får vara högst 10 MB.
media-error-not-a-picture = Filen är inte en bild. Välj en bild i formatet JPEG, PNG eller WebP.
media-error-too-many-pixels = Bilden har för många bildpunkter. Välj en mindre bild, högst 10 000 bildpunkter på varje led.
media-error-unreadable = Det gick inte att läsa bilden. Filen kan vara skadad. Prova en annan bild.

# Links between the pages of a long list.
pages-previous = Föregående sida
pages-next = Nästa sida
pages-page = Sida { $number }
