# Tillgänglighetsredogörelse enligt lagen om tillgänglighet till digital offentlig service (DOS-lagen),
# efter DIGG:s mall. Klarspråk: korta meningar, "du", inga förkortningar utan förklaring.

accessibility-title = Tillgänglighet för Nära
accessibility-intro = Nära drivs av { -city }. Vi vill att alla ska kunna använda webbplatsen, hur du än läser, ser, hör eller använder datorn och mobilen.
accessibility-intro-law = Den här sidan är vår tillgänglighetsredogörelse. Här berättar vi hur Nära uppfyller lagen om tillgänglighet till digital offentlig service, vilka brister vi känner till och hur du säger till om något inte fungerar.
accessibility-intro-standard = Målet är att webbplatsen ska uppfylla WCAG 2.1 på nivå AA. WCAG är internationella riktlinjer för hur en webbplats blir tillgänglig, och det är dem lagen kräver.

accessibility-status-heading = Hur tillgänglig är webbplatsen?
accessibility-status-body = Vi har byggt Nära för att uppfylla WCAG 2.1 på nivå AA. Vi bedömer att de delar som finns i dag uppfyller kraven. Ingen utanför staden har granskat webbplatsen ännu.
accessibility-status-new = Nära är en ny tjänst, och vi bygger fortfarande vissa delar. När vi hittar brister skriver vi upp dem på den här sidan. Vi berättar också när vi räknar med att rätta dem.
accessibility-testing-heading = Så testar vi webbplatsen
accessibility-testing-intro = Vi testar webbplatsen på flera sätt:
accessibility-testing-axe = automatiskt, med verktyget axe i en riktig webbläsare
accessibility-testing-keyboard = med bara tangentbordet, utan mus
accessibility-testing-zoom = med texten förstorad till 400 procent
accessibility-testing-no-javascript = utan JavaScript
accessibility-known-heading = Brister vi känner till
accessibility-known-none = Just nu känner vi inte till några brister. Om du hittar något vill vi gärna veta det.

accessibility-use-heading = Så kan du använda webbplatsen
accessibility-use-intro = Du ska kunna använda Nära på det sätt som passar dig. Du kan till exempel:
accessibility-use-zoom = förstora texten upp till 400 procent utan att något försvinner
accessibility-use-settings = ändra färger, typsnitt och textstorlek i din webbläsare
accessibility-use-keyboard = ta dig runt på hela webbplatsen med bara tangentbordet
accessibility-use-screen-reader = lyssna på texterna med en skärmläsare
accessibility-use-no-javascript = använda webbplatsen utan JavaScript
accessibility-use-plain-language = läsa texter som är skrivna på enkel svenska
accessibility-use-languages = läsa webbplatsen på svenska eller engelska

accessibility-format-heading = Behöver du innehållet på ett annat sätt?
accessibility-format-intro = Om du inte kan ta del av något på webbplatsen kan du be oss om det på ett annat sätt. Du kan till exempel be om att få det:
accessibility-format-easy-read = på lättläst svenska
accessibility-format-language = på ett annat språk
accessibility-format-read-aloud = uppläst för dig i telefon
accessibility-format-paper = på papper
accessibility-format-interpreter = Behöver du tolk, till exempel teckenspråkstolk, när du pratar med oss? Säg det när du kontaktar oss. Tolken kostar ingenting för dig.
accessibility-format-contact = Hör av dig till oss, så hjälper vi dig.
accessibility-format-contact-link = Så kontaktar du oss

accessibility-report-heading = Säg till om något inte fungerar
accessibility-report-body = Vi vill veta om något på webbplatsen är svårt att använda, eller om du inte kan ta del av det. Hör av dig, så rättar vi det så snart vi kan.
accessibility-report-tell = Berätta gärna vilken sida det gäller och vad som hände. Du behöver inte veta vad felet heter.
accessibility-report-phone-label = Telefon till kontaktcenter
accessibility-report-phone = { -contact-phone }
accessibility-report-hours-label = Öppettider
accessibility-report-hours = { -contact-hours }
accessibility-report-email-label = E-post
accessibility-report-email = tillganglighet@helsingborg.se
accessibility-report-answer = Vi svarar inom 5 arbetsdagar.

accessibility-supervision-heading = Om du inte är nöjd med vårt svar
accessibility-supervision-body = Det är Myndigheten för digital förvaltning (DIGG) som ser till att vi följer lagen. Lagen heter lagen om tillgänglighet till digital offentlig service.
accessibility-supervision-complaint = Om du inte är nöjd med hur vi har tagit hand om det du har berättat för oss, kan du anmäla det till DIGG.
accessibility-supervision-link = Anmäl till DIGG

accessibility-method-heading = Om den här redogörelsen
accessibility-method-self = Vi har själva granskat webbplatsen. Det kallas självskattning.
accessibility-method-date = Redogörelsen skrevs i november 2026.
accessibility-method-updates = Vi uppdaterar den när webbplatsen ändras, och när vi hittar eller rättar brister.
