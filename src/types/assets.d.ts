/** Text files bundled as strings (webpack `asset/source`; test/support/textTransform.js in Jest). */
declare module "*.csv" {
  const text: string;
  export default text;
}
