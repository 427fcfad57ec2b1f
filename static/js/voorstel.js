// The privacy check's redacted suggestion: one click puts it in the field (components/foutenlijst.html).
document.addEventListener("click", function (gebeurtenis) {
  var knop = gebeurtenis.target.closest("[data-voorstel-voor]");
  if (!knop) return;
  var veld = document.getElementById(knop.getAttribute("data-voorstel-voor"));
  if (!veld) return;
  veld.value = knop.getAttribute("data-voorstel");
  veld.dispatchEvent(new Event("input", { bubbles: true }));
  veld.focus();
  knop.textContent = knop.getAttribute("data-overgenomen") || "Overgenomen";
});
