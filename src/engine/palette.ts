import type { TierKey } from "./labels";

/**
 * Tier colours (spec 5): the same in the pane's legend, the written cells and the summary
 * chart. Every text colour has a contrast of at least 4.5:1 on its fill, and the fills of one
 * scheme stay apart under simulated red-green colour blindness (test/engine/palette.test.ts).
 * The metals look like metals: gold, pale silver, rust-brown iron, blue-grey lead.
 */
export interface TierColour {
  fill: string;
  text: string;
}

export const PALETTE: Record<TierKey, TierColour> = {
  gold: { fill: "#F2C744", text: "#3D2C00" },
  silver: { fill: "#DCE1E6", text: "#252B31" },
  iron: { fill: "#6E4B3A", text: "#FFFFFF" },
  lead: { fill: "#8795A3", text: "#141A20" },

  strategic: { fill: "#1F4E79", text: "#FFFFFF" },
  profit: { fill: "#F4B183", text: "#3B1F06" },
  potential: { fill: "#BDD7EE", text: "#13304A" },
  ordinary: { fill: "#E4E4E4", text: "#2A2A2A" },

  premium: { fill: "#5B2C6F", text: "#FFFFFF" },
  frequent: { fill: "#4FA3A5", text: "#0B2324" },
  spender: { fill: "#F2B84B", text: "#3A2600" },
  uncertain: { fill: "#E4E4E4", text: "#2A2A2A" },

  vip: { fill: "#1B3A5C", text: "#FFFFFF" },
  major: { fill: "#35699A", text: "#FFFFFF" },
  regular: { fill: "#A9CCE3", text: "#10283A" },
  small: { fill: "#EEF3F7", text: "#263440" },

  A: { fill: "#24527A", text: "#FFFFFF" },
  B: { fill: "#8DB3D3", text: "#0F2538" },
  C: { fill: "#E8EEF3", text: "#263440" },

  champions: { fill: "#08306B", text: "#FFFFFF" },
  loyal: { fill: "#2F6DB5", text: "#FFFFFF" },
  potentialLoyalist: { fill: "#7FB3DE", text: "#0B2440" },
  new: { fill: "#BFE0F5", text: "#0B2440" },
  promising: { fill: "#8FD3C4", text: "#0A2A25" },
  needAttention: { fill: "#F5DD8A", text: "#3A2E00" },
  aboutToSleep: { fill: "#D9C9A8", text: "#33280F" },
  atRisk: { fill: "#E8893A", text: "#2A1400" },
  cantLose: { fill: "#9C3D0A", text: "#FFFFFF" },
  hibernating: { fill: "#9A9A9A", text: "#111111" },
  lost: { fill: "#5E5E5E", text: "#FFFFFF" },

  exploration: { fill: "#C6DBEF", text: "#13304A" },
  formation: { fill: "#4FA3A5", text: "#0B2324" },
  stability: { fill: "#1F4E79", text: "#FFFFFF" },
  decline: { fill: "#E69F55", text: "#2E1800" },
};

export function tierColour(tier: TierKey): TierColour {
  return PALETTE[tier];
}
