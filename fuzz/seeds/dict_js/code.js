module.exports = {
  a: 'x' + y,
  ...rest,
  [k]: 1,
};
