// The network picture's partners are SVG groups with role="button" (zorgnet/netwerkanalyse/weergave.py):
// Enter and Space choose one, as they would a real button (htmx listens to the click).
document.addEventListener("keydown", function (gebeurtenis) {
  if (gebeurtenis.key !== "Enter" && gebeurtenis.key !== " ") return;
  var knoop = gebeurtenis.target.closest && gebeurtenis.target.closest("svg.netwerkbeeld [role=button]");
  if (!knoop) return;
  gebeurtenis.preventDefault();  // Space would scroll the page
  knoop.dispatchEvent(new MouseEvent("click", { bubbles: true }));
});
