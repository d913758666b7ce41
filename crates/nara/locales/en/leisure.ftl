## The leisure bank: equipment to borrow free, loans, hand-over, participants' work and statistics.

role-leisure-staff = leisure bank staff
role-leisure-participant = leisure bank participant
nav-leisure = Leisure bank
nav-leisure-desk = Leisure bank
nav-leisure-work = Leisure bank tasks

leisure-title = Leisure bank
leisure-lead = Borrow sports and leisure equipment free of charge, like at a library. The equipment is donated and looked after by participants who sort, wash and repair it.
leisure-places-heading = Lending places
leisure-places-none = There are no lending places yet.
leisure-items-heading = Equipment
leisure-how-it-works = You borrow for 14 days and can renew once if nobody is waiting. If you reserve, pick it up within 3 days. Bring ID when you pick up. The figures show what can be borrowed right now.
leisure-log-in-to-reserve = Log in to reserve
leisure-kind = Equipment
leisure-size = Size
leisure-available-at = Now at { $place }
leisure-reserve = Reserve
leisure-reserve-where = Where do you want to pick up { $kind }?
leisure-join-waitlist = Join the queue
leisure-category = Category
leisure-category-ball = Ball sports
leisure-category-winter = Winter sports
leisure-category-cycling = Cycling
leisure-category-outdoor = Outdoor life
leisure-category-water = Water
leisure-category-fitness = Fitness
leisure-category-games = Games and play

leisure-step = Step
leisure-step-donated = Donated
leisure-step-sorting = Being sorted
leisure-step-washing = Being washed
leisure-step-repair = Being repaired
leisure-step-available = Available
leisure-step-lent = Lent
leisure-step-returned = Returned
leisure-step-retired = Retired
leisure-condition = Condition
leisure-condition-good = Good
leisure-condition-worn = Worn
leisure-condition-damaged = Damaged
leisure-task-sort = Sort
leisure-task-wash = Wash
leisure-task-repair = Repair
leisure-task-store = Store
leisure-task-deliver = Deliver

leisure-my-loans-title = My leisure bank loans
leisure-my-loans-lead = Here you see what you have reserved and borrowed, and when to pick it up or bring it back. You can return at any lending place.
leisure-my-loans-none = You have no loans.
leisure-loan-reserved = Reserved
leisure-loan-lent = Borrowed
leisure-loan-returned = Returned
leisure-loan-expired = Not picked up
leisure-pick-up-by = Pick up by { $when }
leisure-due-on = Return by { $date }
leisure-renew = Renew the loan of { $kind }
leisure-renew-refused = The loan could not be renewed
leisure-renew-not-lent = Only a loan you have picked up can be renewed.
leisure-renew-once = A loan can be renewed once.
leisure-renew-waiting = Someone else is waiting for the same thing, so the loan cannot be renewed. Please return it by the last day.
leisure-waiting-heading = Queues you are in
leisure-waiting-none = You are not in any queue.
leisure-waiting-place = { $place ->
    [one] you are first in the queue
   *[other] place { $place } in the queue
}
leisure-notice-reserved = You have reserved it. Pick it up within 3 days.
leisure-notice-waiting = Nothing was free right now. You are in the queue and will get an e-mail when there is something to pick up.
leisure-notice-renewed = The loan is renewed.

leisure-desk-title = Leisure bank desk
leisure-desk-reserved = Reserved, to hand over
leisure-desk-overdue = Overdue loans
leisure-desk-none = Nothing right now.
leisure-desk-steps = Equipment per step
leisure-place = Lending place
leisure-scan-title = Scan or type the code
leisure-scan-lead = Scan the QR code on the label with the camera, or type the code printed under it.
leisure-scan-code = Code
leisure-scan-code-hint = 24 characters, for example from the label. Spaces and dashes do not matter.
leisure-scan-submit = Show the item
leisure-scan-camera = Scan with the camera
leisure-error-code = The code is 24 letters and digits. Check the label.
leisure-code = Code
leisure-borrower = Borrower: { $name }
leisure-hand-over = Hand over
leisure-desk-loan-heading = Lend at the desk
leisure-desk-loan-lead = Someone who does not want an account leaves only a name and a phone number. Both are deleted when the item is returned.
leisure-desk-name = Name
leisure-desk-phone = Phone number
leisure-desk-phone-hint = For example 070-123 45 67.
leisure-lend = Lend
leisure-error-name = Enter the borrower's name.
leisure-error-name-long = The name is too long.
leisure-error-phone = Enter a phone number with 6 to 15 digits.
leisure-error-not-free = The item is no longer free. Reload the page.
leisure-error-move = The item cannot move to that step now. Reload the page.
leisure-return-heading = Take back
leisure-return-place = Where is it returned?
leisure-return = Take back
leisure-next-step = Next step
leisure-move-to = To: { $step }
leisure-history = History
leisure-when = When
leisure-by = By
leisure-notice-lent = Handed over.
leisure-notice-returned = Back. The item is now at the lending place where it was returned.
leisure-notice-moved = Moved to the next step.
leisure-notice-offered = Moved. The first in the queue has it reserved and got an e-mail.

mail-leisure-offer-subject = What you queued for can be picked up
mail-leisure-offer-body = Hello! { $kind } can now be picked up at the leisure bank. Pick it up by { $until }, or it goes to the next in the queue. Your loans: { $link }
mail-leisure-due-subject = Reminder: return { $kind }
mail-leisure-due-body = Hello! The loan of { $kind } is due back by { $date }. You can return it at any lending place. Your loans: { $link }
mail-leisure-overdue-subject = The loan of { $kind } is overdue
mail-leisure-overdue-body = Hello! The loan of { $kind } was due back on { $date }. Please return it as soon as you can, so someone else can borrow it. Your loans: { $link }

