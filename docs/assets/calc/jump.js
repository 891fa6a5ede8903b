// "Lihat hasil" lands on the results.
//
// The form's blocks are laid out only when they come near the screen
// (content-visibility in calculator.css), so the browser scrolls to the results
// heading with estimated heights and the real ones arrive a frame later,
// pushing the heading down the screen. After a jump to a heading inside a
// calculator, it is brought back to the top once those heights are known.

export function settleJumps(doc = document, win = window) {
  doc.addEventListener("click", (event) => {
    const link = event.target instanceof win.Element ? event.target.closest('a[href^="#"]') : null;
    if (!link || link.hash.length < 2) return;
    const target = doc.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!target || !target.closest("[data-calculator]")) return;
    const realign = () => target.scrollIntoView({ block: "start" });
    win.requestAnimationFrame(() => win.requestAnimationFrame(realign));
    win.setTimeout(realign, 150);
  });
}
