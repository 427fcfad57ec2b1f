// Print button of the smoelenboek (no inline handlers: strict CSP).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-afdrukken]")) window.print();
});
