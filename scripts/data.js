/* The real data sets the tests, the benchmark and the sample use, carried in data/ (see
 * data/README.md for each file's origin, licence and credit). Large files are stored gzipped;
 * readData gives the text either way, so callers name the data set, not its storage. */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const DATA_DIR = path.resolve(__dirname, "..", "data");

/** The text of data set `name` (e.g. "CDNOW_master.txt"), from data/name or data/name.gz. */
function readData(name) {
  const plain = path.join(DATA_DIR, name);
  if (fs.existsSync(plain)) return fs.readFileSync(plain, "utf8");
  const packed = `${plain}.gz`;
  if (fs.existsSync(packed)) return zlib.gunzipSync(fs.readFileSync(packed)).toString("utf8");
  throw new Error(`Data set ${name} is not in ${DATA_DIR} (as ${name} or ${name}.gz).`);
}

module.exports = { DATA_DIR, readData };
