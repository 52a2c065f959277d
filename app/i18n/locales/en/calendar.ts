/** Issue 9, "Calendar": the plan calendars of the insurer and the insured enterprise, and ICS feeds. */
export default {
  insurerTitle: "Service calendar",
  insurerLead:
    "Your prevention-plan items by month, on the agreed visit date or the due date, coloured by status. Open an item for its details.",
  insuredTitle: "Insurance service calendar",
  insuredLead: "The prevention services your insurers plan for you: agreed visit dates and each service's due date.",
  scope: { label: "Scope", all: "All", mine: "Assigned to me" },
  monthTitle: "{{month}}/{{year}}",
  prev: "Previous",
  next: "Next",
  prevMonth: "Previous month",
  nextMonth: "Next month",
  thisMonth: "This month",
  legend: "Status legend",
  weekdays: "Mon,Tue,Wed,Thu,Fri,Sat,Sun",
  more: "{{count}} more",
  emptyMonth: "Nothing planned this month.",
  agreedOn: "agreed {{date}}",
  dueOn: "due {{date}}",
  feed: {
    staffTitle: "Subscribe to my calendar",
    staffHint:
      "Make a private link and subscribe to it in your phone or desktop calendar to see the services assigned to you. The link is shown only once; keep it safe.",
    orgTitle: "Subscribe to your insurance service calendar",
    orgHint:
      "Make a private link and subscribe to it in a calendar app to see your insurers' agreed visits and due dates. The link is shown only once; keep it safe.",
    none: "No subscription link yet.",
    madeAt: "Subscription link made at {{at}}. Reset it if it leaked.",
    create: "Make subscription link",
    newUrl: "Your new subscription link (shown only this once):",
    reset: "Reset subscription link",
    resetConfirm:
      "After a reset the old link stops working at once; calendars subscribed to it stop updating and must subscribe to the new link. Reset?",
    resetSubmit: "Confirm reset",
  },
  errors: {
    feed_exists: "A subscription link exists already; reset it to get a new one.",
    no_feed: "There is no subscription link yet; make one first.",
  },
};
