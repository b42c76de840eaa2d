/* Jest transform for text assets the bundle imports as strings (webpack's asset/source). */
module.exports = {
  process(source) {
    return { code: `module.exports = ${JSON.stringify(source)};` };
  },
};
