export default {
  enterprisesTitle: "Organisations in your region",
  enterprisesIntro: "Organisations registered in {{region}} and the counties beneath it.",
};
