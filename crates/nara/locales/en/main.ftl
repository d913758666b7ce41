# English. Write plainly and respectfully.
-city = the City of Helsingborg
-contact-phone = +46 42 10 50 00
-contact-hours = Monday to Friday 8.00–16.00

site-name = Nära
site-tagline = Support and help from { -city }
skip-to-content = Skip to content
language-switch-label = Choose language
footer-nav-label = About this website
footer-accessibility = Accessibility
footer-owner = Nära is run by { -city }.

home-title = What do you need help with?
home-heading = What do you need help with?
home-lead = Here you find support from the city, the region and associations. You can stay anonymous, and you decide what you want to tell.
home-urgent-heading = Do you need help now?
home-urgent-emergency = If someone is in danger: call 112.
home-urgent-after-hours = In the evening, at night and at weekends you reach the social emergency service by calling 112. You can talk to someone straight away.
home-areas-heading = Support in different areas
home-areas-empty = A list of different kinds of support will be here soon. Until then, call the contact centre.
home-contact-heading = Would you like to talk to someone?
home-contact-body = The contact centre answers questions about everything the city does and helps you on to the right person.
home-contact-phone-label = Phone
home-contact-phone = { -contact-phone }
home-contact-hours-label = Opening hours
home-contact-hours = { -contact-hours }

error-go-home = Go to the home page
error-contact = If the problem remains, call the contact centre on { -contact-phone }.
error-reference = Reference if you contact us:
error-400-heading = Something in the request was wrong
error-400-body = We could not understand what was sent. Go back and try again.
error-403-heading = You do not have access to this page
error-403-body = The page needs permission, or the request came from another website. Go back and try again.
error-404-heading = Page not found
error-404-body = The page may have moved or been removed. Check the address or start again from the home page.
error-408-heading = It took too long
error-408-body = The answer took too long. Please try again in a moment.
error-413-heading = What you sent is too large
error-413-body = Try a smaller file or a shorter text.
error-500-heading = Something went wrong on our side
error-500-body = It is not your fault. Please try again in a moment.

## Pictures people upload (media)
media-error-empty = The file is empty. Choose a picture.
media-error-too-large = The picture is too large. It can be at most 10 MB.
media-error-not-a-picture = The file is not a picture. Choose a JPEG, PNG or WebP picture.
media-error-too-many-pixels = The picture has too many pixels. Choose a smaller picture, at most 10,000 pixels on each side.
media-error-unreadable = The picture could not be read. The file may be damaged. Try another picture.

# Links between the pages of a long list.
pages-previous = Previous page
pages-next = Next page
pages-page = Page { $number }
