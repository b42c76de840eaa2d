/**
 * "Buy till you die" models of a customer base: BG/NBD for when and whether customers buy
 * again, Gamma-Gamma for how much, and the lifetime value they predict together.
 */
export * from "./bgnbd";
export * from "./bgnbdForecast";
export * from "./clv";
export * from "./gammaGamma";
export * from "./goodnessOfFit";
export * from "./history";
export * from "./summary";