audit-action-leisure-reserved = Reserved equipment at the leisure bank
audit-action-leisure-reservation-lapsed = The reservation ended: the equipment was not picked up in time
audit-action-leisure-waitlisted = Joined a leisure bank queue
audit-action-leisure-renewed = Renewed a leisure bank loan
audit-action-leisure-lent = Handed over leisure bank equipment
audit-action-leisure-returned = Took back leisure bank equipment
audit-action-leisure-item-moved = Moved equipment to its next step
audit-action-leisure-loan-viewed = Read who borrows equipment
audit-action-leisure-work-recorded = Recorded work at the leisure bank
audit-action-leisure-hours-signed-off = Signed off a participant's hours

leisure-label-title = Label
leisure-label-lead = Print the label and attach it to the item. The QR code opens the item's page at the desk; the code under it can be typed on the scan page.
leisure-label-qr = QR code for { $kind }
leisure-label-link = Print the label

leisure-board-title = Leisure bank tasks
leisure-board-lead = Here you see what waits at each step and where. Choose an item, do the task and write how long it took and what you did.
leisure-my-work = Your work
leisure-hours-recorded = Hours you have recorded
leisure-hours-signed-off = Hours signed off
leisure-items-back = Items you made ready to lend again
leisure-loans-enabled = Loans your work made possible
leisure-notice-work = Saved. Thank you for your work!
leisure-work-minutes = How many minutes did it take?
leisure-work-minutes-hint = Between 1 and 720 minutes.
leisure-work-what = What did you do?
leisure-work-next = Where does the item go now?
leisure-work-submit = Save and move on
leisure-error-minutes = Enter the minutes, between 1 and 720.
leisure-error-what = Write briefly what you did.
leisure-error-what-long = The text is too long. Write at most 1,000 characters.
leisure-error-next = Choose where the item goes now.
leisure-desk-work = Participants' work to sign off
leisure-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
leisure-sign-off = Sign off { $name }'s hours

leisure-reserve-refused = The reservation could not be made
leisure-error-limit = { $max ->
    [one] You can have one reservation or waitlist place at a time. Pick up what you have reserved, or leave a waitlist below, before you reserve anything more.
   *[other] You can have at most { $max } reservations and waitlist places at a time. Pick up what you have reserved, or leave a waitlist below, before you reserve anything more.
}
leisure-leave-waitlist = Leave the waitlist for { $kind }
leisure-notice-left-waitlist = You have left the waitlist. The people behind you move up.
leisure-loan-lost = Written off, never returned
audit-action-leisure-waitlist-left = Left a waitlist at the leisure bank
audit-action-leisure-desk-loan-written-off = Wrote off a loan that was never returned and deleted the borrower's name and phone number
audit-action-leisure-photo-added = Added a photo of leisure bank equipment
audit-action-leisure-photo-removed = Removed a photo of leisure bank equipment

leisure-photo-heading = Photo
leisure-photo-lead = The photo is shown for this kind of equipment on the public Leisure bank page. A new photo replaces the old one.
leisure-photo-none = There is no photo yet.
leisure-photo-label = Choose a photo
leisure-photo-hint = JPEG, PNG or WebP, at most 10 MB. The photo is made smaller, and its location and other information in the file are removed.
leisure-photo-alt = Describe the photo for someone who cannot see it
leisure-photo-alt-hint = For example: A pair of white figure skates with blue blade guards. At most 300 characters.
leisure-photo-save = Save the photo
leisure-photo-remove = Remove the photo
leisure-error-alt = Describe what the photo shows.
leisure-error-alt-long = The description is too long. Write at most 300 characters.
leisure-notice-photo = The photo is saved and shown on the public page.
leisure-notice-photo-removed = The photo is removed.

leisure-stats-title = Leisure bank statistics
leisure-stats-lead = Loans, equipment back in use, a rough estimate of the climate benefit and participants' signed-off hours, for the lending places and the board.
leisure-stats-year = Year
leisure-stats-show = Show
leisure-stats-hidden-note = { $min ->
    [one] A dash (–) means the figure is hidden because the group is too small.
   *[other] A dash (–) means the figure is hidden: groups of fewer than { $min } are not shown, nor are figures that would reveal them.
}
leisure-stats-csv = Download as CSV (for Excel)
leisure-stats-month = Month
leisure-stats-whole-year = Whole year
leisure-stats-all = All categories
leisure-stats-loans = Loans per month and category
leisure-stats-loans-lead = Counted on the day the equipment was handed over.
leisure-stats-back-in-use = Back in use
leisure-stats-back-in-use-lead = Equipment washed or repaired and moved to Available.
leisure-stats-co2 = Estimated climate benefit, kg CO₂ equivalent
leisure-stats-co2-lead = A rough estimate per loan: the climate cost of making a new item of the category, times the share of loans that replace a purchase (one in five). The figures are our own estimates, not a life-cycle assessment.
leisure-stats-loans-year = Loans in the year
leisure-stats-kg-per-loan = kg per loan
leisure-stats-kg-saved = kg saved
leisure-stats-hours = Participants' signed-off hours
leisure-stats-hours-lead = Hours a supervisor has signed off, per month. A month with too few participants is not shown, so that no single participant's hours can be seen.
leisure-stats-participants = Participants
leisure-stats-hours-column = Hours
leisure-stats-csv-measure = Measure
leisure-stats-csv-category = Category
leisure-stats-csv-period = Period
leisure-stats-csv-value = Value
nav-leisure-statistics = Leisure bank statistics
