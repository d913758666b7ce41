## The municipality's set-up: units, areas of help, target groups, the search page's contact

setup-kind-units = Units
setup-kind-areas = Areas of help
setup-kind-target-groups = Target groups
setup-one-units = The unit
setup-one-areas = The area of help
setup-one-target-groups = The target group

setup-admin-heading = The city's set-up
setup-admin-body = Here you change the units, areas of help and target groups the rest of Nära uses. Every change is kept with who made it and when.
setup-no-units = There are no units yet. Case officers and log reviewers need a unit, so add a unit before you invite them.
setup-no-units-link = Add a unit

setup-lead-enheter = The units of the social services. Case officers and log reviewers hold their role within a unit.
setup-lead-omraden = Areas of help are the everyday words residents look for support by, and what directory entries are filed under.
setup-lead-malgrupper = Target groups say whom a directory entry is for.
setup-add-enheter = Add a unit
setup-add-omraden = Add an area of help
setup-add-malgrupper = Add a target group
setup-list-heading = All
setup-list-empty = Nothing here yet.
setup-add-submit = Add
setup-save-submit = Save the changes
setup-slug-fixed = (cannot be changed)

setup-field-slug = Address
setup-field-name-sv = Name in Swedish
setup-field-name-en = Name in English
setup-field-kind = Kind of unit
setup-field-phone = Phone
setup-field-email = E-mail
setup-field-summary-sv = Short description in Swedish
setup-field-summary-en = Short description in English
setup-field-position = Place in the list
setup-field-home-page = Show on the home page

setup-hint-slug = Used in web addresses and in the set-up file. Lower-case letters a–z, digits and hyphens, for example children-and-family. Cannot be changed later.
setup-hint-position = A number. Lower numbers come first.
setup-hint-home-page = The area is one of the ways in on the home page. The search offers every area either way.
setup-hint-unit-kind = Case handling is assessments and decisions. A service gives the support. Staff functions are, for example, quality and development.
setup-hint-optional = Optional.

setup-unit-kind-case-handling = Case handling
setup-unit-kind-service = Service
setup-unit-kind-development = Staff function and development
setup-yes = Yes
setup-no = No

setup-error-slug = Write the address in lower-case letters a–z, digits and hyphens, for example children-and-family
setup-error-name-sv = Enter the name in Swedish, at most 120 characters
setup-error-name-en = Enter the name in English, at most 120 characters
setup-error-name = Enter the name, at most 120 characters
setup-error-summary = Write at most 400 characters
setup-error-position = Enter a number from 1 to 9999
setup-error-unit-kind = Choose the kind of unit: case_handling, service or development
setup-error-contact-one = Give either a directory entry (entry) or a name (name), not both
setup-error-contact-reach = Enter a phone number or an e-mail address
setup-error-unknown-key = There is no such key. Check the spelling.
setup-error-duplicate = The address is already used earlier in the list
setup-error-expect-text = Write the text in quotation marks
setup-error-expect-number = Write a number without quotation marks
setup-error-expect-boolean = Write true or false
setup-error-taken = The address is already taken. Choose another, or change the one that exists.
setup-error-in-use = This is in use and cannot be removed. See what uses it below.

setup-use-roles = { $count ->
    [one] one role
   *[other] { $count } roles
}
setup-use-invitations = { $count ->
    [one] one unused invitation
   *[other] { $count } unused invitations
}
setup-use-cases = { $count ->
    [one] one case
   *[other] { $count } cases
}
setup-use-forms = { $count ->
    [one] one application form
   *[other] { $count } application forms
}
setup-use-events = { $count ->
    [one] one meeting series
   *[other] { $count } meeting series
}
setup-use-log = { $count ->
    [one] one line in the log
   *[other] { $count } lines in the log
}
setup-use-entries = { $count ->
    [one] one directory entry
   *[other] { $count } directory entries
}
setup-refused-in-use = { $kind } "{ $slug }" is in use and cannot be removed: { $uses }
setup-refused-taken = The address "{ $slug }" is already taken

setup-uses-heading = Used by
setup-uses-none = Nothing uses this yet.
setup-remove-heading = Remove
setup-remove-body = Nothing uses this, so it can be removed. The change is kept in the history.
setup-remove-submit = Remove
setup-remove-instead = This is in use, so it cannot be removed. Rename it if needed; what uses it follows along.
setup-remove-instead-area = The area is in use, so it cannot be removed. To keep it off the home page, untick Show on the home page.

setup-history-heading = Changes
setup-history-none = No changes are kept. This existed before the history began.
setup-history-when = When
setup-history-who = Who
setup-history-what = What
setup-history-created = Added
setup-history-updated = Changed
setup-history-removed = Removed
setup-history-by-system = The system (nara setup)

setup-notice-created = It has been added.
setup-notice-saved = The changes are saved.
setup-notice-unchanged = Nothing had changed, so nothing was saved.
setup-notice-removed = It has been removed.

setup-contact-lead = Get in touch here if you cannot find what you are looking for. We listen to what you need and help you on to the right support.
setup-contact-hours = Open
audit-action-setup-changed = Changed the city's set-up (units, areas of help, target groups)
