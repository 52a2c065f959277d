export default {
  enterprisesTitle: "辖区单位",
  enterprisesIntro: "{{region}}及所辖区县注册的单位。",
};
