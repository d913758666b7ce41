# Accessibility statement under the Swedish Act on accessibility to digital public services,
# following DIGG's model. Plain English, "you", no unexplained abbreviations.

accessibility-title = Accessibility of Nära
accessibility-intro = Nära is run by { -city }. We want everyone to be able to use this website, however you read, see, hear or use your computer and phone.
accessibility-intro-law = This page is our accessibility statement. Here we explain how Nära meets the Swedish law on accessible digital public services, which problems we know about, and how to tell us if something does not work.
accessibility-intro-standard = Our aim is for the website to meet WCAG 2.1 at level AA. WCAG is a set of international guidelines for making websites accessible, and it is what the law requires.

accessibility-status-heading = How accessible is this website?
accessibility-status-body = We have built Nära to meet WCAG 2.1 at level AA. We believe the parts that exist today meet the requirements. No one outside the city has reviewed the website yet.
accessibility-status-new = Nära is a new service, and we are still building some parts of it. When we find problems, we will list them on this page. We will also say when we expect to fix them.
accessibility-testing-heading = How we test the website
accessibility-testing-intro = We test the website in several ways:
accessibility-testing-axe = automatically, with the axe tool in a real web browser
accessibility-testing-keyboard = with the keyboard only, without a mouse
accessibility-testing-zoom = with the text enlarged to 400 percent
accessibility-testing-no-javascript = without JavaScript
accessibility-known-heading = Problems we know about
accessibility-known-none = At the moment we do not know of any problems. If you find something, we would like to hear about it.

accessibility-use-heading = How you can use this website
accessibility-use-intro = You should be able to use Nära in the way that suits you. For example, you can:
accessibility-use-zoom = enlarge the text up to 400 percent without anything disappearing
accessibility-use-settings = change colours, fonts and text size in your web browser
accessibility-use-keyboard = move around the whole website using only the keyboard
accessibility-use-screen-reader = listen to the text with a screen reader
accessibility-use-no-javascript = use the website without JavaScript
accessibility-use-plain-language = read texts written in plain language
accessibility-use-languages = read the website in Swedish or English

accessibility-format-heading = Do you need the content in another way?
accessibility-format-intro = If you cannot use something on the website, you can ask us for it in another way. For example, you can ask to get it:
accessibility-format-easy-read = in easy-to-read Swedish
accessibility-format-language = in another language
accessibility-format-read-aloud = read aloud to you on the phone
accessibility-format-paper = on paper
accessibility-format-interpreter = Do you need an interpreter, for example a sign language interpreter, when you talk to us? Tell us when you contact us. The interpreter costs you nothing.
accessibility-format-contact = Get in touch, and we will help you.
accessibility-format-contact-link = How to contact us

accessibility-report-heading = Tell us if something does not work
accessibility-report-body = We want to know if something on the website is hard to use, or if you cannot use it at all. Get in touch, and we will fix it as soon as we can.
accessibility-report-tell = If you can, tell us which page it is about and what happened. You do not need to know what the problem is called.
accessibility-report-phone-label = Contact centre phone
accessibility-report-phone = { -contact-phone }
accessibility-report-hours-label = Opening hours
accessibility-report-hours = { -contact-hours }
accessibility-report-email-label = Email
accessibility-report-email = tillganglighet@helsingborg.se
accessibility-report-answer = We answer within 5 working days.

accessibility-supervision-heading = If you are not happy with our answer
accessibility-supervision-body = The Agency for Digital Government (DIGG) checks that the Swedish law on accessible digital public services is followed.
accessibility-supervision-complaint = If you are not happy with how we handled what you told us, you can report it to DIGG.
accessibility-supervision-link = Report to DIGG (the page is in Swedish)

accessibility-method-heading = About this statement
accessibility-method-self = We reviewed the website ourselves. This is called a self-assessment.
accessibility-method-date = This statement was written in November 2026.
accessibility-method-updates = We update it when the website changes, and when we find or fix problems.
