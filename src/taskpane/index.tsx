import { createRoot } from "react-dom/client";

function Placeholder() {
  return <p>Customer Value</p>;
}

createRoot(document.getElementById("root") as HTMLElement).render(<Placeholder />);
